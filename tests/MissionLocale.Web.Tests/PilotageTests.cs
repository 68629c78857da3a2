using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using UglyToad.PdfPig;

namespace MissionLocale.Web.Tests;

/// <summary>Issue 13 over HTTP: the cursus tab, saved searches on the home page, exports, dashboards, the territorial report, the DPO's page.</summary>
public sealed class PilotageTests(WebFixture f) : IClassFixture<WebFixture>
{
    private async Task<Guid> JeuneAsync(string nom)
    {
        var api = await f.ApiAsync("a.leroy");
        var r = await api.PostAsJsonAsync("/api/v1/jeunes", new
        {
            civilite = "Madame",
            nom,
            prenom = "Inès",
            dateNaissance = "2005-04-12",
            communeNaissanceInsee = "35238",
            consentementRgpd = true,
            voie = "12 rue de la Paix",
            codePostal = "35000",
            communeInsee = "35238",
            email = "ines@example.org",
        });
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    [Trait("Rule", "CUR-02")]
    [Trait("Rule", "CUR-05")]
    public async Task CUR_05_onglet_cursus_et_API_niveau_calcule()
    {
        var jeune = await JeuneAsync("Cursusweb");
        var api = await f.ApiAsync("s.debout");
        var c = await api.GetFromJsonAsync<JsonElement>($"/api/v1/jeunes/{jeune}/cursus");
        var ajout = await api.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/cursus/diplomes", new { version = c.GetProperty("version").GetInt32(), libelle = "Baccalauréat professionnel", annee = 2024 });
        Assert.True(ajout.IsSuccessStatusCode, await ajout.Content.ReadAsStringAsync());
        var refus = await api.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/cursus/diplomes", new { version = (await ajout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32(), libelle = "Titre maison", annee = 2024 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refus.StatusCode);
        Assert.Equal("CUR-02", (await refus.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());

        var page = await (await f.ConnecterAsync("s.debout")).GetStringAsync($"/Jeunes/Dossier/{jeune}/cursus");
        Assert.Contains("Niveau 4", page, StringComparison.Ordinal);
        Assert.Contains("Baccalauréat professionnel", page, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "PIL-02")]
    [Trait("Rule", "PIL-03")]
    public async Task PIL_02_recherche_enregistree_sur_l_accueil_et_exports_CSV_et_XLSX()
    {
        await JeuneAsync("Exportweb");
        var client = await f.ConnecterAsync("s.debout");
        var requete = "Criteres.Civilite=Madame&Criteres.NeApres=2005-04-12&Criteres.NeAvant=2005-04-12";
        var liste = await client.GetStringAsync($"/Pilotage/Recherche?{requete}");
        Assert.Contains("EXPORTWEB", liste, StringComparison.Ordinal);

        var sauve = await WebFixture.PosterFormulaireAsync(client, $"/Pilotage/Recherche?{requete}", $"/Pilotage/Recherche?handler=Sauvegarder&{requete}",
            new() { ["Nom"] = "Jeunes femmes nées le 12 avril 2005", ["Partagee"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, sauve.StatusCode);
        var accueil = await client.GetStringAsync("/?handler=Recherches");
        Assert.Contains("Jeunes femmes nées le 12 avril 2005", accueil, StringComparison.Ordinal);

        // An empty name: the form says what is missing and keeps the criteria.
        var vide = await WebFixture.PosterFormulaireAsync(client, $"/Pilotage/Recherche?{requete}", $"/Pilotage/Recherche?handler=Sauvegarder&{requete}", new() { ["Nom"] = string.Empty });
        var html = await vide.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, vide.StatusCode);
        Assert.Contains("Le nom de la recherche est obligatoire.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2005-04-12\"", html, StringComparison.Ordinal);

        // CSV that French Excel opens: BOM, semicolons, dd/MM/yyyy.
        var csv = await client.GetByteArrayAsync($"/Pilotage/Recherche?handler=Export&format=Csv&{requete}");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var texte = Encoding.UTF8.GetString(csv[3..]);
        Assert.StartsWith("N° dossier;Nom;Prénom;Sexe;Date de naissance", texte, StringComparison.Ordinal);
        Assert.Contains(";EXPORTWEB;Inès;F;12/04/2005;", texte, StringComparison.Ordinal);

        var xlsx = await client.GetAsync($"/Pilotage/Recherche?handler=Export&format=Xlsx&{requete}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var flux = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var lignes = flux.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(lignes, l => (string)l["Nom"] == "EXPORTWEB" && (string)l["Niveau de qualification"] == "Non renseigné");

        // The API exports the same list.
        var api = await f.ApiAsync("s.debout");
        var parApi = await api.PostAsJsonAsync("/api/v1/pilotage/dossiers/export?format=Csv", new { civilite = "Madame", neApres = "2005-04-12", neAvant = "2005-04-12" });
        Assert.Contains("EXPORTWEB", await parApi.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "RDV-03")]
    [Trait("Rule", "RDV-01")]
    public async Task RDV_03_convocation_groupee_par_l_API_un_second_envoi_sans_effet_et_le_PDF_des_courriers()
    {
        var jeunes = new[] { await JeuneAsync("Convocapia"), await JeuneAsync("Convocapib") };
        var api = await f.ApiAsync("s.debout");
        var demande = new
        {
            convocationGroupeeId = Guid.NewGuid(),
            jeunes,
            objet = "Information collective CEJ",
            debut = DateTimeOffset.UtcNow.AddDays(33).Date.AddHours(8),
            dureeMinutes = 60,
            lieu = "Salle du conseil",
        };
        var r = await api.PostAsJsonAsync("/api/v1/convocations-groupees", demande);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var corps = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, corps.GetProperty("convoques").GetInt32());
        Assert.False(corps.GetProperty("dejaEnvoyee").GetBoolean());

        // The same request again (a retry): nothing more; then the letters in one PDF, one page each.
        var encore = await (await api.PostAsJsonAsync("/api/v1/convocations-groupees", demande)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(encore.GetProperty("dejaEnvoyee").GetBoolean());
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/convocations-groupees/{demande.convocationGroupeeId}");
        Assert.Equal(2, detail.GetProperty("convoques").GetArrayLength());
        using var pdf = PdfDocument.Open(await api.GetByteArrayAsync($"/api/v1/convocations-groupees/{demande.convocationGroupeeId}/pdf"));
        Assert.Equal(2, pdf.NumberOfPages);

        // Another convocation on the same slot: RDV-01 asks for confirmation (409 with the rule).
        var chevauche = await api.PostAsJsonAsync("/api/v1/convocations-groupees", demande with { convocationGroupeeId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Conflict, chevauche.StatusCode);
        Assert.Contains("RDV-01", await chevauche.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await f.ApiAsync("c.roux")).GetAsync($"/api/v1/convocations-groupees/{demande.convocationGroupeeId}")).StatusCode);
    }

    [Fact]
    [Trait("Rule", "PIL-03")]
    public async Task PIL_03_tableau_de_bord_graphiques_avec_leurs_tableaux_et_rapport_territorial_PDF()
    {
        var direction = await f.ConnecterAsync("d.garnier");
        var page = await direction.GetStringAsync("/Pilotage/TableauDeBord");
        Assert.Contains("Jeunes en contact", page, StringComparison.Ordinal);
        Assert.Contains("data-graphique=", page, StringComparison.Ordinal);
        Assert.Contains("Chiffres calculés le", page, StringComparison.Ordinal);
        Assert.Matches("/lib/chartjs/chart\\.umd\\.min\\.[a-z0-9]+\\.js|/lib/chartjs/chart\\.umd\\.min\\.js\\?v=", page);

        var classeur = await direction.GetAsync("/Pilotage/TableauDeBord?handler=Export&format=Xlsx");
        using var flux = new MemoryStream(await classeur.Content.ReadAsByteArrayAsync());
        Assert.Contains("Activité par conseiller", flux.GetSheetNames());

        var pdf = await direction.GetByteArrayAsync($"/Pilotage/RapportTerritorial?handler=Export&format=pdf&annee={DateTime.UtcNow.Year - 1}&communes=35238");
        using var doc = PdfDocument.Open(pdf);
        Assert.Contains("Rapport territorial d'activité", doc.GetPage(1).Text, StringComparison.Ordinal);

        // A chargé d'accueil has no dashboard: a page that says so, never a 500.
        var accueil = await f.ConnecterAsync("a.leroy");
        var refus = await accueil.GetAsync("/Pilotage/TableauDeBord");
        Assert.Equal(HttpStatusCode.OK, refus.StatusCode);
        Assert.Contains("ne permet pas", await refus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "RGPD-04")]
    public async Task RGPD_04_le_delegue_voit_le_journal_et_exporte_le_droit_d_acces()
    {
        var jeune = await JeuneAsync("Accesweb");
        var conseiller = await f.ConnecterAsync("s.debout");
        Assert.Equal(HttpStatusCode.OK, (await conseiller.GetAsync($"/Jeunes/Dossier/{jeune}")).StatusCode);
        var numero = (await (await f.ApiAsync("s.debout")).GetFromJsonAsync<JsonElement>($"/api/v1/jeunes/{jeune}")).GetProperty("numero").GetInt64();

        var dpo = await f.ConnecterAsync("a.bernard");
        var journal = await dpo.GetStringAsync($"/Pilotage/ProtectionDonnees?numero={numero}");
        Assert.Contains("Sylvain Debout", journal, StringComparison.Ordinal);
        Assert.Contains("ACCESWEB", journal, StringComparison.Ordinal);
        var pdf = await dpo.GetByteArrayAsync($"/Pilotage/ProtectionDonnees?handler=DroitAcces&format=pdf&numero={numero}");
        using var doc = PdfDocument.Open(pdf);
        var texte = string.Join(' ', doc.GetPages().Select(p => p.Text));
        Assert.Contains("ines@example.org", texte, StringComparison.Ordinal);
        var json = await dpo.GetStringAsync($"/Pilotage/ProtectionDonnees?handler=DroitAcces&format=json&numero={numero}");
        Assert.Contains("\"Historique des modifications\"", json, StringComparison.Ordinal);

        // The conseiller sees neither the journal nor the export.
        var page = await conseiller.GetStringAsync($"/Pilotage/ProtectionDonnees?numero={numero}");
        Assert.DoesNotContain("id=\"journal\"", page, StringComparison.Ordinal);
        var api = await f.ApiAsync("s.debout");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/rgpd/journal?jeuneId={jeune}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/rgpd/jeunes/{jeune}/donnees")).StatusCode);
    }
}
