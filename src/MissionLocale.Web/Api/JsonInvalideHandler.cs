using Microsoft.AspNetCore.Diagnostics;

namespace MissionLocale.Web.Api;

/// <summary>
/// A JSON body that cannot be read (an impossible date such as 2006-02-31, a number as text) is bad input:
/// 400 with a French message naming the field, like any validation error.
/// </summary>
public sealed class JsonInvalideHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || !httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        var json = bad.InnerException as System.Text.Json.JsonException;
        var champ = json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "corps";
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Certaines informations saisies ne sont pas valides.",
                Extensions =
                {
                    ["errors"] = new Dictionary<string, string[]>
                    {
                        [champ] = [json is null ? "Le corps de la requête n'est pas lisible : envoyez un JSON valide." : $"Valeur invalide pour « {champ} » (date au format AAAA-MM-JJ existante, nombre, booléen ou valeur de la liste attendus)."],
                    },
                },
            },
        });
    }
}
