using System.Text.Json;
using MissionLocale.Application.Rappels;
using MissionLocale.Infrastructure.Messages;
using MissionLocale.Web.Infrastructure;

namespace MissionLocale.Web.Api;

/// <summary>
/// Calls from partners' systems, not from users: the SMS provider's delivery receipts and opt-outs. Authenticated by a
/// shared secret (Authorization: Bearer, Sms:SecretRetours), compared in constant time; without a configured secret
/// the endpoint does not exist (404).
/// </summary>
public static class PartenairesApi
{
    public const string Chemin = "/api/v1/partenaires/sms/retours";

    public static void MapPartenairesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Chemin, RecevoirRetoursSmsAsync).AllowAnonymous().WithTags("Partenaires")
            .WithSummary("Accusés de réception et désabonnements (STOP) du fournisseur SMS (JEU-05).")
            .WithDescription("Un objet ou un tableau d'événements au format du fournisseur (Brevo : msg_status, messageId, to, ts_event). "
                + "Un STOP rend le mobile « non joignable » dans chaque dossier portant ce numéro.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> RecevoirRetoursSmsAsync(HttpContext http, IConfiguration configuration, Rappels rappels, TimeProvider clock, CancellationToken ct)
    {
        var secret = configuration["Sms:SecretRetours"];
        if (string.IsNullOrEmpty(secret))
        {
            return Results.NotFound();
        }

        if (!SecretPartage.Verifier(http.Request, secret))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Secret du partenaire absent ou incorrect.");
        }

        JsonDocument json;
        try
        {
            json = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Le corps n'est pas un JSON valide.");
        }

        using (json)
        {
            var evenements = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement.EnumerateArray().ToList() : [json.RootElement];
            foreach (var e in evenements)
            {
                if (BrevoEnvoiSms.LireRetour(e, clock.GetUtcNow()) is { } retour)
                {
                    await rappels.EnregistrerRetourSmsAsync(retour, ct);
                }
            }
        }

        return Results.NoContent();
    }
}
