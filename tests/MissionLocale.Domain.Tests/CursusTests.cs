using MissionLocale.Domain.Common;
using MissionLocale.Domain.Cursus;

namespace MissionLocale.Domain.Tests;

public sealed class CursusTests
{
    private static readonly DateOnly Naissance = new(2005, 4, 12);
    private static readonly DateOnly Aujourdhui = new(2026, 3, 10);

    [Theory]
    [Trait("Rule", "CUR-01")]
    [InlineData(2022, false, false)]
    [InlineData(null, true, false)]
    [InlineData(2023, true, true)]
    [InlineData(2027, false, true)]
    [InlineData(2010, false, true)]
    public void CUR_01_annee_de_sortie_coherente(int? annee, bool scolarise, bool refuse)
    {
        var regle = new Cur01Scolarite(new SaisieScolarite("3e", null, annee, scolarise), Naissance, Aujourdhui);
        Assert.Equal(refuse, regle.IsBroken());
        Assert.Equal("CUR-01", regle.Id);
    }

    [Theory]
    [Trait("Rule", "CUR-02")]
    [InlineData(3, null, false)]
    [InlineData(0, null, false)]
    [InlineData(8, "RNCP34853", false)]
    [InlineData(2, null, true)]
    [InlineData(9, null, true)]
    [InlineData(5, "34853", true)]
    [InlineData(5, "RNCPABC", true)]
    public void CUR_02_niveau_de_la_nomenclature_et_code_rncp(int niveau, string? rncp, bool refuse) =>
        Assert.Equal(refuse, new Cur02NiveauDiplome(niveau, rncp).IsBroken());

    [Fact]
    [Trait("Rule", "CUR-03")]
    public void CUR_03_seule_une_formation_avec_sa_validation_peut_etre_obtenue()
    {
        Assert.True(new Cur03ResultatFormation(false, "CAP", 3, ResultatFormation.Obtenu).IsBroken());
        Assert.True(new Cur03ResultatFormation(true, null, null, ResultatFormation.Obtenu).IsBroken());
        Assert.True(new Cur03ResultatFormation(true, "Titre maison", null, ResultatFormation.Obtenu).IsBroken());
        Assert.False(new Cur03ResultatFormation(true, null, null, ResultatFormation.Echec).IsBroken());
        Assert.False(new Cur03ResultatFormation(true, "CAP", 3, ResultatFormation.Obtenu).IsBroken());
    }

    [Fact]
    [Trait("Rule", "CUR-04")]
    public void CUR_04_objectif_de_la_liste_ou_vide()
    {
        string[] objectifs = ["Certification", "Création d'entreprise"];
        Assert.False(new Cur04ObjectifGeneral(null, objectifs).IsBroken());
        Assert.False(new Cur04ObjectifGeneral("certification", objectifs).IsBroken());
        var r = new Cur04ObjectifGeneral("Devenir pilote", objectifs);
        Assert.True(r.IsBroken());
        Assert.Contains("« Certification »", r.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "CUR-05")]
    public void CUR_05_niveau_le_plus_haut_obtenu_sans_diplome_seulement_une_fois_la_scolarite_connue()
    {
        Assert.Null(NiveauQualification.Calculer([], scolariteRenseignee: false));
        Assert.Equal(NiveauQualification.SansDiplome, NiveauQualification.Calculer([], scolariteRenseignee: true));
        Assert.Equal(4, NiveauQualification.Calculer([3, 4, 0], scolariteRenseignee: false));
        Assert.True(NiveauQualification.InfraBac(3));
        Assert.True(NiveauQualification.InfraBac(0));
        Assert.False(NiveauQualification.InfraBac(4));
        Assert.False(NiveauQualification.InfraBac(null));
    }
}
