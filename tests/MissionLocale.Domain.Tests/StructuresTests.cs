using MissionLocale.Domain.Common;
using MissionLocale.Domain.Reference;
using MissionLocale.Domain.Structures;

namespace MissionLocale.Domain.Tests;

/// <summary>Issue 12: structures with their territory (USR-06), letterhead and antennes (USR-07), reference-table merges (USR-10).</summary>
public sealed class StructuresTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    [Trait("Rule", "USR-06")]
    public void USR_06_une_structure_a_un_territoire_de_communes_sans_doublon()
    {
        var s = Structure.Creer(" ml22-lannion ", "Mission Locale Ouest Côtes d'Armor", "1 rue de la Mairie", "22300", "22113", ["22113", "22113", " 22168 "]);
        Assert.Equal("ML22-LANNION", s.Code);
        Assert.Equal(["22113", "22168"], s.Territoire.Select(t => t.CommuneInsee).Order().ToArray());
        s.DefinirTerritoire(["22168", "22005"]);
        Assert.Equal(["22005", "22168"], s.Territoire.Select(t => t.CommuneInsee).Order().ToArray());
        var vide = Assert.Throws<BusinessRuleException>(() => Structure.Creer("ML", "X", "v", "22300", "22113", []));
        Assert.Equal(("USR-06", "Communes"), (vide.RuleId, vide.Champ));
        Assert.Equal("USR-06", Assert.Throws<BusinessRuleException>(() => ReglesStructure.VerifierCodeLibre(true, "ML22")).RuleId);
    }

    [Fact]
    [Trait("Rule", "USR-07")]
    public void USR_07_logo_png_ou_jpeg_et_antenne_avec_adresse_et_horaires()
    {
        var s = new Structure("ML", "Mission Locale", "1 rue", "35000", "35238");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];
        s.ModifierEnTete("02 99 00 00 00", "Contact@ML.fr", png);
        Assert.Equal(("contact@ml.fr", 10), (s.Email, s.Logo!.Length));
        var gif = Assert.Throws<BusinessRuleException>(() => s.ModifierEnTete(null, null, "GIF89a"u8.ToArray()));
        Assert.Equal(("USR-07", "Logo"), (gif.RuleId, gif.Champ));
        Assert.Throws<BusinessRuleException>(() => s.ModifierEnTete(null, null, [0xFF, 0xD8, 0xFF, .. new byte[ImageLogo.TailleMax]]));
        Assert.Equal(10, s.Logo!.Length); // unchanged after a refusal

        var a = new Antenne(s.Id, "Centre");
        a.Modifier(" Centre-ville ", "2 place de la Gare", "35000", "35238", null, " Du lundi au vendredi, 9h-17h ");
        Assert.Equal(("Centre-ville", "Du lundi au vendredi, 9h-17h", 1), (a.Nom, a.Horaires, a.Version));
        Assert.Equal("USR-07", Assert.Throws<BusinessRuleException>(() => ReglesStructure.VerifierNomAntenneLibre(true, "Centre")).RuleId);
    }

    [Theory]
    [Trait("Rule", "USR-10")]
    [InlineData("2026-12-02T14:00:00Z", "2026-12-03T03:00:00Z")] // afternoon (winter, UTC+1): the next night
    [InlineData("2026-12-02T02:30:00Z", "2026-12-02T03:00:00Z")] // 03:30 in Paris: this very night, at 04:00
    [InlineData("2026-12-02T03:00:00Z", "2026-12-03T03:00:00Z")] // exactly 04:00: the next one
    [InlineData("2027-03-27T12:00:00Z", "2027-03-28T02:00:00Z")] // the night summer time starts: 04:00 is UTC+2
    [InlineData("2027-10-30T12:00:00Z", "2027-10-31T03:00:00Z")] // the night it ends: 04:00 is UTC+1 again
    public void USR_10_la_fusion_est_programmee_la_nuit_suivante_a_4h_heure_de_paris(string maintenant, string attendu)
    {
        var f = FusionReferentiel.Programmer(Guid.NewGuid(), TableFusionnable.DomaineProposition, ("EMPLOI2", "Emploi (doublon)"), ("EMPLOI", "Emploi"),
            DateTimeOffset.Parse(maintenant, System.Globalization.CultureInfo.InvariantCulture), Paris, "a.bernard");
        Assert.Equal(DateTimeOffset.Parse(attendu, System.Globalization.CultureInfo.InvariantCulture), f.PrevueLe);
        Assert.Equal(4, TimeZoneInfo.ConvertTime(f.PrevueLe, Paris).Hour);
        Assert.Equal(EtatFusion.Programmee, f.Etat);
    }

    [Fact]
    [Trait("Rule", "USR-10")]
    public void USR_10_pas_de_fusion_sur_soi_ni_en_chaine_ni_de_suppression_d_un_element_utilise()
    {
        var maintenant = DateTimeOffset.UtcNow;
        Assert.Equal("USR-10", Assert.Throws<BusinessRuleException>(() => FusionReferentiel.Programmer(Guid.NewGuid(), TableFusionnable.Prescripteur, ("a", "A"), ("a", "A"), maintenant, Paris, "x")).RuleId);
        Assert.Equal("Source", Assert.Throws<BusinessRuleException>(() => ReglesFusion.VerifierSansConflit(true, false)).Champ);
        Assert.Equal("Cible", Assert.Throws<BusinessRuleException>(() => ReglesFusion.VerifierSansConflit(false, true)).Champ);
        Assert.Contains("encore utilisé 3 fois", Assert.Throws<BusinessRuleException>(() => ReglesFusion.VerifierInutilise(3, "Emploi")).Message, StringComparison.Ordinal);
        ReglesFusion.VerifierInutilise(0, "Emploi");
        var f = FusionReferentiel.Programmer(Guid.NewGuid(), TableFusionnable.Prescripteur, ("a", "A"), ("b", "B"), maintenant, Paris, "x");
        f.Annuler();
        Assert.Equal("USR-10", Assert.Throws<BusinessRuleException>(f.Annuler).RuleId);
    }
}

