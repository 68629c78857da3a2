using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Infrastructure.Persistence;

namespace MissionLocale.Web.Infrastructure;

/// <summary>
/// A session cookie is valid only while its security stamp is the user's and the account is active: logout changes
/// the stamp, so a copied cookie stops working at once (issue 10, part 3). A valid stamp is remembered 10 seconds per
/// user (one database read less per request, docs/performance.md); whatever changes the stamp or deactivates an account
/// calls <see cref="Oublier"/> so this node revokes at once; another node within those 10 seconds.
/// </summary>
public static class SessionRevocable
{
    private static readonly TimeSpan Memoire = TimeSpan.FromSeconds(10);

    private static string Cle(Guid userId) => $"session:{userId:N}";

    /// <summary>Forgets the remembered stamp of a user: call it after changing the stamp or deactivating the account.</summary>
    public static void Oublier(IServiceProvider services, Guid userId) =>
        services.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>().Remove(Cle(userId));

    public static async Task VerifierAsync(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value;
        var id = context.Principal?.FindFirstValue(options.ClaimsIdentity.UserIdClaimType);
        var tampon = context.Principal?.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        var valide = false;
        var cache = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>();
        if (Guid.TryParse(id, out var userId) && tampon is not null)
        {
            if (Microsoft.Extensions.Caching.Memory.CacheExtensions.TryGetValue(cache, Cle(userId), out string? connu) && connu == tampon)
            {
                return;
            }

            var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
            try
            {
                valide = await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.SecurityStamp == tampon && u.Actif, context.HttpContext.RequestAborted);
                if (valide)
                {
                    Microsoft.Extensions.Caching.Memory.CacheExtensions.Set(cache, Cle(userId), tampon, Memoire);
                }
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
