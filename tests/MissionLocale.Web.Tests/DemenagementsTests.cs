using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionLocale.Infrastructure.Persistence;

namespace MissionLocale.Web.Tests;

/// <summary>Issue 12: a dossier follows a jeune who moves to another Mission Locale (DEM-01 to DEM-07, proposal in docs/demenagement-dossier.md).</summary>
public sealed class DemenagementsTests(WebFixture f) : IClassFixture<WebFixture>
{
    private async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> travail)
    {
        await using var scope = f.Services.CreateAsyncScope();
        return await travail(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    [Trait("Rule", "DEM-01")]
    [Trait("Rule", "DEM-02")]
    [Trait("Rule", "DEM-03")]
    [Trait("Rule", "DEM-06")]
    [Trait("Rule", "DEM-07")]
    public async Task Le_dossier_suit_le_jeune_apres_accord_sans_rien_montrer_avant()
    {
        var rennes = await f.ApiAsync("s.debout");
        var lyon = await f.ApiAsync("c.roux");
        var cree = await rennes.PostAsJsonAsync("/api/v1/jeunes", new
        {
            civilite = "Madame",
            nom = "Démenage",
            prenom = "Loëla",
            dateNaissance = "2005-04-12",
            communeNaissanceInsee = "35238",
            consentementRgpd = true,
            voie = "Rue de Nantes",
            codePostal = "35000",
            communeInsee = "35238",
        });
        var jeune = (await JsonAsync(cree)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await rennes.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/evenements", new { nature = "EntretienIndividuel", date = DateTimeOffset.UtcNow.AddDays(-2), dureeMinutes = 30 })).StatusCode);

        // DEM-01: Lyon learns where, not what (accents and case ignored); the reference alone opens nothing.
        var recherche = await lyon.GetStringAsync("/api/v1/demenagements/recherche?nom=DEMENAGE&prenom=loela&dateNaissance=2005-04-12");
        var trouve = JsonDocument.Parse(recherche).RootElement[0];
        Assert.Equal(jeune, trouve.GetProperty("reference").GetGuid());
        Assert.Equal("Mission Locale du Bassin d'Emploi de Rennes", trouve.GetProperty("structure").GetString());
        Assert.DoesNotContain("Rue de Nantes", recherche, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await lyon.GetAsync($"/api/v1/jeunes/{jeune}")).StatusCode);

        var demande = new { reference = jeune, nom = "Démenage", prenom = "Loëla", dateNaissance = "2005-04-12", motif = "Déménagement à Lyon 3e", accordJeune = true };
        var sansAccord = await lyon.PostAsJsonAsync("/api/v1/demenagements", demande with { accordJeune = false });
        Assert.Contains("L'accord du jeune est obligatoire", await sansAccord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await lyon.PostAsJsonAsync("/api/v1/demenagements", demande with { dateNaissance = "2005-04-13" })).StatusCode);

        // DEM-07: one pending request at a time.
        Assert.Equal(HttpStatusCode.Created, (await lyon.PostAsJsonAsync("/api/v1/demenagements", demande)).StatusCode);
        Assert.Equal("DEM-07", (await JsonAsync(await lyon.PostAsJsonAsync("/api/v1/demenagements", demande))).GetProperty("rule").GetString());

        // Rennes sees its jeune's name; Lyon only its request. Only Rennes answers; a refusal has a motive.
        var recues = (await rennes.GetFromJsonAsync<JsonElement>("/api/v1/demenagements")).GetProperty("recues")[0];
        Assert.Equal("Loëla DEMENAGE", recues.GetProperty("jeune").GetString());
        var envoyee = (await lyon.GetFromJsonAsync<JsonElement>("/api/v1/demenagements")).GetProperty("envoyees")[0];
        Assert.Equal(JsonValueKind.Null, envoyee.GetProperty("jeune").ValueKind);
        var id = recues.GetProperty("id").GetGuid();
        Assert.Equal("DEM-02", (await JsonAsync(await lyon.PostAsJsonAsync($"/api/v1/demenagements/{id}/acceptation", new { version = 0 }))).GetProperty("rule").GetString());
        Assert.Equal("DEM-02", (await JsonAsync(await rennes.PostAsJsonAsync($"/api/v1/demenagements/{id}/refus", new { version = 0, motifRefus = " " }))).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await rennes.PostAsJsonAsync($"/api/v1/demenagements/{id}/refus", new { version = 0, motifRefus = "Le jeune habite toujours Rennes" })).StatusCode);
        Assert.Contains("Le jeune habite toujours Rennes", await lyon.GetStringAsync("/api/v1/demenagements"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await lyon.GetAsync($"/api/v1/jeunes/{jeune}")).StatusCode);

        // Asked again and accepted: the dossier, its history and its événements are Lyon's; Rennes no longer sees it.
        var seconde = (await JsonAsync(await lyon.PostAsJsonAsync("/api/v1/demenagements", demande))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await rennes.PostAsJsonAsync($"/api/v1/demenagements/{seconde}/acceptation", new { version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lyon.GetAsync($"/api/v1/jeunes/{jeune}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rennes.GetAsync($"/api/v1/jeunes/{jeune}")).StatusCode);
        var historique = await lyon.GetStringAsync($"/api/v1/jeunes/{jeune}/historique");
        Assert.Contains("Mission Locale de Lyon", historique, StringComparison.Ordinal);
        Assert.Contains("Création du dossier", historique, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"Evenement\"", await lyon.GetStringAsync($"/api/v1/jeunes/{jeune}/frise"), StringComparison.Ordinal);
        var lyonId = await DbAsync(db => db.Structures.Where(s => s.Code == "ML69-LYON").Select(s => s.Id).SingleAsync());
        Assert.True(await DbAsync(db => db.Jeunes.IgnoreQueryFilters().AnyAsync(j => j.Id == jeune && j.StructureId == lyonId && j.ConseillerReferentId == null)));

        // DEM-06: both access logs record it.
        var journaux = await DbAsync(db => db.Consultations.IgnoreQueryFilters().Where(c => c.JeuneId == jeune && c.Objet.StartsWith("Dossier ")).Select(c => c.Objet).ToListAsync());
        Assert.Contains(journaux, o => o.StartsWith("Dossier cédé à Mission Locale de Lyon", StringComparison.Ordinal));
        Assert.Contains(journaux, o => o.StartsWith("Dossier reçu de Mission Locale du Bassin", StringComparison.Ordinal));
    }
}
