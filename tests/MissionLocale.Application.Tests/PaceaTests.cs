using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Dispositifs.CloreDispositif;
using MissionLocale.Application.Dispositifs.ConsulterPacea;
using MissionLocale.Application.Dispositifs.EnregistrerBilanPhase;
using MissionLocale.Application.Dispositifs.ModifierRelevePacea;
using MissionLocale.Application.Dispositifs.OuvrirDispositif;
using MissionLocale.Application.Dispositifs.OuvrirPhasePacea;
using MissionLocale.Application.Dispositifs.ProlongerPhasePacea;
using MissionLocale.Application.Evenements.EnregistrerEvenement;
using MissionLocale.Application.Jeunes.ConsulterDossier;
using MissionLocale.Application.Jeunes.ConsulterHistorique;
using MissionLocale.Application.Jeunes.ModifierComplements;
using MissionLocale.Application.Situations.EnregistrerSituation;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Situations;

namespace MissionLocale.Application.Tests;

/// <summary>PACEA-03, PACEA-05, PACEA-09 and DIAG-04 on PostgreSQL; the clock is 2026-03-10.</summary>
public sealed class PaceaTests(AppFixture f) : IClassFixture<AppFixture>
{
    private const string C = "conseiller.a";

    private Task<(Guid Jeune, Guid Entretien)> JeuneAsync(string nom, Nationalite nationalite = Nationalite.Francaise, string? agdref = null, DateOnly? finTitre = null) =>
        JeuneAsync(f, nom, nationalite, agdref, finTitre);

    private Task DiagClosAsync(Guid jeune, Guid e, DateOnly debut, DateOnly fin) => DiagClosAsync(f, jeune, e, debut, fin);

