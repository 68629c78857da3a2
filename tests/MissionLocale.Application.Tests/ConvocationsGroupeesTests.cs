using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Documents.TelechargerDocument;
using MissionLocale.Application.Jeunes.ChangerAdresse;
using MissionLocale.Application.Jeunes.ConsulterDossier;
using MissionLocale.Application.Jeunes.EnregistrerDeces;
using MissionLocale.Application.RendezVous.ConvoquerGroupe;
using MissionLocale.Application.RendezVous.PlanifierRendezVous;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.RendezVous;
using UglyToad.PdfPig;

namespace MissionLocale.Application.Tests;

/// <summary>RDV-03 / PIL-02: the jeunes ticked in a list convoked to one rendez-vous, each with their letter.</summary>
public sealed class ConvocationsGroupeesTests(AppFixture f) : IClassFixture<AppFixture>
{
    private const string Conseiller = "conseiller.a";

    private async Task<Guid> JeuneAsync(string nom, string prenom = "Inès") => (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil(nom, prenom))).JeuneId;

    private ConvoquerGroupeCommand Convocation(IReadOnlyList<Guid> jeunes, int jours, int heure = 14) => new()
    {
        ConvocationGroupeeId = Guid.NewGuid(),
        Jeunes = jeunes,
        Objet = "Information collective Garantie jeunes",
        Debut = new DateTimeOffset(DateOnly.FromDateTime(f.Clock.GetUtcNow().UtcDateTime).AddDays(jours).ToDateTime(new TimeOnly(heure, 0)), TimeSpan.Zero),
        DureeMinutes = 90,
        Lieu = "Salle Simone Veil, 6 cours des Alliés",
    };

    [Fact]
    [Trait("Rule", "RDV-03")]
    [Trait("Rule", "JEU-05")]
    [Trait("Rule", "JEU-07")]
    public async Task RDV_03_une_convocation_par_jeune_un_courrier_range_dans_chaque_dossier_et_un_PDF_a_imprimer()
    {
        var a = await JeuneAsync("Groupea", "Léa");
        var b = await JeuneAsync("Groupeb", "Noé");
        var npai = await JeuneAsync("Groupenpai");
        var decede = await JeuneAsync("Groupedecede");
        var v = (await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(npai))).Version;
        await f.EnvoyerAsync(Conseiller, new MarquerNpaiCommand(npai, v, true));
        v = (await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(decede))).Version;
        await f.EnvoyerAsync(Conseiller, new EnregistrerDecesCommand(decede, v, DateOnly.FromDateTime(f.Clock.GetUtcNow().UtcDateTime).AddDays(-2)));

        var r = await f.EnvoyerAsync(Conseiller, Convocation([b, a, npai, decede, a], 41));

        // The deceased jeune gets nothing (JEU-07), the NPAI one the rendez-vous without the letter (JEU-05); a jeune ticked twice once.
        Assert.Equal(3, r.Convoques);
        Assert.Equal(2, r.Courriers);
        Assert.False(r.DejaEnvoyee);
        Assert.Contains(r.Ecartes, e => e.StartsWith("GROUPEDECEDE", StringComparison.Ordinal) && e.Contains("non convoqué", StringComparison.Ordinal) && e.EndsWith("[JEU-07]", StringComparison.Ordinal));
        Assert.Contains(r.Ecartes, e => e.StartsWith("GROUPENPAI", StringComparison.Ordinal) && e.Contains("sans courrier", StringComparison.Ordinal) && e.EndsWith("[JEU-05]", StringComparison.Ordinal));
        Assert.Equal(0, await f.LireAsync(Conseiller, db => db.RendezVous.CountAsync(x => x.JeuneId == decede)));

        var detail = await f.EnvoyerAsync(Conseiller, new ConsulterConvocationGroupeeQuery(r.ConvocationGroupeeId));
        Assert.Equal(["GROUPEA", "GROUPEB", "GROUPENPAI"], detail.Convoques.Select(c => c.Nom));
        Assert.All(detail.Convoques, c => Assert.Equal(StatutRendezVous.Planifie, c.Statut));
        Assert.Equal(2, detail.Courriers);
        Assert.Contains("NPAI", Assert.Single(detail.Convoques, c => c.JeuneId == npai).SansCourrier, StringComparison.Ordinal);

        // Each letter is in its own dossier, about its own jeune.
        var courrierA = Assert.Single(detail.Convoques, c => c.JeuneId == a).DocumentId!.Value;
        var fichier = await f.EnvoyerAsync(Conseiller, new TelechargerDocumentQuery(courrierA));
        using (var lettre = PdfDocument.Open(fichier.Contenu))
        {
            var texte = string.Join(" ", lettre.GetPage(1).GetWords().Select(w => w.Text));
            Assert.Contains("Léa", texte, StringComparison.Ordinal);
            Assert.Contains("Salle Simone Veil", texte, StringComparison.Ordinal);
        }

        var rdvA = await f.LireAsync(Conseiller, db => db.RendezVous.SingleAsync(x => x.JeuneId == a && x.ConvocationGroupeeId == r.ConvocationGroupeeId));
        Assert.Equal(NatureRendezVous.InformationCollective, rdvA.Nature);
        Assert.Equal(90, rdvA.DureeMinutes);
        Assert.Equal(rdvA.Id, await f.LireAsync(Conseiller, db => db.Documents.Where(d => d.Id == courrierA).Select(d => d.RendezVousId).SingleAsync()));

        // All the letters to print at once, in the order of the names.
        using var pdf = PdfDocument.Open(await f.EnvoyerAsync(Conseiller, new ImprimerConvocationGroupeeQuery(r.ConvocationGroupeeId)));
        Assert.Equal(2, pdf.NumberOfPages);
        Assert.Contains("GROUPEA", pdf.GetPage(1).Text, StringComparison.Ordinal);
        Assert.Contains("GROUPEB", pdf.GetPage(2).Text, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "RDV-03")]
    public async Task RDV_03_vingt_envois_simultanes_de_la_meme_convocation_n_en_laissent_qu_une()
    {
        var jeunes = new[] { await JeuneAsync("Doubleclica"), await JeuneAsync("Doubleclicb") };
        var c = Convocation(jeunes, 43) with { ConfirmerChevauchement = true };

        var resultats = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => f.EnvoyerAsync(Conseiller, c))));

        Assert.Single(resultats, x => !x.DejaEnvoyee);
        Assert.All(resultats, x => Assert.Equal(2, x.Convoques));
        Assert.Equal(2, await f.LireAsync(Conseiller, db => db.RendezVous.CountAsync(x => jeunes.Contains(x.JeuneId))));
        Assert.Equal(2, await f.LireAsync(Conseiller, db => db.Documents.CountAsync(x => jeunes.Contains(x.JeuneId))));
    }

    [Fact]
    [Trait("Rule", "RDV-01")]
    public async Task RDV_01_un_autre_rendez_vous_de_l_intervenant_sur_le_creneau_demande_confirmation()
    {
        var occupe = await JeuneAsync("Creneauoccupe");
        var c = Convocation([await JeuneAsync("Creneaua"), await JeuneAsync("Creneaub")], 47, heure: 7);
        await f.EnvoyerAsync(Conseiller, new PlanifierRendezVousCommand { JeuneId = occupe, Objet = "Entretien", Debut = c.Debut.AddMinutes(30), DureeMinutes = 30 });

        var ex = await Assert.ThrowsAsync<ConfirmationRequiseException>(() => f.EnvoyerAsync(Conseiller, c));
        Assert.Equal("RDV-01", ex.RuleId);
        Assert.Equal("CRENEAUOCCUPE", Assert.Single(ex.Candidats).Nom);
        Assert.Equal(0, await f.LireAsync(Conseiller, db => db.RendezVous.CountAsync(x => x.ConvocationGroupeeId == c.ConvocationGroupeeId)));

        var r = await f.EnvoyerAsync(Conseiller, c with { ConfirmerChevauchement = true });
        Assert.Equal(2, r.Convoques);
    }

    [Fact]
    [Trait("Rule", "RDV-03")]
    public async Task Un_dossier_d_une_autre_structure_est_introuvable_et_rien_n_est_cree()
    {
        var ici = await JeuneAsync("Convocici");
        var ailleurs = (await f.EnvoyerAsync("chargeaccueil.b", AppFixture.PremierAccueil("Convocailleurs", "Tom"))).JeuneId;
        var c = Convocation([ici, ailleurs], 49) with { ConfirmerChevauchement = true };

        await Assert.ThrowsAsync<NotFoundException>(() => f.EnvoyerAsync(Conseiller, c));
        Assert.Equal(0, await f.LireAsync(Conseiller, db => db.RendezVous.CountAsync(x => x.JeuneId == ici)));
        var envoyee = await f.EnvoyerAsync(Conseiller, c with { Jeunes = [ici] });
        Assert.Equal(1, envoyee.Convoques);
        await Assert.ThrowsAsync<NotFoundException>(() => f.EnvoyerAsync("conseiller.b", new ConsulterConvocationGroupeeQuery(envoyee.ConvocationGroupeeId)));
    }

    [Fact]
    [Trait("Rule", "RDV-01")]
    public async Task Saisie_incomplete_toutes_les_erreurs_a_la_fois_et_rien_n_est_cree()
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => f.EnvoyerAsync(Conseiller, new ConvoquerGroupeCommand { ConvocationGroupeeId = Guid.NewGuid() }));
        Assert.Contains(nameof(ConvoquerGroupeCommand.Jeunes), ex.Erreurs.Keys);
        Assert.Contains(nameof(ConvoquerGroupeCommand.Objet), ex.Erreurs.Keys);
        Assert.Contains(nameof(ConvoquerGroupeCommand.Debut), ex.Erreurs.Keys);
        Assert.Contains(nameof(ConvoquerGroupeCommand.DureeMinutes), ex.Erreurs.Keys);
        Assert.All(new[] { nameof(ConvoquerGroupeCommand.Objet), nameof(ConvoquerGroupeCommand.Debut), nameof(ConvoquerGroupeCommand.DureeMinutes) },
            k => Assert.Contains("obligatoire", Assert.Single(ex.Erreurs[k]), StringComparison.Ordinal));
        var passe = await Assert.ThrowsAsync<InvalidInputException>(() => f.EnvoyerAsync(Conseiller, Convocation([Guid.NewGuid()], -3)));
        Assert.Contains("à venir", Assert.Single(passe.Erreurs[nameof(ConvoquerGroupeCommand.Debut)]), StringComparison.Ordinal);

        var trop = Enumerable.Range(0, ConvoquerGroupeValidator.Maximum + 1).Select(_ => Guid.NewGuid()).ToList();
        var tropEx = await Assert.ThrowsAsync<InvalidInputException>(() => f.EnvoyerAsync(Conseiller, Convocation(trop, 50)));
        Assert.Contains("200 jeunes au plus", tropEx.Erreurs[nameof(ConvoquerGroupeCommand.Jeunes)][0], StringComparison.Ordinal);
    }
}
