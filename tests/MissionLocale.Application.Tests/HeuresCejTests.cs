using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Dispositifs.ConsulterHeuresCej;
using MissionLocale.Application.Dispositifs.OuvrirDispositif;
using MissionLocale.Application.Evenements.EnregistrerEvenement;
using MissionLocale.Application.Jeunes.ConsulterDossier;
using MissionLocale.Application.Jeunes.ModifierReferent;
using MissionLocale.Application.Offres.AjouterSession;
using MissionLocale.Application.Offres.CreerOffre;
using MissionLocale.Application.Offres.MarquerPresence;
using MissionLocale.Application.Offres.PositionnerJeune;
using MissionLocale.Application.Situations.EnregistrerSituation;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Offres;
using MissionLocale.Domain.Situations;

namespace MissionLocale.Application.Tests;

/// <summary>CEJ-02..04 on PostgreSQL: what is loaded, counted per week, shown on the dossier and in the portfolio.</summary>
public sealed class HeuresCejTests(AppFixture f) : IClassFixture<AppFixture>
{
    private const string C = "conseiller.a";
    private static readonly DateOnly Lundi = new(2026, 3, 2); // the clock is Tuesday 2026-03-10: the last complete week

    private Task<Guid> JeuneEnCejAsync(string nom) => JeuneEnCejAsync(f, nom);

    internal static async Task<Guid> JeuneEnCejAsync(AppFixture f, string nom)
    {
        var jeune = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil(nom, "Inès"))).JeuneId;
        var v = (await f.EnvoyerAsync(C, new ConsulterDossierQuery(jeune))).Version;
        await f.EnvoyerAsync(C, new ModifierReferentCommand(jeune, v, f.Comptes[C].Id, f.Comptes[C].AntenneId, null, SavoirsDeBase.Acquis));
        var entretien = await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(jeune, NatureEvenement.EntretienIndividuel, new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero), 60, null));
        await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "CEJ", new DateOnly(2026, 2, 2), new DateOnly(2026, 9, 1), entretien));
        return jeune;
    }

    [Fact]
    [Trait("Rule", "CEJ-02")]
    [Trait("Rule", "CEJ-04")]
    public async Task CEJ_02_04_heures_de_la_semaine_depuis_evenements_sessions_et_situations_avec_le_detail()
    {
        var jeune = await JeuneEnCejAsync("Heurescej");

        // Atelier 4 h on Tuesday (10:00 Paris), interne/administratif never counted.
        await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(jeune, NatureEvenement.Atelier, new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero), 240, null));
        await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(jeune, NatureEvenement.InterneAdministratif, new DateTimeOffset(2026, 3, 3, 14, 0, 0, TimeSpan.Zero), 300, null));

        // A session attended on Wednesday (3 h); a session missed on Thursday does not count.
        var offre = await f.EnvoyerAsync(C, new CreerOffreCommand("FORMATION", TypeOffre.Atelier, "Atelier numérique", null));
        var present = await f.EnvoyerAsync(C, new AjouterSessionCommand(offre, new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.Zero), 180, "Salle 1", 10));
        var absent = await f.EnvoyerAsync(C, new AjouterSessionCommand(offre, new DateTimeOffset(2026, 3, 5, 8, 0, 0, TimeSpan.Zero), 180, "Salle 1", 10));
        foreach (var s in new[] { present, absent })
        {
            await f.EnvoyerAsync(C, new PositionnerJeuneCommand(s, jeune));
        }

        await f.EnvoyerAsync(C, new MarquerPresenceCommand(present, jeune, true));
        await f.EnvoyerAsync(C, new MarquerPresenceCommand(absent, jeune, false));

        // CEJ-04: Déclic pour l'action on Friday, 7 h; it generates an interne/administratif événement.
        await f.EnvoyerAsync(C, new EnregistrerSituationCommand(jeune, TypeSituation.SituationNonProfessionnelle, new DateOnly(2026, 3, 6), new DateOnly(2026, 3, 6), Mesure: "Déclic pour l'action"));
        var genere = await f.LireAsync(C, db => db.Evenements.Where(e => e.JeuneId == jeune && e.Commentaire != null && e.Commentaire.Contains("Déclic")).ToListAsync());
        Assert.Equal(NatureEvenement.InterneAdministratif, Assert.Single(genere).Nature);

        var dossier = await f.EnvoyerAsync(C, new ConsulterHeuresCejQuery(jeune));
        Assert.NotNull(dossier);
        Assert.Equal(15m, dossier.Seuil);
        var semaine = dossier.Semaines.Single(s => s.Lundi == Lundi);
        Assert.Equal(4m + 3m + 7m, semaine.Heures);
        Assert.True(semaine.SousSeuil);
        Assert.Equal(3, semaine.Detail.Count);
        Assert.Equal(dossier.Semaines.OrderByDescending(s => s.Lundi).Select(s => s.Lundi), dossier.Semaines.Select(s => s.Lundi));
        Assert.Equal(new DateOnly(2026, 2, 2), dossier.Semaines[^1].Lundi);

        // One more hour on Saturday: exactly 15 h, no alert.
        await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(jeune, NatureEvenement.EntretienIndividuel, new DateTimeOffset(2026, 3, 7, 9, 0, 0, TimeSpan.Zero), 60, null));
        var apres = (await f.EnvoyerAsync(C, new ConsulterHeuresCejQuery(jeune)))!.Semaines.Single(s => s.Lundi == Lundi);
        Assert.Equal(15m, apres.Heures);
        Assert.False(apres.SousSeuil);
    }

    [Fact]
    [Trait("Rule", "CEJ-02")]
    [Trait("Rule", "CEJ-03")]
    public async Task CEJ_02_le_portefeuille_du_conseiller_montre_la_semaine_derniere_les_moins_de_15_heures_d_abord()
    {
        var actif = await JeuneEnCejAsync("Portefeuilleae");
        await f.EnvoyerAsync(C, new EnregistrerSituationCommand(actif, TypeSituation.Emploi, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), TypeContrat: "Auto-entrepreneur"));
        var inactif = await JeuneEnCejAsync("Portefeuillevide");

        var p = await f.EnvoyerAsync(C, new ListerHeuresCejQuery());
        Assert.Equal(Lundi, p.Lundi);
        var lignes = p.Jeunes.Where(j => j.JeuneId == actif || j.JeuneId == inactif).ToList();
        Assert.Equal([inactif, actif], lignes.Select(l => l.JeuneId).ToArray());
        Assert.Equal(20m, lignes[1].Heures); // CEJ-03: 4 h a weekday
        Assert.True(lignes[0].SousSeuil);
        Assert.False(lignes[1].SousSeuil);

        // Another conseiller's portfolio does not hold them.
        Assert.DoesNotContain((await f.EnvoyerAsync("direction.a", new ListerHeuresCejQuery())).Jeunes, j => j.JeuneId == actif);
    }
}

