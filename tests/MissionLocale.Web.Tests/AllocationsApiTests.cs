using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MissionLocale.Web.Tests;

/// <summary>Issue 5's API: refusals carry their rule, rights are checked, the return import is all or nothing, OpenAPI lists it.</summary>
public sealed class AllocationsApiTests(WebFixture f) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task OpenAPI_decrit_allocations_cerfa_lots_et_retours()
    {
        var paths = (await f.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");
        foreach (var p in new[] { "/api/v1/jeunes/{id}/allocations", "/api/v1/dispositifs/{id}/cerfa", "/api/v1/cerfas/{id}/valider", "/api/v1/lots", "/api/v1/lots/{id}/fichier", "/api/v1/retours-asp", "/api/v1/siege/files", "/api/v1/delegations-rgs" })
        {
            Assert.True(paths.TryGetProperty(p, out _), p);
        }
    }

    [Fact]
    [Trait("Rule", "ALLOC-13")]
    public async Task Les_donnees_de_demo_donnent_au_validateur_des_cerfa_signes_a_valider()
    {
        // Made through the use cases at the first start: per demo structure up to 3 CEJ (jeunes of the first conseiller's
        // portfolio: the tests seed 3 jeunes per structure, the demo 300) with CERFA and first allocation, 2 signed.
        var files = await (await f.ApiAsync("v.morel")).GetFromJsonAsync<JsonElement>("/api/v1/siege/files");
        Assert.True(files.GetProperty("delegationActive").GetBoolean());
        var cerfas = files.GetProperty("cerfas").EnumerateArray().ToList();
        Assert.NotEmpty(cerfas);
        Assert.All(cerfas, c => Assert.NotEqual(JsonValueKind.Null, c.GetProperty("premiereDemandeId").ValueKind));
        Assert.Contains(files.GetProperty("compteurs").EnumerateArray(), c => c.GetProperty("etatLibelle").GetString() == "Enregistrée" && c.GetProperty("nombre").GetInt32() >= cerfas.Count);
    }

    [Fact]
    [Trait("Rule", "CERFA-01")]
    public async Task Le_cerfa_se_telecharge_et_s_affiche_en_apercu_pour_le_siege()
    {
        // A demo CERFA (generated at the first start): the validator opens it inline beside the data, or downloads it.
        var files = await (await f.ApiAsync("v.morel")).GetFromJsonAsync<JsonElement>("/api/v1/siege/files");
        var document = files.GetProperty("cerfas")[0].GetProperty("documentId").GetGuid();
        var page = await f.ConnecterAsync("v.morel");
        var apercu = await page.GetAsync($"/Jeunes/Document/{document}?apercu=true");
        Assert.Equal(HttpStatusCode.OK, apercu.StatusCode);
        Assert.Equal("application/pdf", apercu.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("inline", apercu.Content.Headers.ContentDisposition?.ToString() ?? apercu.Headers.GetValues("Content-Disposition").First(), StringComparison.Ordinal);
        Assert.Equal("nosniff", apercu.Headers.GetValues("X-Content-Type-Options").First());
        var telechargement = await page.GetAsync($"/Jeunes/Document/{document}");
        Assert.Equal("attachment", telechargement.Content.Headers.ContentDisposition?.DispositionType);
        var octets = await telechargement.Content.ReadAsByteArrayAsync();
        Assert.True(octets.Length < 150 * 1024);
        Assert.Equal("%PDF-"u8.ToArray(), octets[..5]);
    }

    [Fact]
    [Trait("Rule", "CEJ-05")]
    [Trait("Rule", "ALLOC-13")]
    [Trait("Rule", "ALLOC-11")]
    public async Task Refus_avec_regle_droits_et_retour_rejete_en_entier()
    {
        var conseiller = await f.ApiAsync("s.debout");
        var jeune = (await (await conseiller.PostAsJsonAsync("/api/v1/jeunes", new
        {
            civilite = "Monsieur",
            nom = "Apiallocation",
            prenom = "Noé",
            dateNaissance = "2005-01-15",
            communeNaissanceInsee = "35238",
            consentementRgpd = true,
            voie = "Rue de Nantes",
            codePostal = "35000",
            communeInsee = "35238",
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var aujourdhui = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        var entretien = (await (await conseiller.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/evenements", new { nature = "EntretienIndividuel", date = DateTimeOffset.UtcNow.AddDays(-3), dureeMinutes = 45 }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var cej = await conseiller.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/dispositifs", new { typeCode = "CEJ", dateDebut = aujourdhui.AddDays(-3), dateFinPrevue = aujourdhui.AddMonths(6), evenementId = entretien });
        Assert.Equal(HttpStatusCode.Created, cej.StatusCode);
        var cejId = (await conseiller.GetFromJsonAsync<JsonElement>($"/api/v1/jeunes/{jeune}/dispositifs")).EnumerateArray().Single(d => d.GetProperty("typeCode").GetString() == "CEJ").GetProperty("id").GetGuid();

        // CEJ-05: no CERFA without bank details; the refusal names its rule.
        var sansRib = await conseiller.PostAsync($"/api/v1/dispositifs/{cejId}/cerfa", null);
        Assert.False(sansRib.IsSuccessStatusCode);
        Assert.Equal("CEJ-05", (await sansRib.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());

        // A conseiller does not build batches (USR-06); the demo validator (with its RGS delegation) sees a bad return file refused whole.
        Assert.Equal(HttpStatusCode.Forbidden, (await conseiller.PostAsJsonAsync("/api/v1/lots", new { typeCode = "CEJ" })).StatusCode);
        var validateur = await f.ApiAsync("v.morel");
        var faux = new StringContent($"demande;lot;statut;date;montant_verse;motif\n{Guid.NewGuid()};{Guid.NewGuid()};VERSEE;2026-11-05;10.00;\npas;une;ligne\n", Encoding.UTF8, "text/csv");
        var r = await validateur.PostAsync("/api/v1/retours-asp", faux);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        var corps = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ALLOC-11", corps.GetProperty("rule").GetString());
        Assert.Contains(corps.GetProperty("erreurs").EnumerateArray(), e => e.GetString()!.StartsWith("Ligne 3", StringComparison.Ordinal));

        // Nothing to batch: 204.
        Assert.Equal(HttpStatusCode.NoContent, (await validateur.PostAsJsonAsync("/api/v1/lots", new { typeCode = "PACEA" })).StatusCode);
    }
}
