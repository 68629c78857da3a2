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
        if (exception is not BadHttpRequestException bad || !MissionLocale.Web.Infrastructure.GestionErreurs.EstApi(httpContext))
        {
            return false;
        }

        var json = bad.InnerException as System.Text.Json.JsonException;
        var manquants = json?.Message.Contains("missing required properties", StringComparison.Ordinal) == true
            ? System.Text.RegularExpressions.Regex.Matches(json.Message, "'([a-zA-Z]+)'").Select(m => m.Groups[1].Value).Where(v => char.IsLower(v[0])).ToList()
            : [];
        var champ = manquants.Count > 0 ? manquants[0] : json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "corps";
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
                        [champ] = [manquants.Count > 0 ? "Ce champ est obligatoire." + (champ == "version" ? " Envoyez la version lue ; elle protège des modifications concurrentes." : string.Empty) : json is null ? "Le corps de la requête n'est pas lisible : envoyez un JSON valide." : $"Valeur invalide pour « {champ} » (date au format AAAA-MM-JJ existante, nombre, booléen ou valeur de la liste attendus)."],
                    },
                },
            },
        });
    }
}
