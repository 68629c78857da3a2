using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using MissionLocale.Application.Rappels;
using MissionLocale.Domain.Messages;

namespace MissionLocale.Infrastructure.Messages;

/// <summary>
/// SMS through Brevo's transactional SMS API (POST /v3/transactionalSMS/send, header api-key). Configuration:
/// Sms:Fournisseur=Brevo, Sms:CleApi, Sms:Expediteur (≤ 11 letters or digits, registered with the provider),
/// Sms:UrlApi (default https://api.brevo.com), Sms:UrlRetours (the public URL of our receipt endpoint, given to the
/// provider with each message). A 4xx other than 429 is final for this message (bad number); anything else is retried
/// by the outbox.
/// </summary>
public sealed class BrevoEnvoiSms(HttpClient http, IConfiguration configuration) : IEnvoiSms
{
    public async Task<string?> EnvoyerAsync(string numero, string texte, string idMessage, CancellationToken ct)
    {
        var s = configuration.GetSection("Sms");
        var destinataire = NumeroMobile.International(numero) ?? throw new ArgumentException($"Numéro de mobile inutilisable : « {numero} ».", nameof(numero));
        using var requete = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(s["UrlApi"] ?? "https://api.brevo.com"), "/v3/transactionalSMS/send"))
        {
            Content = JsonContent.Create(new Dictionary<string, object?>
            {
                ["sender"] = s["Expediteur"] ?? "MissionLoc",
                ["recipient"] = destinataire,
                ["content"] = texte,
                ["type"] = "transactional",
                ["tag"] = idMessage,
                ["unicodeEnabled"] = true,
                ["webUrl"] = s["UrlRetours"],
            }),
        };
        requete.Headers.Add("api-key", s["CleApi"]);
        requete.Headers.Accept.ParseAdd("application/json");
        using var reponse = await http.SendAsync(requete, ct);
        if (!reponse.IsSuccessStatusCode)
        {
            var corps = await reponse.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException($"Fournisseur SMS : {(int)reponse.StatusCode} {corps[..Math.Min(corps.Length, 200)]}", null, reponse.StatusCode);
        }

        using var json = await JsonDocument.ParseAsync(await reponse.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        return json.RootElement.TryGetProperty("messageId", out var id) ? Texte(id) : null;
    }

    /// <summary>
    /// Reads one of Brevo's transactional SMS webhook calls: <c>msg_status</c> sent / delivered / soft_bounce /
    /// hard_bounce…, <c>messageId</c>, <c>to</c>, <c>ts_event</c> (seconds, UTC); an unsubscription, or a reply
    /// whose text is STOP, is the jeune's opt-out. Returns null for what we do not use.
    /// </summary>
    public static RetourSms? LireRetour(JsonElement e, DateTimeOffset maintenant)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? Champ(params string[] noms) =>
            noms.Select(n => e.TryGetProperty(n, out var v) ? Texte(v) : null).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

        var statut = (Champ("msg_status", "event", "status") ?? string.Empty).Trim().ToLowerInvariant();
        var reponse = Champ("reply", "text", "message")?.Trim();
        var quand = e.TryGetProperty("ts_event", out var ts) && ts.TryGetInt64(out var secondes)
            ? DateTimeOffset.FromUnixTimeSeconds(secondes)
            : maintenant;
        var stop = statut is "unsubscribed" or "unsubscription" or "stop"
            || (statut is "reply" or "replied" or "inbound" && reponse is not null && reponse.StartsWith("STOP", StringComparison.OrdinalIgnoreCase));
        EvenementSms? evenement = stop ? EvenementSms.Stop : statut switch
        {
            "delivered" => EvenementSms.Delivre,
            "hard_bounce" or "hardbounce" or "rejected" or "blocked" or "blacklisted" or "failed" => EvenementSms.NonDelivre,
            "sent" or "accepted" or "soft_bounce" or "softbounce" or "skip" => EvenementSms.EnCours,
            _ => null,
        };
        if (evenement is null)
        {
            return null;
        }

        var numero = statut is "reply" or "replied" or "inbound" ? Champ("from", "to", "phone") : Champ("to", "from", "phone");
        return new RetourSms(evenement.Value, Champ("messageId", "message_id", "reference"), numero is null ? null : "+" + numero.TrimStart('+'), quand);
    }

    private static string? Texte(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        _ => null,
    };
}
