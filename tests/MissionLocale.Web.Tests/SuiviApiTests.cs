using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using UglyToad.PdfPig;

namespace MissionLocale.Web.Tests;

public sealed class SuiviApiTests(WebFixture f) : IClassFixture<WebFixture>
{
    private static async Task<Guid> CreerAsync(HttpClient api, string nom)
    {
        var r = await api.PostAsJsonAsync("/api/v1/jeunes", new
        {
            civilite = "Monsieur",
            nom,
            prenom = "Rémi",
            dateNaissance = "2004-06-01",
            communeNaissanceInsee = "35238",
            consentementRgpd = true,
            numero = "9",
            voie = "Rue de Lorient",
            codePostal = "35000",
            communeInsee = "35238",
        });
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    [Trait("Rule", "RDV-01")]
    [Trait("Rule", "RDV-03")]
    public async Task RDV_01_chevauchement_409_puis_confirme_et_convocation_PDF_par_API()
    {
        var api = await f.ApiAsync("s.debout");
        var jeune = await CreerAsync(api, "Apirdv");
        var debut = DateTimeOffset.UtcNow.AddDays(3).Date.AddHours(9);
        var rdv = new { objet = "Entretien", debut, dureeMinutes = 60, lieu = "Antenne Centre" };
        var premier = await api.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/rendez-vous", rdv);
        Assert.Equal(HttpStatusCode.Created, premier.StatusCode);
        var id = (await premier.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var second = await api.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/rendez-vous", rdv);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var probleme = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("RDV-01", probleme.GetProperty("rule").GetString());
        Assert.Contains("confirmerChevauchement", probleme.GetProperty("confirmation").GetString(), StringComparison.Ordinal);
        var confirme = await api.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/rendez-vous", new { objet = "Entretien", debut, dureeMinutes = 60, confirmerChevauchement = true });
        Assert.Equal(HttpStatusCode.Created, confirme.StatusCode);

        var convocation = await api.PostAsync($"/api/v1/rendez-vous/{id}/convocation", null);
        Assert.Equal(HttpStatusCode.Created, convocation.StatusCode);
        var pdf = await api.GetAsync(convocation.Headers.Location);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using var doc = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("Rémi", doc.GetPage(1).Text, StringComparison.Ordinal);

        var frise = await api.GetFromJsonAsync<JsonElement>($"/api/v1/jeunes/{jeune}/frise?types=RendezVous");
        Assert.Equal(2, frise.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await (await f.ApiAsync("c.roux")).GetAsync($"/api/v1/jeunes/{jeune}/frise")).StatusCode);
    }

    [Fact]
    public async Task Depot_de_document_type_verifie_par_le_contenu_et_agenda_ics()
    {
        var api = await f.ApiAsync("s.debout");
        var jeune = await CreerAsync(api, "Apidepot");
        using var faux = new MultipartFormDataContent { { new ByteArrayContent("pas un PDF"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "fichier", "cni.pdf" } };
        var refus = await api.PostAsync($"/api/v1/jeunes/{jeune}/documents", faux);
        Assert.Equal(HttpStatusCode.BadRequest, refus.StatusCode);
        Assert.Contains("PDF et les images", await refus.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var vrai = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "fichier", "cni.pdf" } };
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync($"/api/v1/jeunes/{jeune}/documents?categorie=PieceJustificative", vrai)).StatusCode);
        var docs = await api.GetFromJsonAsync<JsonElement>($"/api/v1/jeunes/{jeune}/documents");
        Assert.Equal("cni.pdf", docs[0].GetProperty("nom").GetString());

        var ics = await api.GetAsync("/api/v1/agenda.ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR", await ics.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var openapi = await f.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        foreach (var chemin in new[] { "/api/v1/jeunes/{id}/rendez-vous", "/api/v1/jeunes/{id}/evenements", "/api/v1/offres", "/api/v1/sessions/{id}/participants", "/api/v1/jeunes/{id}/situations", "/api/v1/documents/{id}" })
        {
            Assert.True(openapi.GetProperty("paths").TryGetProperty(chemin, out _), chemin);
        }
    }

