using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Documents.GenererConvocation;
using MissionLocale.Application.Documents.ListerDocuments;
using MissionLocale.Application.Documents.TelechargerDocument;
using MissionLocale.Application.Jeunes.ConsulterFrise;
using MissionLocale.Application.RendezVous.ExporterAgenda;
using MissionLocale.Application.RendezVous.PlanifierRendezVous;
using MissionLocale.Application.Situations.EnregistrerSituation;
using MissionLocale.Domain.Situations;

namespace MissionLocale.Application.Tests;

/// <summary>Issue 10: every hour shown or written in a file is Europe/Paris, on both sides of a daylight-saving change; storage stays UTC.</summary>
public sealed class HeuresParisTests : IClassFixture<AppFixture>
{
    private const string Conseiller = "conseiller.a";
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private readonly AppFixture f;

    public HeuresParisTests(AppFixture fixture)
    {
        f = fixture;
        f.Clock.SetLocalTimeZone(Paris);
    }

    private async Task<Guid> JeuneAsync(string nom) => (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil(nom, "Heure"))).JeuneId;

    [Theory]
    [InlineData(16, 13)] // 14:30 in Paris before the change (UTC+1) is 13:30 UTC
    [InlineData(30, 12)] // after the change of 29 March 2026 (UTC+2) it is 12:30 UTC
    public async Task Convocation_de_14h30_a_Paris_classee_1430_et_historisee_a_14h30(int jour, int heureUtc)
    {
        var jeune = await JeuneAsync("Heureconvoc" + (char)('a' + jour % 26));
        var debut = new DateTimeOffset(2026, 3, jour, heureUtc, 30, 0, TimeSpan.Zero);
        var rdv = await f.EnvoyerAsync(Conseiller, new PlanifierRendezVousCommand { JeuneId = jeune, Objet = "Entretien", Debut = debut, DureeMinutes = 30, Lieu = "Antenne" });
        await f.EnvoyerAsync(Conseiller, new GenererConvocationCommand(rdv));

        var doc = Assert.Single(await f.EnvoyerAsync(Conseiller, new ListerDocumentsQuery(jeune)));
        Assert.Contains($"2026-03-{jour:00} 1430", doc.Nom, StringComparison.Ordinal);

        // The letter agrees with the civilité (Madame): "convoquée", "reçue".
        var pdf = await f.EnvoyerAsync(Conseiller, new TelechargerDocumentQuery(doc.Id));
        using (var lettre = UglyToad.PdfPig.PdfDocument.Open(pdf.Contenu))
        {
            var texte = string.Join(" ", lettre.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("convoquée", texte, StringComparison.Ordinal);
            Assert.DoesNotContain("(e)", texte, StringComparison.Ordinal);
        }
        var historique = await f.LireAsync(Conseiller, db => db.Historique.Where(h => h.JeuneId == jeune && h.Element.StartsWith("Rendez")).Select(h => h.NouvelleValeur).ToListAsync());
        Assert.Contains(historique, h => h!.Contains($"{jour:00}/03/2026 14:30", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Une_situation_commence_a_minuit_heure_de_Paris_sur_la_frise()
    {
        var jeune = await JeuneAsync("Heurefrise");
        await f.EnvoyerAsync(Conseiller, new EnregistrerSituationCommand(jeune, TypeSituation.Emploi, new DateOnly(2026, 4, 1), new DateOnly(2026, 9, 30), TypeContrat: "CDD"));
        var element = Assert.Single(await f.EnvoyerAsync(Conseiller, new ConsulterFriseQuery(jeune, [TypeElementFrise.Situation])));
        var local = TimeZoneInfo.ConvertTime(element.Date, Paris);
        Assert.Equal((new DateTime(2026, 4, 1), TimeSpan.Zero), (local.Date, local.TimeOfDay));
        Assert.True(element.JourneeEntiere);
    }

    [Fact]
    [Trait("Rule", "RDV-01")]
    public async Task RDV_01_le_chevauchement_nomme_l_autre_rendez_vous_a_l_heure_de_Paris()
    {
        // The analyzers found the other rendez-vous shown in UTC (a SQL ::text of the stored instant).
        var jeune = await JeuneAsync("Heurechevauchement");
        var debut = new DateTimeOffset(2026, 4, 2, 12, 30, 0, TimeSpan.Zero);
        await f.EnvoyerAsync(Conseiller, new PlanifierRendezVousCommand { JeuneId = jeune, Objet = "Bilan", Debut = debut, DureeMinutes = 60, Lieu = "Antenne", ConfirmerChevauchement = true });
        var ex = await Assert.ThrowsAsync<ConfirmationRequiseException>(() => f.EnvoyerAsync(Conseiller,
            new PlanifierRendezVousCommand { JeuneId = jeune, Objet = "Autre", Debut = debut.AddMinutes(30), DureeMinutes = 30, Lieu = "Antenne" }));
        Assert.Contains(ex.Candidats, c => c.Referent == "Bilan le 02/04/2026 à 14:30");
    }

    [Fact]
    public async Task Agenda_iCalendar_heures_de_Paris_texte_echappe_et_emoji_jamais_coupe()
    {
        var jeune = await JeuneAsync("Heureagenda");
        var objet = "Entretien\r\nsuite; bilan, étape 2 " + string.Concat(Enumerable.Repeat("🙂", 30));
        await f.EnvoyerAsync(Conseiller, new PlanifierRendezVousCommand
        {
            JeuneId = jeune,
            Objet = objet[..Math.Min(objet.Length, 200)],
            Debut = new DateTimeOffset(2026, 3, 30, 12, 30, 0, TimeSpan.Zero),
            DureeMinutes = 45,
            Lieu = "Antenne",
            Commentaire = "Apporter le CV\r\net la carte Vitale",
            ConfirmerChevauchement = true,
        });
        var ics = await f.EnvoyerAsync(Conseiller, new ExporterAgendaQuery());

        // Every physical line is at most 75 octets and valid UTF-8 on its own (no emoji cut in two).
        foreach (var ligne in ics.Split("\r\n"))
        {
            Assert.True(System.Text.Encoding.UTF8.GetByteCount(ligne) <= 75, ligne);
            Assert.DoesNotContain('\uFFFD', ligne);
            Assert.False(ligne.Length > 0 && char.IsLowSurrogate(ligne[ligne.StartsWith(' ') ? 1 : 0]), ligne);
        }

        var deplie = ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Entretien\\nsuite\\; bilan\\, étape 2 🙂", deplie, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:Apporter le CV\\net la carte Vitale", deplie, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Paris:20260330T143000", deplie, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE", deplie, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\r", ics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2026, 12, 1, "mardi 1er décembre 2026")]
    [InlineData(2026, 12, 2, "mercredi 2 décembre 2026")]
    public void Dates_en_lettres_1er_et_non_1(int annee, int mois, int jour, string attendu) =>
        Assert.Equal(attendu, TempsLocal.EnLettres(new DateTime(annee, mois, jour), jourSemaine: true));

    [Fact]
    public void Accords_au_feminin_selon_la_civilite()
    {
        Assert.Equal("née", Domain.Common.Libelles.Accorde(Domain.Jeunes.Civilite.Madame, "né"));
        Assert.Equal("convoqué", Domain.Common.Libelles.Accorde(Domain.Jeunes.Civilite.Monsieur, "convoqué"));
    }
}
