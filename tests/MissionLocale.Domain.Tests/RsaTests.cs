using MissionLocale.Domain.Common;
using MissionLocale.Domain.Insertion;

namespace MissionLocale.Domain.Tests;

/// <summary>CER and EP rules of the RSA référent's work, in the domain (issue 15 groundwork).</summary>
public sealed class RsaTests
{
    private static readonly DateOnly Debut = new(2026, 12, 1);

    private static Cer Signe(TypeCer type = TypeCer.PremierContrat, bool apresSanction = false)
    {
        var cer = new Cer(type, Debut, 6, apresSanction);
        cer.Saisir(new ContenuCer("Vendeuse en boulangerie", "Ponctuelle", "Mobilité", null, "Chercher 5 offres par mois", "Tous les 15 jours"),
            [Cer.Action("EMPLOI-RECH", "Recherche d'emploi accompagnée", Debut)]);
        cer.SignerBeneficiaire(Debut);
        cer.SignerReferent(Debut);
        return cer;
    }

    [Fact]
    [Trait("Rule", "CER-03")]
    public void CER_03_duree_proposee_ou_autre_et_fin_prevue_calculee()
    {
        Assert.Equal(new DateOnly(2027, 5, 31), new Cer(TypeCer.PremierContrat, Debut, 6).FinPrevue);
        Assert.Equal(new DateOnly(2027, 7, 31), new Cer(TypeCer.PremierContrat, Debut, 8).FinPrevue);
        Assert.Equal("CER-03", Assert.Throws<BusinessRuleException>(() => new Cer(TypeCer.PremierContrat, Debut, 0)).RuleId);
        Assert.Equal("CER-03", Assert.Throws<BusinessRuleException>(() => new Cer(TypeCer.PremierContrat, Debut, 25)).RuleId);
    }

    [Fact]
    [Trait("Rule", "CER-04")]
    [Trait("Rule", "CER-05")]
    public void CER_04_05_contenu_limite_et_rien_ne_change_une_fois_signe()
    {
        var cer = new Cer(TypeCer.PremierContrat, Debut, 6);
        var trop = Assert.Throws<BusinessRuleException>(() => cer.Saisir(new ContenuCer(new string('a', 1001), null, null, null, new string('b', 1200), null), []));
        Assert.Equal(("CER-05", "Perspectives"), (trop.RuleId, trop.Champ));
        Assert.Equal(EtatCer.Vide, cer.Etat);
        Assert.Equal(Debut.AddMonths(6), Cer.Action("FORM", "Formation", Debut).Echeance);

        var signe = Signe();
        Assert.Equal(EtatCer.Signe, signe.Etat);
        var refus = Assert.Throws<BusinessRuleException>(() => signe.Saisir(new ContenuCer("Autre", null, null, null, null, null), []));
        Assert.Equal("CER-04", refus.RuleId);
        Assert.Equal("Vendeuse en boulangerie", signe.Contenu.Perspectives);
    }

    [Fact]
    [Trait("Rule", "CER-02")]
    [Trait("Rule", "CER-06")]
    public void CER_02_06_signatures_dans_l_ordre_puis_validation_ou_soumission_selon_le_type()
    {
        var cer = new Cer(TypeCer.PremierContrat, Debut, 6);
        cer.Saisir(new ContenuCer("Projet", null, null, null, null, null), []);
        Assert.Equal("CER-06", Assert.Throws<BusinessRuleException>(() => cer.SignerReferent(Debut)).RuleId);

        var simple = Signe();
        simple.Valider(Debut);
        Assert.Equal(EtatCer.Valide, simple.Etat);

        // CER-02: reprise versement locks its type and pre-ticks the levée; it goes to the département.
        var reprise = Signe(TypeCer.RepriseVersement);
        Assert.True(reprise.TypeVerrouille && reprise.LeveeSuspension && !reprise.LeveeRadiation);
        Assert.True(new Cer(TypeCer.ReouvertureDroit, Debut, 3).LeveeRadiation);
        Assert.Equal("CER-06", Assert.Throws<BusinessRuleException>(() => reprise.Valider(Debut)).RuleId);
        reprise.Soumettre();
        Assert.Equal("CER-06", Assert.Throws<BusinessRuleException>(() => reprise.Decider(false, " ", Debut, Guid.NewGuid())).RuleId);
        reprise.Decider(false, "Engagements trop vagues", Debut, Guid.NewGuid());
        Assert.Equal((EtatCer.Refuse, "Engagements trop vagues"), (reprise.Etat, reprise.MotifRefus));

        Assert.True(Signe(TypeCer.Avenant, apresSanction: true).ValidationRequise);
        Assert.False(Signe(TypeCer.Avenant).ValidationRequise);
    }

