using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace MissionLocale.Web.Tests;

public sealed class PagesTests(WebFixture f) : IClassFixture<WebFixture>
{
    private static readonly HtmlParser Parser = new();

    private async Task<Guid> CreerParApiAsync(string login, string nom)
    {
        var api = await f.ApiAsync(login);
        var r = await api.PostAsJsonAsync("/api/v1/jeunes", new
        {
            civilite = "Monsieur",
            nom,
            prenom = "Page",
            dateNaissance = "2005-02-03",
            communeNaissanceInsee = "35238",
            consentementRgpd = true,
            voie = "Rue de Nantes",
            codePostal = "35000",
            communeInsee = "35238",
        });
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Aucune_page_sans_connexion()
    {
        var r = await f.Client().GetAsync("/Jeunes/RechercherJeunes?q=a");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.StartsWith("/Account/Login", r.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Formulaire_sans_jeton_antiforgery_refuse()
    {
        var client = await f.ConnecterAsync("a.leroy");
        var r = await client.PostAsync("/Accueil/EnregistrerPremierAccueil", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Nom"] = "Sansjeton" }));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
    }

    [Fact]
    public async Task Verrouillage_apres_cinq_echecs()
    {
        for (var i = 0; i < 5; i++)
        {
            var echec = await WebFixture.PosterFormulaireAsync(f.Client(), "/Account/Login", "/Account/Login", new() { ["Identifiant"] = "n.chevalier", ["MotDePasse"] = "mauvais" });
            Assert.Equal(HttpStatusCode.OK, echec.StatusCode);
        }

        var client = f.Client();
        var r = await WebFixture.PosterFormulaireAsync(client, "/Account/Login", "/Account/Login", new() { ["Identifiant"] = "n.chevalier", ["MotDePasse"] = WebFixture.MotDePasse });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("verrouillé", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Isolation_page_un_dossier_d_une_autre_Mission_Locale_repond_404()
    {
        var id = await CreerParApiAsync("a.leroy", "Pageisolation");
        var rennes = await f.ConnecterAsync("s.debout");
        var lyon = await f.ConnecterAsync("c.roux");

        Assert.Equal(HttpStatusCode.OK, (await rennes.GetAsync($"/Jeunes/Dossier/{id}")).StatusCode);
        var r = await lyon.GetAsync($"/Jeunes/Dossier/{id}");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.DoesNotContain("PAGEISOLATION", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var recherche = await lyon.GetStringAsync("/Jeunes/RechercherJeunes?q=pageisolation");
        Assert.DoesNotContain("PAGEISOLATION", recherche, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Premier_accueil_saisie_invalide_message_sur_le_champ_et_rien_d_enregistre()
    {
        var client = await f.ConnecterAsync("a.leroy");
        var r = await WebFixture.PosterFormulaireAsync(client, "/Accueil/EnregistrerPremierAccueil", "/Accueil/EnregistrerPremierAccueil", new()
        {
            ["Input.Civilite"] = "Madame",
            ["Input.Nom"] = "Pageinvalide",
            ["Input.Prenom"] = "Léna",
            ["Input.DateNaissance"] = "2006-02-01",
            ["Input.CommuneNaissanceInsee"] = "35238",
            ["Input.Email"] = "lena@@exemple",
            ["Input.ConsentementRgpd"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = Parser.ParseDocument(await r.Content.ReadAsStringAsync());
        var erreur = doc.QuerySelector("span[data-valmsg-for='Input.Email']")!.TextContent;
        Assert.Contains("L'adresse e-mail n'est pas valide", erreur, StringComparison.Ordinal);
        Assert.Contains("Rien n'a été enregistré", doc.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        var recherche = await client.GetStringAsync("/Jeunes/RechercherJeunes?q=pageinvalide");
        Assert.Contains("Aucun dossier", recherche, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "JEU-02")]
    public async Task JEU_02_page_premier_accueil_propose_d_ouvrir_le_dossier_existant()
    {
        var id = await CreerParApiAsync("a.leroy", "Pagedoublon");
        var client = await f.ConnecterAsync("a.leroy");
        var r = await WebFixture.PosterFormulaireAsync(client, "/Accueil/EnregistrerPremierAccueil", "/Accueil/EnregistrerPremierAccueil", new()
        {
            ["Input.Civilite"] = "Monsieur",
            ["Input.Nom"] = "pagedoublon",
            ["Input.Prenom"] = "page",
            ["Input.DateNaissance"] = "2005-02-03",
            ["Input.CommuneNaissanceInsee"] = "35238",
            ["Input.ConsentementRgpd"] = "true",
        });
        var html = await r.Content.ReadAsStringAsync();
        Assert.Contains($"/Jeunes/Dossier/{id}", html, StringComparison.Ordinal);
        Assert.Contains("data-rule=\"JEU-02\"", html, StringComparison.Ordinal);
        Assert.Contains("Input.ConfirmerHomonyme", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrence_page_la_seconde_sauvegarde_est_refusee_avec_un_lien_pour_recharger()
    {
        var id = await CreerParApiAsync("a.leroy", "Pageconcurrence");
        var premier = await f.ConnecterAsync("s.debout");
        var second = await f.ConnecterAsync("so.debout");
        var page = $"/Jeunes/Dossier/{id}?onglet=coordonnees";
        var html1 = await premier.GetStringAsync(page);
        var html2 = await second.GetStringAsync(page);
        string Version(string html) => Regex.Match(html, "name=\"Contacts.Version\" value=\"(\\d+)\"").Groups[1].Value;
        string Jeton(string html) => Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        var r1 = await premier.PostAsync($"/Jeunes/Dossier/{id}?handler=Contacts", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Contacts.Version"] = Version(html1),
            ["Contacts.Email"] = "premier@exemple.fr",
            ["__RequestVerificationToken"] = Jeton(html1),
        }));
        Assert.Equal(HttpStatusCode.Redirect, r1.StatusCode);

        var r2 = await second.PostAsync($"/Jeunes/Dossier/{id}?handler=Contacts", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Contacts.Version"] = Version(html2),
            ["Contacts.Email"] = "second@exemple.fr",
            ["__RequestVerificationToken"] = Jeton(html2),
        }));
        Assert.Equal(HttpStatusCode.OK, r2.StatusCode);
        var html = await r2.Content.ReadAsStringAsync();
        Assert.Contains("modifié par quelqu&#x27;un d&#x27;autre", html, StringComparison.Ordinal);
        Assert.Contains("Recharger le dossier", html, StringComparison.Ordinal);

        var apres = await premier.GetStringAsync(page);
        Assert.Contains("premier@exemple.fr", apres, StringComparison.Ordinal);
        Assert.DoesNotContain("second@exemple.fr", apres, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "RGPD-02")]
    public async Task RGPD_02_onglet_historique_liste_qui_quand_champ_ancien_nouveau()
    {
        var id = await CreerParApiAsync("a.leroy", "Pagehistorique");
        var client = await f.ConnecterAsync("s.debout");
        var page = $"/Jeunes/Dossier/{id}?onglet=coordonnees";
        var html = await client.GetStringAsync(page);
        var version = Regex.Match(html, "name=\"Contacts.Version\" value=\"(\\d+)\"").Groups[1].Value;
        var jeton = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        await client.PostAsync($"/Jeunes/Dossier/{id}?handler=Contacts", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Contacts.Version"] = version,
            ["Contacts.TelephoneMobile"] = "07 11 22 33 44",
            ["Contacts.MobileJoignable"] = "true",
            ["__RequestVerificationToken"] = jeton,
        }));

        var historique = Parser.ParseDocument(await client.GetStringAsync($"/Jeunes/Dossier/{id}?onglet=historique"));
        var ligne = historique.QuerySelectorAll("table.table-historique tbody tr").Single(tr => tr.Children[3].TextContent == "Téléphone mobile");
        Assert.Equal("Sylvain Debout", ligne.Children[1].TextContent); // the user's name, not the login (issue 10)
        Assert.Equal("07 11 22 33 44", ligne.Children[5].TextContent);
        Assert.Contains(historique.QuerySelectorAll("table.table-historique tbody tr"), tr => tr.Children[3].TextContent == "Création du dossier" && tr.Children[1].TextContent == "Anne Leroy");
    }

    [Fact]
    [Trait("Rule", "USR-07")]
    [Trait("Rule", "DISP-04")]
    public async Task Administrateur_tables_des_intervenants_et_referentiel_des_dispositifs()
    {
        var admin = await f.ConnecterAsync("a.bernard");
        var r = await WebFixture.PosterFormulaireAsync(admin, "/Reference/Intervenants", "/Reference/Intervenants?handler=Ajouter", new()
        {
            ["fonction"] = "Prescripteur",
            ["nom"] = "Mission de lutte contre le décrochage",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Contains("Mission de lutte contre le décrochage", await admin.GetStringAsync("/Reference/Intervenants"), StringComparison.Ordinal);
        var doublon = await WebFixture.PosterFormulaireAsync(admin, "/Reference/Intervenants", "/Reference/Intervenants?handler=Ajouter", new()
        {
            ["fonction"] = "Prescripteur",
            ["nom"] = "Mission de lutte contre le décrochage",
        });
        Assert.Contains("data-rule=\"USR-07\"", await doublon.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var referentiel = await admin.GetStringAsync("/Reference/Dispositifs");
        Assert.Contains("PACEA-02.DateEffet", referentiel, StringComparison.Ordinal);
        Assert.Contains("Réorientation anticipée autre dispositif", referentiel, StringComparison.Ordinal);
        var conseiller = await f.ConnecterAsync("s.debout");
        Assert.Equal(HttpStatusCode.Forbidden, (await conseiller.GetAsync("/Reference/Dispositifs")).StatusCode);

        // The conseiller's pages of issue 4 answer.
        foreach (var page in new[] { "/Dispositifs/HeuresCej", "/Dispositifs/SortiesPacea", "/Dispositifs/Parrains", "/Pilotage/Alertes?code=pacea-sans-contact" })
        {
            Assert.Equal(HttpStatusCode.OK, (await conseiller.GetAsync(page)).StatusCode);
        }

        var pdf = await conseiller.GetAsync("/Dispositifs/SortiesPacea?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    [Trait("Rule", "RIB-01")]
    public async Task Onglet_allocations_coordonnees_bancaires_refus_RIB_01_puis_enregistrees()
    {
        var id = await CreerParApiAsync("a.leroy", "Pagebanque");
        var client = await f.ConnecterAsync("s.debout");
        var page = $"/Jeunes/Dossier/{id}/allocations";
        var champs = new Dictionary<string, string>
        {
            ["Saisie.Iban"] = "FR76 3000 6000 0112 3456 7890 188",
            ["Saisie.Bic"] = "AGRIFRPP",
            ["Saisie.TypeCompte"] = "CompteCourant",
            ["Saisie.Titulaire"] = "PAGEBANQUE Élodie",
            ["Saisie.Protection"] = "Aucune",
        };
        var refus = await WebFixture.PosterFormulaireAsync(client, page, page, champs);
        var html = await refus.Content.ReadAsStringAsync();
        Assert.Contains("data-rule=\"RIB-01\"", html, StringComparison.Ordinal);
        Assert.Contains("L'IBAN n'est pas valide", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        champs["Saisie.Iban"] = "FR76 3000 6000 0112 3456 7890 189";
        var ok = await WebFixture.PosterFormulaireAsync(client, page, page, champs);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains("FR76 3000 6000 0112 3456 7890 189", await client.GetStringAsync(page), StringComparison.Ordinal);

        // ALLOC-08..10: amounts typed the French way; three decimals refused, nothing saved.
        var moisPrecedent = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var ressources = new Dictionary<string, string> { ["Mois.Mois"] = moisPrecedent, ["Mois.NetAPayer"] = "120,405", ["Mois.ChiffreAffaires"] = "1 000", ["Mois.Activite"] = "Bnc" };
        var invalide = await WebFixture.PosterFormulaireAsync(client, page, page + "?handler=Ressources", ressources);
        Assert.Contains("Montant invalide", await invalide.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"ressources\"", await client.GetStringAsync(page), StringComparison.Ordinal);
        ressources["Mois.NetAPayer"] = "120,40";
        Assert.Equal(HttpStatusCode.Redirect, (await WebFixture.PosterFormulaireAsync(client, page, page + "?handler=Ressources", ressources)).StatusCode);
        var tableau = await client.GetStringAsync(page);
        Assert.Contains("780,40 €", tableau, StringComparison.Ordinal);
        Assert.Contains("abattement de 34 %", tableau, StringComparison.Ordinal);
    }
}
