using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace MissionLocale.Web.Tests;

/// <summary>
/// PPAE-01 to PPAE-05 in a real browser: the gestionnaire imports France Travail's file, accepts, sees the three lists
/// and assigns; the conseiller plans, records the entretien, justifies, starts the PPAE and sees its flows; the
/// gestionnaire downloads the day's flows file and the flows read « Transmis ». Axe at each step.
/// </summary>
public sealed class CotraitanceNavigateurTests(KestrelFixture f) : NavigateurTest, IClassFixture<KestrelFixture>
{
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

    [Fact]
    [Trait("Rule", "PPAE-01")]
    [Trait("Rule", "PPAE-02")]
    [Trait("Rule", "PPAE-03")]
    [Trait("Rule", "PPAE-05")]
    public async Task Le_gestionnaire_importe_accepte_et_affecte_le_conseiller_demarre_le_PPAE_et_voit_ses_flux()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var aujourdhui = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).DateTime);
        var identifiant = "9" + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        var fichier = $"identifiant_ft;civilite;nom;prenom;date_naissance;nationalite;commune_insee;date_affectation;dernier_entretien_dude\n"
            + $"{identifiant};MME;Cotraitée;Amandine;2005-03-14;FR;35238;{aujourdhui.AddDays(-3):yyyy-MM-dd};\n";

        // The gestionnaire (the direction in the demo) imports the file: one assignment to accept.
        var gestion = await ConnecterAsync("d.garnier");
        await gestion.GotoAsync("/Cotraitance/Affectations");
        await SansViolationGraveAsync(gestion);
        await gestion.Locator("#fichier").SetInputFilesAsync(new FilePayload { Name = "affectations.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(fichier) });
        await gestion.GetByRole(AriaRole.Button, new() { Name = "Importer", Exact = true }).ClickAsync();
        await Assertions.Expect(gestion.Locator("#resultat-import")).ToContainTextAsync("1 nouvelle affectation");
        var ligne = gestion.Locator("#affectations tr", new() { HasText = identifiant });
        await Assertions.Expect(ligne).ToContainTextAsync("COTRAITEE Amandine");
        await SansViolationGraveAsync(gestion);

        // Accepted: unknown to the Mission Locale, a partial dossier « Importé DUDE » in « DE non connus ».
        await ligne.GetByRole(AriaRole.Checkbox).CheckAsync();
        await gestion.GetByRole(AriaRole.Button, new() { Name = "Accepter la sélection" }).ClickAsync();
        await Assertions.Expect(gestion.Locator("#resultat-acceptation")).ToContainTextAsync("1 affectation acceptée : 1 en « DE non connus »");
        await gestion.GetByRole(AriaRole.Link, new() { Name = "Rapprochements possibles" }).ClickAsync();
        await Assertions.Expect(gestion.GetByRole(AriaRole.Link, new() { Name = "Rapprochements possibles" })).ToHaveAttributeAsync("aria-current", "page");
        await SansViolationGraveAsync(gestion);
        await gestion.GetByRole(AriaRole.Link, new() { Name = "Réaffectations France Travail" }).ClickAsync();
        await SansViolationGraveAsync(gestion);
        await gestion.GetByRole(AriaRole.Link, new() { Name = "DE non connus" }).ClickAsync();
        ligne = gestion.Locator("#affectations tr", new() { HasText = identifiant });
        await Assertions.Expect(ligne).ToContainTextAsync("Importé DUDE");
        await Assertions.Expect(ligne).ToContainTextAsync("À affecter à un conseiller");
        await SansViolationGraveAsync(gestion);

        // PPAE-02: assigned to Sylvain Debout.
        await ligne.GetByRole(AriaRole.Checkbox).CheckAsync();
        await gestion.GetByLabel("Conseiller", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Sylvain Debout" });
        await gestion.GetByRole(AriaRole.Button, new() { Name = "Affecter la sélection au conseiller" }).ClickAsync();
        await Assertions.Expect(gestion.GetByRole(AriaRole.Status)).ToContainTextAsync("Affectations confiées au conseiller");
        ligne = gestion.Locator("#affectations tr", new() { HasText = identifiant });
        await Assertions.Expect(ligne).ToContainTextAsync("Attente planification de rendez-vous (Sylvain Debout)");
        var lien = await ligne.GetByRole(AriaRole.Link).First.GetAttributeAsync("href");
        var jeune = lien!.Split('/')[3];

        // The conseiller plans the rendez-vous: « En attente d'entretien ».
        var page = await ConnecterAsync("s.debout");
        await page.GotoAsync($"/Jeunes/Dossier/{jeune}/suivi");
        var debut = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(1), paris);
        await page.Locator("#Rdv_Objet").FillAsync("Premier entretien PPAE");
        await page.Locator("#Rdv_Debut").FillAsync(debut.ToString("yyyy-MM-ddT10:00", CultureInfo.InvariantCulture));
        await page.Locator("#Rdv_DureeMinutes").FillAsync("45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Planifier" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Rendez-vous planifié");
        await page.GotoAsync($"/Jeunes/Dossier/{jeune}/ppae");
        await Assertions.Expect(page.Locator("dl")).ToContainTextAsync("En attente d'entretien, Sylvain Debout");
        await Assertions.Expect(page.Locator("#etat-ppae")).ToHaveTextAsync("Non initialisé");
        await SansViolationGraveAsync(page);

        // The entretien, with an employment proposition; the identity justified.
        await page.GotoAsync($"/Jeunes/Dossier/{jeune}/suivi");
        await page.Locator("#Evt_Commentaire").FillAsync("Premier entretien : projet vente");
        await page.Locator("#Evt_DomaineCode").SelectOptionAsync(new SelectOptionValue { Label = "Emploi" });
        await page.Locator("#Evt_Libelle").FillAsync("Offre de vendeuse");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'événement" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("enregistré");
        await page.GotoAsync($"/Jeunes/Dossier/{jeune}?onglet=identite");
        await page.GetByRole(AriaRole.Button, new() { Name = "Justifier l'identité" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();

        // PPAE-03: the three conditions and the consent of an imported dossier: « En cours ».
        await page.GotoAsync($"/Jeunes/Dossier/{jeune}/ppae");
        await Assertions.Expect(page.Locator("#conditions-ppae")).ToContainTextAsync("Identité justifiée ✓");
        await Assertions.Expect(page.Locator("#conditions-ppae")).ToContainTextAsync("Entretien individuel le");
        await SansViolationGraveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Passer le PPAE en cours" }).ClickAsync();
        await Assertions.Expect(page.Locator("#resume-erreurs")).ToContainTextAsync("l'acceptation du PPAE par le jeune");
        await page.GetByLabel("Le jeune accepte le PPAE").CheckAsync();
        await page.GetByLabel("Le jeune consent au traitement de ses données").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Passer le PPAE en cours" }).ClickAsync();
        await Assertions.Expect(page.Locator("#etat-ppae")).ToHaveTextAsync("En cours");
        var flux = page.Locator("#flux-ppae");
        await Assertions.Expect(flux).ToContainTextAsync("Début du PPAE");
        await Assertions.Expect(flux).ToContainTextAsync("Entretien individuel");
        await Assertions.Expect(flux).ToContainTextAsync("Proposition emploi");
        await Assertions.Expect(flux.Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(flux).ToContainTextAsync("En attente d'envoi");
        await SansViolationGraveAsync(page);

        // PPAE-05: the day's file (file mode), read back; the flows now read « Transmis ».
        await gestion.GotoAsync("/Cotraitance/Affectations");
        var telechargement = await gestion.RunAndWaitForDownloadAsync(() => gestion.GetByRole(AriaRole.Button, new() { Name = "Télécharger le fichier des flux du jour" }).ClickAsync());
        Assert.StartsWith("flux-ML35-RENNES-", telechargement.SuggestedFilename, StringComparison.Ordinal);
        var contenu = await File.ReadAllBytesAsync((await telechargement.PathAsync())!);
        var lignes = MissionLocale.Application.Cotraitance.FormatDude.LireFlux(contenu).Where(l => l.IdentifiantFt == identifiant).ToList();
        Assert.Equal(3, lignes.Count);
        Assert.Contains(lignes, l => l.Type == MissionLocale.Domain.Cotraitance.TypeFluxDude.PropositionEmploi && l.Objet == "Offre de vendeuse");
        await page.ReloadAsync();
        await Assertions.Expect(flux.Locator("tbody tr", new() { HasText = "Transmis" })).ToHaveCountAsync(3);
        await SansViolationGraveAsync(page);
    }
}
