using MissionLocale.Domain.Common;
using MissionLocale.Domain.Entreprises;

namespace MissionLocale.Domain.Tests;

/// <summary>ENT-01 (issue 12, first brick): SIREN and SIRET check digits, La Poste's exception.</summary>
public sealed class EntreprisesTests
{
    [Theory]
    [Trait("Rule", "ENT-01")]
    [InlineData("732829320", true)] // the INSEE's example company
    [InlineData("732 829 320", true)]
    [InlineData("732829321", false)] // one digit off
    [InlineData("73282932", false)] // 8 digits
    [InlineData("73282932A", false)]
    [InlineData("356000000", true)] // La Poste's SIREN is Luhn-valid itself
    public void ENT_01_siren(string siren, bool valide) => Assert.Equal(valide, IdentifiantsInsee.SirenValide(siren));

    [Theory]
    [Trait("Rule", "ENT-01")]
    [InlineData("73282932000074", true)] // the INSEE's example: 7th establishment of 732 829 320
    [InlineData("732 829 320 00074", true)]
    [InlineData("73282932000075", false)]
    [InlineData("7328293200007", false)] // 13 digits
    [InlineData("35600000000048", true)] // La Poste's head office: Luhn
    [InlineData("35600000049837", true)] // a La Poste establishment: digits sum to 45, a multiple of 5, not Luhn
    [InlineData("35600000049838", false)] // sum 46
    public void ENT_01_siret_et_l_exception_de_la_poste(string siret, bool valide) => Assert.Equal(valide, IdentifiantsInsee.SiretValide(siret));

    [Fact]
    [Trait("Rule", "ENT-01")]
    public void ENT_01_le_refus_dit_quoi_verifier()
    {
        var cle = Assert.Throws<BusinessRuleException>(() => BusinessRuleException.ThrowIfBroken(new Ent01SiretValide("73282932000075")));
        Assert.Equal(("ENT-01", "Siret"), (cle.RuleId, cle.Champ));
        Assert.Contains("clé de contrôle", cle.Message, StringComparison.Ordinal);
        var longueur = Assert.Throws<BusinessRuleException>(() => BusinessRuleException.ThrowIfBroken(new Ent01SiretValide("1234")));
        Assert.Contains("14 chiffres", longueur.Message, StringComparison.Ordinal);
        BusinessRuleException.ThrowIfBroken(new Ent01SirenValide("732829320"));
    }

    [Fact]
    [Trait("Rule", "ENT-01")]
    public void ENT_01_une_entreprise_porte_un_siret_valide_et_son_siren_en_derive()
    {
        var e = Entreprise.Creer(Guid.NewGuid(), new SaisieEntreprise("732 829 320 00074", "  Société Exemple  ", "L'Été", null, null, "35000", "35238", true, null));
        Assert.Equal(("73282932000074", "732829320", "Société Exemple"), (e.Siret, e.Siren, e.RaisonSociale));
        Assert.Equal("societe exemple l ete", e.NomCle);
        Assert.True(e.RattacheeSirene);
        var refus = Assert.Throws<BusinessRuleException>(() => e.Modifier(new SaisieEntreprise("73282932000075", "Société Exemple", null, null, null, null, "35238", true, null)));
        Assert.Equal("ENT-01", refus.RuleId);
        Assert.Equal("73282932000074", e.Siret); // unchanged after the refusal
        Assert.Equal(0, e.Version);
        var doublon = Assert.Throws<BusinessRuleException>(() => ReglesEntreprise.VerifierSiretLibre("Autre SA", "73282932000074"));
        Assert.Contains("Autre SA", doublon.Message, StringComparison.Ordinal);
    }
}
