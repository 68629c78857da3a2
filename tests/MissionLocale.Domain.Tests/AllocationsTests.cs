using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Tests;

/// <summary>ALLOC-02..07, 11..13 and CERFA-02/03 on the domain objects.</summary>
public sealed class AllocationsTests
{
    private static readonly BaremeAllocation Cej = new(528.00m, 300.00m, 100m, new DateOnly(2022, 3, 1), true);
    private static readonly BaremeAllocation Pacea = new(528.00m, 0m, 0m, new DateOnly(2017, 1, 1), true);
    private static readonly Guid Conseiller = Guid.CreateVersion7();
    private static readonly Guid Validateur = Guid.CreateVersion7();
    private static readonly DateTimeOffset Le = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static DemandeAllocation Demande(bool premiere = false) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "CEJ", new DateOnly(2026, 3, 17), 0m, 528m, NatureDemande.Initiale, Guid.CreateVersion7(), premiere, Conseiller, Le);

    [Theory]
    [Trait("Rule", "ALLOC-12")]
    [InlineData("CEJ", "0", "528.00")]
    [InlineData("CEJ", "300.00", "528.00")]
    [InlineData("CEJ", "300.01", "527.99")]
    [InlineData("CEJ", "512.34", "315.66")]
    [InlineData("CEJ", "827.99", "0.01")]
    [InlineData("CEJ", "828.00", "0.00")]
    [InlineData("CEJ", "1500.00", "0.00")]
    [InlineData("PACEA", "0", "528.00")]
    [InlineData("PACEA", "299.99", "528.00")]
    public void ALLOC_12_montant_au_centime_depuis_le_bareme_date_avec_les_etapes(string type, string ressources, string attendu)
    {
        var (montant, etapes) = CalculAllocation.Calculer(type, decimal.Parse(ressources, System.Globalization.CultureInfo.InvariantCulture), type == "CEJ" ? Cej : Pacea, 300m);
        Assert.Equal(decimal.Parse(attendu, System.Globalization.CultureInfo.InvariantCulture), montant);
        Assert.Equal(montant, etapes[^1].Montant);
        Assert.Contains(etapes, e => e.Libelle.Contains("valeur de démonstration", StringComparison.Ordinal));
        Assert.Equal(montant, Math.Max(0, etapes.Skip(1).SkipLast(1).Sum(e => e.Montant))); // maximum minus the reduction, never below 0
    }

    [Fact]
    [Trait("Rule", "ALLOC-08")]
    public void ALLOC_08_pas_d_allocation_pacea_a_300_euros_de_ressources()
    {
        Assert.Equal("ALLOC-08", Assert.Throws<BusinessRuleException>(() => CalculAllocation.Calculer("PACEA", 300.00m, Pacea, 300m)).RuleId);
    }

    [Fact]
    [Trait("Rule", "ALLOC-03")]
    [Trait("Rule", "ALLOC-04")]
    [Trait("Rule", "CERFA-03")]
    public void ALLOC_03_04_soumission_premiere_allocation_et_cerfa_valide_asp()
    {
        Assert.Equal("ALLOC-03", Assert.Throws<BusinessRuleException>(() => Demande(premiere: true).Soumettre(true, true)).RuleId);
        Assert.Equal("ALLOC-04", Assert.Throws<BusinessRuleException>(() => Demande().Soumettre(premiereValidee: false, cerfaValideAsp: true)).RuleId);
        Assert.Equal("CERFA-03", Assert.Throws<BusinessRuleException>(() => Demande().Soumettre(premiereValidee: true, cerfaValideAsp: false)).RuleId);
        var d = Demande();
        d.Soumettre(true, true);
        Assert.Equal(EtatDemande.Soumise, d.Etat);
        Assert.Equal("ALLOC-02", Assert.Throws<BusinessRuleException>(() => d.Soumettre(true, true)).RuleId);
    }

    [Fact]
    [Trait("Rule", "ALLOC-13")]
    [Trait("Rule", "ALLOC-03")]
    public void ALLOC_13_separation_des_taches_et_premiere_validee_avec_le_cerfa()
    {
        var d = Demande();
        d.Soumettre(true, true);
        Assert.Equal("ALLOC-13", Assert.Throws<BusinessRuleException>(() => d.Valider(Conseiller, Le)).RuleId);
        d.Valider(Validateur, Le);
        Assert.Equal((EtatDemande.Validee, Validateur), (d.Etat, d.ValideePar!.Value));

        var premiere = Demande(premiere: true);
        Assert.Equal("ALLOC-03", Assert.Throws<BusinessRuleException>(() => premiere.Valider(Validateur, Le)).RuleId);
        premiere.Valider(Validateur, Le, avecLeCerfa: true);
        Assert.Equal(EtatDemande.Validee, premiere.Etat);

        var cerfa = new Cerfa(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "CEJ", 0, Guid.CreateVersion7(), Conseiller, Le);
        Assert.Equal("CERFA-03", Assert.Throws<BusinessRuleException>(() => cerfa.Valider(Validateur, Le)).RuleId); // not signed
        cerfa.AttacherScan(Guid.CreateVersion7());
        Assert.Equal("ALLOC-13", Assert.Throws<BusinessRuleException>(() => cerfa.Valider(Conseiller, Le)).RuleId);
        cerfa.Valider(Validateur, Le);
        Assert.Equal(EtatCerfa.ValideeSiege, cerfa.Etat);
        Assert.Equal("CERFA-03", Assert.Throws<BusinessRuleException>(() => cerfa.AttacherScan(Guid.CreateVersion7())).RuleId);
        Assert.Equal("CERFA-03", Assert.Throws<BusinessRuleException>(() => cerfa.Regenerer(Guid.CreateVersion7(), Conseiller, Le)).RuleId);
    }

    [Fact]
    [Trait("Rule", "ALLOC-13")]
    public void ALLOC_13_delegation_rgs_active_entre_ses_dates_jusqu_a_sa_revocation()
    {
        var d = new DelegationRgs(Guid.CreateVersion7(), Validateur, "RGS-2026-001", new DateOnly(2026, 3, 1), new DateOnly(2026, 12, 31), Conseiller, Le);
        Assert.False(d.Active(new DateOnly(2026, 2, 28)));
        Assert.True(d.Active(new DateOnly(2026, 3, 1)));
        Assert.True(d.Active(new DateOnly(2026, 12, 31)));
        Assert.False(d.Active(new DateOnly(2027, 1, 1)));
        d.Revoquer(new DateOnly(2026, 6, 1));
        Assert.True(d.Active(new DateOnly(2026, 5, 31)));
        Assert.False(d.Active(new DateOnly(2026, 6, 1)));
        Assert.Throws<BusinessRuleException>(() => new DelegationRgs(Guid.CreateVersion7(), Validateur, "x", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 1), Conseiller, Le));
    }

    [Theory]
    [Trait("Rule", "CERFA-02")]
    [InlineData(new int[0], false, 0)]
    [InlineData(new[] { 0 }, false, 1)]
    [InlineData(new[] { 0, 1 }, false, 1)]
    [InlineData(new[] { 0 }, true, 2)]
    [InlineData(new[] { 0, 1, 2 }, true, 1)]
    public void CERFA_02_numerotation(int[] existants, bool renouvele, int attendu) => Assert.Equal(attendu, Cerfa.Numeroter(existants, renouvele));

    [Fact]
    [Trait("Rule", "ALLOC-07")]
    [Trait("Rule", "ALLOC-11")]
    public void ALLOC_07_modification_seulement_apres_la_reponse_de_l_asp_et_transitions_asp()
    {
        var d = Demande();
        d.Soumettre(true, true);
        Assert.False(d.Modifiable);
        Assert.Equal("ALLOC-07", Assert.Throws<BusinessRuleException>(() => d.Modifier(0, 0, null, Conseiller, Le)).RuleId);
        Assert.True(d.Supprimable);

        Assert.True(DemandeAllocation.TransitionAspAutorisee(EtatDemande.EnvoyeeAsp, EtatDemande.VerseeAsp));
        Assert.True(DemandeAllocation.TransitionAspAutorisee(EtatDemande.AccepteeAsp, EtatDemande.VerseeAsp));
        Assert.True(DemandeAllocation.TransitionAspAutorisee(EtatDemande.EnvoyeeAsp, EtatDemande.RefuseeAsp));
        Assert.False(DemandeAllocation.TransitionAspAutorisee(EtatDemande.Validee, EtatDemande.VerseeAsp));
        Assert.False(DemandeAllocation.TransitionAspAutorisee(EtatDemande.VerseeAsp, EtatDemande.AccepteeAsp));
        Assert.False(DemandeAllocation.TransitionAspAutorisee(EtatDemande.RefuseeAsp, EtatDemande.VerseeAsp));
    }
}
