using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace MissionLocale.Web.Tests;

/// <summary>RDV-01, RDV-03, EVT-04 in a real browser: plan, convoke, then mark absent and see it in red on the timeline.</summary>
public sealed class SuiviNavigateurTests(KestrelHorlogeFixture f) : NavigateurTest, IClassFixture<KestrelHorlogeFixture>
{
    [Fact]
    [Trait("Rule", "RDV-01")]
    [Trait("Rule", "RDV-03")]
    [Trait("Rule", "EVT-04")]
    public async Task Un_conseiller_planifie_convoque_puis_marque_absent_et_voit_le_rdv_en_rouge()
    {
        using var api = new HttpClient { BaseAddress = new Uri(f.BaseUrl) };
        var jeton = await (await api.PostAsJsonAsync("/api/v1/auth/token", new { login = "s.debout", password = WebFixture.MotDePasse })).Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization = new("Bearer", jeton.GetProperty("accessToken").GetString());
        var cree = await api.PostAsJsonAsync("/api/v1/jeunes", new
        {
            civilite = "Madame",
            nom = "Lefèvre",
            prenom = "Anaïs",
            dateNaissance = "2005-09-21",
            communeNaissanceInsee = "35238",
            consentementRgpd = true,
            numero = "3",
            voie = "Rue de Brest",
            complement = "Résidence du Parc",
            codePostal = "35000",
            communeInsee = "35238",
        });
        var jeune = (await cree.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = f.BaseUrl, Locale = "fr-FR", AcceptDownloads = true });
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Identifiant").FillAsync("s.debout");
        await page.GetByLabel("Mot de passe").FillAsync(WebFixture.MotDePasse);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Bonjour Sylvain" }).WaitForAsync();

        await page.GotoAsync($"/Jeunes/Dossier/{jeune}/suivi");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Planifier un rendez-vous" }).WaitForAsync();
        await SansViolationGraveAsync(page);
        var debut = TimeZoneInfo.ConvertTime(f.Clock.GetUtcNow().AddHours(1), f.Clock.LocalTimeZone);
        debut = debut.AddMinutes(-debut.Minute).AddSeconds(-debut.Second).AddMilliseconds(-debut.Millisecond);
        await page.Locator("#Rdv_Objet").FillAsync("Point sur le projet professionnel");
        await page.Locator("#Rdv_Debut").FillAsync(debut.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.Locator("#Rdv_DureeMinutes").FillAsync("45");
        await page.Locator("#Rdv_Lieu").FillAsync("Antenne Rennes Centre, 6 cours des Alliés");
        await page.GetByRole(AriaRole.Button, new() { Name = "Planifier" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Rendez-vous planifié");

        await page.GetByRole(AriaRole.Button, new() { Name = "Générer la convocation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Convocation générée");
        // Download with the browser's session (headless Chromium does not raise a download event for PDF links).
        var lien = await page.GetByRole(AriaRole.Link, new() { Name = "Télécharger la convocation (PDF)" }).GetAttributeAsync("href");
        var reponse = await page.Context.APIRequest.GetAsync(lien!);
        Assert.Equal(200, reponse.Status);
        Assert.Equal("application/pdf", reponse.Headers["content-type"]);
        Assert.StartsWith("attachment", reponse.Headers["content-disposition"], StringComparison.Ordinal);
        using (var pdf = PdfDocument.Open(await reponse.BodyAsync()))
        {
            var texte = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
            Assert.Contains("Anaïs", texte, StringComparison.Ordinal);
            Assert.Contains("LEFEVRE", texte, StringComparison.Ordinal);
            Assert.Contains(MissionLocale.Application.Common.TempsLocal.EnLettres(debut.DateTime), texte, StringComparison.Ordinal);
            Assert.Contains(debut.ToString("HH'h'mm", CultureInfo.InvariantCulture), texte, StringComparison.Ordinal);
            Assert.Contains("Antenne Rennes Centre, 6 cours des Alliés", texte, StringComparison.Ordinal);
        }

        // Later: the rendez-vous has passed and the jeune did not come.
        f.Clock.Advance(TimeSpan.FromHours(3));
        await page.GotoAsync($"/Jeunes/Dossier/{jeune}/suivi");
        var rdv = page.Locator("li[data-type='RendezVous']");
        await rdv.GetByLabel("Motif d'absence").SelectOptionAsync(new SelectOptionValue { Label = "Maladie" });
        await rdv.GetByRole(AriaRole.Button, new() { Name = "Absent" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Absent");

        var manque = page.Locator("li.frise-manque");
        await Assertions.Expect(manque).ToHaveCountAsync(1);
        await Assertions.Expect(manque).ToContainTextAsync("rendez-vous manqué");
        await Assertions.Expect(manque).ToContainTextAsync("Absence : Maladie");
        var couleur = await manque.Locator(".fw-semibold").EvaluateAsync<string>("e => getComputedStyle(e).color");
        Assert.Equal("rgb(220, 53, 69)", couleur);
        await SansViolationGraveAsync(page);

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Réalisés" })).ToContainTextAsync("1");
        await SansViolationGraveAsync(page);
    }
}
