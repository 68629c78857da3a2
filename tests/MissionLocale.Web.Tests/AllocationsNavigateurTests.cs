using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace MissionLocale.Web.Tests;

/// <summary>
/// Issue 5 in a real browser: a conseiller enters bank details and resources, generates the CERFA, saves the first
/// allocation and attaches the signed scan; a validator validates the CERFA (and the first allocation with it), builds
/// and sends a batch, imports the ASP's return marking it paid; the conseiller sees "Versée ASP". axe-core at each step.
/// </summary>
public sealed class AllocationsNavigateurTests(KestrelFixture f) : NavigateurTest, IClassFixture<KestrelFixture>
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private async Task<IPage> ConnecterAsync(string login)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = f.BaseUrl, Locale = "fr-FR" });
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Identifiant").FillAsync(login);
        await page.GetByLabel("Mot de passe").FillAsync(WebFixture.MotDePasse);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/Login", StringComparison.Ordinal), new() { Timeout = 90_000, WaitUntil = WaitUntilState.DOMContentLoaded });
        return page;
    }

    private async Task<HttpClient> ApiAsync(string login)
    {
        var api = new HttpClient { BaseAddress = new Uri(f.BaseUrl) };
        var jeton = await (await api.PostAsJsonAsync("/api/v1/auth/token", new { login, password = WebFixture.MotDePasse })).Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization = new("Bearer", jeton.GetProperty("accessToken").GetString());
        return api;
    }

    [Fact]
    [Trait("Rule", "ALLOC-03")]
    [Trait("Rule", "ALLOC-11")]
    [Trait("Rule", "ALLOC-13")]
    [Trait("Rule", "CERFA-03")]
    public async Task Du_rib_au_versement_asp_conseiller_puis_validateur_puis_conseiller()
    {
        using var conseiller = await ApiAsync("s.debout");
        var aujourdhui = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        var jeune = (await (await conseiller.PostAsJsonAsync("/api/v1/jeunes", new
        {
            civilite = "Madame",
            nom = "Allocation",
            prenom = "Maëlle",
            dateNaissance = "2004-06-21",
            communeNaissanceInsee = "35238",
            consentementRgpd = true,
            numero = "4",
            voie = "Rue de Redon",
            complement = "Résidence du Parc",
            batiment = "C",
            escalier = "1",
            etage = "2",
            appartement = "21",
            codePostal = "35000",
            communeInsee = "35238",
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var entretien = (await (await conseiller.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/evenements", new { nature = "EntretienIndividuel", date = DateTimeOffset.UtcNow.AddDays(-40), dureeMinutes = 45 }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var cej = await conseiller.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/dispositifs", new { typeCode = "CEJ", dateDebut = aujourdhui.AddDays(-40), dateFinPrevue = aujourdhui.AddMonths(6), evenementId = entretien });
        Assert.Equal(System.Net.HttpStatusCode.Created, cej.StatusCode);

        // The conseiller: bank details, resources of M-1, CERFA, first allocation (stays Enregistrée), signed scan.
        var page = await ConnecterAsync("s.debout");
        await page.GotoAsync($"/Jeunes/Dossier/{jeune}/allocations");
        await SansViolationGraveAsync(page);
        await page.GetByLabel("IBAN").FillAsync("FR76 3000 6000 0112 3456 7890 189");
        await page.GetByLabel("BIC").FillAsync("AGRIFRPP");
        await page.GetByLabel("Titulaire (tel qu'écrit sur le RIB)").FillAsync("MME ALLOCATION MAËLLE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les coordonnées bancaires" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Coordonnées bancaires enregistrées");

        var moisPrecedent = new DateOnly(aujourdhui.Year, aujourdhui.Month, 1).AddMonths(-1);
        await page.Locator("#Mois_Mois").FillAsync(moisPrecedent.ToString("yyyy-MM-dd", Inv));
        await page.Locator("#Mois_NetAPayer").FillAsync("512,34");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les ressources du mois" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ressources du mois enregistrées");

        await page.GetByRole(AriaRole.Button, new() { Name = "Générer le CERFA CEJ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("CERFA n° 0 généré");

        await page.Locator("#Demande_Mois").FillAsync(aujourdhui.ToString("yyyy-MM-dd", Inv));
        await page.GetByLabel("Soumettre au siège").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la demande d'allocation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("349,34");
        await Assertions.Expect(page.Locator(".alert-warning")).ToContainTextAsync("ALLOC-03");
        await Assertions.Expect(page.Locator("#demandes")).ToContainTextAsync("Enregistrée");
        await Assertions.Expect(page.Locator("#demandes")).ToContainTextAsync("barème en vigueur depuis le 01/04/2025");
        await SansViolationGraveAsync(page);

        // The signed scan deposited from the CERFA's row (it joins the dossier's documents).
        await page.GetByLabel("ou fichier à déposer").SetInputFilesAsync(new FilePayload { Name = "cerfa-signe.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n% scan signé\n%%EOF\n") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Joindre le scan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Scan signé joint");
        await Assertions.Expect(page.Locator("#cerfas")).ToContainTextAsync("Signée");
        await Assertions.Expect(page.Locator("#cerfas")).ToContainTextAsync("Scan signé");
        await SansViolationGraveAsync(page);

        // The validator (demo RGS delegation): validates the CERFA with its first allocation, builds and sends the batch.
        var siege = await ConnecterAsync("v.morel");
        await siege.GetByRole(AriaRole.Link, new() { Name = "Validation siège" }).ClickAsync();
        await SansViolationGraveAsync(siege);
        var ligne = siege.Locator("#cerfas-a-valider tbody tr").Filter(new() { HasText = "ALLOCATION Maëlle" });
        await Assertions.Expect(ligne).ToContainTextAsync("349,34");
        await ligne.GetByRole(AriaRole.Link, new() { Name = "Examiner" }).ClickAsync();

        // The scan beside the dossier's data (full address, bank annex, the first allocation's steps).
        var donnees = siege.Locator("#donnees-cerfa");
        await Assertions.Expect(donnees).ToContainTextAsync("Résidence du Parc");
        await Assertions.Expect(donnees).ToContainTextAsync("Bâtiment C");
        await Assertions.Expect(donnees).ToContainTextAsync("FR76 3000 6000 0112 3456 7890 189");
        await Assertions.Expect(siege.Locator("object[data*='apercu=true']")).ToHaveCountAsync(1);
        await SansViolationGraveAsync(siege);
        await siege.GetByRole(AriaRole.Button, new() { Name = "Valider le CERFA et sa première allocation" }).ClickAsync();
        await Assertions.Expect(siege.GetByRole(AriaRole.Status)).ToContainTextAsync("CERFA validé");
        await siege.GetByRole(AriaRole.Button, new() { Name = "Préparer un lot CEJ" }).ClickAsync();
        await Assertions.Expect(siege.GetByRole(AriaRole.Status)).ToContainTextAsync("préparé : 1 demande.");
        await siege.Locator("#lots").GetByRole(AriaRole.Button, new() { Name = "Envoyer le lot" }).ClickAsync();
        await Assertions.Expect(siege.GetByRole(AriaRole.Status)).ToContainTextAsync("envoyé");
        await Assertions.Expect(siege.Locator("#lots")).ToContainTextAsync("Télécharger lot-ML35-RENNES-CEJ-");
        await SansViolationGraveAsync(siege);

        // The ASP's return file: paid.
        using var validateur = await ApiAsync("v.morel");
        var lot = (await validateur.GetFromJsonAsync<JsonElement>("/api/v1/lots"))[0].GetProperty("id").GetGuid();
        var demande = (await validateur.GetFromJsonAsync<JsonElement>($"/api/v1/jeunes/{jeune}/allocations"))[0].GetProperty("id").GetGuid();
        var retour = $"demande;lot;statut;date;montant_verse;motif\n{demande};{lot};VERSEE;{aujourdhui:yyyy-MM-dd};349.34;\n";
        await siege.Locator("#fichier").SetInputFilesAsync(new FilePayload { Name = "retour-asp.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(retour) });
        await siege.GetByRole(AriaRole.Button, new() { Name = "Importer le retour" }).ClickAsync();
        await Assertions.Expect(siege.GetByRole(AriaRole.Status)).ToContainTextAsync("1 ligne, 1 appliquée, 0 déjà appliquée.");
        await Assertions.Expect(siege.Locator("#imports")).ToContainTextAsync("retour-asp.csv");
        await SansViolationGraveAsync(siege);

        // The conseiller sees it paid.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#demandes")).ToContainTextAsync("Versée ASP");
        await Assertions.Expect(page.Locator("#cerfas")).ToContainTextAsync("Validée ASP");
        await SansViolationGraveAsync(page);

        var admin = await ConnecterAsync("a.bernard");
        await admin.GotoAsync("/Reference/DelegationsRgs");
        await Assertions.Expect(admin.Locator("#delegations")).ToContainTextAsync("RGS-DEMO-ML35-RENNES");
        await SansViolationGraveAsync(admin);
    }
}