    [Fact]
    [Trait("Rule", "DIAG-01")]
    [Trait("Rule", "DISP-03")]
    [Trait("Rule", "DISP-05")]
    public async Task Dispositif_par_API_avertissement_409_confirme_puis_cloture()
    {
        var api = await f.ApiAsync("s.debout");
        var jeune = await CreerAsync(api, "Apidispositif");
        var evt = await api.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/evenements", new { nature = "EntretienIndividuel", date = DateTimeOffset.UtcNow.AddHours(-1), dureeMinutes = 45 });
        var entretien = (await evt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var debut = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10);
        var demande = new { typeCode = "DIAG", dateDebut = debut, dateFinPrevue = debut.AddMonths(2), evenementId = entretien };
        var avert = await api.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/dispositifs", demande);
        Assert.Equal(HttpStatusCode.Conflict, avert.StatusCode);
        var probleme = await avert.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("DIAG-01", probleme.GetProperty("rule").GetString());
        Assert.Contains("confirmerAvertissements", probleme.GetProperty("confirmation").GetString(), StringComparison.Ordinal);

        var ok = await api.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/dispositifs", new { typeCode = "DIAG", dateDebut = debut, dateFinPrevue = debut.AddMonths(2), evenementId = entretien, confirmerAvertissements = true });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var liste = await api.GetFromJsonAsync<JsonElement>($"/api/v1/jeunes/{jeune}/dispositifs");
        var id = liste[0].GetProperty("id").GetGuid();
        var refus = await api.PostAsJsonAsync($"/api/v1/dispositifs/{id}/cloture", new { version = 0, dateFinReelle = debut.AddDays(5), motifSortie = "CDI" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refus.StatusCode);
        var corps = await refus.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("DIAG-03", corps.GetProperty("rule").GetString());

        // DISP-05: the refusal says what blocked and what to do, in French.
        Assert.Contains("choisissez un motif de la liste", corps.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var clos = await api.PostAsJsonAsync($"/api/v1/dispositifs/{id}/cloture", new { version = 0, dateFinReelle = debut.AddDays(5), motifSortie = "PACEA" });
        Assert.Equal(HttpStatusCode.NoContent, clos.StatusCode);
    }

    [Fact]
    [Trait("Rule", "CEJ-02")]
    public async Task CEJ_heures_par_semaine_et_alertes_par_API_et_page()
    {
        var api = await f.ApiAsync("s.debout");
        var jeune = await CreerAsync(api, "Apicejheures");
        var evt = await api.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/evenements", new { nature = "EntretienIndividuel", date = DateTimeOffset.UtcNow.AddHours(-1), dureeMinutes = 45 });
        var entretien = (await evt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var debut = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30);
        var cej = await api.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/dispositifs", new { typeCode = "CEJ", dateDebut = debut, dateFinPrevue = debut.AddMonths(8), evenementId = entretien });
        Assert.Equal(HttpStatusCode.Created, cej.StatusCode);

        var heures = await api.GetFromJsonAsync<JsonElement>($"/api/v1/jeunes/{jeune}/cej/heures");
        Assert.True(heures.GetProperty("semaines").GetArrayLength() >= 4);
        Assert.Equal(15m, heures.GetProperty("seuil").GetDecimal());

        var alertes = await api.GetFromJsonAsync<JsonElement>("/api/v1/alertes");
        Assert.Equal(["pacea-sans-contact", "pacea-sans-entretien", "cej-sous-seuil", "anniversaire-26", "diag-plus-un-mois", "ppae-non-initialise", "cer-a-renouveler", "rsa-sans-cer", "cer-en-validation", "cer-refuse", "formation-sans-objectif", "allocations-a-soumettre", "cerfa-non-valide", "sans-contact-un-an"], alertes.EnumerateArray().Select(a => a.GetProperty("code").GetString()!).ToArray());
        var sousSeuil = await api.GetFromJsonAsync<JsonElement>("/api/v1/alertes/cej-sous-seuil?structure=true");
        Assert.Contains(sousSeuil.EnumerateArray(), j => j.GetProperty("jeuneId").GetGuid() == jeune);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/alertes/inconnue")).StatusCode);

        var pages = await f.ConnecterAsync("s.debout");
        var html = await pages.GetStringAsync("/Pilotage/Alertes?code=cej-sous-seuil&structure=true");
        Assert.Contains("APICEJHEURES", html, StringComparison.Ordinal);
        Assert.Contains("CEJ-02", html, StringComparison.Ordinal);
        var dossier = await pages.GetStringAsync($"/Jeunes/Dossier/{jeune}/dispositifs");
        Assert.Contains("activité CEJ par semaine", dossier, StringComparison.Ordinal);
        Assert.Contains("hx-get=\"/?handler=Alertes\"", await pages.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("id=\"alertes\"", await pages.GetStringAsync("/?handler=Alertes"), StringComparison.Ordinal);
        Assert.Contains("id=\"alertes\"", await pages.GetStringAsync("/?alertes=true"), StringComparison.Ordinal);
    }
}
