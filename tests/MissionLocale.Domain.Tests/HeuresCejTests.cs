using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Situations;

namespace MissionLocale.Domain.Tests;

public sealed class HeuresCejTests
{
    // Monday 2026-03-02 to Sunday 2026-03-08.
    private static readonly DateOnly Lundi = new(2026, 3, 2);

    private static readonly BaremeHeuresCej Bareme = BaremeHeuresCej.Depuis(new Dictionary<string, string>
    {
        [BaremeHeuresCej.CodeSeuil] = "15",
        [BaremeHeuresCej.PrefixeSituation + "Emploi"] = "7",
        [BaremeHeuresCej.PrefixeSituation + "Formation"] = "7",
        [BaremeHeuresCej.CodeAutoEntrepreneur] = "4",
        [BaremeHeuresCej.CodeContratsAutoEntrepreneur] = "Auto-entrepreneur;Micro-entrepreneur",
        [BaremeHeuresCej.CodeDeclic] = "7",
        [BaremeHeuresCej.CodeMesureDeclic] = "Déclic pour l'action",
    });

    private static SemaineCej Semaine(IEnumerable<ActiviteEvenement>? ev = null, IEnumerable<ActiviteSituation>? si = null, IEnumerable<ActiviteSession>? se = null, DateOnly? debut = null, DateOnly? fin = null) =>
        HeuresCej.Calculer(Lundi, debut ?? new DateOnly(2026, 1, 5), fin, ev ?? [], se ?? [], si ?? [], Bareme);

    [Fact]
    public void Le_lundi_de_la_semaine() =>
        Assert.All(Enumerable.Range(0, 7), i => Assert.Equal(Lundi, HeuresCej.Lundi(Lundi.AddDays(i))));

    [Theory]
    [Trait("Rule", "CEJ-02")]
    [InlineData(899, true)] // 14 h 59: under 15 h, alert
    [InlineData(900, false)] // 15 h exactly: no alert
    [InlineData(901, false)]
    public void CEJ_02_alerte_en_dessous_de_15_heures(int minutes, bool alerte)
    {
        var ev = new[]
        {
            new ActiviteEvenement(Lundi, NatureEvenement.Atelier, minutes - 60),
            new ActiviteEvenement(Lundi.AddDays(2), NatureEvenement.EntretienIndividuel, 60),
            new ActiviteEvenement(Lundi.AddDays(3), NatureEvenement.InterneAdministratif, 600), // not counted
        };
        var s = Semaine(ev);
        Assert.Equal(alerte, s.SousSeuil);
        Assert.Equal(Math.Round((minutes - 60) / 60m, 2) + 1m, s.Heures);
        Assert.Equal(2, s.Detail.Count);
    }

    [Fact]
    [Trait("Rule", "CEJ-02")]
    public void CEJ_02_sessions_et_situations_comptent_les_jours_hors_de_la_semaine_ou_du_CEJ_non()
    {
        var formation = new ActiviteSituation(TypeSituation.Formation, new DateOnly(2026, 2, 1), Lundi.AddDays(1), null, null); // Mon + Tue
        var session = new ActiviteSession(Lundi.AddDays(2), "Atelier CV", 180);
        var horsSemaine = new ActiviteEvenement(Lundi.AddDays(7), NatureEvenement.Atelier, 600);
        var s = Semaine([horsSemaine], [formation], [session]);
        Assert.Equal(17m, s.Heures);
        Assert.False(s.SousSeuil);
        Assert.Contains(s.Detail, l => l.Libelle == "Session : Atelier CV" && l.Heures == 3m);
    }

    [Fact]
    [Trait("Rule", "CEJ-02")]
    public void CEJ_02_pas_d_alerte_sur_une_semaine_que_le_CEJ_ne_couvre_pas_entiere()
    {
        // Started on Wednesday: the days before do not count, and the week raises no alert.
        var s = Semaine([new ActiviteEvenement(Lundi, NatureEvenement.Atelier, 240)], debut: Lundi.AddDays(2));
        Assert.Equal(0m, s.Heures);
        Assert.False(s.SemaineComplete);
        Assert.False(s.SousSeuil);
        var veille = Semaine([], debut: Lundi);
        Assert.True(veille.SemaineComplete);
        Assert.True(veille.SousSeuil);
        var finDimanche = Semaine([], debut: Lundi, fin: Lundi.AddDays(6));
        Assert.True(finDimanche.SemaineComplete);
        Assert.False(Semaine([], debut: Lundi, fin: Lundi.AddDays(5)).SemaineComplete);
    }

    [Fact]
    [Trait("Rule", "CEJ-03")]
    public void CEJ_03_auto_entrepreneur_4_heures_par_jour_ouvre()
    {
        var ae = new ActiviteSituation(TypeSituation.Emploi, new DateOnly(2025, 11, 1), new DateOnly(2027, 1, 1), "Auto-entrepreneur", null);
        var s = Semaine(si: [ae]);
        Assert.Equal(20m, s.Heures);
        Assert.Equal(5, s.Detail.Count);
        Assert.DoesNotContain(s.Detail, l => l.Jour.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.All(s.Detail, l => Assert.Equal("Auto-entrepreneur (CEJ-03)", l.Libelle));

        // Registered on Wednesday: Wednesday to Friday count (12 h, under 15 h).
        var mercredi = Semaine(si: [ae with { Debut = Lundi.AddDays(2) }]);
        Assert.Equal(12m, mercredi.Heures);
        Assert.True(mercredi.SousSeuil);

        // Any other contract counts as an emploi (7 h a weekday).
        Assert.Equal(35m, Semaine(si: [ae with { TypeContrat = "CDD" }]).Heures);
    }

    [Fact]
    [Trait("Rule", "CEJ-04")]
    public void CEJ_04_declic_pour_l_action_7_heures_pour_la_journee()
    {
        var declic = new ActiviteSituation(TypeSituation.SituationNonProfessionnelle, Lundi.AddDays(5), Lundi.AddDays(5), null, "Déclic pour l'action");
        var s = Semaine(si: [declic]);
        var ligne = Assert.Single(s.Detail);
        Assert.Equal((Lundi.AddDays(5), 7m), (ligne.Jour, ligne.Heures));
        Assert.Contains("CEJ-04", ligne.Libelle);

        // Another situation non professionnelle counts nothing; a day keeps its largest situation, never the sum.
        Assert.Equal(0m, Semaine(si: [declic with { Mesure = "Autre mesure" }]).Heures);
        var ae = new ActiviteSituation(TypeSituation.Emploi, Lundi, Lundi.AddDays(4), "Micro-entrepreneur", null);
        Assert.Equal(20m - 4m + 7m, Semaine(si: [ae, declic with { Debut = Lundi.AddDays(4), Fin = Lundi.AddDays(4) }]).Heures);
    }

    [Theory]
    [Trait("Rule", "CEJ-06")]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void CEJ_06_une_demande_envoyee_a_l_ASP_interdit_la_suppression(int envoyees, bool bloque) =>
        Assert.Equal(bloque, new Cej06Suppression(envoyees).IsBroken());
}
