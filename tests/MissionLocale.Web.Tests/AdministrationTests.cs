using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionLocale.Infrastructure.Identity;
using MissionLocale.Infrastructure.Messages;
using MissionLocale.Infrastructure.Persistence;
using MissionLocale.Web.Infrastructure;

namespace MissionLocale.Web.Tests;

/// <summary>Issue 12: accounts (USR-01 to USR-08), two-factor authentication, bulk transfers (USR-09), companies (ENT-01), through the API and the pages.</summary>
public sealed partial class AdministrationTests(WebFixture f) : IClassFixture<WebFixture>
{
    private const string Phrase = "Cheval agrafe batterie correcte";

    private async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> travail)
    {
        await using var scope = f.Services.CreateAsyncScope();
        return await travail(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<Guid> IdAsync(string login) => DbAsync(db => db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync());

    private Task<Guid> AntenneAsync(string structure) => DbAsync(db => db.Antennes.IgnoreQueryFilters().Where(a => db.Structures.Any(s => s.Id == a.StructureId && s.Code == structure)).Select(a => a.Id).FirstAsync());

    private string DernierLien(string destinataire)
    {
        var message = f.Services.GetRequiredService<JournalEnvois>().Envoyes.Last(e => e.Destinataire == destinataire);
        return new Uri(Lien().Match(message.Texte).Value).PathAndQuery;
    }

    private async Task ChoisirMotDePasseAsync(string destinataire, string motDePasse)
    {
        var chemin = DernierLien(destinataire);
        var r = await WebFixture.PosterFormulaireAsync(f.Client(), chemin, chemin, new() { ["MotDePasse"] = motDePasse, ["Confirmation"] = motDePasse });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
    }

    private async Task<HttpResponseMessage> JetonAsync(string login, string motDePasse, string? code = null) =>
        await f.Client().PostAsJsonAsync("/api/v1/auth/token", new { login, password = motDePasse, code });

    private static async Task<JsonElement> ProblemeAsync(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    [Trait("Rule", "USR-01")]
    [Trait("Rule", "USR-02")]
    [Trait("Rule", "USR-03")]
    public async Task USR_01_02_03_creation_identifiant_lien_de_premiere_connexion_et_recherche_nationale()
    {
        var admin = await f.ApiAsync("a.bernard");
        var antenne = await AntenneAsync("ML35-RENNES");

        // USR-01: a desk account, or no e-mail, is refused with the field.
        var generique = await admin.PostAsJsonAsync("/api/v1/comptes", new { civilite = "Madame", nom = "Accueil", prenom = "Antenne", email = "accueil@ml.fr", antenneId = antenne, profil = "ChargeAccueil" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, generique.StatusCode);
        Assert.Equal("USR-01", (await ProblemeAsync(generique)).GetProperty("rule").GetString());
        var sansEmail = await admin.PostAsJsonAsync("/api/v1/comptes", new { nom = "Martin", prenom = "Léa", profil = "Conseiller" });
        Assert.Equal(HttpStatusCode.BadRequest, sansEmail.StatusCode);
        Assert.Contains("L'adresse e-mail est obligatoire", await sansEmail.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // USR-02: l.martin, then a homonym gets le.martin once the national search was answered.
        var cree = await admin.PostAsJsonAsync("/api/v1/comptes", new { civilite = "Madame", nom = "Martin", prenom = "Léa", email = "lea.martin@ml35.fr", antenneId = antenne, profil = "Conseiller", fonctions = "ConseillerReferent" });
        Assert.Equal(HttpStatusCode.Created, cree.StatusCode);
        Assert.Equal("l.martin", (await cree.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("login").GetString());

        // USR-03: the national search finds her whatever the accents; a second creation asks first.
        var trouves = await admin.GetFromJsonAsync<JsonElement>("/api/v1/comptes/recherche-nationale?nom=MARTIN&prenom=lea");
        Assert.Equal("l.martin", Assert.Single(trouves.EnumerateArray()).GetProperty("login").GetString());
        var homonyme = new { civilite = "Madame", nom = "Martin", prenom = "Léa", email = "lea.martin2@ml35.fr", antenneId = antenne, profil = "Conseiller", creerMalgreHomonymes = false };
        var conflit = await admin.PostAsJsonAsync("/api/v1/comptes", homonyme);
        Assert.Equal(HttpStatusCode.Conflict, conflit.StatusCode);
        Assert.Equal("USR-03", (await ProblemeAsync(conflit)).GetProperty("rule").GetString());
        var second = await admin.PostAsJsonAsync("/api/v1/comptes", homonyme with { creerMalgreHomonymes = true });
        Assert.Equal("le.martin", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("login").GetString());

        // No password until the person chooses one with the e-mailed link; the policy refuses a common one.
        Assert.Equal(HttpStatusCode.Unauthorized, (await JetonAsync("l.martin", "")).StatusCode);
        var chemin = DernierLien("lea.martin@ml35.fr");
        var faible = await WebFixture.PosterFormulaireAsync(f.Client(), chemin, chemin, new() { ["MotDePasse"] = "Azerty2026!!", ["Confirmation"] = "Azerty2026!!" });
        Assert.Contains("fait partie des plus courants", await faible.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await ChoisirMotDePasseAsync("lea.martin@ml35.fr", Phrase);
        Assert.Equal(HttpStatusCode.OK, (await JetonAsync("l.martin", Phrase)).StatusCode);
        Assert.True(await DbAsync(db => db.Users.Where(u => u.UserName == "l.martin").Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    [Trait("Rule", "USR-03")]
    [Trait("Rule", "USR-04")]
    public async Task USR_03_04_rattacher_un_compte_desactive_ailleurs_et_renommer_la_meme_personne()
    {
        var lyon = await f.ApiAsync("m.girard");
        var rennes = await f.ApiAsync("a.bernard");
        var julien = await IdAsync("j.blanc");

        // Active at Lyon: Rennes cannot take it.
        var refus = await rennes.PostAsJsonAsync($"/api/v1/comptes/{julien}/rattachement", new { profil = "Conseiller" });
        Assert.Equal("USR-03", (await ProblemeAsync(refus)).GetProperty("rule").GetString());

        // Lyon hands his portfolio over and deactivates the account; Rennes attaches it, same login and password.
        var camille = await IdAsync("c.roux");
        Assert.True((await lyon.PostAsJsonAsync("/api/v1/transferts/jeunes", new { depuisConseillerId = julien, versConseillerId = camille, tousLesJeunesDuConseiller = true })).IsSuccessStatusCode);
        var desactive = await lyon.PostAsync($"/api/v1/comptes/{julien}/desactivation", null);
        Assert.True(desactive.StatusCode == HttpStatusCode.NoContent, await desactive.Content.ReadAsStringAsync());
        var rattache = await rennes.PostAsJsonAsync($"/api/v1/comptes/{julien}/rattachement", new { profil = "Conseiller", antenneId = await AntenneAsync("ML35-RENNES") });
        Assert.True(rattache.StatusCode == HttpStatusCode.NoContent, await rattache.Content.ReadAsStringAsync());
        var jeton = await JetonAsync("j.blanc", WebFixture.MotDePasse);
        Assert.Equal(HttpStatusCode.OK, jeton.StatusCode);
        var comptesRennes = await rennes.GetStringAsync("/api/v1/comptes");
        Assert.Contains("j.blanc", comptesRennes, StringComparison.Ordinal);
        Assert.DoesNotContain("j.blanc", await lyon.GetStringAsync("/api/v1/comptes"), StringComparison.Ordinal);

        // USR-04: a change of name keeps the login; another person is refused.
        var autre = await rennes.PutAsJsonAsync($"/api/v1/comptes/{julien}/nom", new { prenom = "Marc", civilite = "Monsieur", nouveauNom = "Durand" });
        Assert.Equal("USR-04", (await ProblemeAsync(autre)).GetProperty("rule").GetString());
        var renomme = await rennes.PutAsJsonAsync($"/api/v1/comptes/{julien}/nom", new { prenom = "Julien", civilite = "Monsieur", nouveauNom = "Blanc-Durand" });
        Assert.True(renomme.StatusCode == HttpStatusCode.NoContent, await renomme.Content.ReadAsStringAsync());
        Assert.Equal("Blanc-Durand", await DbAsync(db => db.Users.Where(u => u.Id == julien).Select(u => u.Nom).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await JetonAsync("j.blanc", WebFixture.MotDePasse)).StatusCode);
    }

    [Fact]
    [Trait("Rule", "USR-05")]
    public async Task USR_05_une_seule_direction_desactives_compris_et_le_filet_de_la_base()
    {
        var admin = await f.ApiAsync("a.bernard");
        var antenne = await AntenneAsync("ML35-RENNES");
        var r = await admin.PostAsJsonAsync("/api/v1/comptes", new { civilite = "Monsieur", nom = "Faure", prenom = "Paul", email = "p.faure@ml35.fr", antenneId = antenne, profil = "Direction" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        Assert.Contains("Dominique Garnier", (await ProblemeAsync(r)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Deactivating the Direction is refused: the function is removed first.
        var garnier = await IdAsync("d.garnier");
        Assert.Equal("USR-05", (await ProblemeAsync(await admin.PostAsync($"/api/v1/comptes/{garnier}/desactivation", null))).GetProperty("rule").GetString());

        // The database refuses a second Direction even written around the use cases.
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => DbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE asp_net_users SET profil = 'Direction' WHERE user_name = 'so.debout'");
            return 0;
        }));
        Assert.Contains("ux_users_direction_unique", ex.Message + ex.InnerException?.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "USR-08")]
    [Trait("Rule", "USR-09")]
    public async Task USR_08_09_desactivation_arrete_les_jetons_desabonnement_apres_transfert_et_nom_anonymise()
    {
        var admin = await f.ApiAsync("a.bernard");
        var antenne = await AntenneAsync("ML35-RENNES");
        var cree = await (await admin.PostAsJsonAsync("/api/v1/comptes", new { civilite = "Monsieur", nom = "Roche", prenom = "Yann", email = "y.roche@ml35.fr", antenneId = antenne, profil = "Conseiller" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var yann = cree.GetProperty("id").GetGuid();
        await ChoisirMotDePasseAsync("y.roche@ml35.fr", Phrase);
        var sylvain = await IdAsync("s.debout");

        // Give Yann two of Sylvain's jeunes: the transfer writes one history line per dossier.
        var ids = await DbAsync(db => db.Jeunes.IgnoreQueryFilters().Where(j => j.ConseillerReferentId == sylvain).OrderBy(j => j.Id).Select(j => j.Id).Take(2).ToListAsync());
        var t = await admin.PostAsJsonAsync("/api/v1/transferts/jeunes", new { jeuneIds = ids, depuisConseillerId = sylvain, versConseillerId = yann });
        Assert.Equal(2, (await t.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nombre").GetInt32());
        var lignes = await DbAsync(db => db.Historique.IgnoreQueryFilters().Where(h => ids.Contains(h.JeuneId) && h.Champ == "Conseiller référent" && h.NouvelleValeur == "Yann Roche").ToListAsync());
        Assert.Equal(2, lignes.Count);
        Assert.All(lignes, l => Assert.Equal(("Sylvain Debout", "Yann Roche"), (l.AncienneValeur, l.NouvelleValeur)));

        // Yann's token works; deactivated, it stops at once; reactivated, a new one works.
        var yannApi = f.Client();
        var jeton = (await (await JetonAsync("y.roche", Phrase)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        yannApi.DefaultRequestHeaders.Authorization = new("Bearer", jeton);
        Assert.Equal(HttpStatusCode.OK, (await yannApi.GetAsync("/api/v1/jeunes/mes-jeunes")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/comptes/{yann}/desactivation", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await yannApi.GetAsync("/api/v1/jeunes/mes-jeunes")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await JetonAsync("y.roche", Phrase)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/comptes/{yann}/reactivation", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await JetonAsync("y.roche", Phrase)).StatusCode);

        // An événement by Yann, to see his name afterwards.
        var yannApi2 = f.Client();
        yannApi2.DefaultRequestHeaders.Authorization = new("Bearer", (await (await JetonAsync("y.roche", Phrase)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var evt = await yannApi2.PostAsJsonAsync($"/api/v1/jeunes/{ids[0]}/evenements", new { nature = "EntretienIndividuel", date = DateTimeOffset.UtcNow.AddHours(-1), dureeMinutes = 30, propositions = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Created, evt.StatusCode);

        // USR-08: refused while référent; transferred back, then final.
        var refus = await admin.PostAsync($"/api/v1/comptes/{yann}/desabonnement", null);
        var probleme = await ProblemeAsync(refus);
        Assert.Equal("USR-08", probleme.GetProperty("rule").GetString());
        Assert.Contains("2 jeunes", probleme.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await admin.PostAsJsonAsync("/api/v1/transferts/jeunes", new { depuisConseillerId = yann, versConseillerId = sylvain, tousLesJeunesDuConseiller = true });
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/comptes/{yann}/desabonnement", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await JetonAsync("y.roche", Phrase)).StatusCode);
        Assert.Equal("USR-08", (await ProblemeAsync(await admin.PostAsync($"/api/v1/comptes/{yann}/reactivation", null))).GetProperty("rule").GetString());

        // His name reads "Donnée anonymisée" in the history and the dossier; his personal data is gone.
        var historique = await admin.GetStringAsync($"/api/v1/jeunes/{ids[0]}/historique");
        Assert.Contains("Donnée anonymisée", historique, StringComparison.Ordinal);
        Assert.DoesNotContain("Yann", await admin.GetStringAsync($"/api/v1/jeunes/{ids[0]}/frise"), StringComparison.Ordinal);
        var ligne = await DbAsync(db => db.Users.Where(u => u.Id == yann).Select(u => new { u.Nom, u.Prenom, u.Email, u.UserName }).SingleAsync());
        Assert.Equal(("Donnée anonymisée", "", null, "y.roche"), (ligne.Nom, ligne.Prenom, ligne.Email, ligne.UserName));
    }

    [Fact]
    [Trait("Rule", "USR-09")]
    public async Task USR_09_tout_ou_rien_jamais_une_fusion_et_vingt_transferts_identiques_en_un_seul()
    {
        var direction = await f.ApiAsync("d.garnier");
        var sylvain = await IdAsync("s.debout");
        var sophie = await IdAsync("so.debout");
        var ids = await DbAsync(db => db.Jeunes.IgnoreQueryFilters().Where(j => j.ConseillerReferentId == sophie).Select(j => j.Id).ToListAsync());
        Assert.NotEmpty(ids);

        // A dossier is never poured into another; a Lyon dossier in the selection makes nothing move.
        var fusion = await direction.PostAsJsonAsync("/api/v1/transferts/jeunes", new { jeuneIds = ids, depuisConseillerId = sophie, versConseillerId = ids[0] });
        Assert.Contains("un dossier dans un autre dossier", (await ProblemeAsync(fusion)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var lyon = await DbAsync(db => db.Jeunes.IgnoreQueryFilters().Where(j => j.StructureId != db.Jeunes.IgnoreQueryFilters().Where(x => x.Id == ids[0]).Select(x => x.StructureId).First()).Select(j => j.Id).FirstAsync());
        var melange = await direction.PostAsJsonAsync("/api/v1/transferts/jeunes", new { jeuneIds = ids.Append(lyon).ToList(), depuisConseillerId = sophie, versConseillerId = sylvain });
        Assert.Equal("USR-09", (await ProblemeAsync(melange)).GetProperty("rule").GetString());
        Assert.Equal(ids.Count, await DbAsync(db => db.Jeunes.IgnoreQueryFilters().CountAsync(j => j.ConseillerReferentId == sophie)));

        // An offre into another offre: refused.
        var offre = await DbAsync(db => db.Offres.IgnoreQueryFilters().Select(o => o.Id).FirstAsync());
        var offreDansOffre = await direction.PostAsJsonAsync("/api/v1/transferts/offres", new { depuisId = sophie, versId = offre });
        Assert.Contains("une offre de service dans une autre offre", (await ProblemeAsync(offreDansOffre)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // 20 identical transfers at once: one moves the dossiers, the 19 others find them moved and change nothing.
        var avant = await DbAsync(db => db.Historique.IgnoreQueryFilters().CountAsync(h => ids.Contains(h.JeuneId)));
        var reponses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => direction.PostAsJsonAsync("/api/v1/transferts/jeunes", new { jeuneIds = ids, depuisConseillerId = sophie, versConseillerId = sylvain })));
        Assert.Single(reponses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(reponses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));
        Assert.Equal(avant + ids.Count, await DbAsync(db => db.Historique.IgnoreQueryFilters().CountAsync(h => ids.Contains(h.JeuneId))));
        Assert.Equal(0, await DbAsync(db => db.Jeunes.IgnoreQueryFilters().CountAsync(j => j.ConseillerReferentId == sophie)));

        // A selection over the limit: the field's error, nothing moves.
        var trop = await direction.PostAsJsonAsync("/api/v1/transferts/jeunes", new { jeuneIds = Enumerable.Range(0, 20_001).Select(_ => Guid.NewGuid()).ToList(), versConseillerId = sophie });
        Assert.Equal(HttpStatusCode.BadRequest, trop.StatusCode);
        Assert.Contains("découpez la sélection", (await ProblemeAsync(trop)).GetProperty("errors").GetProperty("jeuneIds")[0].GetString(), StringComparison.Ordinal);

        // A conseiller has no bulk transfer.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await f.ApiAsync("s.debout")).PostAsJsonAsync("/api/v1/transferts/jeunes", new { jeuneIds = ids, versConseillerId = sophie })).StatusCode);
    }

    [Fact]
    [Trait("Rule", "USR-09")]
    public async Task USR_09_transfert_d_une_selection_de_resultats_de_recherche()
    {
        var direction = await f.ConnecterAsync("d.garnier");
        var resultats = await direction.GetStringAsync("/Jeunes/RechercherJeunes?q=a");
        Assert.Contains("Transférer la sélection", resultats, StringComparison.Ordinal);
        var ids = Regex.Matches(resultats, "name=\"Jeunes\" value=\"([0-9a-f-]{36})\"").Select(m => Guid.Parse(m.Groups[1].Value)).Take(2).ToList();
        Assert.Equal(2, ids.Count);
        Assert.DoesNotContain("Transférer la sélection", await (await f.ConnecterAsync("s.debout")).GetStringAsync("/Jeunes/RechercherJeunes?q=a"), StringComparison.Ordinal);

        // The chosen page asks where they go; then all move to the new lieu de rattachement, with their history.
        var antenne = await DbAsync(db => db.Antennes.IgnoreQueryFilters().Where(a => db.Structures.Any(s => s.Id == a.StructureId && s.Code == "ML35-RENNES")).OrderByDescending(a => a.Nom).Select(a => new { a.Id, a.Nom }).FirstAsync());
        var html = await direction.GetStringAsync("/Administration/Transferts");
        var jeton = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var contenu = new FormUrlEncodedContent([new("__RequestVerificationToken", jeton), new("Jeunes", ids[0].ToString()), new("Jeunes", ids[1].ToString())]);
        var choix = await (await direction.PostAsync("/Administration/Transferts?handler=Choisir", contenu)).Content.ReadAsStringAsync();
        Assert.Contains("2 jeunes sélectionnés", choix, StringComparison.Ordinal);
        var envoi = new FormUrlEncodedContent([new("__RequestVerificationToken", jeton), new("Jeunes", ids[0].ToString()), new("Jeunes", ids[1].ToString()), new("VersAntenne", antenne.Id.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, (await direction.PostAsync("/Administration/Transferts?handler=Jeunes", envoi)).StatusCode);
        Assert.Equal(2, await DbAsync(db => db.Jeunes.IgnoreQueryFilters().CountAsync(j => ids.Contains(j.Id) && j.AntenneId == antenne.Id)));
    }

    [Fact]
    [Trait("Rule", "ENT-01")]
    public async Task ENT_01_entreprises_siret_controle_unique_recherche_et_isolement()
    {
        var conseiller = await f.ApiAsync("s.debout");
        var faux = await conseiller.PostAsJsonAsync("/api/v1/entreprises", new { siret = "73282932000075", raisonSociale = "Exemple", communeInsee = "35238" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, faux.StatusCode);
        Assert.Equal("ENT-01", (await ProblemeAsync(faux)).GetProperty("rule").GetString());
        var vide = await conseiller.PostAsJsonAsync("/api/v1/entreprises", new { });
        Assert.Contains("Le SIRET est obligatoire", await vide.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var cree = await conseiller.PostAsJsonAsync("/api/v1/entreprises", new { siret = "732 829 320 00074", raisonSociale = "Boulangerie Élise", communeInsee = "35238", rattacheeSirene = true, referentId = await IdAsync("s.debout") });
        Assert.Equal(HttpStatusCode.Created, cree.StatusCode);
        var id = (await cree.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var doublon = await conseiller.PostAsJsonAsync("/api/v1/entreprises", new { siret = "73282932000074", raisonSociale = "Autre", communeInsee = "35238" });
        Assert.Contains("Boulangerie Élise", (await ProblemeAsync(doublon)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Contains("Boulangerie", await conseiller.GetStringAsync("/api/v1/entreprises?q=boulangerie%20elise"), StringComparison.Ordinal);
        Assert.Contains("Boulangerie", await conseiller.GetStringAsync("/api/v1/entreprises?q=732829320"), StringComparison.Ordinal);
        var fiche = await conseiller.GetFromJsonAsync<JsonElement>($"/api/v1/entreprises/{id}");
        Assert.Equal(("732829320", "Rennes"), (fiche.GetProperty("siren").GetString(), fiche.GetProperty("communeNom").GetString()));
        var contact = await conseiller.PostAsJsonAsync($"/api/v1/entreprises/{id}/contacts", new { version = 0, nom = "Durand", telephone = "02 99 00 00 00" });
        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await conseiller.PostAsJsonAsync($"/api/v1/entreprises/{id}/contacts", new { version = 0, nom = "Autre", telephone = "02 99 00 00 01" })).StatusCode);

        // The employer of an emploi situation, by the file: its name follows; another Mission Locale's company is refused.
        var jeune = await DbAsync(db => db.Jeunes.IgnoreQueryFilters().Where(j => j.ConseillerReferentId == db.Users.Where(u => u.UserName == "s.debout").Select(u => u.Id).First()).Select(j => j.Id).FirstAsync());
        var situation = new { type = "Emploi", dateDebut = "2026-11-02", dateFin = "2027-05-01", typeContrat = "CDD", entrepriseId = id };
        var sit = await conseiller.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/situations", situation);
        Assert.True(sit.IsSuccessStatusCode, await sit.Content.ReadAsStringAsync());
        Assert.Equal("Boulangerie Élise", await DbAsync(db => db.Situations.IgnoreQueryFilters().Where(s => s.EntrepriseId == id).Select(s => s.Employeur).SingleAsync()));

        // Another Mission Locale neither sees it nor is blocked by its SIRET.
        var lyon = await f.ApiAsync("c.roux");
        Assert.Equal(HttpStatusCode.NotFound, (await lyon.GetAsync($"/api/v1/entreprises/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await lyon.PostAsJsonAsync("/api/v1/entreprises", new { siret = "73282932000074", raisonSociale = "Boulangerie Élise", communeInsee = "69381" })).StatusCode);
        var jeuneLyon = await DbAsync(db => db.Jeunes.IgnoreQueryFilters().Where(j => j.ConseillerReferentId == db.Users.Where(u => u.UserName == "c.roux").Select(u => u.Id).First()).Select(j => j.Id).FirstAsync());
        var etrangere = await lyon.PostAsJsonAsync($"/api/v1/jeunes/{jeuneLyon}/situations", situation);
        Assert.Equal(HttpStatusCode.BadRequest, etrangere.StatusCode);
        Assert.Contains("Entreprise introuvable dans votre Mission Locale", await etrangere.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // USR-08 counts companies too: Sylvain is référent of this one.
        var admin = await f.ApiAsync("a.bernard");
        Assert.Contains("1 entreprise", (await ProblemeAsync(await admin.PostAsync($"/api/v1/comptes/{await IdAsync("s.debout")}/desabonnement", null))).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // USR-09: his companies go to Sophie; a selection naming a company he does not follow moves nothing.
        var sophie = await IdAsync("so.debout");
        var partiel = await admin.PostAsJsonAsync("/api/v1/transferts/entreprises", new { depuisId = await IdAsync("s.debout"), versId = sophie, entrepriseIds = new[] { id, Guid.NewGuid() } });
        Assert.Equal("USR-09", (await ProblemeAsync(partiel)).GetProperty("rule").GetString());
        var transfert = await admin.PostAsJsonAsync("/api/v1/transferts/entreprises", new { depuisId = await IdAsync("s.debout"), versId = sophie });
        Assert.Equal(1, (await transfert.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nombre").GetInt32());
        Assert.Equal(sophie, await DbAsync(db => db.Entreprises.IgnoreQueryFilters().Where(e => e.Id == id).Select(e => e.ReferentId).SingleAsync()));
    }

    [Fact]
    public async Task Double_authentification_obligatoire_enrolement_codes_de_secours_et_jeton_avec_code()
    {
        var admin = await f.ApiAsync("a.bernard"); // its token, taken before the requirement is switched on
        var options = f.Services.GetRequiredService<OptionsSecurite>();
        options.DeuxFacteursObligatoires = true;
        try
        {
            // A validateur without second factor: every page leads to the enrolment; the API refuses a token.
            var client = await f.ConnecterAsync("v.morel");
            var accueil = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.Redirect, accueil.StatusCode);
            Assert.Equal("/Account/Securite", accueil.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.Forbidden, (await JetonAsync("v.morel", WebFixture.MotDePasse)).StatusCode);

            var tampon = await DbAsync(db => db.Users.Where(u => u.UserName == "v.morel").Select(u => u.SecurityStamp).SingleAsync());
            var page = await client.GetStringAsync("/Account/Securite");
            Assert.Equal(tampon, await DbAsync(db => db.Users.Where(u => u.UserName == "v.morel").Select(u => u.SecurityStamp).SingleAsync())); // showing the key keeps the session
            Assert.Contains("obligatoire", page, StringComparison.Ordinal);
            var cle = Regex.Match(page, "<code id=\"cle-totp\">([a-z0-9 ]+)</code>").Groups[1].Value;
            Assert.Contains("<svg", page, StringComparison.Ordinal);
            var mauvais = await WebFixture.PosterFormulaireAsync(client, "/Account/Securite", "/Account/Securite?handler=Activer", new() { ["Code"] = "000000" });
            Assert.Contains("Ce code n&#x27;est pas valable", await mauvais.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var active = await WebFixture.PosterFormulaireAsync(client, "/Account/Securite", "/Account/Securite?handler=Activer", new() { ["Code"] = Totp.Code(cle, DateTimeOffset.UtcNow) });
            var html = await active.Content.ReadAsStringAsync();
            var codes = Regex.Matches(Regex.Match(html, "<ul[^>]*id=\"codes-secours\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value, "<li>([^<]+)</li>").Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(10, codes.Count);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

            // Next login: the code is asked after the password; a recovery code works once.
            var nouveau = f.Client();
            var login = await WebFixture.PosterFormulaireAsync(nouveau, "/Account/Login", "/Account/Login", new() { ["Identifiant"] = "v.morel", ["MotDePasse"] = WebFixture.MotDePasse });
            Assert.StartsWith("/Account/DeuxFacteurs", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await nouveau.GetAsync("/")).StatusCode);
            var ok = await WebFixture.PosterFormulaireAsync(nouveau, login.Headers.Location.OriginalString, "/Account/DeuxFacteurs", new() { ["Code"] = codes[0], ["CodeDeSecours"] = "true" });
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await nouveau.GetAsync("/")).StatusCode);

            // The API asks for the code too.
            Assert.Equal(HttpStatusCode.Unauthorized, (await JetonAsync("v.morel", WebFixture.MotDePasse)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await JetonAsync("v.morel", WebFixture.MotDePasse, Totp.Code(cle, DateTimeOffset.UtcNow))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await JetonAsync("v.morel", WebFixture.MotDePasse, codes[0])).StatusCode); // used once already

            // Phone and codes lost: the administrator removes the second factor; the validator must enrol again.
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/comptes/{await IdAsync("v.morel")}/deux-facteurs/reinitialisation", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await JetonAsync("v.morel", WebFixture.MotDePasse)).StatusCode);
            Assert.Contains("obligatoire", await (await f.ConnecterAsync("v.morel")).GetStringAsync("/Account/Securite"), StringComparison.Ordinal);
        }
        finally
        {
            options.DeuxFacteursObligatoires = false;
        }
    }

    [Fact]
    public async Task Mot_de_passe_oublie_lien_seulement_si_identifiant_et_e_mail_concordent_meme_reponse_sinon()
    {
        var journal = f.Services.GetRequiredService<JournalEnvois>();
        var avant = journal.Envoyes.Count;
        var client = f.Client();
        var faux = await WebFixture.PosterFormulaireAsync(client, "/Account/MotDePasseOublie", "/Account/MotDePasseOublie", new() { ["Identifiant"] = "a.leroy", ["Email"] = "pirate@example.com" });
        Assert.Contains("Si l&#x27;identifiant et l&#x27;adresse e-mail correspondent", await faux.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(avant, journal.Envoyes.Count);
        var email = await DbAsync(db => db.Users.Where(u => u.UserName == "a.leroy").Select(u => u.Email!).SingleAsync());
        var vrai = await WebFixture.PosterFormulaireAsync(client, "/Account/MotDePasseOublie", "/Account/MotDePasseOublie", new() { ["Identifiant"] = "a.leroy", ["Email"] = email.ToUpperInvariant() });
        Assert.Contains("Si l&#x27;identifiant et l&#x27;adresse e-mail correspondent", await vrai.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(avant + 1, journal.Envoyes.Count);
        var vide = await WebFixture.PosterFormulaireAsync(client, "/Account/MotDePasseOublie", "/Account/MotDePasseOublie", []);
        var html = await vide.Content.ReadAsStringAsync();
        Assert.Contains("L&#x27;identifiant est obligatoire", html, StringComparison.Ordinal);
        Assert.Contains("L&#x27;adresse e-mail est obligatoire", html, StringComparison.Ordinal);

        // The current password works until a new one is chosen; then the new one.
        Assert.Equal(HttpStatusCode.OK, (await JetonAsync("a.leroy", WebFixture.MotDePasse)).StatusCode);
        await ChoisirMotDePasseAsync(email, Phrase);
        Assert.Equal(HttpStatusCode.OK, (await JetonAsync("a.leroy", Phrase)).StatusCode);
    }

    [GeneratedRegex("https?://\\S+")]
    private static partial Regex Lien();
}
