using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Infrastructure.Persistence;

namespace MissionLocale.Web.Infrastructure;

/// <summary>
/// A session cookie is valid only while its security stamp is the user's and the account is active: logout changes
/// the stamp, so a copied cookie stops working at once (issue 10, part 3).
/// </summary>
public static class SessionRevocable
{
    public static async Task VerifierAsync(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value;
        var id = context.Principal?.FindFirstValue(options.ClaimsIdentity.UserIdClaimType);
        var tampon = context.Principal?.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        var valide = false;
        if (Guid.TryParse(id, out var userId) && tampon is not null)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
            valide = await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.SecurityStamp == tampon && u.Actif, context.HttpContext.RequestAborted);
        }

        if (!valide)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