    [Fact]
    [Trait("Rule", "CER-07")]
    public void CER_07_renouvellement_cloture_et_avenant_copie()
    {
        var cer = Signe();
        Assert.Equal("CER-07", Assert.Throws<BusinessRuleException>(() => cer.Renouveler(Debut.AddMonths(6), 6)).RuleId);
        cer.Valider(Debut);
        var avenant = cer.Avenant(Debut.AddMonths(2), 4, apresSanction: false);
        Assert.Equal((TypeCer.Avenant, EtatCer.EnSaisie, "Vendeuse en boulangerie", 1, cer.Id), (avenant.Type, avenant.Etat, avenant.Contenu.Perspectives, avenant.Actions.Count, avenant.AmendeId));

        var suivant = cer.Renouveler(new DateOnly(2027, 5, 31), 12);
        Assert.Equal((EtatCer.Cloture, (DateOnly?)new DateOnly(2027, 5, 31)), (cer.Etat, cer.ClotureLe));
        Assert.Equal((TypeCer.Renouvellement, EtatCer.Vide, new DateOnly(2027, 6, 1)), (suivant.Type, suivant.Etat, suivant.Debut));
    }

    [Fact]
    [Trait("Rule", "EP-02")]
    [Trait("Rule", "EP-05")]
    public void EP_02_05_decision_proposee_et_pas_de_reorientation_sous_sanction()
    {
        var sanction = new SaisineEp(MotifSaisine.NonRespectCer, null, null, "Absent à 3 rendez-vous", []);
        Assert.Equal(SaisineEp.ReductionNiveau1, sanction.DecisionProposee);

        var sansType = Assert.Throws<BusinessRuleException>(() => new SaisineEp(MotifSaisine.Reorientation, TypeAccompagnement.Orientation, "Conseil départemental — service social", null, []));
        Assert.Equal(("EP-02", "TypeCible"), (sansType.RuleId, sansType.Champ));
        Assert.Equal("StructureCible", Assert.Throws<BusinessRuleException>(() => new SaisineEp(MotifSaisine.Reorientation, TypeAccompagnement.Social, null, null, [])).Champ);

        // A sanction saisine in progress blocks the réorientation; once the committee lifted it, it is possible.
        Assert.Equal("EP-05", Assert.Throws<BusinessRuleException>(() => new SaisineEp(MotifSaisine.Reorientation, TypeAccompagnement.Social, "Conseil départemental — service social", null, [sanction])).RuleId);
        sanction.Inscrire("EP Rennes Nord", new DateOnly(2027, 1, 12));
        sanction.Statuer("Maintien sans sanction", sanctionActive: false, new DateOnly(2027, 1, 12));
        Assert.Equal("Réorientation social", new SaisineEp(MotifSaisine.Reorientation, TypeAccompagnement.Social, "Conseil départemental — service social", null, [sanction]).DecisionProposee);
    }

