using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionLocale.Application.Rappels;
using MissionLocale.Application.Reference.ExecuterFusions;
using MissionLocale.Infrastructure.Messages;
using MissionLocale.Infrastructure.Persistence;

namespace MissionLocale.Web.Tests;

/// <summary>Issue 12: the national administrator creates a structure (USR-06); its administrator manages antennes and letterhead (USR-07) and merges reference elements at night (USR-10).</summary>
public sealed class StructuresTests(WebFixture f) : IClassFixture<WebFixture>
{
    private async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> travail)
    {
        await using var scope = f.Services.CreateAsyncScope();
        return await travail(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    [Trait("Rule", "USR-06")]
    public async Task USR_06_l_administrateur_national_cree_une_structure_son_territoire_et_son_premier_administrateur()
    {
        var national = await f.ApiAsync("c.lambert");
        var demande = new
        {
            code = "ml22-lannion",
            nom = "Mission Locale Ouest Côtes d'Armor",
            adresseVoie = "3 rue de la Mairie",
            codePostal = "22300",
            communeInsee = "22113",
            communes = new[] { "22113", "22168" },
            administrateurCivilite = "Madame",
            administrateurNom = "Le Goff",
            administrateurPrenom = "Maëlle",
            administrateurEmail = "m.legoff@ml22.example",
        };

        // Unknown communes and missing fields: all at once, nothing created.
        var faux = await national.PostAsJsonAsync("/api/v1/structures", demande with { communes = new[] { "22113", "99999" } });
        Assert.Equal(HttpStatusCode.BadRequest, faux.StatusCode);
        Assert.Contains("ne sont pas des communes", await faux.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var cree = await national.PostAsJsonAsync("/api/v1/structures", demande);
        Assert.True(cree.StatusCode == HttpStatusCode.Created, await cree.Content.ReadAsStringAsync());
        var r = await JsonAsync(cree);
        Assert.Equal(("ML22-LANNION", "m.legoff"), (r.GetProperty("code").GetString(), r.GetProperty("administrateurLogin").GetString()));
        var structureId = r.GetProperty("id").GetGuid();
        Assert.Equal(2, await DbAsync(db => db.Structures.Where(s => s.Id == structureId).Select(s => s.Territoire.Count).SingleAsync()));
        Assert.Equal("USR-06", (await JsonAsync(await national.PostAsJsonAsync("/api/v1/structures", demande with { administrateurEmail = "autre@ml22.example" }))).GetProperty("rule").GetString());

        // Her first access, then she manages her structure and sees none of the others' accounts.
        var lien = f.Services.GetRequiredService<JournalEnvois>().Envoyes.Last(e => e.Destinataire == "m.legoff@ml22.example").Texte;
        var chemin = new Uri(System.Text.RegularExpressions.Regex.Match(lien, "https?://\\S+").Value).PathAndQuery;
        Assert.Equal(HttpStatusCode.Redirect, (await WebFixture.PosterFormulaireAsync(f.Client(), chemin, chemin, new() { ["MotDePasse"] = "Goéland sur la jetée 22", ["Confirmation"] = "Goéland sur la jetée 22" })).StatusCode);
        var login = r.GetProperty("administrateurLogin").GetString()!;
        var admin = f.Client();
        var jeton = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/auth/token", new { login, password = "Goéland sur la jetée 22" }));
        admin.DefaultRequestHeaders.Authorization = new("Bearer", jeton.GetProperty("accessToken").GetString());
        var comptes = await admin.GetStringAsync("/api/v1/comptes");
        Assert.Contains(login, comptes, StringComparison.Ordinal);
        Assert.DoesNotContain("a.bernard", comptes, StringComparison.Ordinal);
        var structure = await admin.GetFromJsonAsync<JsonElement>("/api/v1/structure");
        Assert.Equal("Siège", structure.GetProperty("antennes")[0].GetProperty("nom").GetString());

        // Only the national administrator creates structures; the national list has counts, no names of people.
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync("/api/v1/structures", demande)).StatusCode);
        Assert.Contains("ML22-LANNION", await national.GetStringAsync("/api/v1/structures"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "USR-07")]
    public async Task USR_07_antennes_adresse_horaires_et_logo_de_l_en_tete()
    {
        var admin = await f.ApiAsync("m.girard");
        var ajout = await admin.PostAsJsonAsync("/api/v1/structure/antennes", new { nom = "Vaulx-en-Velin", adresseVoie = "5 rue Émile Zola", codePostal = "69120", communeInsee = "69256", horaires = "Mardi et jeudi, 9h-12h" });
        Assert.Equal(HttpStatusCode.Created, ajout.StatusCode);
        var id = (await JsonAsync(ajout)).GetProperty("id").GetGuid();
        Assert.Equal("USR-07", (await JsonAsync(await admin.PostAsJsonAsync("/api/v1/structure/antennes", new { nom = "Vaulx-en-Velin" }))).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/structure/antennes/{id}", new { version = 1, nom = "Vaulx-en-Velin", horaires = "Mardi, 9h-12h" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"/api/v1/structure/antennes/{id}", new { version = 1, nom = "Vaulx", horaires = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await f.ApiAsync("a.bernard")).PutAsJsonAsync($"/api/v1/structure/antennes/{id}", new { version = 2, nom = "Piratée" })).StatusCode);

        var gif = Convert.ToBase64String("GIF89a...."u8.ToArray());
        Assert.Equal("USR-07", (await JsonAsync(await admin.PutAsJsonAsync("/api/v1/structure/en-tete", new { telephone = "04 72 00 00 00", logoBase64 = gif }))).GetProperty("rule").GetString());
        var png = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/structure/en-tete", new { telephone = "04 72 00 00 00", logoBase64 = png })).StatusCode);
        Assert.True((await admin.GetFromJsonAsync<JsonElement>("/api/v1/structure")).GetProperty("logo").GetBoolean());
    }

    [Fact]
    [Trait("Rule", "USR-10")]
    public async Task USR_10_fusion_programmee_a_4h_executee_par_le_travail_de_nuit_puis_source_supprimable()
    {
        var admin = await f.ApiAsync("a.bernard");
        var conseiller = await f.ApiAsync("s.debout");

        // A duplicate domain, used by an offre de service.
        await DbAsync(async db =>
        {
            var rennes = await db.Structures.Where(s => s.Code == "ML35-RENNES").Select(s => s.Id).SingleAsync();
            await db.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO domaines_proposition (structure_id, code, libelle, actif) VALUES ({rennes}, 'EMPLOI-BIS', 'Emploi (doublon)', true)");
            return 0;
        });
        var offre = await conseiller.PostAsJsonAsync("/api/v1/offres", new { domaineCode = "EMPLOI-BIS", type = "Atelier", libelle = "Atelier CV (doublon)", description = "x" });
        Assert.True(offre.IsSuccessStatusCode, await offre.Content.ReadAsStringAsync());
        var cible = await DbAsync(db => db.DomainesProposition.IgnoreQueryFilters().Where(d => d.Code != "EMPLOI-BIS").Select(d => d.Code).FirstAsync());

        Assert.Equal("USR-10", (await JsonAsync(await admin.DeleteAsync("/api/v1/referentiels/DomaineProposition/EMPLOI-BIS"))).GetProperty("rule").GetString());
        var programmee = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/referentiels/fusions", new { table = "DomaineProposition", source = "EMPLOI-BIS", cible }));
        var prevue = programmee.GetProperty("prevueLe").GetDateTimeOffset();
        Assert.Equal(4, TimeZoneInfo.ConvertTime(prevue, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Hour);
        Assert.True(prevue > DateTimeOffset.UtcNow && prevue <= DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal("USR-10", (await JsonAsync(await admin.PostAsJsonAsync("/api/v1/referentiels/fusions", new { table = "DomaineProposition", source = "EMPLOI-BIS", cible }))).GetProperty("rule").GetString());

        // The night job before 04:00 does nothing; at 04:00 the offre moves to the target; the source stays, now unused.
        var structures = f.Services.GetRequiredService<IParStructure>();
        await structures.PourChaqueStructureAsync((db, _, ct) => ExecutionFusions.ExecuterDuesAsync(db, prevue.AddMinutes(-1), ct), default);
        Assert.Equal(1, await DbAsync(db => db.Offres.IgnoreQueryFilters().CountAsync(o => o.DomaineCode == "EMPLOI-BIS")));
        await structures.PourChaqueStructureAsync((db, _, ct) => ExecutionFusions.ExecuterDuesAsync(db, prevue, ct), default);
        Assert.Equal(0, await DbAsync(db => db.Offres.IgnoreQueryFilters().CountAsync(o => o.DomaineCode == "EMPLOI-BIS")));
        var fusions = await admin.GetFromJsonAsync<JsonElement>("/api/v1/referentiels/fusions");
        Assert.Equal(("Executee", 1), (fusions[0].GetProperty("etat").GetString(), fusions[0].GetProperty("reaffectations").GetInt32()));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/referentiels/DomaineProposition/EMPLOI-BIS")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/v1/referentiels/DomaineProposition/EMPLOI-BIS")).StatusCode);
    }
}