/// <summary>DEM-01 to DEM-07 (proposal): the request for a dossier between two Missions Locales.</summary>
public sealed class DemenagementsTests
{
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();

    private static MissionLocale.Domain.Demenagements.DemandeDemenagement Demande() =>
        MissionLocale.Domain.Demenagements.DemandeDemenagement.Demander(Guid.NewGuid(), A, B, " Déménagement ", new DateOnly(2026, 12, 2), false, Guid.NewGuid(), "c.roux", DateTimeOffset.UtcNow);

    [Fact]
    [Trait("Rule", "DEM-02")]
    public void DEM_02_seul_le_detenteur_repond_un_refus_a_un_motif_et_la_table_dit_ce_qui_suit()
    {
        var d = Demande();
        Assert.Equal("Déménagement", d.Motif);
        Assert.Equal("DEM-02", Assert.Throws<BusinessRuleException>(() => d.Decider(MissionLocale.Domain.Demenagements.CycleDemenagement.Accepter, B, Guid.NewGuid(), "x", DateTimeOffset.UtcNow)).RuleId);
        Assert.Equal("MotifRefus", Assert.Throws<BusinessRuleException>(() => d.Decider(MissionLocale.Domain.Demenagements.CycleDemenagement.Refuser, A, Guid.NewGuid(), "x", DateTimeOffset.UtcNow, "")).Champ);
        d.Decider(MissionLocale.Domain.Demenagements.CycleDemenagement.Refuser, A, Guid.NewGuid(), "s.debout", DateTimeOffset.UtcNow, "Toujours à Rennes");
        Assert.Equal((MissionLocale.Domain.Demenagements.EtatDemenagement.Refusee, 1), (d.Etat, d.Version));
        Assert.Throws<BusinessRuleException>(() => d.Decider(MissionLocale.Domain.Demenagements.CycleDemenagement.Accepter, A, Guid.NewGuid(), "x", DateTimeOffset.UtcNow));
        var autre = Demande();
        Assert.Equal("DEM-02", Assert.Throws<BusinessRuleException>(() => autre.Decider(MissionLocale.Domain.Demenagements.CycleDemenagement.Annuler, A, Guid.NewGuid(), "x", DateTimeOffset.UtcNow)).RuleId);
        autre.Decider(MissionLocale.Domain.Demenagements.CycleDemenagement.Annuler, B, Guid.NewGuid(), "c.roux", DateTimeOffset.UtcNow);
        Assert.Equal(MissionLocale.Domain.Demenagements.EtatDemenagement.Annulee, autre.Etat);
    }

    [Fact]
    [Trait("Rule", "DEM-04")]
    [Trait("Rule", "DEM-07")]
    public void DEM_04_07_dispositif_sans_motif_demenagement_et_allocations_non_reglees_bloquent()
    {
        Assert.Contains("PACEA", Assert.Throws<BusinessRuleException>(() => MissionLocale.Domain.Demenagements.ReglesDemenagement.VerifierMotifDemenagement(false, "PACEA")).Message, StringComparison.Ordinal);
        MissionLocale.Domain.Demenagements.ReglesDemenagement.VerifierMotifDemenagement(true, "Relation Entreprise");
        Assert.Contains("2 demandes d'allocation", Assert.Throws<BusinessRuleException>(() => MissionLocale.Domain.Demenagements.ReglesDemenagement.VerifierAllocationsReglees(2)).Message, StringComparison.Ordinal);
        Assert.Equal("DEM-07", Assert.Throws<BusinessRuleException>(() => MissionLocale.Domain.Demenagements.ReglesDemenagement.VerifierAucuneEnCours(true)).RuleId);
        Assert.Equal("DEM-01", Assert.Throws<BusinessRuleException>(() => MissionLocale.Domain.Demenagements.DemandeDemenagement.Demander(Guid.NewGuid(), A, A, "x", default, false, Guid.NewGuid(), "x", DateTimeOffset.UtcNow)).RuleId);
    }
}