/// <summary>DISP-04 moves the clock forward: a class of its own.</summary>
public sealed class ParametresFutursTests(AppFixture f) : IClassFixture<AppFixture>
{
    private const string C = "conseiller.a";
    private static readonly DateOnly Lundi = new(2026, 3, 2);

    private Task<Guid> JeuneEnCejAsync(string nom) => HeuresCejTests.JeuneEnCejAsync(f, nom);

    [Fact]
    [Trait("Rule", "DISP-04")]
    [Trait("Rule", "DISP-06")]
    [Trait("Rule", "CEJ-02")]
    public async Task DISP_04_un_seuil_change_pour_l_avenir_ne_change_pas_les_semaines_passees()
    {
        var jeune = await JeuneEnCejAsync("Seuilfutur");
        await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(jeune, NatureEvenement.Atelier, new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero), 15 * 60, null));
        // DISP-06: national reference data: only the national administrator changes it; a structure's administrator reads it.
        var admin = "administrateurnational.a";
        await Assert.ThrowsAsync<Common.ForbiddenException>(() => f.EnvoyerAsync(C, new Reference.ParametresDispositifs.AjouterVersionParametreCommand(Domain.Dispositifs.BaremeHeuresCej.CodeSeuil, "16", new DateOnly(2026, 3, 16))));
        await Assert.ThrowsAsync<Common.ForbiddenException>(() => f.EnvoyerAsync("administrateur.a", new Reference.ParametresDispositifs.AjouterVersionParametreCommand(Domain.Dispositifs.BaremeHeuresCej.CodeSeuil, "16", new DateOnly(2026, 3, 16))));
        var passe = await Assert.ThrowsAsync<Domain.Common.BusinessRuleException>(() => f.EnvoyerAsync(admin, new Reference.ParametresDispositifs.AjouterVersionParametreCommand(Domain.Dispositifs.BaremeHeuresCej.CodeSeuil, "16", new DateOnly(2026, 3, 10))));
        Assert.Equal("DISP-06", passe.RuleId);
        var texte = await Assert.ThrowsAsync<Domain.Common.BusinessRuleException>(() => f.EnvoyerAsync(admin, new Reference.ParametresDispositifs.AjouterVersionParametreCommand(Domain.Dispositifs.BaremeHeuresCej.CodeSeuil, "seize", new DateOnly(2026, 3, 16))));
        Assert.Equal("DISP-04", texte.RuleId);

        await f.EnvoyerAsync(admin, new Reference.ParametresDispositifs.AjouterVersionParametreCommand(Domain.Dispositifs.BaremeHeuresCej.CodeSeuil, "16", new DateOnly(2026, 3, 16)));
        var referentiel = await f.EnvoyerAsync("administrateur.a", new Reference.ParametresDispositifs.ConsulterReferentielDispositifsQuery());
        var changement = Assert.Single(referentiel.Historique, h => h.Code == Domain.Dispositifs.BaremeHeuresCej.CodeSeuil);
        Assert.Equal(("15", "16", new DateOnly(2026, 3, 16)), (changement.AncienneValeur, changement.NouvelleValeur, changement.DateEffet));
        Assert.Contains("AdministrateurNational", changement.Utilisateur, StringComparison.Ordinal);
        var versions = referentiel.Parametres.Where(p => p.Code == Domain.Dispositifs.BaremeHeuresCej.CodeSeuil).ToList();
        Assert.Equal([("15", (DateOnly?)new DateOnly(2026, 3, 15)), ("16", null)], versions.Select(v => (v.Valeur, v.DateFin)).ToArray());

        // The week of 02/03 keeps 15 h as its threshold: 15 h counted, no alert; a week from 16/03 reads 16 h.
        var semaine = (await f.EnvoyerAsync(C, new ConsulterHeuresCejQuery(jeune)))!.Semaines.Single(s => s.Lundi == Lundi);
        Assert.Equal(15m, semaine.Heures);
        Assert.False(semaine.SousSeuil);
        f.Clock.Advance(TimeSpan.FromDays(14));
        var apres = (await f.EnvoyerAsync(C, new ConsulterHeuresCejQuery(jeune)))!;
        Assert.Equal(16m, apres.Seuil);
        Assert.False(apres.Semaines.Single(s => s.Lundi == Lundi).SousSeuil);
    }
}
