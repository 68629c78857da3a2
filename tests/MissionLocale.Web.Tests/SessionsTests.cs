using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MissionLocale.Web.Tests;

/// <summary>The app behind an HTTPS reverse proxy, with the production login limit lowered for the test.</summary>
public sealed class ProxyFixture : WebFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("FORWARDEDHEADERS_ENABLED", "true");
        builder.UseSetting("Connexion:TentativesParMinute", "8");
    }
}

/// <summary>Issue 10, part 3: sessions that end when the user logs out, Secure cookies behind a proxy, login attempts limited per client.</summary>
public sealed class SessionsTests(ProxyFixture f) : IClassFixture<ProxyFixture>
{
    private static readonly Regex Jeton = new("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");

    /// <summary>Cookies handled by hand, so the test can copy them to another client as a thief would.</summary>
    private sealed class Navigateur(HttpClient http, string ip)
    {
        public Dictionary<string, string> Cookies { get; } = [];

        public async Task<HttpResponseMessage> EnvoyerAsync(HttpMethod methode, string url, Dictionary<string, string>? formulaire = null, bool https = false)
        {
            using var req = new HttpRequestMessage(methode, url);
            req.Headers.Add("X-Forwarded-For", ip);
            if (https)
            {
                req.Headers.Add("X-Forwarded-Proto", "https");
            }

            if (Cookies.Count > 0)
            {
                req.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            if (formulaire is not null)
            {
                req.Content = new FormUrlEncodedContent(formulaire);
            }

            var r = await http.SendAsync(req);
            foreach (var c in r.Headers.TryGetValues("Set-Cookie", out var v) ? v : [])
            {
                var paire = c.Split(';')[0].Split('=', 2);
                Cookies[paire[0]] = paire[1];
            }

            return r;
        }

        public async Task<string> JetonAsync(string page) => Jeton.Match(await (await EnvoyerAsync(HttpMethod.Get, page)).Content.ReadAsStringAsync()).Groups[1].Value;
    }

    private Navigateur Nouveau(string ip = "203.0.113.10") => new(f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }), ip);

    [Fact]
    public async Task Deconnexion_revoque_la_session_un_cookie_copie_ne_marche_plus()
    {
        var moi = Nouveau();
        var jeton = await moi.JetonAsync("/Account/Login");
        var login = await moi.EnvoyerAsync(HttpMethod.Post, "/Account/Login", new() { ["Identifiant"] = "s.debout", ["MotDePasse"] = WebFixture.MotDePasse, ["__RequestVerificationToken"] = jeton });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var voleur = Nouveau("198.51.100.7");
        foreach (var c in moi.Cookies)
        {
            voleur.Cookies[c.Key] = c.Value;
        }

        Assert.Equal(HttpStatusCode.OK, (await voleur.EnvoyerAsync(HttpMethod.Get, "/Jeunes/RechercherJeunes")).StatusCode);

        var sortie = await moi.EnvoyerAsync(HttpMethod.Post, "/Account/Logout", new() { ["__RequestVerificationToken"] = await moi.JetonAsync("/") });
        Assert.Equal(HttpStatusCode.Redirect, sortie.StatusCode);

        var apres = await voleur.EnvoyerAsync(HttpMethod.Get, "/Jeunes/RechercherJeunes");
        Assert.Equal(HttpStatusCode.Redirect, apres.StatusCode);
        Assert.StartsWith("/Account/Login", apres.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Derriere_un_proxy_HTTPS_le_cookie_de_session_est_Secure()
    {
        var moi = Nouveau("203.0.113.20");
        var jeton = await moi.JetonAsync("/Account/Login");
        var login = await moi.EnvoyerAsync(HttpMethod.Post, "/Account/Login", new() { ["Identifiant"] = "c.roux", ["MotDePasse"] = WebFixture.MotDePasse, ["__RequestVerificationToken"] = jeton }, https: true);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var session = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ml.session=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Tentatives_de_connexion_limitees_par_poste_tous_comptes_confondus()
    {
        var poste = Nouveau("192.0.2.99");
        var statuts = new List<HttpStatusCode>();
        foreach (var login in new[] { "a.leroy", "v.morel", "d.garnier", "inconnu.x", "a.bernard", "j.blanc", "m.girard", "inconnu.y", "l.fabre", "h.perrin" })
        {
            using var req = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { login, password = "mauvais" }) };
            req.Headers.Add("X-Forwarded-For", "192.0.2.99");
            statuts.Add((await f.CreateClient().SendAsync(req)).StatusCode);
        }

        Assert.Equal(8, statuts.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(2, statuts.Count(s => s == HttpStatusCode.TooManyRequests));

        // The page shares the limit of the same client; another client is not affected.
        var page = await poste.EnvoyerAsync(HttpMethod.Post, "/Account/Login", new() { ["Identifiant"] = "a.leroy", ["MotDePasse"] = "mauvais" });
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("Trop de tentatives", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var autre = Nouveau("192.0.2.100");
        var jeton = await autre.JetonAsync("/Account/Login");
        var ok = await autre.EnvoyerAsync(HttpMethod.Post, "/Account/Login", new() { ["Identifiant"] = "a.leroy", ["MotDePasse"] = WebFixture.MotDePasse, ["__RequestVerificationToken"] = jeton });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
    }
}
