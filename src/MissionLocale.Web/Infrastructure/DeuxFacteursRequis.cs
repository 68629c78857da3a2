using System.Security.Claims;

namespace MissionLocale.Web.Infrastructure;

/// <summary>Securite:DeuxFacteursObligatoires (default true): validateurs siège and administrators must enrol a second factor.</summary>
public sealed class OptionsSecurite
{
    public bool DeuxFacteursObligatoires { get; set; } = true;
}

/// <summary>
/// Validateurs siège and administrators validate payments and manage accounts: until their second factor is set up,
/// every page leads them to the enrolment page (their API token is refused the same way, JeunesApi).
/// </summary>
public static class DeuxFacteursRequis
{
    public const string Claim = "ml:2fa";

    public const string ClaimRequis = "ml:2fa-requis";

    public static bool Manquant(ClaimsPrincipal user, OptionsSecurite options) =>
        options.DeuxFacteursObligatoires && user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimRequis) == "1" && user.FindFirstValue(Claim) != "1";

    public static IApplicationBuilder UtiliserDeuxFacteursRequis(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var chemin = ctx.Request.Path;
        if (Manquant(ctx.User, ctx.RequestServices.GetRequiredService<OptionsSecurite>())
            && HttpMethods.IsGet(ctx.Request.Method)
            && !chemin.StartsWithSegments("/Account") && !chemin.StartsWithSegments("/api") && !chemin.StartsWithSegments("/health")
            && !chemin.StartsWithSegments("/openapi") && !chemin.StartsWithSegments("/accessibilite") && !Path.HasExtension(chemin.Value))
        {
            ctx.Response.Redirect("/Account/Securite");
            return;
        }

        await next();
    });
}
