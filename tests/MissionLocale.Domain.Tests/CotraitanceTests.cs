using MissionLocale.Domain.Common;
using MissionLocale.Domain.Cotraitance;

namespace MissionLocale.Domain.Tests;

/// <summary>PPAE-01: the motives to refuse an assignment of France Travail, and the list an accepted one goes to.</summary>
public sealed class CotraitanceTests
{
    private static readonly HashSet<string> Territoire = ["35238", "35047"];

    [Fact]
    [Trait("Rule", "PPAE-01")]
    public void PPAE_01_refus_a_26_ans_le_jour_de_l_anniversaire_et_hors_territoire()
    {
        var affectation = new DateOnly(2026, 11, 30);
        Assert.Empty(Affectations.MotifsDeRefus(new DateOnly(2000, 12, 1), affectation, "35238", Territoire, 26));
        Assert.Equal([MotifRefusAffectation.AgeAtteint], Affectations.MotifsDeRefus(new DateOnly(2000, 11, 30), affectation, "35238", Territoire, 26));
        Assert.Equal([MotifRefusAffectation.HorsTerritoire], Affectations.MotifsDeRefus(new DateOnly(2006, 4, 12), affectation, "2A004", Territoire, 26));
        Assert.Equal([MotifRefusAffectation.AgeAtteint, MotifRefusAffectation.HorsTerritoire],
            Affectations.MotifsDeRefus(new DateOnly(1990, 1, 1), affectation, "75056", Territoire, 26));

        // Born on 29 February: 26 on 28 February of a common year (AddYears), refused from that day.
        Assert.Equal([MotifRefusAffectation.AgeAtteint], Affectations.MotifsDeRefus(new DateOnly(2000, 2, 29), new DateOnly(2026, 2, 28), "35238", Territoire, 26));
        Assert.Empty(Affectations.MotifsDeRefus(new DateOnly(2000, 2, 29), new DateOnly(2026, 2, 27), "35238", Territoire, 26));
    }

    [Fact]
    [Trait("Rule", "PPAE-01")]
    public void PPAE_01_accepter_ou_refuser_selon_les_motifs_avec_un_message_qui_dit_quoi_faire()
    {
        var age = new Ppae01Acceptable([MotifRefusAffectation.AgeAtteint]);
        Assert.True(age.IsBroken());
        Assert.Equal("Ce jeune avait 26 ans ou plus à l'affectation : refusez l'affectation, France Travail le suivra.", age.Message);
        Assert.Contains("hors du territoire", new Ppae01Acceptable([MotifRefusAffectation.AgeAtteint, MotifRefusAffectation.HorsTerritoire]).Message, StringComparison.Ordinal);
        Assert.False(new Ppae01Acceptable([]).IsBroken());

        Assert.False(new Ppae01MotifRefus(MotifRefusAffectation.HorsTerritoire, [MotifRefusAffectation.HorsTerritoire]).IsBroken());
        var sansMotif = new Ppae01MotifRefus(null, [MotifRefusAffectation.HorsTerritoire]);
        Assert.True(sansMotif.IsBroken());
        Assert.Equal(("PPAE-01", "Motif"), (sansMotif.Id, sansMotif.Champ));
        Assert.Equal("Ce jeune a moins de 26 ans et habite le territoire : l'affectation ne peut pas être refusée, acceptez-la.",
            new Ppae01MotifRefus(MotifRefusAffectation.AgeAtteint, []).Message);
        Assert.Equal("Ce motif ne s'applique pas à ce jeune : le motif du refus est « Commune hors du territoire ».",
            new Ppae01MotifRefus(MotifRefusAffectation.AgeAtteint, [MotifRefusAffectation.HorsTerritoire]).Message);
        var ex = Assert.Throws<BusinessRuleException>(() => BusinessRuleException.ThrowIfBroken(age));
        Assert.Equal("PPAE-01", ex.RuleId);
    }