    [Fact]
    [Trait("Rule", "EP-03")]
    [Trait("Rule", "EP-04")]
    public void EP_03_04_etats_et_seul_le_commentaire_insertion_change_jusqu_a_la_commission()
    {
        var s = new SaisineEp(MotifSaisine.AbsenceCer, null, null, null, []);
        Assert.Equal("EP-03", Assert.Throws<BusinessRuleException>(() => s.Statuer("Réduction", true, Debut)).RuleId);
        Assert.Equal("EP-03", Assert.Throws<BusinessRuleException>(() => s.Refuser(null)).RuleId);
        s.CommenterInsertion("Le bénéficiaire n'a répondu à aucune convocation.");
        s.Inscrire("EP Rennes Nord", new DateOnly(2027, 1, 12));
        s.CommenterInsertion("Venu le 5 janvier : un CER est en préparation.");
        Assert.Equal("EP-03", Assert.Throws<BusinessRuleException>(() => s.Statuer(SaisineEp.ReductionNiveau1, true, new DateOnly(2027, 1, 11))).RuleId);
        s.Statuer(SaisineEp.ReductionNiveau1, sanctionActive: true, new DateOnly(2027, 1, 12));
        Assert.Equal((EtatSaisine.CommissionRealisee, true), (s.Etat, s.SanctionActive));
        Assert.Equal("EP-04", Assert.Throws<BusinessRuleException>(() => s.CommenterInsertion("Trop tard")).RuleId);

        var refusee = new SaisineEp(MotifSaisine.PasDePpae, null, null, null, []);
        refusee.Refuser("Le PPAE a été signé la semaine dernière.");
        Assert.Equal(EtatSaisine.Refusee, refusee.Etat);
    }
    [Fact]
    [Trait("Rule", "CER-04")]
    [Trait("Rule", "CER-06")]
    public void CER_04_06_la_table_de_transitions_est_le_seul_arbitre_et_les_signatures_dessinees_sont_des_images()
    {
        Assert.True(CycleCer.Table.Permet(EtatCer.EnSaisie, EtatCer.Signe));
        Assert.False(CycleCer.Table.Permet(EtatCer.Signe, EtatCer.EnSaisie));
        Assert.Equal(Utilisateurs.Droit.ValiderRsa, CycleCer.Table.Transitions.Single(t => t.Vers == EtatCer.Refuse).Droit);
        Assert.Contains(CycleCer.Table, Workflows.Tous);
        Assert.Contains(CycleSaisine.Table, Workflows.Tous);

        var cer = new Cer(TypeCer.PremierContrat, Debut, 6);
        cer.Saisir(new ContenuCer("Projet", null, null, null, null, null), []);
        var pasUneImage = Assert.Throws<BusinessRuleException>(() => cer.SignerBeneficiaire(Debut, [1, 2, 3]));
        Assert.Equal(("CER-06", "Signature"), (pasUneImage.RuleId, pasUneImage.Champ));
        Assert.Null(cer.SigneBeneficiaireLe);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];
        cer.SignerBeneficiaire(Debut, png);
        cer.SignerReferent(Debut, png, Guid.NewGuid());
        Assert.Equal(EtatCer.Signe, cer.Etat);
        Assert.Equal("CER-06", Assert.Throws<BusinessRuleException>(() => cer.Decider(true, null, Debut, Guid.NewGuid())).RuleId);

