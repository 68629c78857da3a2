using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.DeclarerRessources;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Documents;

namespace MissionLocale.Application.Tests;

/// <summary>ALLOC-08..10 on PostgreSQL: one declaration per month, numeric(10,2), corrections, parallel saves.</summary>
public sealed class RessourcesTests(AppFixture f) : IClassFixture<AppFixture>
{
    private const string C = "conseiller.a";
    private static readonly DateOnly Fevrier = new(2026, 2, 1);

    private async Task<Guid> JeuneAsync(string nom) => (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil(nom, "Léo", new DateOnly(2004, 5, 5)))).JeuneId;

    [Fact]
    [Trait("Rule", "ALLOC-08")]
    [Trait("Rule", "ALLOC-09")]
    [Trait("Rule", "ALLOC-10")]
    public async Task ALLOC_08_10_declaration_du_mois_avec_justificatifs_calcul_au_centime_et_correction()
    {
        var jeune = await JeuneAsync("Ressources");
        var fiche = await f.LireAsync(C, async db =>
        {
            var d = new Document(f.StructureA, jeune, CategorieDocument.PieceJustificative, "bulletin fevrier.pdf", "application/pdf", [1], f.Comptes[C].Id, f.Clock.GetUtcNow());
            db.Documents.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });
        var r = await f.EnvoyerAsync(C, new DeclarerRessourcesCommand(jeune, new DateOnly(2026, 2, 17),
            new SaisieRessources(NetAPayer: 120.405m, RevenuEcologique: 40m, ChiffreAffaires: 250m, Activite: ActiviteMicro.Bnc), [fiche]));
        Assert.Equal(Fevrier, r.Mois);
        Assert.Equal(120.41m + 165.00m, r.Calcul.Total);
        Assert.True(r.Calcul.PaceaPayable); // 285.41 < 300
        Assert.Contains(r.Calcul.Etapes, e => e.Libelle.Contains("abattement de 34 %", StringComparison.Ordinal) && e.Montant == 165.00m);

        // Stored as numeric(10,2): read back exactly.
        var stocke = await f.LireAsync(C, db => db.DeclarationsRessources.SingleAsync(d => d.Id == r.Id));
        Assert.Equal((120.41m, 285.41m, fiche), (stocke.NetAPayer!.Value, stocke.Total, stocke.Justificatifs.Single()));

        // The same month again is a correction at the version read; a stale version is refused.
        var corrige = await f.EnvoyerAsync(C, new DeclarerRessourcesCommand(jeune, Fevrier, new SaisieRessources(NetAPayer: 120.41m, AllocationCejRecue: 200m), [fiche], r.Version));
        Assert.False(corrige.Calcul.PaceaPayable); // 320.41 with the CEJ allocation received
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.EnvoyerAsync(C, new DeclarerRessourcesCommand(jeune, Fevrier, new SaisieRessources(NetAPayer: 1m), null, r.Version)));
        Assert.Single(await f.EnvoyerAsync(C, new ListerRessourcesQuery(jeune)));

        // Bad input changes nothing: a future month, another dossier's document.
        await Assert.ThrowsAsync<InvalidInputException>(() => f.EnvoyerAsync(C, new DeclarerRessourcesCommand(jeune, new DateOnly(2026, 4, 1), new SaisieRessources(NetAPayer: 1m))));
        var autre = await JeuneAsync("Autreressources");
        Assert.Equal("ALLOC-08", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new DeclarerRessourcesCommand(autre, Fevrier, new SaisieRessources(NetAPayer: 1m), [fiche])))).RuleId);
        Assert.Empty(await f.EnvoyerAsync(C, new ListerRessourcesQuery(autre)));
    }

    [Fact]
    [Trait("Rule", "ALLOC-08")]
    public async Task ALLOC_08_deux_declarations_simultanees_du_meme_mois_n_en_font_qu_une()
    {
        var jeune = await JeuneAsync("Ressourcesparalleles");
        var resultats = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            try
            {
                await f.EnvoyerAsync(C, new DeclarerRessourcesCommand(jeune, Fevrier, new SaisieRessources(AutresRessources: 10m + i)));
                return "ok";
            }
            catch (BusinessRuleException e)
            {
                return e.RuleId;
            }
            catch (ConcurrencyConflictException)
            {
                return "conflit";
            }
        })));
        Assert.Equal(1, resultats.Count(r => r == "ok"));
        Assert.All(resultats.Where(r => r != "ok"), r => Assert.Contains(r, new[] { "ALLOC-08", "conflit" }));
        Assert.Equal(1, await f.LireAsync(C, db => db.DeclarationsRessources.CountAsync(d => d.JeuneId == jeune)));
    }
}