    [Fact]
    [Trait("Rule", "PPAE-01")]
    public void PPAE_01_trois_listes_selon_les_dossiers_identifiant_d_abord_puis_identite_comme_la_recherche()
    {
        var naissance = new DateOnly(2006, 4, 12);
        var elodie = new DossierCandidat(Guid.NewGuid(), null, "MULLER", null, "Élodie", naissance, APpae: false);
        var mariee = new DossierCandidat(Guid.NewGuid(), null, "DUPONT", "MULLER", "Elodie", naissance, APpae: false);
        var autre = new DossierCandidat(Guid.NewGuid(), "7654321B", "NGUYEN", null, "Thi Hoa", new DateOnly(2004, 11, 2), APpae: true);

        // Nobody: a jeune unknown to the Mission Locale.
        var inconnu = Affectations.Classer("1234567A", "Durand", "Léo", naissance, [elodie, autre]);
        Assert.Equal(ListeCotraitance.DeNonConnus, inconnu.Liste);
        Assert.Empty(inconnu.Dossiers);

        // Same birth date, prénom and name (usage or birth, accents and case aside): both homonyms, never in PPAE.
        var r = Affectations.Classer("1234567A", "Müller", "elodie", naissance, [elodie, mariee, autre]);
        Assert.Equal(ListeCotraitance.RapprochementsPossibles, r.Liste);
        Assert.Equal([elodie.JeuneId, mariee.JeuneId], r.Dossiers);

        // A different date of birth is another person.
        Assert.Equal(ListeCotraitance.DeNonConnus, Affectations.Classer("1234567A", "Muller", "Élodie", naissance.AddDays(1), [elodie]).Liste);

        // The identifiant France Travail designates the dossier, whatever the name; a PPAE makes it a réaffectation.
        var parId = Affectations.Classer("7654321B", "Nguyen-Tran", "Hoa", new DateOnly(2004, 11, 2), [elodie, autre]);
        Assert.Equal(ListeCotraitance.ReaffectationsFranceTravail, parId.Liste);
        Assert.Equal([autre.JeuneId], parId.Dossiers);
    }

    private static (AffectationFt Affectation, Ppae Ppae) PpaeNonInitialise(DateOnly? dernierEntretienDude = null)
    {
        var a = AffectationFt.Importer(Guid.NewGuid(), "1234567A", Jeunes.Civilite.Madame, Jeunes.Nationalite.Francaise, "MULLER", "Élodie", new DateOnly(2006, 4, 12),
            "35238", new DateOnly(2026, 11, 2), dernierEntretienDude, "a.csv", DateTimeOffset.UnixEpoch);
        return (a, Ppae.Creer(a, Guid.NewGuid(), DateTimeOffset.UnixEpoch));
    }

    [Fact]
    [Trait("Rule", "PPAE-03")]
    public void PPAE_03_en_cours_seulement_avec_les_trois_conditions_et_pas_avant_le_dernier_entretien_du_DUDE()
    {
        var (_, ppae) = PpaeNonInitialise(new DateOnly(2026, 11, 10));
        var aujourdhui = new DateOnly(2026, 12, 2);
        var manque = Assert.Throws<BusinessRuleException>(() => ppae.Initialiser(aujourdhui, aujourdhui, null, dossierJustifie: true, acceptationJeune: false));
        Assert.Equal("PPAE-03", manque.RuleId);
        Assert.Equal("Le PPAE passe « En cours » avec trois conditions ; il manque : un entretien individuel avec le jeune depuis l'affectation (enregistrez-le dans le suivi) ; l'acceptation du PPAE par le jeune (cochez-la une fois qu'il l'a donnée).", manque.Message);

        var avant = Assert.Throws<BusinessRuleException>(() => ppae.Initialiser(new DateOnly(2026, 11, 9), aujourdhui, aujourdhui, true, true));
        Assert.Equal("Le dernier entretien déjà dans le DUDE a eu lieu le 10/11/2026 : l'entrée en PPAE ne peut pas le précéder.", avant.Message);
        Assert.Throws<BusinessRuleException>(() => ppae.Initialiser(aujourdhui.AddDays(1), aujourdhui, aujourdhui, true, true));
        Assert.Equal(EtatPpae.NonInitialise, ppae.Etat);

        // Backdated to the last DUDE entretien itself: allowed.
        ppae.Initialiser(new DateOnly(2026, 11, 10), aujourdhui, aujourdhui, true, true);
        Assert.Equal((EtatPpae.EnCours, (DateOnly?)new DateOnly(2026, 11, 10), (DateOnly?)aujourdhui), (ppae.Etat, ppae.DateEntree, ppae.AcceptationLe));
        var encore = Assert.Throws<BusinessRuleException>(() => ppae.Initialiser(aujourdhui, aujourdhui, aujourdhui, true, true));
        Assert.Equal("Ce PPAE est « En cours » : possible seulement depuis l'état « Non initialisé ».", encore.Message);
    }