        // The keyboard alternative: signed on paper, the scan kept.
        var papier = new Cer(TypeCer.PremierContrat, Debut, 6);
        Assert.Equal("CER-06", Assert.Throws<BusinessRuleException>(() => papier.SignerSurPapier(Debut, Guid.NewGuid(), Guid.NewGuid())).RuleId);
        papier.Saisir(new ContenuCer("Projet", null, null, null, null, null), []);
        var scan = Guid.NewGuid();
        papier.SignerSurPapier(Debut, scan, Guid.NewGuid());
        Assert.Equal((EtatCer.Signe, (Guid?)scan, (DateOnly?)Debut), (papier.Etat, papier.ScanSignePapierId, papier.SigneBeneficiaireLe));
    }

    [Fact]
    [Trait("Rule", "CER-02")]
    [Trait("Rule", "CER-03")]
    [Trait("Rule", "CER-07")]
    [Trait("Rule", "CER-08")]
    public void CER_07_08_avenant_valide_clot_l_amende_refus_repris_et_archive_une_fois()
    {
        var cer = Signe();
        cer.Valider(Debut);
        Assert.True(cer.EnVigueur(Debut.AddMonths(1)));
        Assert.False(cer.EnVigueur(cer.FinPrevue.AddDays(1)));
        var doc = Guid.NewGuid();
        cer.Archiver(doc);
        Assert.Equal("CER-08", Assert.Throws<BusinessRuleException>(() => cer.Archiver(Guid.NewGuid())).RuleId);
        Assert.Equal("CER-07", Assert.Throws<BusinessRuleException>(() => cer.Avenant(Debut.AddDays(-1), 3, false)).RuleId);

        var avenant = cer.Avenant(Debut.AddMonths(2), 4, apresSanction: true);
        Assert.Equal("CER-02", Assert.Throws<BusinessRuleException>(() => avenant.Saisir(avenant.Contenu, avenant.Actions, TypeCer.RepriseVersement)).RuleId);
        avenant.Saisir(avenant.Contenu, avenant.Actions, dureeMois: 3);
        Assert.Equal(Debut.AddMonths(5).AddDays(-1), avenant.FinPrevue);
        avenant.SignerBeneficiaire(Debut);
        avenant.SignerReferent(Debut);
        Assert.Equal("CER-06", Assert.Throws<BusinessRuleException>(() => avenant.Valider(Debut)).RuleId);
        avenant.Soumettre();
        Assert.Equal("CER-07", Assert.Throws<BusinessRuleException>(() => cer.CloturerParAvenant(avenant)).RuleId);
        avenant.Decider(true, null, Debut.AddMonths(2), Guid.NewGuid());
        cer.CloturerParAvenant(avenant);
        Assert.Equal((EtatCer.Cloture, (DateOnly?)Debut.AddMonths(2).AddDays(-1)), (cer.Etat, cer.ClotureLe));

        var reprise = Signe(TypeCer.RepriseVersement);
        reprise.Soumettre();
        reprise.Decider(false, "Engagements trop vagues", Debut, Guid.NewGuid());
        Assert.Equal("CER-07", Assert.Throws<BusinessRuleException>(() => reprise.Renouveler(Debut, 6)).RuleId);
        var corrige = reprise.Reprendre(Debut);
        Assert.Equal((EtatCer.Cloture, TypeCer.RepriseVersement, EtatCer.EnSaisie, "Vendeuse en boulangerie", true),
            (reprise.Etat, corrige.Type, corrige.Etat, corrige.Contenu.Perspectives, corrige.LeveeSuspension));
    }

    [Fact]
    [Trait("Rule", "EP-01")]
    [Trait("Rule", "EP-05")]
    [Trait("Rule", "EP-06")]
    public void EP_06_une_absence_au_premier_rdv_d_elaboration_ou_de_renouvellement_propose_la_saisine()
    {
        Assert.Equal(MotifSaisine.AbsenceCer, CycleSaisine.ProposeeApresAbsence(RendezVous.NatureRendezVous.RsaElaborationPremierContrat1));
        Assert.Equal(MotifSaisine.AbsenceRenouvellementCer, CycleSaisine.ProposeeApresAbsence(RendezVous.NatureRendezVous.RsaRenouvellement1));
        Assert.Null(CycleSaisine.ProposeeApresAbsence(RendezVous.NatureRendezVous.RsaElaborationPremierContrat2));
        Assert.Null(CycleSaisine.ProposeeApresAbsence(RendezVous.NatureRendezVous.RsaSuivi));
        Assert.Equal("F — 1er RDV élaboration premier contrat (RSA)", Libelles.De(RendezVous.NatureRendezVous.RsaElaborationPremierContrat1));
        Assert.Equal("Absence de CER", Libelles.De(MotifSaisine.AbsenceCer));
        Assert.Equal("EP-01", Assert.Throws<BusinessRuleException>(() => new SaisineEp((MotifSaisine)99, null, null, null, [])).RuleId);

        // EP-05: a lifted sanction no longer blocks a réorientation.
        var sanction = new SaisineEp(MotifSaisine.AbsenceCer, null, null, null, []);
        sanction.Inscrire("EP Rennes Nord", Debut);
        sanction.Statuer(SaisineEp.ReductionNiveau1, true, Debut);
        Assert.Equal("EP-05", Assert.Throws<BusinessRuleException>(() => new SaisineEp(MotifSaisine.Reorientation, TypeAccompagnement.Social, "CCAS", null, [sanction])).RuleId);
        sanction.LeverLaSanction();
        Assert.Equal("EP-05", Assert.Throws<BusinessRuleException>(sanction.LeverLaSanction).RuleId);
        Assert.Equal("Réorientation social", new SaisineEp(MotifSaisine.Reorientation, TypeAccompagnement.Social, "CCAS", null, [sanction]).DecisionProposee);
    }
}
