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
}
