using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionLocale.Application.Reference.RechercherCommunes;
using MissionLocale.Infrastructure.Persistence;
using MissionLocale.Infrastructure.Reference;

namespace MissionLocale.Application.Tests;

public sealed class ReferentielTests(AppFixture f) : IClassFixture<AppFixture>
{
    private static MemoryStream Fichier(string contenu) => new(Encoding.UTF8.GetBytes(contenu));

    private async Task<T> AvecImporteurAsync<T>(Func<QpvImporter, AppDbContext, Task<T>> action)
    {
        await using var scope = f.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<QpvImporter>(), scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task Referentiel_officiel_des_communes_et_codes_postaux_charge()
    {
        var n = await AvecImporteurAsync((_, db) => db.Communes.CountAsync());
        Assert.True(n > 34_000, $"{n} communes");
        var rennes = await f.EnvoyerAsync("conseiller.a", new RechercherCommunesQuery("35000", null));
        Assert.Equal("Rennes", Assert.Single(rennes).Nom);
        var parNom = await f.EnvoyerAsync("conseiller.a", new RechercherCommunesQuery(null, "saint-malo"));
        Assert.Contains(parNom, c => c.CodeInsee == "35288");
        Assert.Equal("243500139", await AvecImporteurAsync((_, db) => db.Communes.Where(c => c.CodeInsee == "35238").Select(c => c.Epci).SingleAsync()));
    }

    [Fact]
    public async Task Liste_complete_des_pays_du_COG_avec_codes_INSEE_triee_a_la_francaise()
    {
        var pays = await AvecImporteurAsync((_, db) => db.Pays.AsNoTracking().OrderBy(p => p.Nom).Select(p => new { p.Code, p.CodeInsee, p.Nom }).ToListAsync());
        Assert.True(pays.Count > 200, $"{pays.Count} pays");
        Assert.Contains(pays, p => p is { Code: "IT", CodeInsee: "99127", Nom: "Italie" });
        Assert.Contains(pays, p => p is { Code: "XK", CodeInsee: "99157", Nom: "Kosovo" });
        Assert.Contains(pays, p => p is { Code: "SS", CodeInsee: "99349" }); // Soudan du Sud, absent from the former short list
        var noms = pays.Select(p => p.Nom).ToList();
        Assert.True(noms.IndexOf("Bénin") < noms.IndexOf("Burundi"), "Bénin avant Burundi");
        Assert.True(noms.IndexOf("Égypte") < noms.IndexOf("Espagne"), "Égypte avant Espagne");

        // A deployment seeded with the former short list is completed at the next start.
        await AvecImporteurAsync(async (_, db) => await db.Database.ExecuteSqlRawAsync("DELETE FROM pays WHERE code IN ('SS', 'TV'); UPDATE pays SET code_insee = NULL WHERE code = 'IT'"));
        await using (var scope = f.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReferenceDataLoader>().ChargerAsync();
        }

        Assert.Equal(pays.Count, await AvecImporteurAsync((_, db) => db.Pays.CountAsync()));
        Assert.Equal("99127", await AvecImporteurAsync((_, db) => db.Pays.Where(p => p.Code == "IT").Select(p => p.CodeInsee).SingleAsync()));
    }

    [Fact]
    public async Task Import_QPV_fichier_avec_erreurs_rejete_en_entier_ligne_par_ligne()
    {
        var avant = await AvecImporteurAsync((_, db) => db.Qpvs.CountAsync());
        var r = await AvecImporteurAsync((imp, _) => imp.ImporterQpvAsync(Fichier(
            "code_qp;lib_qp;insee_com\nQN99901M;Nouveau quartier;35238\nQN99902M;Commune inconnue;99999\nQN99903M\n")));
        Assert.False(r.Reussi);
        Assert.Equal(2, r.Erreurs.Count);
        Assert.Contains(r.Erreurs, e => e.StartsWith("Ligne 3 : commune 99999 inconnue", StringComparison.Ordinal));
        Assert.Contains(r.Erreurs, e => e.StartsWith("Ligne 4", StringComparison.Ordinal));
        Assert.Equal(avant, await AvecImporteurAsync((_, db) => db.Qpvs.CountAsync()));
    }

    [Fact]
    public async Task Import_QPV_ajoute_met_a_jour_et_reimporter_ne_change_rien()
    {
        const string contenu = "code_qp,lib_qp,insee_com,date_debut,date_fin\nQN98801M,Quartier test,35238,2024-01-01,\nQN03501M,Le Blosne,35238,2024-01-01,2030-12-31\n";
        var r1 = await AvecImporteurAsync((imp, _) => imp.ImporterQpvAsync(Fichier(contenu)));
        Assert.True(r1.Reussi);
        Assert.Equal(1, r1.Ajoutes);
        Assert.Equal(1, r1.Modifies);
        var total = await AvecImporteurAsync((_, db) => db.Qpvs.CountAsync());
        var r2 = await AvecImporteurAsync((imp, _) => imp.ImporterQpvAsync(Fichier(contenu)));
        Assert.Equal(0, r2.Ajoutes);
        Assert.Equal(total, await AvecImporteurAsync((_, db) => db.Qpvs.CountAsync()));
        Assert.Equal(new DateOnly(2030, 12, 31), await AvecImporteurAsync((_, db) => db.Qpvs.Where(q => q.Code == "QN03501M").Select(q => q.DateFin).SingleAsync()));

        var voies = await AvecImporteurAsync((imp, _) => imp.ImporterVoiesAsync(Fichier("code_qp;insee_com;voie\nQN98801M;35238;Av. du Test\n")));
        Assert.True(voies.Reussi);
        await using var scope = f.Services.CreateAsyncScope();
        var zonage = scope.ServiceProvider.GetRequiredService<MissionLocale.Application.Common.IZonageAdresse>();
        Assert.Equal("QN98801M", await zonage.QpvAsync("35238", "avenue du test", new DateOnly(2026, 1, 1), CancellationToken.None));
        Assert.Null(await zonage.QpvAsync("35238", "avenue du test", new DateOnly(2023, 1, 1), CancellationToken.None));
    }
}
