using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionLocale.Application.Common;
using MissionLocale.Application.Cursus.AjouterDiplome;
using MissionLocale.Application.Dispositifs.CloreDispositif;
using MissionLocale.Application.Dispositifs.OuvrirDispositif;
using MissionLocale.Application.Evenements.EnregistrerEvenement;
using MissionLocale.Application.Jeunes.ConsulterDossier;
using MissionLocale.Application.Pilotage.ConsulterTableauDeBord;
using MissionLocale.Domain.Evenements;

namespace MissionLocale.Application.Tests;

/// <summary>PIL-03: the dashboard's figures over a period only this class writes in (June 2025).</summary>
public sealed class TableauDeBordTests(AppFixture f) : IClassFixture<AppFixture>
{
    private const string C = "conseiller.a";

    private static DateTimeOffset Juin(int jour) => new(2025, 6, jour, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    [Trait("Rule", "PIL-03")]
    public async Task PIL_03_entrees_sorties_par_dispositif_et_mois_jeunes_par_commune_niveau_et_activite_par_conseiller()
    {
        var un = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil("Tableauun"))).JeuneId;
        var deux = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil("Tableaudeux"))).JeuneId;
        var v = (await f.EnvoyerAsync(C, new ConsulterDossierQuery(un))).Version;
        await f.EnvoyerAsync(C, new AjouterDiplomeCommand(un, v, "CAP", null, 2023));
        var e1 = await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(un, NatureEvenement.EntretienIndividuel, Juin(2), 30, null,
            [new PropositionSaisie("EMPLOI", null, "Candidature chez un boulanger", EtatProposition.Proposee)]));
        await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(deux, NatureEvenement.Atelier, Juin(3), 60, null));
        await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(deux, NatureEvenement.InterneAdministratif, Juin(4), 10, null));
        var diag = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(un, "DIAG", new DateOnly(2025, 6, 2), new DateOnly(2025, 7, 1), e1));
        await f.EnvoyerAsync(C, new CloreDispositifCommand(diag, 0, new DateOnly(2025, 6, 20), "Abandon"));

        var t = await f.EnvoyerAsync("direction.a", new ConsulterTableauDeBordQuery(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 30)));
        Assert.Equal(2, t.JeunesEnContact);
        var juin = Assert.Single(t.EntreesSorties);
        Assert.Equal((2025, 6, "DIAG", 1, 1, 0), (juin.Annee, juin.Mois, juin.Dispositif, juin.Entrees, juin.Sorties, juin.SortiesPositives));
        Assert.Equal(0d, Assert.Single(t.Taux).Taux);
        Assert.Equal(2, Assert.Single(t.Communes).Jeunes);
        Assert.Contains(t.Niveaux, n => n.Cle == "3" && n.Jeunes == 1);
        Assert.Contains(t.Niveaux, n => n.Cle == "-" && n.Jeunes == 1);
        var a = Assert.Single(t.Activite!);
        Assert.Equal((1, 1, 0, 1), (a.Entretiens, a.Ateliers, a.InformationsCollectives, a.Propositions));

        // Another Mission Locale sees none of it; the national administrator sees the counts, no names.
        var b = await f.EnvoyerAsync("direction.b", new ConsulterTableauDeBordQuery(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 30)));
        Assert.Equal(0, b.JeunesEnContact);
        var national = await f.EnvoyerAsync("administrateurnational.a", new ConsulterIndicateursNationauxQuery(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 30)));
        Assert.Equal(2, national.JeunesEnContact);
        Assert.Null(national.Activite);

        // Computed once, kept in the database for the other nodes and the next hour.
        var stocke = await f.LireAsync(C, db => db.IndicateursPrecalcules.SingleAsync(i => i.Cle == "national:2025-06-01:2025-06-30"));
        Assert.Equal(2, System.Text.Json.JsonDocument.Parse(stocke.Contenu).RootElement.GetProperty("jeunesEnContact").GetInt32());
        Assert.Equal(60, national.FraicheurMinutes);
        Assert.Equal(t.Niveaux, national.Niveaux);
        Assert.Equal(2, Assert.Single(national.Communes).Jeunes);

        // National attributes (level, commune, QPV) come from reporting rows refreshed every 30 minutes by the job, or by a
        // request once they are over an hour old; the contacts themselves are always live.
        var vDeux = (await f.EnvoyerAsync(C, new ConsulterDossierQuery(deux))).Version;
        await f.EnvoyerAsync(C, new AjouterDiplomeCommand(deux, vDeux, "CAP", null, 2024));
        var avant = await f.EnvoyerAsync("administrateurnational.a", new ConsulterIndicateursNationauxQuery(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 29)));
        Assert.Contains(avant.Niveaux, n => n.Cle == "-" && n.Jeunes == 1);
        f.Clock.Advance(TimeSpan.FromMinutes(61));
        var apres = await f.EnvoyerAsync("administrateurnational.a", new ConsulterIndicateursNationauxQuery(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 28)));
        Assert.Equal("3", Assert.Single(apres.Niveaux).Cle);
        Assert.Equal(2, apres.JeunesEnContact);

        // The profile decides: a chargé d'accueil has no dashboard, a conseiller no national view; a reversed period is refused.
        await Assert.ThrowsAsync<ForbiddenException>(() => f.EnvoyerAsync("chargeaccueil.a", new ConsulterTableauDeBordQuery(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 30))));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.EnvoyerAsync(C, new ConsulterIndicateursNationauxQuery(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 30))));
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => f.EnvoyerAsync(C, new ConsulterTableauDeBordQuery(new DateOnly(2025, 6, 30), new DateOnly(2025, 6, 1))));
        Assert.Contains("Au", ex.Erreurs.Keys);
    }

    [Fact]
    [Trait("Rule", "PIL-03")]
    public async Task PIL_03_rapport_territorial_annuel_par_commune_et_quartier_en_pdf()
    {
        var femme = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil("Territoireun", "Inès", new DateOnly(2008, 1, 15)) with { Civilite = MissionLocale.Domain.Jeunes.Civilite.Madame })).JeuneId;
        await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(femme, NatureEvenement.EntretienIndividuel, new DateTimeOffset(2024, 11, 5, 9, 0, 0, TimeSpan.Zero), 30, null));

        var r = await f.EnvoyerAsync("direction.a", new MissionLocale.Application.Pilotage.ProduireRapportTerritorial.ProduireRapportTerritorialQuery(2024, ["35238"]));
        var rennes = Assert.Single(r.Communes);
        Assert.Equal(("35238", 1, 1, 0, 1), (rennes.Code, rennes.JeunesSuivis, rennes.Femmes, rennes.Hommes, rennes.Mineurs));
        Assert.Equal(0, rennes.Nouveaux); // her premier accueil is in 2026
        Assert.Equal(1, r.Total.JeunesSuivis);
        Assert.Empty((await f.EnvoyerAsync("direction.a", new MissionLocale.Application.Pilotage.ProduireRapportTerritorial.ProduireRapportTerritorialQuery(2024, ["69381"]))).Communes);

        var pdf = f.Services.GetRequiredService<IRapportsPdf>().Rendre("Rapport territorial d'activité 2024", "1 commune",
            [new SectionPdf("Par commune", MissionLocale.Application.Pilotage.ProduireRapportTerritorial.TablesRapportTerritorial.Colonnes,
                [.. r.Communes.Select(l => MissionLocale.Application.Pilotage.ProduireRapportTerritorial.TablesRapportTerritorial.Cellules(l).Select(c => c?.ToString()).ToArray())])]);
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var texte = string.Join(' ', doc.GetPages().Select(p => p.Text));
        Assert.Contains("Rapport territorial d'activité 2024", texte, StringComparison.Ordinal);
        Assert.Contains("35238", texte, StringComparison.Ordinal);

        var annee = await Assert.ThrowsAsync<InvalidInputException>(() => f.EnvoyerAsync("direction.a", new MissionLocale.Application.Pilotage.ProduireRapportTerritorial.ProduireRapportTerritorialQuery(2031)));
        Assert.Contains("Annee", annee.Erreurs.Keys);
    }
}
