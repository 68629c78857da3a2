using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MissionLocale.Infrastructure.Messages;

namespace MissionLocale.Web.Tests;

/// <summary>
/// Issue 12 in a real browser: an administrator creates a conseillère; she opens the e-mailed link, chooses her
/// password, logs in and sets up two-factor authentication; the administrator transfers a portfolio to her, is refused
/// her désabonnement while she holds it, transfers it back and unsubscribes her. axe-core at each page.
/// </summary>
public sealed partial class AdministrationNavigateurTests(KestrelFixture f) : NavigateurTest, IClassFixture<KestrelFixture>
{
    private const string Phrase = "Trois chats verts sur le toit";

    private async Task<IPage> PageAsync() => await Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = f.BaseUrl, Locale = "fr-FR" });

    private static async Task ConnecterAsync(IPage page, string login, string motDePasse)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Identifiant").FillAsync(login);
        await page.GetByLabel("Mot de passe").FillAsync(motDePasse);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        // The first login of a fresh server compiles pages and fills caches while other browser tests load the machine.
        await page.WaitForURLAsync(u => !u.Contains("/Account/Login", StringComparison.Ordinal), new() { Timeout = 180_000, WaitUntil = WaitUntilState.Commit });
    }

    [Fact]
    [Trait("Rule", "USR-01")]
    [Trait("Rule", "USR-08")]
    [Trait("Rule", "USR-09")]
    public async Task Creer_une_conseillere_premiere_connexion_double_authentification_transfert_et_desabonnement()
    {
        // Warm the fresh server up outside the browser's timeouts (first compilation of the pages and queries).
        using (var chaud = new HttpClient { BaseAddress = new Uri(f.BaseUrl), Timeout = TimeSpan.FromMinutes(3) })
        {
            await chaud.GetStringAsync("/Account/Login");
        }

        // The administrator creates the account: all the errors at once first.
        var admin = await PageAsync();
        admin.SetDefaultTimeout(180_000);
        await ConnecterAsync(admin, "a.bernard", WebFixture.MotDePasse);
        await admin.GotoAsync("/Administration/CreerCompte");
        await SansViolationGraveAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();
        var erreurs = await admin.Locator("#resume-erreurs").InnerTextAsync();
        Assert.Contains("Le nom est obligatoire", erreurs, StringComparison.Ordinal);
        Assert.Contains("L'adresse e-mail est obligatoire", erreurs, StringComparison.Ordinal);
        await SansViolationGraveAsync(admin);

        await admin.GetByLabel("Madame").CheckAsync();
        await admin.GetByLabel("Nom", new() { Exact = true }).FillAsync("Lemoine");
        await admin.GetByLabel("Prénom").FillAsync("Inès");
        await admin.GetByLabel("Adresse e-mail professionnelle").FillAsync("ines.lemoine@ml35.example");
        await admin.GetByLabel("Profil").SelectOptionAsync(new SelectOptionValue { Label = "Conseiller" });
        await admin.GetByLabel("Conseiller référent").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();
        await admin.WaitForURLAsync("**/Administration/Comptes");
        Assert.Contains("identifiant i.lemoine", await admin.Locator(".alert-success").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("En attente de première connexion", await admin.Locator("#comptes").InnerTextAsync(), StringComparison.Ordinal);
        await SansViolationGraveAsync(admin);

        // She opens the e-mailed link, chooses a password, logs in.
        var texte = f.Services.GetRequiredService<JournalEnvois>().Envoyes.Last(e => e.Destinataire == "ines.lemoine@ml35.example").Texte;
        var ines = await PageAsync();
        ines.SetDefaultTimeout(180_000);
        await ines.GotoAsync(new Uri(Lien().Match(texte).Value).PathAndQuery);
        await SansViolationGraveAsync(ines);
        await ines.GetByLabel("Nouveau mot de passe").FillAsync(Phrase);
        await ines.GetByLabel("Confirmation").FillAsync(Phrase);
        await ines.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await ines.WaitForURLAsync("**/Account/Login", new() { WaitUntil = WaitUntilState.Commit });
        await ConnecterAsync(ines, "i.lemoine", Phrase);
        Assert.Contains("Inès Lemoine · Conseillère", await ines.Locator("header").InnerTextAsync(), StringComparison.Ordinal);

        // Two-factor authentication: the key shown, the code of the app, ten recovery codes.
        await ines.GetByTitle("Sécurité de mon compte").ClickAsync();
        await ines.WaitForURLAsync("**/Account/Securite");
        await SansViolationGraveAsync(ines);
        var cle = await ines.Locator("#cle-totp").InnerTextAsync();
        await ines.GetByLabel("Code affiché par l'application").FillAsync(Totp.Code(cle, DateTimeOffset.UtcNow));
        await ines.GetByRole(AriaRole.Button, new() { Name = "Activer la double authentification" }).ClickAsync();
        await ines.Locator("#codes-secours").WaitForAsync();
        Assert.Equal(10, await ines.Locator("#codes-secours li").CountAsync());
        await SansViolationGraveAsync(ines);

        // The administrator transfers Sylvain's portfolio to her.
        await admin.GotoAsync("/Administration/Transferts");
        await admin.GetByLabel("Conseiller qui cède").SelectOptionAsync(new SelectOptionValue { Label = "Sylvain Debout" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Afficher son portefeuille" }).ClickAsync();
        await admin.Locator("#portefeuille").WaitForAsync();
        await SansViolationGraveAsync(admin);
        await admin.GetByLabel("Conseiller qui reprend").SelectOptionAsync(new SelectOptionValue { Label = "Inès Lemoine" });
        await admin.GetByLabel("Tout le portefeuille").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Transférer les jeunes" }).ClickAsync();
        await admin.Locator(".alert-success").WaitForAsync();
        Assert.Matches(@"\d+ dossiers? transférés?", await admin.Locator(".alert-success").InnerTextAsync());

        // Her désabonnement is refused while she holds them (USR-08), with the rule.
        await admin.GotoAsync("/Administration/Comptes");
        var ligne = admin.Locator("#comptes tr", new() { HasText = "i.lemoine" });
        await ligne.Locator("summary", new() { HasText = "Désabonner" }).ClickAsync();
        await ligne.GetByRole(AriaRole.Button, new() { Name = "Confirmer le désabonnement définitif de Inès Lemoine" }).ClickAsync();
        await admin.Locator("#resume-erreurs").WaitForAsync();
        Assert.Contains("encore référent", await admin.Locator("#resume-erreurs").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("USR-08", await admin.Locator(".regle").GetAttributeAsync("data-rule"));
        await SansViolationGraveAsync(admin);

        // Transferred back, then unsubscribed: her name becomes "Donnée anonymisée".
        await admin.GotoAsync("/Administration/Transferts");
        await admin.GetByLabel("Conseiller qui cède").SelectOptionAsync(new SelectOptionValue { Label = "Inès Lemoine" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Afficher son portefeuille" }).ClickAsync();
        await admin.GetByLabel("Conseiller qui reprend").SelectOptionAsync(new SelectOptionValue { Label = "Sylvain Debout" });
        await admin.GetByLabel("Tout le portefeuille").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Transférer les jeunes" }).ClickAsync();
        await admin.Locator(".alert-success").WaitForAsync();
        await admin.GotoAsync("/Administration/Comptes");
        ligne = admin.Locator("#comptes tr", new() { HasText = "i.lemoine" });
        await ligne.Locator("summary", new() { HasText = "Désabonner" }).ClickAsync();
        await ligne.GetByRole(AriaRole.Button, new() { Name = "Confirmer le désabonnement définitif de Inès Lemoine" }).ClickAsync();
        await admin.Locator(".alert-success").WaitForAsync();
        Assert.Contains("Donnée anonymisée", await admin.Locator(".alert-success").InnerTextAsync(), StringComparison.Ordinal);
        var apres = await admin.Locator("#comptes tr", new() { HasText = "i.lemoine" }).InnerTextAsync();
        Assert.Contains("Désabonné", apres, StringComparison.Ordinal);
        Assert.DoesNotContain("Inès", apres, StringComparison.Ordinal);
    }

    [GeneratedRegex("https?://\\S+")]
    private static partial Regex Lien();
}
