using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace MissionLocale.Web.Tests;

/// <summary>PACEA-01 and PACEA-02 in a real browser: close the diagnostic with motif PACEA, open the PACEA the next day,
/// see the refusal for the missing France Travail identifiant, fix it, succeed.</summary>
public sealed class DispositifsNavigateurTests(KestrelFixture f) : NavigateurTest, IClassFixture<KestrelFixture>
{
    [Fact]
    [Trait("Rule", "PACEA-01")]
    [Trait("Rule", "PACEA-02")]
    public async Task Diagnostic_clos_PACEA_refuse_sans_identifiant_FT_puis_ouvert()
    {
        using var api = new HttpClient { BaseAddress = new Uri(f.BaseUrl) };
        var jeton = await (await api.PostAsJsonAsync("/api/v1/auth/token", new { login = "s.debout", password = WebFixture.MotDePasse })).Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization = new("Bearer", jeton.GetProperty("accessToken").GetString());
        var jeune = (await (await api.PostAsJsonAsync("/api/v1/jeunes", new
        {
            civilite = "Monsieur",
            nom = "Benoît",
            prenom = "Théo",
            dateNaissance = "2004-02-11",
            communeNaissanceInsee = "35238",
            consentementRgpd = true,
            voie = "Rue de Redon",
            codePostal = "35000",
            communeInsee = "35238",
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var entretien = (await (await api.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/evenements", new { nature = "EntretienIndividuel", date = DateTimeOffset.UtcNow.AddDays(-20), dureeMinutes = 45 }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var aujourdhui = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        var diag = await api.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/dispositifs", new { typeCode = "DIAG", dateDebut = aujourdhui.AddDays(-20), dateFinPrevue = aujourdhui.AddDays(5), evenementId = entretien });
        Assert.Equal(System.Net.HttpStatusCode.Created, diag.StatusCode);

        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = f.BaseUrl, Locale = "fr-FR" });
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Identifiant").FillAsync("s.debout");
        await page.GetByLabel("Mot de passe").FillAsync(WebFixture.MotDePasse);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Bonjour Sylvain" }).WaitForAsync();

        await page.GotoAsync($"/Jeunes/Dossier/{jeune}/dispositifs");
        await SansViolationGraveAsync(page);
        var hier = aujourdhui.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var ligne = page.Locator("tbody tr").Filter(new() { HasText = "Diagnostic approfondi" });
        await ligne.GetByLabel("Date de fin").FillAsync(hier);
        await ligne.GetByLabel("Motif de sortie").SelectOptionAsync("PACEA");

        // Closing asks for an explicit confirmation: without it the form comes back with what was typed.
        await ligne.GetByRole(AriaRole.Button, new() { Name = "Clôturer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Je confirme la clôture");
        ligne = page.Locator("tbody tr").Filter(new() { HasText = "Diagnostic approfondi" });
        await Assertions.Expect(ligne.GetByLabel("Motif de sortie")).ToHaveValueAsync("PACEA");
        await ligne.GetByLabel("Je confirme la clôture").CheckAsync();
        await ligne.GetByRole(AriaRole.Button, new() { Name = "Clôturer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dispositif clôturé");

        async Task OuvrirPaceaAsync()
        {
            await page.Locator("#Ouvrir_TypeCode").SelectOptionAsync("PACEA");
            await page.Locator("#Ouvrir_DateDebut").FillAsync(aujourdhui.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.Locator("#Ouvrir_DateFinPrevue").FillAsync(aujourdhui.AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir", Exact = true }).ClickAsync();
        }

        await OuvrirPaceaAsync();
        await Assertions.Expect(page.Locator("[data-rule='PACEA-02']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("identifiant France Travail");
        await SansViolationGraveAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Compléments", Exact = true }).ClickAsync();
        await page.GetByLabel("Inscrit à France Travail").CheckAsync();
        await page.GetByLabel("Identifiant France Travail").FillAsync("4567890B");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les compléments" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Modification enregistrée");

        await page.GetByRole(AriaRole.Link, new() { Name = "Dispositifs" }).ClickAsync();
        await OuvrirPaceaAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dispositif ouvert");
        await Assertions.Expect(page.Locator("tbody tr").Filter(new() { HasText = "en cours" })).ToContainTextAsync("PACEA");
        await SansViolationGraveAsync(page);

        // PACEA-05 / PACEA-09: the plan d'action's first phase, and the entry record taken at the opening.
        await page.GetByRole(AriaRole.Link, new() { Name = "Plan d'action et relevés" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Niveau CEP")).ToHaveValueAsync("2");
        await page.GetByLabel("Objectifs de la phase").FillAsync("Définir le projet professionnel");
        await page.GetByLabel("Début").FillAsync(aujourdhui.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Fin prévue").FillAsync(aujourdhui.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter la phase" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Phase ajoutée");
        await Assertions.Expect(page.Locator("#phases")).ToContainTextAsync("Définir le projet professionnel");
        await SansViolationGraveAsync(page);
    }

    [Fact]
    [Trait("Rule", "CEJ-02")]
    [Trait("Rule", "PACEA-10")]
    [Trait("Rule", "USR-07")]
    public async Task Pages_des_dispositifs_accessibles_et_alertes_chargees_apres_la_page()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = f.BaseUrl, Locale = "fr-FR" });
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Identifiant").FillAsync("s.debout");
        await page.GetByLabel("Mot de passe").FillAsync(WebFixture.MotDePasse);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        // PIL-01: the alerts arrive after the portal (htmx) and link to their lists.
        await Assertions.Expect(page.Locator("#alertes")).ToBeVisibleAsync();
        await SansViolationGraveAsync(page);
        await page.Locator("#alertes a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("PACEA");
        await SansViolationGraveAsync(page);

        foreach (var (chemin, titre) in new[] { ("/Dispositifs/HeuresCej", "Heures d'activité CEJ"), ("/Dispositifs/SortiesPacea", "Sorties PACEA"), ("/Dispositifs/Parrains", "Parrains et marraines") })
        {
            await page.GotoAsync(chemin);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(titre);
            await SansViolationGraveAsync(page);
        }

        var admin = await Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = f.BaseUrl, Locale = "fr-FR" });
        await admin.GotoAsync("/Account/Login");
        await admin.GetByLabel("Identifiant").FillAsync("a.bernard");
        await admin.GetByLabel("Mot de passe").FillAsync(WebFixture.MotDePasse);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        foreach (var chemin in new[] { "/Reference/Intervenants", "/Reference/Dispositifs" })
        {
            await admin.GotoAsync(chemin);
            await SansViolationGraveAsync(admin);
        }
    }
}
