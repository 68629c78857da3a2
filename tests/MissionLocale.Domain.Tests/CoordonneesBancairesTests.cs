using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Tests;

public sealed class CoordonneesBancairesTests
{
    private static readonly TitulaireAttendu Majeur = new("MULLER", null, "Élodie", false, 49, "CEJ");

    private static CoordonneesBancaires Creer(string iban = "FR76 3000 6000 0112 3456 7890 189", string bic = "AGRIFRPP", TypeCompte type = TypeCompte.CompteCourant,
        string titulaire = "MME MULLER ELODIE", MesureProtection protection = MesureProtection.Aucune, Guid? jugement = null, TitulaireAttendu? attendu = null) =>
        CoordonneesBancaires.Creer(Guid.NewGuid(), Guid.NewGuid(), iban, bic, type, titulaire, protection, jugement, new DateOnly(2026, 3, 1), attendu ?? Majeur, ["FR", "DE", "BE", "ES", "IT"]);

    [Theory]
    [Trait("Rule", "RIB-01")]
    [InlineData("FR76 3000 6000 0112 3456 7890 189", true)] // the usual French example
    [InlineData("fr7630006000011234567890189", true)] // spaces and case do not matter
    [InlineData("FR14 2004 1010 0505 0001 3M02 606", true)] // La Banque Postale, a letter in the account number
    [InlineData("DE89 3704 0044 0532 0130 00", true)]
    [InlineData("GB82 WEST 1234 5698 7654 32", true)]
    [InlineData("BE68 5390 0754 7034", true)]
    [InlineData("FR76 3000 6000 0112 3456 7890 188", false)] // one digit wrong: the key fails
    [InlineData("FR76 3000 6000 0112 3456 7890 18", false)] // France is 27 characters
    [InlineData("FR7630006000011234567890189X", false)]
    [InlineData("GB82 WEST 1234 5698 7654 33", false)]
    [InlineData("1234 5678", false)]
    public void RIB_01_IBAN_cle_mod_97(string iban, bool valide) => Assert.Equal(valide, Iban.EstValide(iban));

    [Theory]
    [Trait("Rule", "RIB-01")]
    [InlineData("AGRIFRPP", true)]
    [InlineData("agrifrpp882", true)]
    [InlineData("AGRIFRP", false)]
    [InlineData("AGRI FR PP", false)]
    public void RIB_01_BIC_8_ou_11_caracteres(string bic, bool valide) => Assert.Equal(valide, Bic.EstValide(bic));

    [Theory]
    [Trait("Rule", "RIB-06")]
    [InlineData("US82021000021123456789012")]
    [InlineData("MA64011519000001205000534921")]
    public void RIB_06_un_IBAN_valide_hors_zone_SEPA_est_refuse(string iban)
    {
        Assert.True(Iban.EstValide(iban)); // the mod-97 key is right: only the SEPA scope refuses it
        var ex = Assert.Throws<BusinessRuleException>(() => Creer(iban: iban));
        Assert.Equal("RIB-06", ex.RuleId);
        Assert.Contains("SEPA", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(Creer(iban: "DE89 3704 0044 0532 0130 00"));
    }

    [Fact]
    [Trait("Rule", "RIB-01")]
    [Trait("Rule", "RIB-02")]
    public void RIB_01_02_refus_IBAN_invalide_et_livret_A()
    {
        Assert.Equal("RIB-01", Assert.Throws<BusinessRuleException>(() => Creer(iban: "FR76 3000 6000 0112 3456 7890 188")).RuleId);
        Assert.Equal("RIB-01", Assert.Throws<BusinessRuleException>(() => Creer(bic: "AGRI")).RuleId);
        Assert.Equal("RIB-02", Assert.Throws<BusinessRuleException>(() => Creer(type: TypeCompte.LivretA)).RuleId);
        var ok = Creer();
        Assert.Equal(("FR7630006000011234567890189", "FR76 3000 6000 0112 3456 7890 189"), (ok.Iban, Iban.Formater(ok.Iban)));
    }

    [Fact]
    [Trait("Rule", "RIB-03")]
    public void RIB_03_un_compte_joint_porte_le_nom_du_jeune()
    {
        Assert.Equal("RIB-03", Assert.Throws<BusinessRuleException>(() => Creer(type: TypeCompte.CompteJoint, titulaire: "M OU MME DURAND PIERRE")).RuleId);
        Assert.Equal(TypeCompte.CompteJoint, Creer(type: TypeCompte.CompteJoint, titulaire: "M DURAND PIERRE OU MLLE MÜLLER ÉLODIE").TypeCompte);
    }

    [Fact]
    [Trait("Rule", "RIB-04")]
    public void RIB_04_mineur_le_titulaire_est_le_jeune_seul()
    {
        var mineur = Majeur with { Mineur = true };
        Assert.Equal("RIB-04", Assert.Throws<BusinessRuleException>(() => Creer(titulaire: "M DURAND PIERRE OU MLLE MULLER ELODIE", attendu: mineur)).RuleId);
        Assert.Equal("RIB-04", Assert.Throws<BusinessRuleException>(() => Creer(titulaire: "MULLER", attendu: mineur)).RuleId);
        Assert.Equal("MULLER Élodie", Creer(titulaire: "MULLER  Élodie", attendu: mineur).Titulaire);
        Creer(titulaire: "Elodie Muller", attendu: mineur);
    }

    [Fact]
    [Trait("Rule", "RIB-05")]
    public void RIB_05_tutelle_intitule_38_ou_49_caracteres_et_jugement_joint()
    {
        var titre38 = "MULLER ELODIE SOUS TUTELLE UDAF 35 TUT"; // 38 characters
        Assert.Equal(38, titre38.Length);
        var pacea = Majeur with { LongueurMaxTitre = 38, DispositifCerfa = "PACEA" };
        var jugement = Guid.NewGuid();
        Assert.Equal("RIB-05", Assert.Throws<BusinessRuleException>(() => Creer(titulaire: titre38 + "X", protection: MesureProtection.Tutelle, jugement: jugement, attendu: pacea)).RuleId);
        Assert.Equal("RIB-05", Assert.Throws<BusinessRuleException>(() => Creer(titulaire: titre38, protection: MesureProtection.Tutelle, jugement: null, attendu: pacea)).RuleId);
        Assert.Equal(jugement, Creer(titulaire: titre38, protection: MesureProtection.Tutelle, jugement: jugement, attendu: pacea).JugementDocumentId);

        var titre49 = titre38 + "EUR CIVIL"; // 47, then 49 and 50
        Creer(titulaire: titre49 + "AB", protection: MesureProtection.Curatelle, jugement: jugement);
        Assert.Equal("RIB-05", Assert.Throws<BusinessRuleException>(() => Creer(titulaire: titre49 + "ABC", protection: MesureProtection.Curatelle, jugement: jugement)).RuleId);
    }
}
