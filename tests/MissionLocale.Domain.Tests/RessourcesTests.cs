using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Tests;

public sealed class RessourcesTests
{
    private static readonly BaremeRessources Bareme = new(new Dictionary<ActiviteMicro, decimal>
    {
        [ActiviteMicro.AchatReventeHebergement] = 71m,
        [ActiviteMicro.AutresBic] = 50m,
        [ActiviteMicro.Bnc] = 34m,
        [ActiviteMicro.Agricole] = 87m,
    }, 300m);

    [Theory]
    [Trait("Rule", "ALLOC-09")]
    [InlineData(ActiviteMicro.AchatReventeHebergement, "1000", "290.00")]
    [InlineData(ActiviteMicro.AutresBic, "1000", "500.00")]
    [InlineData(ActiviteMicro.Bnc, "1000", "660.00")]
    [InlineData(ActiviteMicro.Agricole, "1000", "130.00")]
    [InlineData(ActiviteMicro.Bnc, "333.33", "220.00")] // 219.9978 rounded to the cent
    [InlineData(ActiviteMicro.AchatReventeHebergement, "0.05", "0.01")] // 0.0145 → 0.01
    [InlineData(ActiviteMicro.AutresBic, "1234.57", "617.29")] // 617.285 → 617.29 (half away from zero)
    public void ALLOC_09_chiffre_d_affaires_moins_l_abattement_forfaitaire_au_centime(ActiviteMicro activite, string ca, string attendu)
    {
        var c = RessourcesMensuelles.Calculer(new SaisieRessources(ChiffreAffaires: decimal.Parse(ca, System.Globalization.CultureInfo.InvariantCulture), Activite: activite), Bareme);
        Assert.Equal(decimal.Parse(attendu, System.Globalization.CultureInfo.InvariantCulture), c.Total);
    }

    [Fact]
    [Trait("Rule", "ALLOC-09")]
    public void ALLOC_09_sans_activite_pas_d_abattement_possible() =>
        Assert.Equal("ALLOC-09", Assert.Throws<BusinessRuleException>(() => RessourcesMensuelles.Calculer(new SaisieRessources(ChiffreAffaires: 100m), Bareme)).RuleId);

    [Fact]
    [Trait("Rule", "ALLOC-10")]
    public void ALLOC_10_net_a_payer_plus_avance_sans_revenu_ecologique_et_rappels_de_stage_dans_le_mois_recu()
    {
        var c = RessourcesMensuelles.Calculer(new SaisieRessources(NetAPayer: 850.40m, AvanceHorsNet: 100m, RevenuEcologique: 50m, RemunerationStagiaire: 310.39m + 620.78m), Bareme);
        Assert.Equal(850.40m + 100m + 931.17m, c.Total);
        Assert.Contains(c.Etapes, e => e.Libelle.Contains("Revenu écologique", StringComparison.Ordinal) && e.Montant == 0m);
        Assert.Equal("Total des ressources retenues", c.Etapes[^1].Libelle);
    }

    [Theory]
    [Trait("Rule", "ALLOC-08")]
    [InlineData("299.99", null, true)]
    [InlineData("300.00", null, false)] // under 300 €: 300 exactly is not
    [InlineData("300.01", null, false)]
    [InlineData("60", "239.99", true)]
    [InlineData("60", "250", false)] // a CEJ allocation received in M-1 counts
    public void ALLOC_08_PACEA_payable_sous_300_euros_de_ressources_M_1(string autres, string? cej, bool payable)
    {
        var c = RessourcesMensuelles.Calculer(new SaisieRessources(AutresRessources: decimal.Parse(autres, System.Globalization.CultureInfo.InvariantCulture),
            AllocationCejRecue: cej is null ? null : decimal.Parse(cej, System.Globalization.CultureInfo.InvariantCulture)), Bareme);
        Assert.Equal(payable, c.PaceaPayable);
    }

    [Fact]
    [Trait("Rule", "ALLOC-08")]
    public void ALLOC_08_montant_negatif_refuse() =>
        Assert.Equal("ALLOC-08", Assert.Throws<BusinessRuleException>(() => RessourcesMensuelles.Calculer(new SaisieRessources(NetAPayer: -1m), Bareme)).RuleId);
}
