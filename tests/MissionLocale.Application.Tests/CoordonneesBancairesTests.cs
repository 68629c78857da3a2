using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.EnregistrerCoordonneesBancaires;
using MissionLocale.Application.Dispositifs.CloreDispositif;
using MissionLocale.Application.Dispositifs.OuvrirDispositif;
using MissionLocale.Application.Evenements.EnregistrerEvenement;
using MissionLocale.Application.Jeunes.ConsulterDossier;
using MissionLocale.Application.Jeunes.ConsulterHistorique;
using MissionLocale.Application.Jeunes.ModifierComplements;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Evenements;

namespace MissionLocale.Application.Tests;

/// <summary>RIB-01..05 on PostgreSQL; the clock is 2026-03-10.</summary>
public sealed class CoordonneesBancairesTests(AppFixture f) : IClassFixture<AppFixture>
{
    private const string C = "conseiller.a";
    private const string IbanValide = "FR76 3000 6000 0112 3456 7890 189";
    private const string AutreIbanValide = "FR14 2004 1010 0505 0001 3M02 606";

    private async Task<Guid> JeuneAsync(string nom, DateOnly naissance) =>
        (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil(nom, "Élodie", naissance))).JeuneId;

    [Fact]
    [Trait("Rule", "RIB-01")]
    [Trait("Rule", "RIB-03")]
    public async Task RIB_01_03_un_nouveau_compte_remplace_l_ancien_garde_dans_l_historique_et_rien_n_est_enregistre_sur_refus()
    {
        var jeune = await JeuneAsync("Comptebancaire", new DateOnly(2000, 5, 5));
        var faux = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new EnregistrerCoordonneesBancairesCommand(jeune, "FR76 3000 6000 0112 3456 7890 188", "AGRIFRPP", TypeCompte.CompteCourant, "COMPTEBANCAIRE ELODIE")));
        Assert.Equal("RIB-01", faux.RuleId);
        Assert.Empty(await f.EnvoyerAsync(C, new ConsulterCoordonneesBancairesQuery(jeune)));

        await f.EnvoyerAsync(C, new EnregistrerCoordonneesBancairesCommand(jeune, IbanValide, "agrifrpp", TypeCompte.CompteCourant, "Mlle Comptebancaire Élodie", DateDebut: new DateOnly(2026, 1, 1)));
        Assert.Equal("RIB-03", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new EnregistrerCoordonneesBancairesCommand(jeune, AutreIbanValide, "PSSTFRPPREN", TypeCompte.CompteJoint, "M OU MME DURAND")))).RuleId);
        await f.EnvoyerAsync(C, new EnregistrerCoordonneesBancairesCommand(jeune, AutreIbanValide, "PSSTFRPPREN", TypeCompte.CompteJoint, "M DURAND OU MLLE COMPTEBANCAIRE", DateDebut: new DateOnly(2026, 3, 1)));

        var comptes = await f.EnvoyerAsync(C, new ConsulterCoordonneesBancairesQuery(jeune));
        Assert.Equal(2, comptes.Count);
        Assert.Equal(("FR1420041010050500013M02606", (DateOnly?)null), (comptes[0].Iban, comptes[0].DateFin));
        Assert.Equal(("FR7630006000011234567890189", "AGRIFRPP", (DateOnly?)new DateOnly(2026, 2, 28)), (comptes[1].Iban, comptes[1].Bic, comptes[1].DateFin));
        var h = await f.EnvoyerAsync(C, new ConsulterHistoriqueQuery(jeune));
        Assert.Equal(2, h.Count(l => l.Element == "Coordonnées bancaires" && l.Champ == "Ajout"));
        Assert.DoesNotContain(h, l => (l.NouvelleValeur ?? string.Empty).Contains("30006000011234567890", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "RIB-02")]
    [Trait("Rule", "RIB-04")]
    public async Task RIB_02_livret_A_et_RIB_04_mineur_la_veille_et_le_jour_de_ses_18_ans()
    {
        var jeune = await JeuneAsync("Mineure", new DateOnly(2008, 3, 10)); // 18 on 2026-03-10
        Assert.Equal("RIB-02", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new EnregistrerCoordonneesBancairesCommand(jeune, IbanValide, "AGRIFRPP", TypeCompte.LivretA, "MINEURE ELODIE")))).RuleId);
        var veille = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new EnregistrerCoordonneesBancairesCommand(jeune, IbanValide, "AGRIFRPP", TypeCompte.CompteJoint, "MME MINEURE OU MINEURE ELODIE", DateDebut: new DateOnly(2026, 3, 9))));
        Assert.Equal("RIB-04", veille.RuleId);
        await f.EnvoyerAsync(C, new EnregistrerCoordonneesBancairesCommand(jeune, IbanValide, "AGRIFRPP", TypeCompte.CompteJoint, "MME MINEURE OU MINEURE ELODIE", DateDebut: new DateOnly(2026, 3, 10)));
        // RIB-02's last net: the database refuses a Livret A even when the domain is bypassed.
        var refus = await Record.ExceptionAsync(() => f.LireAsync(C, db => db.Database.ExecuteSqlRawAsync("UPDATE coordonnees_bancaires SET type_compte = 3 WHERE jeune_id = {0}", jeune)));
        Assert.Contains("ck_coordonnees_bancaires_pas_de_livret_a", refus?.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "RIB-05")]
    public async Task RIB_05_tutelle_38_caracteres_avec_un_PACEA_et_jugement_du_dossier()
    {
        var jeune = await JeuneAsync("Protege", new DateOnly(2004, 5, 5));
        var v = (await f.EnvoyerAsync(C, new ConsulterDossierQuery(jeune))).Version;
        await f.EnvoyerAsync(C, new ModifierComplementsCommand { JeuneId = jeune, Version = v, InscritFranceTravail = true, IdentifiantFt = "1234567X" });
        var e = await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(jeune, NatureEvenement.EntretienIndividuel, f.Clock.GetUtcNow().AddHours(-1), 30, null));
        var diag = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "DIAG", new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 1), e));
        await f.EnvoyerAsync(C, new CloreDispositifCommand(diag, 0, new DateOnly(2026, 2, 1), "PACEA"));
        await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "PACEA", new DateOnly(2026, 2, 2), new DateOnly(2027, 2, 1), e));

        var autre = await JeuneAsync("Autredossier", new DateOnly(2004, 5, 5));
        var docAutre = await f.LireAsync(C, async db =>
        {
            var d = new Document(f.StructureA, autre, CategorieDocument.PieceJustificative, "jugement.pdf", "application/pdf", [1], f.Comptes[C].Id, f.Clock.GetUtcNow());
            var d2 = new Document(f.StructureA, jeune, CategorieDocument.PieceJustificative, "jugement tutelle.pdf", "application/pdf", [1], f.Comptes[C].Id, f.Clock.GetUtcNow());
            db.Documents.AddRange(d, d2);
            await db.SaveChangesAsync();
            return (d.Id, d2.Id);
        });
        var titre39 = "PROTEGE ELODIE SOUS TUTELLE UDAF 35 TUTX";
        Assert.Equal("RIB-05", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new EnregistrerCoordonneesBancairesCommand(jeune, IbanValide, "AGRIFRPP", TypeCompte.CompteCourant, titre39, MesureProtection.Tutelle, docAutre.Item2)))).RuleId);
        Assert.Equal("RIB-05", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new EnregistrerCoordonneesBancairesCommand(jeune, IbanValide, "AGRIFRPP", TypeCompte.CompteCourant, titre39[..38], MesureProtection.Tutelle, docAutre.Item1)))).RuleId);
        await f.EnvoyerAsync(C, new EnregistrerCoordonneesBancairesCommand(jeune, IbanValide, "AGRIFRPP", TypeCompte.CompteCourant, titre39[..38], MesureProtection.Tutelle, docAutre.Item2));
        Assert.Equal(docAutre.Item2, (await f.EnvoyerAsync(C, new ConsulterCoordonneesBancairesQuery(jeune))).Single().JugementDocumentId);
    }
}
