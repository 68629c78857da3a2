using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace MissionLocale.Web.Tests;

/// <summary>
/// Issue 13 in a real browser: the conseiller fills the cursus and sees the niveau computed, composes a search, saves it
/// and finds it on the home page with its counts; the direction reads the dashboard (charts drawn beside their tables);
/// the DPO reads the journal. axe at each step.
/// </summary>
public sealed class PilotageNavigateurTests(KestrelFixture f) : NavigateurTest, IClassFixture<KestrelFixture>
{
    private static readonly PageWaitForFunctionOptions Attente = new() { Timeout = 180_000 };

    private async Task<IPage> ConnecterAsync(string login, string prenom)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = f.BaseUrl, Locale = "fr-FR" });
        page.SetDefaultTimeout(180_000);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Identifiant").FillAsync(login);
        await page.GetByLabel("Mot de passe").FillAsync(WebFixture.MotDePasse);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Bonjour {prenom}" }).WaitForAsync();
        return page;
    }

    [Fact]
    [Trait("Rule", "CUR-05")]
    [Trait("Rule", "PIL-02")]
    [Trait("Rule", "PIL-03")]
    [Trait("Rule", "RGPD-04")]
    public async Task Cursus_recherche_enregistree_tableau_de_bord_et_journal_du_delegue()
    {
        using var api = new HttpClient { BaseAddress = new Uri(f.BaseUrl), Timeout = TimeSpan.FromMinutes(3) };
        var jeton = await (await api.PostAsJsonAsync("/api/v1/auth/token", new { login = "s.debout", password = WebFixture.MotDePasse })).Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization = new("Bearer", jeton.GetProperty("accessToken").GetString());
        var jeune = (await (await api.PostAsJsonAsync("/api/v1/jeunes", new
        {
            civilite = "Madame",
            nom = "Cursusnav",
            prenom = "Maëlys",
            dateNaissance = "2004-09-30",
            communeNaissanceInsee = "35238",
            consentementRgpd = true,
            voie = "Rue de Brest",
            codePostal = "35000",
            communeInsee = "35238",
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The conseiller: scolarité, then a diploma from the list; the level follows.
        var page = await ConnecterAsync("s.debout", "Sylvain");
        await page.GotoAsync($"/Jeunes/Dossier/{jeune}/cursus");
        await Assertions.Expect(page.Locator("#niveau-qualification")).ToHaveTextAsync("Non renseigné");
        await SansViolationGraveAsync(page);
        await page.GetByLabel("Dernière classe suivie").SelectOptionAsync(new SelectOptionValue { Label = "Terminale professionnelle" });
        await page.GetByLabel("Année de sortie du système scolaire").FillAsync("2023");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la scolarité" }).ClickAsync();
        await Assertions.Expect(page.Locator("#niveau-qualification")).ToHaveTextAsync("Sans diplôme (infra niveau 3)");
        await page.GetByLabel("Diplôme ou titre").FillAsync("CAP");
        await page.GetByLabel("Année d'obtention").FillAsync("2022");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter au cursus" }).ClickAsync();
        await Assertions.Expect(page.Locator("#niveau-qualification")).ToHaveTextAsync("Niveau 3");

        // A search: women, level up to 3; saved and shared, then on the home page with its two counts.
        await page.GotoAsync("/Pilotage/Recherche");
        await SansViolationGraveAsync(page);
        await page.GetByLabel("Sexe").SelectOptionAsync(new SelectOptionValue { Label = "Femme" });
        await page.GetByLabel("Niveau de qualification jusqu'à").SelectOptionAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher la liste" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "CURSUSNAV" })).ToBeVisibleAsync();
        await page.GetByLabel("Nom de la recherche").FillAsync("Jeunes femmes infra-bac");
        await page.GetByLabel("Partager avec la structure").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("enregistrée et partagée");
        await SansViolationGraveAsync(page);

        // From the list, a bulk convocation (RDV-03): the ticked jeune gets a rendez-vous and a letter in the dossier.
        await page.GetByLabel("Sélectionner Maëlys CURSUSNAV").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Convoquer la sélection…" }).ClickAsync();
        await SansViolationGraveAsync(page);
        await page.GetByLabel("Objet").FillAsync("Atelier CV");
        await page.GetByLabel("Date et heure").FillAsync(DateTime.Now.AddDays(12).ToString("yyyy-MM-dd'T'09:30", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Lieu (salle, adresse)").FillAsync("Salle 2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Convoquer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("1 jeune convoqué, 1 courrier rangé");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Convocation (PDF)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Imprimer le courrier (PDF)" })).ToBeVisibleAsync();
        await SansViolationGraveAsync(page);
        await page.GotoAsync("/");
        var ligne = page.Locator("#recherches-portail tr").Filter(new() { HasText = "Jeunes femmes infra-bac" });
        await Assertions.Expect(ligne).ToBeVisibleAsync();
        await SansViolationGraveAsync(page);

        // The direction: the dashboard, each chart drawn from the table beside it.
        var direction = await ConnecterAsync("d.garnier", "Dominique");
        await direction.GotoAsync("/Pilotage/TableauDeBord");
        await direction.WaitForFunctionAsync("() => document.querySelectorAll('.graphique canvas').length > 0", null, Attente);
        Assert.True(await direction.Locator("table[data-graphique]").CountAsync() >= 1);
        await SansViolationGraveAsync(direction);

        // The DPO: who read the dossier.
        var dpo = await ConnecterAsync("a.bernard", "Alice");
        await dpo.GotoAsync("/Pilotage/ProtectionDonnees");
        await Assertions.Expect(dpo.Locator("#journal")).ToContainTextAsync("CURSUSNAV");
        await SansViolationGraveAsync(dpo);
    }
}