    [Fact]
    [Trait("Rule", "PPAE-04")]
    public void PPAE_04_arret_anticipe_seulement_avant_le_debut()
    {
        var (_, ppae) = PpaeNonInitialise();
        Assert.Equal("PPAE-04", Assert.Throws<BusinessRuleException>(() => ppae.Arreter(null)).RuleId);
        Assert.Equal(EtatPpae.NonInitialise, ppae.Etat);
        ppae.Arreter(MotifArretPpae.RefusDuJeune);
        Assert.Equal(EtatPpae.ArretAnticipe, ppae.Etat);
        var (_, enCours) = PpaeNonInitialise();
        enCours.Initialiser(new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 2), new DateOnly(2026, 11, 20), true, true);
        Assert.Equal("PPAE-04", Assert.Throws<BusinessRuleException>(() => enCours.Arreter(MotifArretPpae.JamaisVenu)).RuleId);
    }

    [Fact]
    [Trait("Rule", "PPAE-05")]
    public void PPAE_05_un_flux_par_evenement_suivi_et_par_proposition_professionnelle_rien_hors_de_la_periode()
    {
        var (_, ppae) = PpaeNonInitialise();
        var e = new Evenements.Evenement(ppae.StructureId, ppae.JeuneId, Evenements.NatureEvenement.Atelier, DateTimeOffset.UnixEpoch, 60, Guid.NewGuid(), Guid.NewGuid(), null);
        var emploi = e.Proposer("EMPLOI", null, "Vendeuse");
        e.Proposer("SANTE", null, "Bilan de santé");
        var projet = e.Proposer("PROJET_PRO", null, "Métiers du soin");
        var jour = new DateOnly(2026, 11, 25);

        // Not started: nothing.
        Assert.Empty(ppae.Flux(e, jour));
        ppae.Initialiser(new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 2), new DateOnly(2026, 11, 20), true, true);
        Assert.Equal([(TypeFluxDude.Atelier, e.Id, (string?)null), (TypeFluxDude.PropositionEmploi, emploi.Id, "Vendeuse"), (TypeFluxDude.PropositionProjet, projet.Id, "Métiers du soin")], ppae.Flux(e, jour));
        Assert.Empty(ppae.Flux(e, new DateOnly(2026, 11, 19)));
        var interne = new Evenements.Evenement(ppae.StructureId, ppae.JeuneId, Evenements.NatureEvenement.InterneAdministratif, DateTimeOffset.UnixEpoch, 5, Guid.NewGuid(), Guid.NewGuid(), null);
        Assert.Empty(ppae.Flux(interne, jour));

        // After the exit, nothing.
        var motifs = new[] { "Déménagement" };
        Assert.Equal("PPAE-05", Assert.Throws<BusinessRuleException>(() => ppae.Terminer(new DateOnly(2026, 11, 26), "Lassitude", motifs, new DateOnly(2026, 12, 2))).RuleId);
        Assert.Equal("PPAE-05", Assert.Throws<BusinessRuleException>(() => ppae.Terminer(new DateOnly(2026, 11, 19), "Déménagement", motifs, new DateOnly(2026, 12, 2))).RuleId);
        ppae.Terminer(new DateOnly(2026, 11, 26), "Déménagement", motifs, new DateOnly(2026, 12, 2));
        Assert.Empty(ppae.Flux(e, jour));
    }

    [Fact]
    [Trait("Rule", "PPAE-05")]
    public void PPAE_05_un_flux_en_echec_est_reessaye_de_plus_en_plus_tard_puis_abandonne()
    {
        var t0 = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        var f = new FluxDude(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), TypeFluxDude.DebutPpae, Guid.NewGuid(), new DateOnly(2026, 12, 2), null, "1234567A", "MULLER", "Élodie", new DateOnly(2006, 4, 12), t0);
        f.Echec(t0, "500");
        Assert.Equal(t0.AddMinutes(1), f.ProchaineTentative);
        f.Echec(t0, "500");
        Assert.Equal(t0.AddMinutes(2), f.ProchaineTentative);
        for (var i = 2; i < FluxDude.TentativesMax; i++)
        {
            f.Echec(t0, "500");
        }

        Assert.Equal(StatutFlux.Abandonne, f.Statut);
        f.Relancer(t0);
        Assert.Equal((StatutFlux.EnAttente, 0), (f.Statut, f.Tentatives));
    }

    [Fact]
    [Trait("Rule", "PPAE-07")]
    public void PPAE_07_seul_un_rapprochement_s_annule_un_dossier_importe_se_repare()
    {
        var (a, _) = PpaeNonInitialise();
        var dossier = Guid.NewGuid();
        a.Accepter(new HashSet<string> { "35238" }, 26, new Rapprochement(ListeCotraitance.DeNonConnus, []), dossier, Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        Assert.Equal((EtatAffectation.AAffecter, (MarqueDude?)MarqueDude.ImporteDude), (a.Etat, a.Marque));
        Assert.Equal("PPAE-07", Assert.Throws<BusinessRuleException>(() => a.AnnulerRapprochement(Guid.NewGuid(), DateTimeOffset.UnixEpoch)).RuleId);

        var b = Guid.NewGuid();
        a.Reparer(b, Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        Assert.Equal((b, (MarqueDude?)MarqueDude.RapprocheDude), (a.JeuneId, a.Marque));
        Assert.Equal(dossier, a.AnnulerRapprochement(Guid.NewGuid(), DateTimeOffset.UnixEpoch) == b ? dossier : Guid.Empty);
        Assert.Equal(EtatAffectation.ARapprocher, a.Etat);
        Assert.Contains(b, a.Candidats);
    }
}
