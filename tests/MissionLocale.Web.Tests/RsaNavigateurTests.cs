using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace MissionLocale.Web.Tests;

/// <summary>
/// CER-01 to CER-08 and EP-06 in a real browser, on the référent's path: an F rendez-vous planned, the parcours opened,
/// the CER drafted, signed by both with the pointer, submitted; the département's validator validates; the référent
/// downloads the PDF and checks a copy; absent at an H rendez-vous, the proposed saisine is made. Axe at each step.
/// </summary>
public sealed class RsaNavigateurTests(KestrelFixture f) : NavigateurTest, IClassFixture<KestrelFixture>
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private async Task<IPage> ConnecterAsync(string login)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = f.BaseUrl, Locale = "fr-FR", AcceptDownloads = true });
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Identifiant").FillAsync(login);
        await page.GetByLabel("Mot de passe").FillAsync(WebFixture.MotDePasse);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/Login", StringComparison.Ordinal), new() { Timeout = 90_000, WaitUntil = WaitUntilState.DOMContentLoaded });
        return page;
    }

    /// <summary>Draws a signature in the box with the pointer (mouse events, as a finger's would be), then saves it.</summary>
    private static async Task SignerAsync(IPage page, string bouton)
    {
        var zone = page.Locator("canvas.signature-pad");
        await zone.ScrollIntoViewIfNeededAsync();
        var b = (await zone.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(b.X + 20, b.Y + (b.Height / 2));
        await page.Mouse.DownAsync();
        for (var i = 1; i <= 12; i++)
        {
            await page.Mouse.MoveAsync(b.X + 20 + (i * 22), b.Y + (b.Height / 2) + (i % 2 == 0 ? -30 : 30), new() { Steps = 4 });
        }

        await page.Mouse.UpAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = bouton }).ClickAsync();
    }

    [Fact]
    [Trait("Rule", "CER-01")]
    [Trait("Rule", "CER-05")]
    [Trait("Rule", "CER-06")]
    [Trait("Rule", "CER-08")]
    [Trait("Rule", "EP-06")]
    public async Task Le_referent_redige_le_CER_les_deux_signent_a_l_ecran_le_departement_valide_puis_absence_au_RDV_H_et_saisine()
    {
        using var api = new HttpClient { BaseAddress = new Uri(f.BaseUrl) };
        var jeton = await (await api.PostAsJsonAsync("/api/v1/auth/token", new { login = "s.debout", password = WebFixture.MotDePasse })).Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization = new("Bearer", jeton.GetProperty("accessToken").GetString());
        var nom = "Contractante" + new string([.. Enumerable.Range(0, 4).Select(_ => (char)('a' + Random.Shared.Next(26)))]);
        var jeune = (await (await api.PostAsJsonAsync("/api/v1/jeunes", new
        {
            civilite = "Madame",
            nom,
            prenom = "Océane",
            dateNaissance = "2002-05-21",
            communeNaissanceInsee = "35238",
            consentementRgpd = true,
            voie = "Rue de Nantes",
            codePostal = "35000",
            communeInsee = "35238",
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // EP-06: the référent plans the F rendez-vous (1er RDV d'élaboration du premier contrat) from the dossier.
        var page = await ConnecterAsync("s.debout");
        await page.GotoAsync($"/Jeunes/Dossier/{jeune}/suivi");
        var demain = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(1), Paris);
        await page.Locator("#Rdv_Objet").FillAsync("Élaboration de votre contrat d'engagement réciproque");
        await page.Locator("#Rdv_Debut").FillAsync(demain.ToString("yyyy-MM-ddT11:00", CultureInfo.InvariantCulture));
        await page.Locator("#Rdv_DureeMinutes").FillAsync("45");
        await page.Locator("#Rdv_Nature").SelectOptionAsync(new SelectOptionValue { Label = "F — 1er RDV élaboration premier contrat (RSA)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Planifier" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Élaboration de votre contrat d'engagement réciproque").First).ToBeVisibleAsync();
        await SansViolationGraveAsync(page);

        // CER-01: the parcours d'insertion, opened with its empty « RSA 1er contrat ».
        await page.GetByRole(AriaRole.Link, new() { Name = "RSA", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#sans-parcours")).ToBeVisibleAsync();
        await SansViolationGraveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le parcours d'insertion" }).ClickAsync();
        await Assertions.Expect(page.Locator("#resume-erreurs")).ToContainTextAsync("obligatoire");
        await page.Locator("#TypeAccompagnement").SelectOptionAsync(new SelectOptionValue { Label = "Socio-professionnel" });
        await page.Locator("#DateDebut").FillAsync(demain.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le parcours d'insertion" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Parcours d'insertion ouvert");
        await Assertions.Expect(page.Locator("[data-etat-cer]")).ToHaveTextAsync("Vide");
        await SansViolationGraveAsync(page);

        // CER-05: drafted with the beneficiary; an over-long rubric is refused with everything typed kept.
        await page.Locator("#Contrat_Perspectives").FillAsync("Devenir aide-soignante à Rennes");
        await page.Locator("#Contrat_Engagements").EvaluateAsync("(e, v) => { e.removeAttribute('maxlength'); e.value = v; }", new string('x', 1001));
        await page.Locator("#Contrat_Actions_0__Code").SelectOptionAsync(new SelectOptionValue { Label = "Entrée en formation" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le contrat" }).ClickAsync();
        await Assertions.Expect(page.Locator("#resume-erreurs")).ToContainTextAsync("au plus 1000 caractères");
        await Assertions.Expect(page.Locator("#Contrat_Perspectives")).ToHaveValueAsync("Devenir aide-soignante à Rennes");
        await Assertions.Expect(page.Locator(".regle[data-rule]")).ToHaveAttributeAsync("data-rule", "CER-05");
        await page.Locator("#Contrat_Engagements").FillAsync("Suivre la préparation au concours, venir aux rendez-vous");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le contrat" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Contrat enregistré");
        await Assertions.Expect(page.Locator("[data-etat-cer]")).ToHaveTextAsync("En saisie");
        await SansViolationGraveAsync(page);

        // CER-06: the beneficiary signs with the pointer, then the référent; then submitted to the département.
        await SignerAsync(page, "Enregistrer la signature du bénéficiaire");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("au référent de signer");
        await SansViolationGraveAsync(page);
        await SignerAsync(page, "Enregistrer la signature du référent");
        await Assertions.Expect(page.Locator("[data-etat-cer]")).ToHaveTextAsync("Signé");
        await page.GetByRole(AriaRole.Button, new() { Name = "Soumettre pour validation" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-etat-cer]")).ToHaveTextAsync("En validation");
        await SansViolationGraveAsync(page);

        // The département's validator (the demo's validateur siège holds the function) validates it.
        var validateur = await ConnecterAsync("v.morel");
        await validateur.GotoAsync("/Insertion/Validations");
        var carte = validateur.Locator("section", new() { HasText = nom.ToUpperInvariant() });
        await Assertions.Expect(carte).ToContainTextAsync("RSA 1er contrat");
        await SansViolationGraveAsync(validateur);
        await carte.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Assertions.Expect(validateur.GetByRole(AriaRole.Status)).ToContainTextAsync("Contrat validé");
        await SansViolationGraveAsync(validateur);

        // CER-08: the référent downloads the signed PDF (both signatures in it) and checks a copy against its SHA-256.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-etat-cer]")).ToHaveTextAsync("Validé");
        var telechargement = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger le contrat signé (PDF)" }).ClickAsync());
        var octets = await File.ReadAllBytesAsync((await telechargement.PathAsync())!);
        using (var pdf = PdfDocument.Open(octets))
        {
            Assert.Contains("Devenir aide-soignante à Rennes", string.Join(" ", pdf.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
            Assert.Equal(2, pdf.GetPages().Sum(p => p.GetImages().Count()));
        }

        var empreinte = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(octets));
        await Assertions.Expect(page.Locator("#pdf-cer")).ToContainTextAsync(empreinte);
        await SansViolationGraveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Vérifier une copie" }).ClickAsync();
        await Assertions.Expect(page.Locator("#empreinte")).ToHaveTextAsync(empreinte);
        await page.Locator("#copie").SetInputFilesAsync(new FilePayload { Name = "cer.pdf", MimeType = "application/pdf", Buffer = octets });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#verification")).ToContainTextAsync("identique au document conservé");
        await SansViolationGraveAsync(page);
        var modifiee = octets.ToArray();
        modifiee[^20] ^= 0x01;
        await page.Locator("#copie").SetInputFilesAsync(new FilePayload { Name = "cer.pdf", MimeType = "application/pdf", Buffer = modifiee });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#verification")).ToContainTextAsync("n'est pas le document conservé");
        await SansViolationGraveAsync(page);

        // CER-07: an avenant without its start is refused with « obligatoire », the summary linking to the field.
        await page.GotoAsync($"/Jeunes/Dossier/{jeune}/rsa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Faire un avenant" }).ClickAsync();
        await Assertions.Expect(page.Locator("#resume-erreurs a[href='#Avenant_Debut']")).ToContainTextAsync("obligatoire");
        await Assertions.Expect(page.Locator("#Avenant_Debut")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-invalid"));
        await Assertions.Expect(page.Locator("[data-etat-cer]")).ToHaveTextAsync("Validé");
        await SansViolationGraveAsync(page);

        // EP-06: absent at the H rendez-vous (1er RDV de renouvellement): the saisine « Absence de renouvellement CER » is proposed and made.
        var h = DateTimeOffset.UtcNow.AddHours(-3);
        var rdv = await api.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/rendez-vous", new { nature = "RsaRenouvellement1", objet = "Renouvellement de votre contrat", debut = h, dureeMinutes = 30, lieu = "Antenne Centre" });
        Assert.True(rdv.IsSuccessStatusCode, await rdv.Content.ReadAsStringAsync());
        await page.GotoAsync($"/Jeunes/Dossier/{jeune}/suivi");
        var element = page.Locator("li", new() { HasText = "Renouvellement de votre contrat" });
        await element.Locator("select[name=motif]").SelectOptionAsync(new SelectOptionValue { Label = "Non excusé" });
        await element.GetByRole(AriaRole.Button, new() { Name = "Absent" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("La saisine « Absence de renouvellement CER » de l'équipe pluridisciplinaire est proposée");
        await page.GetByRole(AriaRole.Link, new() { Name = "RSA", Exact = true }).ClickAsync();
        var proposition = page.Locator("[data-proposition]");
        await Assertions.Expect(proposition).ToContainTextAsync("« Absence de renouvellement CER » est proposée");
        await SansViolationGraveAsync(page);
        await proposition.GetByRole(AriaRole.Link, new() { Name = "Préparer cette saisine" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Motif")).ToHaveValueAsync("AbsenceRenouvellementCer");
        await page.Locator("#CommentaireInsertion").FillAsync("Ne répond plus depuis la fin du contrat.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Saisir l'équipe pluridisciplinaire" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saisine de l'équipe pluridisciplinaire enregistrée");
        await Assertions.Expect(page.Locator("[data-etat-saisine]")).ToHaveTextAsync("À valider");
        await Assertions.Expect(page.Locator("[data-proposition]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Avis de saisine envoyé au bénéficiaire (PDF)" })).ToBeVisibleAsync();
        await SansViolationGraveAsync(page);
    }
}
