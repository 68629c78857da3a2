using Microsoft.Playwright;

namespace MissionLocale.Web.Tests;

/// <summary>Real browser (Debian's Chromium driven by Playwright) against the app on a real port, with axe-core checks.</summary>
public sealed class NavigateurTests(KestrelFixture f) : NavigateurTest, IClassFixture<KestrelFixture>
{
    [Fact]
    [Trait("Rule", "JEU-11")]
    [Trait("Rule", "JEU-12")]
    public async Task Un_charge_d_accueil_enregistre_Elodie_Muller_puis_la_retrouve_en_tapant_elodie_mull()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = f.BaseUrl, Locale = "fr-FR" });

        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/Account/Login**");
        await SansViolationGraveAsync(page);
        await page.GetByLabel("Identifiant").FillAsync("a.leroy");
        await page.GetByLabel("Mot de passe").FillAsync(WebFixture.MotDePasse);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Bonjour Anne" }).WaitForAsync();
        await SansViolationGraveAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Enregistrer un premier accueil" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Premier accueil" }).WaitForAsync();
        await SansViolationGraveAsync(page);
        await page.Locator("#Input_Civilite").SelectOptionAsync("Madame");
        await page.Locator("#Input_Nom").FillAsync("Müller");
        await page.Locator("#Input_Prenom").FillAsync("Élodie");
        await page.Locator("#Input_DateNaissance").FillAsync("2006-04-12");
        await page.Locator("#Input_CommuneNaissanceInsee").FillAsync("35238");
        await page.Locator("#Input_Numero").FillAsync("12");
        await page.Locator("#Input_Voie").FillAsync("Rue de Paris");
        await page.Locator("#Input_CodePostal").FillAsync("35000");
        // htmx fills the commune list from the code postal.
        await Assertions.Expect(page.Locator("#Input_communes option[value='35238']")).ToHaveCountAsync(1);
        await page.Locator("#Input_communes").SelectOptionAsync("35238");
        await page.Locator("#Input_Email").FillAsync("elodie.muller@exemple.fr");
        await page.Locator("#Input_TelephoneMobile").FillAsync("06 12 34 56 78");
        await page.Locator("#Input_ConsentementRgpd").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le premier accueil" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "MULLER Élodie" }).WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dossier créé");
        await SansViolationGraveAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Rechercher un jeune" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Rechercher un jeune" }).WaitForAsync();
        await page.GetByLabel("Nom et/ou prénom").PressSequentiallyAsync("elodie mull");
        var ligne = page.Locator("#resultats tbody tr").Filter(new() { HasText = "Élodie" });
        await Assertions.Expect(ligne).ToHaveCountAsync(1);
        await Assertions.Expect(ligne.GetByRole(AriaRole.Link)).ToHaveTextAsync("MULLER");
        await SansViolationGraveAsync(page);

        await ligne.GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "MULLER Élodie" }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Coordonnées" }).ClickAsync();
        await Assertions.Expect(page.Locator("table").First).ToContainTextAsync("Rue de Paris");
        await SansViolationGraveAsync(page);
    }

    /// <summary>Issue 10: at 1366 px the menu holds on one line for every profile; its groups open without JavaScript.</summary>
    [Theory]
    [InlineData("s.debout", "Dispositifs", "Heures CEJ")]
    [InlineData("a.bernard", "Administration", "Délégations RGS")]
    [InlineData("v.morel", null, null)]
    public async Task Menu_sur_une_ligne_a_1366_px_et_groupes_sans_JavaScript(string login, string? groupe, string? lien)
    {
        await using var contexte = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = f.BaseUrl,
            Locale = "fr-FR",
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            JavaScriptEnabled = false,
        });
        var page = await contexte.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Identifiant").FillAsync(login);
        await page.GetByLabel("Mot de passe").FillAsync(WebFixture.MotDePasse);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/Login", StringComparison.Ordinal));

        // One line: every top-level item on the same row as the brand.
        var hauts = await page.Locator("nav[aria-label='Navigation principale'] .navbar-nav > .nav-item").EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().top)");
        Assert.NotEmpty(hauts);
        Assert.True(hauts.Max() - hauts.Min() < 5, $"menu sur plusieurs lignes : {string.Join(", ", hauts)}");
        var deconnexion = await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).BoundingBoxAsync();
        Assert.True(deconnexion!.Y < 40, $"bouton de déconnexion renvoyé à la ligne ({deconnexion.Y})");

        if (groupe is not null)
        {
            var cible = page.GetByRole(AriaRole.Link, new() { Name = lien!, Exact = true });
            Assert.False(await cible.IsVisibleAsync());
            await page.Locator("summary", new() { HasText = groupe }).ClickAsync();
            Assert.True(await cible.IsVisibleAsync());
        }
    }
}
