using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MissionLocale.Tests.Shared;

namespace MissionLocale.Web.Tests;

/// <summary>Issue 10: static files fingerprinted, cached and compressed; the app run from its build folder serves them.</summary>
public sealed partial class FichiersStatiquesTests(WebFixture f) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task Adresses_a_empreinte_favicon_et_fichiers_non_vides()
    {
        var client = f.Client();
        var html = await client.GetStringAsync("/Account/Login");
        var css = Lien().Match(html);
        Assert.True(css.Success, "feuille Bootstrap à empreinte absente");
        Assert.Matches("href=\"/favicon\\.[a-z0-9]+\\.svg\"", html);
        Assert.Matches("src=\"/lib/htmx/htmx\\.min\\.[a-z0-9]+\\.js\"", html);

        var reponse = await client.GetAsync(css.Value);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.True((await reponse.Content.ReadAsByteArrayAsync()).Length > 10_000);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/favicon.svg")).StatusCode);
    }

    /// <summary>The defect: run from the build folder in Production (`dotnet bin/…/MissionLocale.Web.dll`), the app served no CSS or JS.</summary>
    [Fact]
    public async Task Lance_depuis_son_dossier_de_compilation_en_production_l_application_sert_ses_styles()
    {
        var dll = typeof(Program).Assembly.Location;
        var port = PortLibre();
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__MissionLocale"] = await TestDatabase.NouvelleBaseAsync();
        info.Environment["Jobs__Actifs"] = "false";
        info.Environment["Demo__Jeunes"] = "0";
        using var processus = Process.Start(info)!;
        processus.OutputDataReceived += (_, _) => { };
        processus.ErrorDataReceived += (_, _) => { };
        processus.BeginOutputReadLine();
        processus.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            string? html = null;
            for (var i = 0; i < 120 && html is null; i++)
            {
                try
                {
                    html = await client.GetStringAsync("/Account/Login");
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(500);
                }
            }

            Assert.NotNull(html);
            var css = Lien().Match(html);
            Assert.True(css.Success);
            var octets = await client.GetByteArrayAsync(css.Value);
            Assert.True(octets.Length > 10_000, $"{octets.Length} octets servis pour {css.Value}");
        }
        finally
        {
            processus.Kill(entireProcessTree: true);
            await processus.WaitForExitAsync();
        }
    }

    private static int PortLibre()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    [GeneratedRegex("/lib/bootstrap/bootstrap\\.min\\.[a-z0-9]+\\.css")]
    private static partial Regex Lien();
}

/// <summary>The trimmed Bootstrap (vendor.sh, PurgeCSS) is not stale: every Bootstrap class a page or the code names is in it.</summary>
public sealed partial class CssReduitTests
{
    [Fact]
    public void Chaque_classe_Bootstrap_utilisee_est_dans_la_feuille_reduite()
    {
        var racine = Depot.Racine;

        var complete = Classes(File.ReadAllText(Path.Combine(racine, "src/MissionLocale.Web/Styles/bootstrap.min.css")));
        var reduite = Classes(File.ReadAllText(Path.Combine(racine, "src/MissionLocale.Web/wwwroot/lib/bootstrap/bootstrap.min.css")));
        // The class attributes of the pages, Razor expressions included (class="@(x ? "a" : "b") c").
        var pages = Directory.EnumerateFiles(Path.Combine(racine, "src/MissionLocale.Web/Pages"), "*.cshtml", SearchOption.AllDirectories);
        var manquantes = pages.SelectMany(f => AttributClass().Matches(File.ReadAllText(f))
                .SelectMany(a => Mot().Matches(a.Groups[1].Value)).Select(m => (Classe: m.Value, Fichier: Path.GetFileName(f))))
            .Where(x => complete.Contains(x.Classe) && !reduite.Contains(x.Classe))
            .Select(x => $"{x.Classe} ({x.Fichier})").Distinct().Take(20).ToList();
        Assert.True(manquantes.Count == 0, "Relancer src/MissionLocale.Web/wwwroot/lib/vendor.sh : " + string.Join(", ", manquantes));
        Assert.True(reduite.Count < complete.Count);
    }

    private static HashSet<string> Classes(string css) =>
        Selecteur().Matches(Commentaire().Replace(css, string.Empty)).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("/\\*.*?\\*/", RegexOptions.Singleline)]
    private static partial Regex Commentaire();

    [GeneratedRegex("class=\"((?:[^\"@]|@\\([^)]*\\))*)\"")]
    private static partial Regex AttributClass();

    [GeneratedRegex("\\.([a-zA-Z][a-zA-Z0-9_-]*)")]
    private static partial Regex Selecteur();

    [GeneratedRegex("[a-zA-Z][a-zA-Z0-9_-]*")]
    private static partial Regex Mot();
}
