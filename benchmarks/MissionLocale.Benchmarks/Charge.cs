using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MissionLocale.Benchmarks;

/// <summary>A closed-loop load run: N clients, each sending its next request when the last one answered; latency percentiles.</summary>
public static partial class Charge
{
    public static async Task<string> ExecuterAsync(string baseUrl, string scenario, int clients, int secondes, string? fichierIds)
    {
        var rnd = new Random(7);
        var ids = fichierIds is null ? [] : File.ReadAllLines(fichierIds).Where(l => l.Length > 0).ToArray();
        var sessions = new List<HttpClient>();
        for (var c = 0; c < clients; c++)
        {
            // Portfolio and portal: every client is another conseiller; dossier: conseillers of the first structure (the ids are its jeunes).
            // CEJ hours: the first conseiller of 8 structures, 50 CEJ jeunes each; alerts: conseillers of the 30k-jeune structure (the last).
            var compte = scenario switch
            {
                "dossier" => $"bench.s0.c{c % 20}",
                "cej-heures" or "cej-heures-api" => $"bench.s{c % 8}.c0",
                "alertes-api" or "alertes-fragment" or "portail-grande" => $"bench.s439.c{c % 20}",
                _ => $"bench.s{c % 440}.c{c % 20}",
            };
            sessions.Add(scenario is "search-api" or "cej-heures-api" or "alertes-api" ? await ApiAsync(baseUrl, compte) : await PageAsync(baseUrl, compte));
        }

        string Url() => scenario switch
        {
            "search-page" => $"/Jeunes/RechercherJeunes?q={Uri.EscapeDataString(Terme(rnd))}",
            "search-api" => $"/api/v1/jeunes?q={Uri.EscapeDataString(Terme(rnd))}",
            "portfolio" => "/Jeunes/ListerMesJeunes",
            "portail" or "portail-grande" => "/",
            "cej-heures" => "/Dispositifs/HeuresCej",
            "cej-heures-api" => "/api/v1/cej/heures",
            "alertes-api" => "/api/v1/alertes",
            "alertes-fragment" => "/?handler=Alertes",
            "dossier" => $"/Jeunes/Dossier/{ids[rnd.Next(ids.Length)]}/suivi",
            _ => throw new ArgumentException("scénario inconnu : search-page, search-api, portfolio", nameof(scenario)),
        };

        // Warm-up: JIT, pools, plans.
        foreach (var s in sessions)
        {
            for (var i = 0; i < 5; i++)
            {
                (await s.GetAsync(Url())).EnsureSuccessStatusCode();
            }
        }

        var mesures = new List<double>[clients];
        var erreurs = 0;
        var fin = DateTime.UtcNow.AddSeconds(secondes);
        var taches = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var local = new List<double>();
            var r = new Random(c);
            while (DateTime.UtcNow < fin)
            {
                string url;
                lock (rnd)
                {
                    url = Url();
                }

                var sw = Stopwatch.StartNew();
                var reponse = await sessions[c].GetAsync(url);
                await reponse.Content.ReadAsByteArrayAsync();
                sw.Stop();
                if (reponse.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref erreurs);
                }

                local.Add(sw.Elapsed.TotalMilliseconds);
            }

            mesures[c] = local;
        })).ToArray();
        await Task.WhenAll(taches);

        var toutes = mesures.SelectMany(m => m).Order().ToArray();
        double P(double q) => toutes[Math.Min(toutes.Length - 1, (int)Math.Ceiling(q * toutes.Length) - 1)];
        return $"| {scenario} | {clients} | {toutes.Length} | {toutes.Length / (double)secondes:F0} | {P(0.50):F1} | {P(0.95):F1} | {P(0.99):F1} | {toutes[^1]:F1} | {erreurs} |";
    }

    /// <summary>The same request again and again, one at a time: its duration.</summary>
    public static async Task<string> UneRequeteAsync(string baseUrl, string chemin, int fois, string login)
    {
        var client = await PageAsync(baseUrl, login);
        var durees = new List<double>();
        long octets = 0;
        for (var i = 0; i < fois + 1; i++)
        {
            var sw = Stopwatch.StartNew();
            var r = await client.GetAsync(chemin);
            var corps = await r.Content.ReadAsByteArrayAsync();
            sw.Stop();
            r.EnsureSuccessStatusCode();
            octets = corps.Length;
            if (i > 0)
            {
                durees.Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        durees.Sort();
        return $"| {chemin} | {fois} | {durees[durees.Count / 2]:F0} ms | {durees[^1]:F0} ms | {octets / 1024} Ko |";
    }

    private static string Terme(Random rnd)
    {
        // A prénom and the beginning of a nom, as a conseiller types them: "emma dup", "lucas mor".
        var nom = Generateur.Normaliser(Generateur.Noms[rnd.Next(Generateur.Noms.Length)]).ToLowerInvariant();
        var prenoms = new[] { "emma", "lucas", "chloe", "hugo", "ines", "nathan", "elodie", "yanis" };
        return rnd.Next(3) switch
        {
            0 => $"{prenoms[rnd.Next(prenoms.Length)]} {nom[..Math.Min(4, nom.Length)]}",
            1 => nom[..Math.Min(5, nom.Length)],
            _ => $"{nom} {prenoms[rnd.Next(prenoms.Length)][..3]}",
        };
    }

    private static async Task<HttpClient> PageAsync(string baseUrl, string login)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        var html = await client.GetStringAsync("/Account/Login");
        var jeton = JetonRegex().Match(html).Groups[1].Value;
        var r = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Identifiant"] = login,
            ["MotDePasse"] = "MissionLocale2026!",
            ["__RequestVerificationToken"] = jeton,
        }));
        if (r.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"connexion de {login} refusée");
        }

        return client;
    }

    private static async Task<HttpClient> ApiAsync(string baseUrl, string login)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var r = await client.PostAsJsonAsync("/api/v1/auth/token", new { login, password = "MissionLocale2026!" });
        r.EnsureSuccessStatusCode();
        var jeton = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", jeton);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex JetonRegex();
}
