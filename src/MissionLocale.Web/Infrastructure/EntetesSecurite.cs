namespace MissionLocale.Web.Infrastructure;

/// <summary>
/// Security headers on every response (issue 10, part 3): a Content-Security-Policy without inline script, no framing
/// by other sites, no MIME sniffing, a strict Referrer-Policy, and no caching of anything that may carry personal data
/// (pages, API answers, CERFA, documents, batch files). Only the static assets (CSS, JS, icons) may be cached.
/// </summary>
public static class EntetesSecurite
{
    // The pages load their scripts from the app only (htmx, Bootstrap); style attributes stay allowed (Bootstrap utilities, htmx indicators).
    private const string Politique = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "object-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors ";

    public static IApplicationBuilder UtiliserEntetesSecurite(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            var chemin = context.Request.Path;

            // A document previewed inside the app's own page (the signed CERFA beside its data) may be framed by the app only.
            var apercu = chemin.StartsWithSegments("/Jeunes/Document") && context.Request.Query.ContainsKey("apercu");
            h.ContentSecurityPolicy = Politique + (apercu ? "'self'" : "'none'");
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "same-origin";
            h.XFrameOptions = apercu ? "SAMEORIGIN" : "DENY";
            if (!EstStatique(chemin))
            {
                h.CacheControl = "no-store";
                h.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        await next();
    });

    public static bool EstStatique(PathString chemin) =>
        chemin.StartsWithSegments("/css") || chemin.StartsWithSegments("/lib") || chemin.StartsWithSegments("/img")
        || chemin.StartsWithSegments("/favicon.ico") || chemin.StartsWithSegments("/favicon.svg");
}
