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
        if (context.Principal is null || await ValideAsync(context.HttpContext, context.Principal) == false)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>
    /// True when the principal's security stamp is the user's and the account is active; null when the database cannot
    /// answer (the request then fails on its own data with a 503, its error page must not fail here again).
    /// </summary>
    public static async Task<bool?> ValideAsync(HttpContext http, ClaimsPrincipal principal)
    {
        var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value;
        var id = principal.FindFirstValue(options.ClaimsIdentity.UserIdClaimType);
        var tampon = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        if (!Guid.TryParse(id, out var userId) || tampon is null)
        {
            return false;
        }

        var cache = http.RequestServices.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>();
        if (Microsoft.Extensions.Caching.Memory.CacheExtensions.TryGetValue(cache, Cle(userId), out string? connu) && connu == tampon)
        {
            return true;
        }

        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        try
        {
            var valide = await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.SecurityStamp == tampon && u.Actif, http.RequestAborted);
            if (valide)
            {
                Microsoft.Extensions.Caching.Memory.CacheExtensions.Set(cache, Cle(userId), tampon, Memoire);
            }

            return valide;
        }
        catch (Exception ex) when (GestionErreurs.BaseIndisponible(ex))
        {
            return null;
        }
    }
}

/// <summary>
/// USR-08: an API bearer token carries the security stamp it was issued with; a deactivated account, a forced reset or a
/// logout changes the stamp, and the token stops working at once (the bearer handler itself checks only its expiry).
/// </summary>
public sealed class RevocationJetons(IHttpContextAccessor accessor) : Microsoft.AspNetCore.Authentication.IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        // The two-factor step's principal (TwoFactorUserId) carries no stamp: it is not a session, nothing to revoke.
        var http = accessor.HttpContext;
        if (http is null || principal.Identity?.IsAuthenticated != true
            || !principal.HasClaim(c => c.Type == http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType))
        {
            return principal;
        }

        if (await SessionRevocable.ValideAsync(http, principal) == false)
        {
            http.Items[Revoque] = true;
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

        return principal;
    }

    public const string Revoque = "ml:jeton-revoque";
}

/// <summary>A revoked token is a 401 (authenticate again), not a 403 (the authorization layer sees a valid but empty ticket).</summary>
public sealed class ResultatAutorisation : Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler
{
    private readonly Microsoft.AspNetCore.Authorization.Policy.AuthorizationMiddlewareResultHandler defaut = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, Microsoft.AspNetCore.Authorization.AuthorizationPolicy policy, Microsoft.AspNetCore.Authorization.Policy.PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.Items.ContainsKey(RevocationJetons.Revoque))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await Results.Problem(title: "Jeton révoqué", detail: "Ce jeton n'est plus valable (compte désactivé, mot de passe réinitialisé ou déconnexion) : demandez-en un nouveau.", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
            return;
        }

        await defaut.HandleAsync(next, context, policy, authorizeResult);
    }
}
