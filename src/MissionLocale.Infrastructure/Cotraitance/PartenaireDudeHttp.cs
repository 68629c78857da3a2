using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using MissionLocale.Application.Cotraitance;
using MissionLocale.Application.Cotraitance.TransmettreFlux;

namespace MissionLocale.Infrastructure.Cotraitance;

/// <summary>
/// PPAE-05, HTTP adapter (docs/ppae-exchange.md): each flow is POSTed as JSON to Cotraitance:Url, with the flow's id in
/// the Idempotency-Key header (the partner ignores a flow it already has) and Cotraitance:Jeton as bearer token when
/// set. Any answer other than 2xx is an error: the outbox retries.
/// </summary>
public sealed class PartenaireDudeHttp(HttpClient http, IConfiguration configuration) : IPartenaireDude
{
    public async Task EnvoyerAsync(LigneFlux flux, CancellationToken ct)
    {
        var s = configuration.GetSection("Cotraitance");
        var url = s["Url"] ?? throw new InvalidOperationException("Cotraitance:Url n'est pas configurée.");
        using var requete = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(new Dictionary<string, string?>
            {
                ["flux"] = flux.Flux.ToString("D"),
                ["type"] = FormatDude.Code(flux.Type),
                ["identifiant_ft"] = flux.IdentifiantFt,
                ["nom"] = flux.Nom,
                ["prenom"] = flux.Prenom,
                ["date_naissance"] = flux.DateNaissance.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["date"] = flux.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["objet"] = flux.Objet,
                ["structure"] = flux.Structure,
            }),
        };
        requete.Headers.Add("Idempotency-Key", flux.Flux.ToString("D"));
        if (s["Jeton"] is { Length: > 0 } jeton)
        {
            requete.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", jeton);
        }

        using var reponse = await http.SendAsync(requete, ct);
        if (!reponse.IsSuccessStatusCode)
        {
            var corps = await reponse.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException($"France Travail : {(int)reponse.StatusCode} {corps[..Math.Min(corps.Length, 200)]}", null, reponse.StatusCode);
        }
    }
}
