using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Cursus.AjouterDiplome;
using MissionLocale.Application.Cursus.ConclureFormation;
using MissionLocale.Application.Cursus.ConsulterCursus;
using MissionLocale.Application.Cursus.ModifierScolarite;
using MissionLocale.Application.Jeunes.ConsulterHistorique;
using MissionLocale.Application.Situations.EnregistrerSituation;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Cursus;
using MissionLocale.Domain.Situations;

namespace MissionLocale.Application.Tests;

public sealed class CursusTests(AppFixture f) : IClassFixture<AppFixture>
{
    private const string Conseiller = "conseiller.a";

    private async Task<Guid> JeuneAsync(string nom) => (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil(nom))).JeuneId;

    private Task<CursusDto> CursusAsync(Guid jeune) => f.EnvoyerAsync(Conseiller, new ConsulterCursusQuery(jeune));

    [Fact]
    [Trait("Rule", "CUR-01")]
    [Trait("Rule", "CUR-05")]
    public async Task CUR_01_scolarite_enregistree_historisee_et_niveau_sans_diplome()
    {
        var jeune = await JeuneAsync("Scolarite");
        var c = await CursusAsync(jeune);
        Assert.Null(c.NiveauQualification);
        Assert.Equal("Non renseigné", c.NiveauLibelle);

        var incoherent = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new ModifierScolariteCommand(jeune, c.Version, "TPRO", "Lycée Jean Moulin", 2024, true)));
        Assert.Equal("CUR-01", incoherent.RuleId);
        var classeInconnue = await Assert.ThrowsAsync<InvalidInputException>(() => f.EnvoyerAsync(Conseiller, new ModifierScolariteCommand(jeune, c.Version, "Maternelle", null, 2024, false)));
        Assert.Contains("DerniereClasse", classeInconnue.Erreurs.Keys);

        await f.EnvoyerAsync(Conseiller, new ModifierScolariteCommand(jeune, c.Version, "TPRO", "Lycée Jean Moulin", 2024, false));
        c = await CursusAsync(jeune);
        Assert.Equal("Terminale professionnelle", c.DerniereClasse);
        Assert.Equal(2024, c.AnneeSortie);
        Assert.Equal(NiveauQualification.SansDiplome, c.NiveauQualification);

        // Historised like the rest of the dossier (RGPD-02).
        var historique = await f.EnvoyerAsync(Conseiller, new ConsulterHistoriqueQuery(jeune));
        Assert.Contains(historique, h => h.Champ == "Dernière classe" && h.NouvelleValeur == "Terminale professionnelle");

        // An old version is refused (optimistic concurrency), nothing changes.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.EnvoyerAsync(Conseiller, new ModifierScolariteCommand(jeune, c.Version - 1, "3E", null, 2020, false)));
        Assert.Equal("Terminale professionnelle", (await CursusAsync(jeune)).DerniereClasse);
    }

    [Fact]
    [Trait("Rule", "CUR-02")]
    [Trait("Rule", "CUR-05")]
    public async Task CUR_02_diplome_de_la_liste_apporte_son_niveau_titre_rncp_avec_le_sien_niveau_le_plus_haut()
    {
        var jeune = await JeuneAsync("Diplomes");
        var v = (await CursusAsync(jeune)).Version;
        v = (await f.EnvoyerAsync(Conseiller, new AjouterDiplomeCommand(jeune, v, "cap", null, 2023))).Version;
        var c = await CursusAsync(jeune);
        Assert.Equal("CAP", Assert.Single(c.Diplomes).Libelle);
        Assert.Equal(3, c.NiveauQualification);

        var sansNiveau = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new AjouterDiplomeCommand(jeune, v, "Titre de serveur en restauration", null, 2024)));
        Assert.Equal("CUR-02", sansNiveau.RuleId);
        var rncpFaux = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new AjouterDiplomeCommand(jeune, v, "Titre de serveur en restauration", 3, 2024, "12345")));
        Assert.Equal("CodeRncp", rncpFaux.Champ);

        v = (await f.EnvoyerAsync(Conseiller, new AjouterDiplomeCommand(jeune, v, "Titre professionnel technicien d'équipement", 4, 2025, "rncp 34853"))).Version;
        c = await CursusAsync(jeune);
        Assert.Equal(4, c.NiveauQualification);
        Assert.Contains(c.Diplomes, d => d.CodeRncp == "RNCP34853" && d.Niveau == 4);

        // Removing the highest brings the level back down.
        var titre = c.Diplomes.Single(d => d.Niveau == 4).Id;
        await f.EnvoyerAsync(Conseiller, new RetirerDiplomeCommand(jeune, v, titre));
        Assert.Equal(3, (await CursusAsync(jeune)).NiveauQualification);
        Assert.Equal(3, await f.LireAsync(Conseiller, db => db.Jeunes.Where(j => j.Id == jeune).Select(j => j.NiveauQualification).SingleAsync()));
    }

    [Fact]
    [Trait("Rule", "CUR-03")]
    [Trait("Rule", "CUR-04")]
    public async Task CUR_03_formation_obtenue_ajoute_la_validation_et_son_niveau_echec_la_retire()
    {
        var jeune = await JeuneAsync("Formation");
        var inconnu = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller,
            new EnregistrerSituationCommand(jeune, TypeSituation.Formation, new DateOnly(2025, 9, 1), new DateOnly(2026, 2, 28), Organisme: "GRETA", ObjectifGeneral: "Devenir riche")));
        Assert.Equal("CUR-04", inconnu.RuleId);

        var s = await f.EnvoyerAsync(Conseiller, new EnregistrerSituationCommand(jeune, TypeSituation.Formation, new DateOnly(2025, 9, 1), new DateOnly(2026, 2, 28),
            Organisme: "GRETA", ObjectifGeneral: "certification", ValidationPreparee: "Baccalauréat professionnel", Niveau: "7"));
        var situation = await f.LireAsync(Conseiller, db => db.Situations.SingleAsync(x => x.Id == s.Id));
        Assert.Equal("4", situation.Niveau);
        Assert.Equal("Certification", situation.ObjectifGeneral);

        var emploi = await f.EnvoyerAsync(Conseiller, new EnregistrerSituationCommand(jeune, TypeSituation.Emploi, new DateOnly(2026, 3, 1), new DateOnly(2026, 8, 31), TypeContrat: "CDD"));
        var pasFormation = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new ConclureFormationCommand(emploi.Id, ResultatFormation.Obtenu, new DateOnly(2026, 3, 5))));
        Assert.Equal("CUR-03", pasFormation.RuleId);

        await f.EnvoyerAsync(Conseiller, new ConclureFormationCommand(s.Id, ResultatFormation.Obtenu, new DateOnly(2026, 3, 2)));
        await f.EnvoyerAsync(Conseiller, new ConclureFormationCommand(s.Id, ResultatFormation.Obtenu, new DateOnly(2026, 3, 2)));
        var c = await CursusAsync(jeune);
        var d = Assert.Single(c.Diplomes);
        Assert.Equal(("Baccalauréat professionnel", 4, 2026, (Guid?)s.Id), (d.Libelle, d.Niveau, d.Annee, d.SituationId));
        Assert.Equal(4, c.NiveauQualification);
        Assert.Equal(ResultatFormation.Obtenu, Assert.Single(c.Formations).Resultat);

        await f.EnvoyerAsync(Conseiller, new ConclureFormationCommand(s.Id, ResultatFormation.Echec, new DateOnly(2026, 3, 2)));
        c = await CursusAsync(jeune);
        Assert.Empty(c.Diplomes);
        Assert.Null(c.NiveauQualification);

        // Without a validation préparée, "Obtenu" is refused and nothing is added.
        var sans = await f.EnvoyerAsync(Conseiller, new EnregistrerSituationCommand(jeune, TypeSituation.Formation, new DateOnly(2025, 9, 1), new DateOnly(2026, 2, 28), Organisme: "AFPA"));
        Assert.True(sans.AlerteSansObjectif);
        var refus = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new ConclureFormationCommand(sans.Id, ResultatFormation.Obtenu, new DateOnly(2026, 3, 2))));
        Assert.Equal("CUR-03", refus.RuleId);
        Assert.Empty((await CursusAsync(jeune)).Diplomes);
    }

    [Fact]
    [Trait("Rule", "CUR-02")]
    public async Task CUR_02_la_base_refuse_un_niveau_hors_nomenclature()
    {
        var jeune = await JeuneAsync("Contrainte");
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => f.LireAsync(Conseiller, db => db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO diplomes (id, jeune_id, libelle, niveau) VALUES ({Guid.NewGuid()}, {jeune}, 'Titre', 2)")));
        Assert.Contains("ck_diplomes_niveau", ex.ToString(), StringComparison.Ordinal);
    }
}