    /// <summary>A jeune ready for a PACEA (cover, France Travail), with an entretien individuel an hour ago.</summary>
    internal static async Task<(Guid Jeune, Guid Entretien)> JeuneAsync(AppFixture f, string nom, Nationalite nationalite = Nationalite.Francaise, string? agdref = null, DateOnly? finTitre = null)
    {
        var jeune = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil(nom, "Aya", new DateOnly(2004, 5, 5)) with { Nationalite = nationalite })).JeuneId;
        var v = (await f.EnvoyerAsync(C, new ConsulterDossierQuery(jeune))).Version;
        await f.EnvoyerAsync(C, new ModifierComplementsCommand
        {
            JeuneId = jeune,
            Version = v,
            CouvertureSociale = "PUMa",
            InscritFranceTravail = true,
            IdentifiantFt = "1234567X",
            NumeroAgdref = agdref,
            FinTitreSejour = finTitre,
        });
        var entretien = await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(jeune, NatureEvenement.EntretienIndividuel, f.Clock.GetUtcNow().AddHours(-1), 45, null));
        return (jeune, entretien);
    }

    /// <summary>PACEA-01: a diagnostic closed with the motif PACEA.</summary>
    internal static async Task DiagClosAsync(AppFixture f, Guid jeune, Guid e, DateOnly debut, DateOnly fin)
    {
        var diag = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "DIAG", debut, fin, e, ConfirmerAvertissements: true));
        await f.EnvoyerAsync(C, new CloreDispositifCommand(diag, 0, fin, "PACEA", ConfirmerAvertissements: true));
    }

    private int v;

    private async Task<int> VersionAsync(Guid pacea) => (await f.EnvoyerAsync(C, new ConsulterPaceaQuery(pacea))).Version;

    [Fact]
    [Trait("Rule", "PACEA-05")]
    [Trait("Rule", "PACEA-09")]
    public async Task PACEA_05_phases_objectifs_prolongation_bilans_et_sortie_avec_releves_d_entree_et_de_sortie()
    {
        var (jeune, e) = await JeuneAsync("Phases");
        await f.EnvoyerAsync(C, new EnregistrerSituationCommand(jeune, TypeSituation.DemandeurEmploi, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        await DiagClosAsync(jeune, e, new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 1));
        var pacea = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "PACEA", new DateOnly(2026, 2, 2), new DateOnly(2027, 2, 1), e, Logement: "Chez les parents"));

        // PACEA-09 at entry: CEP level of the reference data, the dossier's situation and cover, the housing given.
        var entree = (await f.EnvoyerAsync(C, new ConsulterPaceaQuery(pacea))).Entree;
        Assert.Equal(new ReleveParcours("2", "Demandeur d'emploi", "Chez les parents", entree!.Mobilite, "PUMa"), entree);

        var p1 = await f.EnvoyerAsync(C, new OuvrirPhasePaceaCommand(pacea, await VersionAsync(pacea), "Lever les freins de mobilité", new DateOnly(2026, 2, 2), new DateOnly(2026, 4, 30)));
        await Assert.ThrowsAsync<Common.ConcurrencyConflictException>(() => f.EnvoyerAsync(C, new OuvrirPhasePaceaCommand(pacea, 0, "x", new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1))));
        v = await VersionAsync(pacea);
        var deux = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirPhasePaceaCommand(pacea, v, "Deuxième", new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1))));
        Assert.Equal("PACEA-05", deux.RuleId);

        // 24 months at most from the PACEA's own start: 2028-02-02 is the last day.
        v = await VersionAsync(pacea);
        var trop = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new ProlongerPhasePaceaCommand(pacea, v, p1, new DateOnly(2028, 2, 3))));
        Assert.Equal("PACEA-05", trop.RuleId);
        await f.EnvoyerAsync(C, new ProlongerPhasePaceaCommand(pacea, await VersionAsync(pacea), p1, new DateOnly(2026, 5, 31)));

        // The bilan de phase happens during an entretien individuel.
        var atelier = await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(jeune, NatureEvenement.Atelier, f.Clock.GetUtcNow().AddHours(-2), 60, null));
        v = await VersionAsync(pacea);
        var pasEntretien = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new EnregistrerBilanPhaseCommand(pacea, v, p1, new DateOnly(2026, 3, 5), atelier, DecisionBilan.PhaseSuivante, null, null, "Trouver un stage", new DateOnly(2026, 6, 30))));
        Assert.Equal("PACEA-05", pasEntretien.RuleId);
        await f.EnvoyerAsync(C, new EnregistrerBilanPhaseCommand(pacea, await VersionAsync(pacea), p1, new DateOnly(2026, 3, 5), e, DecisionBilan.PhaseSuivante, "Permis B en cours", null, "Trouver un stage", new DateOnly(2026, 6, 30)));
        var apres = await f.EnvoyerAsync(C, new ConsulterPaceaQuery(pacea));
        Assert.Equal(2, apres.Phases.Count);
        Assert.Equal((new DateOnly(2026, 3, 5), DecisionBilan.PhaseSuivante, 1), (apres.Phases[0].DateFin!.Value, apres.Phases[0].Decision!.Value, apres.Phases[0].Prolongations));
        Assert.Equal((new DateOnly(2026, 3, 6), (DateOnly?)null), (apres.Phases[1].DateDebut, apres.Phases[1].DateFin));

        // A prolongation keeps the phase open with its new end.
        await f.EnvoyerAsync(C, new EnregistrerBilanPhaseCommand(pacea, apres.Version, apres.Phases[1].Id, new DateOnly(2026, 3, 8), e, DecisionBilan.Prolongation, null, new DateOnly(2026, 7, 31)));
        var prolongee = (await f.EnvoyerAsync(C, new ConsulterPaceaQuery(pacea))).Phases[1];
        Assert.Equal((new DateOnly(2026, 7, 31), (DateOnly?)null, 1), (prolongee.DateFinPrevue, prolongee.DateFin, prolongee.Prolongations));

        // Exit decided at the bilan: the PACEA closes with a PACEA-06 motive, the phase is updated, the exit record taken.
        v = await VersionAsync(pacea);
        var motifInconnu = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new EnregistrerBilanPhaseCommand(pacea, v, prolongee.Id, new DateOnly(2026, 3, 9), e, DecisionBilan.Sortie, "Emploi trouvé", MotifSortie: "CDI")));
        Assert.Equal("PACEA-06", motifInconnu.RuleId);
        Assert.Null((await f.EnvoyerAsync(C, new ConsulterPaceaQuery(pacea))).Phases[1].DateFin); // nothing half-applied
        await f.EnvoyerAsync(C, new EnregistrerBilanPhaseCommand(pacea, await VersionAsync(pacea), prolongee.Id, new DateOnly(2026, 3, 9), e, DecisionBilan.Sortie, "Emploi trouvé", MotifSortie: "Accès à l'autonomie", LogementSortie: "Logement autonome"));
        var clos = await f.EnvoyerAsync(C, new ConsulterPaceaQuery(pacea));
        Assert.Equal(new DateOnly(2026, 3, 9), clos.DateFinReelle);
        Assert.Equal((new DateOnly(2026, 3, 9), DecisionBilan.Sortie), (clos.Phases[1].DateFin!.Value, clos.Phases[1].Decision!.Value));
        Assert.Equal("Logement autonome", clos.Sortie!.Logement);
        Assert.Equal("Accès à l'autonomie", await f.LireAsync(C, db => db.Dispositifs.Where(d => d.Id == pacea).Select(d => d.MotifSortie).SingleAsync()));
        var ferme = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirPhasePaceaCommand(pacea, clos.Version, "Après", new DateOnly(2026, 3, 10), new DateOnly(2026, 4, 1))));
        Assert.Equal("PACEA-05", ferme.RuleId);

        // Every change is in the dossier's history.
        var h = await f.EnvoyerAsync(C, new ConsulterHistoriqueQuery(jeune));
        Assert.Contains(h, l => l.Element == "Phase PACEA" && l.Champ == "Ajout" && l.NouvelleValeur!.Contains("Trouver un stage", StringComparison.Ordinal));
        Assert.Contains(h, l => l.Element == "Dispositif" && l.Champ == "Logement à la sortie" && l.NouvelleValeur == "Logement autonome");
    }

    [Fact]
    [Trait("Rule", "PACEA-09")]
    public async Task PACEA_09_le_releve_se_corrige_et_le_releve_de_sortie_attend_la_cloture()
    {
        var (jeune, e) = await JeuneAsync("Releve");
        await DiagClosAsync(jeune, e, new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 1));
        var pacea = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "PACEA", new DateOnly(2026, 2, 2), new DateOnly(2027, 2, 1), e));
        Assert.Equal("Non renseigné", (await f.EnvoyerAsync(C, new ConsulterPaceaQuery(pacea))).Entree!.Logement);
        await f.EnvoyerAsync(C, new ModifierRelevePaceaCommand(pacea, await VersionAsync(pacea), false, "2", "Sans situation", "Hébergé par un tiers", "rayon : Commune", "PUMa"));
        Assert.Equal("Hébergé par un tiers", (await f.EnvoyerAsync(C, new ConsulterPaceaQuery(pacea))).Entree!.Logement);
        v = await VersionAsync(pacea);
        var sortie = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new ModifierRelevePaceaCommand(pacea, v, true, "2", "x", "x", "x", "x")));
        Assert.Equal("PACEA-09", sortie.RuleId);
    }

    [Fact]
    [Trait("Rule", "PACEA-03")]
    public async Task PACEA_03_hors_EEE_AGDREF_et_titre_de_sejour_exiges_le_PACEA_ne_depasse_pas_le_titre()
    {
        var (sans, e1) = await JeuneAsync("Horsueun", Nationalite.HorsUe);
        await DiagClosAsync(sans, e1, new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 1));
        Assert.Equal("PACEA-03", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(sans, "PACEA", new DateOnly(2026, 2, 2), new DateOnly(2026, 6, 1), e1)))).RuleId);

        var (jeune, e) = await JeuneAsync("Horsuedeux", Nationalite.HorsUe, "1234567890", new DateOnly(2026, 6, 30));
        await DiagClosAsync(jeune, e, new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 1));
        var apres = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "PACEA", new DateOnly(2026, 2, 2), new DateOnly(2026, 7, 1), e)));
        Assert.Equal("PACEA-03", apres.RuleId);
        Assert.Contains("30/06/2026", apres.Message, StringComparison.Ordinal);
        var pacea = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "PACEA", new DateOnly(2026, 2, 2), new DateOnly(2026, 6, 30), e));

        // No extension past the titre de séjour.
        var phase = await f.EnvoyerAsync(C, new OuvrirPhasePaceaCommand(pacea, await VersionAsync(pacea), "Démarches", new DateOnly(2026, 2, 2), new DateOnly(2026, 5, 31)));
        v = await VersionAsync(pacea);
        Assert.Equal("PACEA-03", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new ProlongerPhasePaceaCommand(pacea, v, phase, new DateOnly(2026, 7, 1))))).RuleId);
        await f.EnvoyerAsync(C, new ProlongerPhasePaceaCommand(pacea, await VersionAsync(pacea), phase, new DateOnly(2026, 6, 30)));
    }

    [Fact]
    [Trait("Rule", "PACEA-03")]
    public async Task PACEA_03_la_fin_reelle_est_le_dernier_jour_de_validite_du_titre()
    {
        var (jeune, e) = await JeuneAsync("Horsuetrois", Nationalite.HorsUe, "1234567891", new DateOnly(2026, 3, 5));
        await DiagClosAsync(jeune, e, new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 1));
        var pacea = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "PACEA", new DateOnly(2026, 2, 2), new DateOnly(2026, 3, 5), e));
        await f.EnvoyerAsync(C, new CloreDispositifCommand(pacea, await VersionAsync(pacea), new DateOnly(2026, 3, 10), "Réorientation anticipée autre dispositif"));
        Assert.Equal(new DateOnly(2026, 3, 5), (await f.EnvoyerAsync(C, new ConsulterPaceaQuery(pacea))).DateFinReelle);
    }

    [Fact]
    [Trait("Rule", "DIAG-04")]
    public async Task DIAG_04_la_duree_du_diagnostic_ne_compte_pas_dans_le_PACEA_qui_suit()
    {
        var (jeune, e) = await JeuneAsync("Diagquatre");
        await DiagClosAsync(jeune, e, new DateOnly(2025, 11, 1), new DateOnly(2026, 1, 31)); // three months of diagnostic
        var trop = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "PACEA", new DateOnly(2026, 2, 1), new DateOnly(2028, 2, 2), e)));
        Assert.Equal("PACEA-05", trop.RuleId);
        var pacea = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "PACEA", new DateOnly(2026, 2, 1), new DateOnly(2028, 2, 1), e));
        Assert.Equal(new DateOnly(2028, 2, 1), (await f.EnvoyerAsync(C, new ConsulterPaceaQuery(pacea))).FinMaximale);
    }

    [Fact]
    [Trait("Rule", "PACEA-10")]
    public async Task PACEA_10_liste_hebdomadaire_PDF_des_sorties_reorientation_par_date_de_sortie_ou_d_entree()
    {
        const string Reorientation = "Réorientation anticipée autre dispositif";
        async Task<Guid> SortieAsync(string nom, DateOnly diagFin, DateOnly sortie, string motif)
        {
            var (jeune, e) = await JeuneAsync(nom);
            await DiagClosAsync(jeune, e, diagFin.AddDays(-9), diagFin);
            var pacea = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "PACEA", diagFin.AddDays(1), diagFin.AddMonths(10), e));
            await f.EnvoyerAsync(C, new CloreDispositifCommand(pacea, 0, sortie, motif));
            return jeune;
        }

        var dimanche = await SortieAsync("Réorientéedimanche", new DateOnly(2026, 1, 10), new DateOnly(2026, 3, 8), Reorientation); // entered 11/01
        var lundi = await SortieAsync("Réorientélundi", new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 2), Reorientation); // entered 02/02
        var cetteSemaine = await SortieAsync("Réorientémardi", new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 9), Reorientation);
        var autreMotif = await SortieAsync("Abandonmercredi", new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 4), "Abandon");

        var parSortie = await f.EnvoyerAsync(C, new Dispositifs.ImprimerSortiesPacea.ImprimerSortiesPaceaQuery());
        Assert.Equal((new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 8)), (parSortie.Lundi, parSortie.Dimanche));
        var ids = parSortie.Sorties.Select(s => s.JeuneId).ToList();
        Assert.DoesNotContain(cetteSemaine, ids);
        Assert.DoesNotContain(autreMotif, ids);
        Assert.True(ids.IndexOf(lundi) < ids.IndexOf(dimanche) && ids.IndexOf(lundi) >= 0);
        var parEntree = (await f.EnvoyerAsync(C, new Dispositifs.ImprimerSortiesPacea.ImprimerSortiesPaceaQuery(new DateOnly(2026, 3, 4), Dispositifs.ImprimerSortiesPacea.TriSortiesPacea.DateEntree))).Sorties.Select(s => s.JeuneId).ToList();
        Assert.True(parEntree.IndexOf(dimanche) < parEntree.IndexOf(lundi) && parEntree.IndexOf(dimanche) >= 0);

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(parSortie.Pdf);
        var texte = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains("REORIENTEEDIMANCHE Aya", texte, StringComparison.Ordinal);
        Assert.Contains("02/03/2026", texte, StringComparison.Ordinal);
        Assert.Contains("PACEA-10", texte, StringComparison.Ordinal);
        Assert.DoesNotContain("ABANDONMERCREDI", texte, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "PAO-02")]
    [Trait("Rule", "PAO-03")]
    public async Task PAO_02_les_trois_publics_et_PAO_03_le_PACEA_qui_suit_clot_le_PAO()
    {
        async Task<(Guid, Guid)> NonInscritAsync(string nom, Nationalite n, DateOnly naissance)
        {
            var j = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil(nom, "Sami", naissance) with { Nationalite = n })).JeuneId;
            var e = await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(j, NatureEvenement.EntretienIndividuel, f.Clock.GetUtcNow().AddHours(-1), 45, null));
            return (j, e);
        }

        OuvrirDispositifCommand Pao(Guid j, Guid e, string? pub, string? programme = null) => new(j, "PAO", new DateOnly(2026, 1, 5), new DateOnly(2026, 6, 30), e, PublicPao: pub, Programme: programme);

        var (francais, e1) = await NonInscritAsync("Paofrancais", Nationalite.Francaise, new DateOnly(2008, 9, 1)); // 17 at entry
        Assert.Equal("PAO-02", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, Pao(francais, e1, null)))).RuleId);
        Assert.Equal("PAO-02", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, Pao(francais, e1, "EtrangerSansAutorisationTravail")))).RuleId);
        Assert.Equal("PAO-02", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, Pao(francais, e1, "EleveDecrochage", "Autre programme")))).RuleId);
        var eleve = await f.EnvoyerAsync(C, Pao(francais, e1, "EleveDecrochage", "Tous droits ouverts"));
        Assert.Equal("EleveDecrochage (Tous droits ouverts)", await f.LireAsync(C, db => db.Dispositifs.Where(d => d.Id == eleve).Select(d => d.PublicPao).SingleAsync()));

        // Obligation de formation: 16-17 at entry; 18 the day of entry is refused, 18 the day after is accepted.
        var (dixHuit, e2) = await NonInscritAsync("Paodixhuit", Nationalite.Francaise, new DateOnly(2008, 1, 5));
        Assert.Equal("PAO-02", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, Pao(dixHuit, e2, "ObligationFormation")))).RuleId);
        var (dixSept, e3) = await NonInscritAsync("Paodixsept", Nationalite.Francaise, new DateOnly(2008, 1, 6));
        await f.EnvoyerAsync(C, Pao(dixSept, e3, "ObligationFormation"));

        var (etranger, e4) = await NonInscritAsync("Paoetranger", Nationalite.HorsUe, new DateOnly(2006, 1, 1));
        var pao = await f.EnvoyerAsync(C, Pao(etranger, e4, "EtrangerSansAutorisationTravail"));

        // PAO-03: once registered at France Travail, a CEJ may follow; the PAO ends the day before the entry.
        var v = (await f.EnvoyerAsync(C, new ConsulterDossierQuery(etranger))).Version;
        await f.EnvoyerAsync(C, new ModifierComplementsCommand { JeuneId = etranger, Version = v, InscritFranceTravail = true, IdentifiantFt = "9876543Z" });
        await f.EnvoyerAsync(C, new OuvrirDispositifCommand(etranger, "CEJ", new DateOnly(2026, 3, 2), new DateOnly(2026, 9, 30), e4));
        var clos = await f.LireAsync(C, db => db.Dispositifs.SingleAsync(d => d.Id == pao));
        Assert.Equal((new DateOnly(2026, 3, 1), "Inscription à France Travail"), (clos.DateFinReelle!.Value, clos.MotifSortie!));
    }

    [Fact]
    [Trait("Rule", "AVP-01")]
    public async Task AVP_01_eleve_de_terminale_professionnelle_cycle_de_4_ateliers_et_bilan_pour_France_Travail()
    {
        var (jeune, e) = await JeuneAsync("Avenirpro");
        OuvrirDispositifCommand Avp(string? lycee, string? classe, bool nePoursuitPas) => new(jeune, "AVP", new DateOnly(2026, 1, 5), new DateOnly(2026, 6, 30), e, Lycee: lycee, Classe: classe, NePoursuitPasEtudes: nePoursuitPas);
        Assert.Equal("AVP-01", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, Avp("Lycée Coëtlogon", "Terminale générale", true)))).RuleId);
        Assert.Equal("AVP-01", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, Avp("Lycée Coëtlogon", "Terminale CAP", false)))).RuleId);
        var avp = await f.EnvoyerAsync(C, Avp("Lycée Coëtlogon", "Terminale CAP", true));

        for (var i = 1; i <= 3; i++)
        {
            await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(jeune, NatureEvenement.Atelier, new DateTimeOffset(2026, 1, 5 + (7 * i), 9, 0, 0, TimeSpan.Zero), 120, $"Atelier Avenir Pro {i}"));
        }

        var trop = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new Dispositifs.EnregistrerBilanAvenirPro.EnregistrerBilanAvenirProCommand(avp, 0, "Projet : boulangerie")));
        Assert.Equal("AVP-01", trop.RuleId);
        Assert.Contains("3 atelier", trop.Message, StringComparison.Ordinal);
        await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(jeune, NatureEvenement.Atelier, new DateTimeOffset(2026, 2, 9, 9, 0, 0, TimeSpan.Zero), 120, "Atelier Avenir Pro 4"));
        var document = await f.EnvoyerAsync(C, new Dispositifs.EnregistrerBilanAvenirPro.EnregistrerBilanAvenirProCommand(avp, 0, "Projet : apprentissage en boulangerie, inscription à France Travail conseillée."));
        var pdf = await f.LireAsync(C, db => db.Documents.Where(d => d.Id == document).Select(d => d.Contenu).SingleAsync());
        using var lu = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var texte = string.Concat(lu.GetPages().Select(p => p.Text));
        Assert.Contains("Bilan Avenir Pro pour France Travail", texte, StringComparison.Ordinal);
        Assert.Contains("Lycée Coëtlogon", texte, StringComparison.Ordinal);
        Assert.Contains("Atelier Avenir Pro 4", texte, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "CEJ-06")]
    public async Task CEJ_06_un_CEJ_sans_demande_envoyee_se_supprime_et_la_suppression_reste_dans_l_historique()
    {
        var (jeune, e) = await JeuneAsync("Cejsupprime");
        var cej = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "CEJ", new DateOnly(2026, 2, 2), new DateOnly(2026, 9, 1), e));
        var (autre, e2) = await JeuneAsync("Diagpassupprime");
        var diag = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(autre, "DIAG", new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 20), e2));
        Assert.Equal("CEJ-06", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new Dispositifs.SupprimerCej.SupprimerCejCommand(diag, 0)))).RuleId);

        await f.EnvoyerAsync(C, new Dispositifs.SupprimerCej.SupprimerCejCommand(cej, 0));
        Assert.False(await f.LireAsync(C, db => db.Dispositifs.AnyAsync(d => d.Id == cej)));
        var h = await f.EnvoyerAsync(C, new ConsulterHistoriqueQuery(jeune));
        Assert.Contains(h, l => l.Element == "Dispositif" && l.Champ == "Suppression" && l.AncienneValeur!.StartsWith("CEJ", StringComparison.Ordinal));
    }
}
