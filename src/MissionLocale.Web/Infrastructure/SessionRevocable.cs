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
            try
            {
                valide = await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.SecurityStamp == tampon && u.Actif, context.HttpContext.RequestAborted);
            }
            catch (Exception ex) when (GestionErreurs.BaseIndisponible(ex))
            {
                // The database is down: the request fails on its own data (503), and its error page must not fail here again
                // (the authentication result is cached for the request, re-execution included).
                return;
            }
        }

        if (!valide)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
