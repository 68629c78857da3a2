using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MissionLocale.Application.Common;
using MissionLocale.Application.Cotraitance;
using MissionLocale.Application.Cotraitance.AccepterAffectations;
using MissionLocale.Application.Cotraitance.AffecterAffectations;
using MissionLocale.Application.Cotraitance.AnnulerRapprochement;
using MissionLocale.Application.Cotraitance.ArreterPpae;
using MissionLocale.Application.Cotraitance.ConsulterPpae;
using MissionLocale.Application.Cotraitance.ImporterAffectations;
using MissionLocale.Application.Cotraitance.InitialiserPpae;
using MissionLocale.Application.Cotraitance.ListerAffectations;
using MissionLocale.Application.Cotraitance.RapprocherAffectation;
using MissionLocale.Application.Cotraitance.RefuserAffectation;
using MissionLocale.Application.Cotraitance.ReparerRapprochement;
using MissionLocale.Application.Cotraitance.TerminerPpae;
using MissionLocale.Application.Cotraitance.TransmettreFlux;
using MissionLocale.Application.Evenements.EnregistrerEvenement;
using MissionLocale.Application.Jeunes.ConsulterDossier;
using MissionLocale.Application.Jeunes.JustifierIdentite;
using MissionLocale.Application.Pilotage.ConsulterAlertes;
using MissionLocale.Application.RendezVous.PlanifierRendezVous;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Cotraitance;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Tests;

/// <summary>PPAE-01 to PPAE-07: the cotraitance with France Travail, from the assignments file to the flows, on PostgreSQL.</summary>
public sealed class CotraitanceUseCasesTests(AppFixture f) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private const string Gestionnaire = "direction.a";
    private const string Conseiller = "conseiller.a";

    private DateOnly Aujourdhui => DateOnly.FromDateTime(f.Clock.GetUtcNow().UtcDateTime);

    public async Task InitializeAsync()
    {
        // The direction of A is the gestionnaire; the conseiller is a référent; A's territory is Rennes and Bruz.
        await f.LireAsync(Gestionnaire, async db =>
        {
            await db.Users.Where(u => u.UserName == Gestionnaire).ExecuteUpdateAsync(s => s.SetProperty(u => u.Fonctions, FonctionsCompte.GestionnaireCotraitance));
            await db.Users.Where(u => u.UserName == Conseiller).ExecuteUpdateAsync(s => s.SetProperty(u => u.Fonctions, FonctionsCompte.ConseillerReferent));
            var s = await db.Structures.Include(x => x.Territoire).SingleAsync(x => x.Id == f.StructureA);
            s.DefinirTerritoire(["35238", "35047"]);
            await db.SaveChangesAsync();
            return 0;
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static byte[] Fichier(params string[] lignes) => Encoding.UTF8.GetBytes(string.Join('\n', lignes.Prepend(FormatDude.EnteteAffectations)) + "\n");

    private string Ligne(string id, string nom, string prenom, DateOnly naissance, string commune = "35238", DateOnly? affectation = null, DateOnly? dernier = null) =>
        $"{id};MME;{nom};{prenom};{naissance:yyyy-MM-dd};FR;{commune};{affectation ?? Aujourdhui.AddDays(-7):yyyy-MM-dd};{dernier:yyyy-MM-dd}";

    private async Task<Dictionary<string, LigneAffectationFt>> ListeAsync(OngletCotraitance onglet) =>
        (await f.EnvoyerAsync(Gestionnaire, new ListerAffectationsQuery(onglet))).Lignes.ToDictionary(l => l.IdentifiantFt);

    /// <summary>Imports one assignment of an unknown jeune, accepts it: its partial dossier and PPAE.</summary>
    private async Task<(LigneAffectationFt Affectation, Guid Jeune, VuePpae Ppae)> NonConnuAsync(string id, string nom, DateOnly? dernier = null)
    {
        await f.EnvoyerAsync(Gestionnaire, new ImporterAffectationsCommand("a.csv", Fichier(Ligne(id, nom, "Inès", new DateOnly(2005, 5, 5), dernier: dernier))));
        var a = (await ListeAsync(OngletCotraitance.AAccepter))[id];
        await f.EnvoyerAsync(Gestionnaire, new AccepterAffectationsCommand([a.Id]));
        a = (await ListeAsync(OngletCotraitance.DeNonConnus))[id];
        return (a, a.JeuneId!.Value, await f.EnvoyerAsync(Conseiller, new ConsulterPpaeQuery(a.JeuneId!.Value)));
    }

    /// <summary>Entretien, justified identity, acceptance: the PPAE « En cours ».</summary>
    private async Task<VuePpae> EnCoursAsync(Guid jeune, VuePpae ppae)
    {
        await f.EnvoyerAsync(Conseiller, new EnregistrerEvenementCommand(jeune, NatureEvenement.EntretienIndividuel, f.Clock.GetUtcNow().AddDays(-1), 45, "Premier entretien PPAE"));
        var v = (await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(jeune))).Version;
        await f.EnvoyerAsync(Conseiller, new JustifierIdentiteCommand(jeune, v, PieceJustificative.CarteNationaleIdentite));
        await f.EnvoyerAsync(Conseiller, new InitialiserPpaeCommand(ppae.PpaeId!.Value, ppae.Version, Aujourdhui.AddDays(-1), AcceptationJeune: true, Consentement: true));
        return await f.EnvoyerAsync(Conseiller, new ConsulterPpaeQuery(jeune));
    }

    [Fact]
    [Trait("Rule", "PPAE-01")]
    public async Task PPAE_01_import_tout_ou_rien_et_idempotent_puis_acceptation_dans_les_trois_listes()
    {
        var connu = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil("Rapprochable", "Noé", new DateOnly(2004, 2, 3)))).JeuneId;
        var fichier = Fichier(
            Ligne("1000000A", "Inconnue", "Léa", new DateOnly(2006, 1, 1)),
            Ligne("1000000B", "Agée", "Zoé", new DateOnly(1999, 1, 1)),
            Ligne("1000000C", "Lointaine", "Ana", new DateOnly(2005, 1, 1), commune: "69381"),
            Ligne("1000000D", "RAPPROCHABLE", "noe", new DateOnly(2004, 2, 3)));

        // A bad line rejects the whole file: nothing imported.
        var rejet = await f.EnvoyerAsync(Gestionnaire, new ImporterAffectationsCommand("mauvais.csv", Fichier(Ligne("1000000A", "Inconnue", "Léa", new DateOnly(2006, 1, 1)), "12A;X;;Léo;2005-02-30;FR;3523;2026-01-01;")));
        Assert.False(rejet.Accepte);
        Assert.StartsWith("Ligne 3 : identifiant France Travail invalide", Assert.Single(rejet.Erreurs), StringComparison.Ordinal);
        Assert.Equal(0, await f.LireAsync(Gestionnaire, db => db.AffectationsFt.CountAsync()));

        var r = await f.EnvoyerAsync(Gestionnaire, new ImporterAffectationsCommand("affectations.csv", fichier));
        Assert.Equal((true, 4, 4, 0), (r.Accepte, r.Lignes, r.Nouvelles, r.DejaImportees));
        var encore = await f.EnvoyerAsync(Gestionnaire, new ImporterAffectationsCommand("affectations.csv", fichier));
        Assert.Equal((4, 0, 4), (encore.Lignes, encore.Nouvelles, encore.DejaImportees));
        Assert.Equal(4, await f.LireAsync(Gestionnaire, db => db.AffectationsFt.CountAsync()));

        var aAccepter = await ListeAsync(OngletCotraitance.AAccepter);
        Assert.Equal(["26 ans ou plus"], aAccepter["1000000B"].MotifsDeRefus);
        Assert.Equal(["Commune hors du territoire"], aAccepter["1000000C"].MotifsDeRefus);
        Assert.Empty(aAccepter["1000000A"].MotifsDeRefus);

        // Accepting all: the two with a motive are left out, said so with the rule.
        var acceptation = await f.EnvoyerAsync(Gestionnaire, new AccepterAffectationsCommand(aAccepter.Values.Select(a => a.Id).ToList()));
        Assert.Equal((2, 1, 1, 0), (acceptation.Acceptees, acceptation.DeNonConnus, acceptation.RapprochementsPossibles, acceptation.Reaffectations));
        Assert.Equal(2, acceptation.Ecartees.Count);
        Assert.Contains(acceptation.Ecartees, e => e.StartsWith("AGEE Zoé (1000000B) : Ce jeune avait 26 ans ou plus", StringComparison.Ordinal) && e.EndsWith("[PPAE-01]", StringComparison.Ordinal));

        // The same request again changes nothing.
        var deux = await f.EnvoyerAsync(Gestionnaire, new AccepterAffectationsCommand(aAccepter.Values.Select(a => a.Id).ToList()));
        Assert.Equal(0, deux.Acceptees);

        // Unknown: a partial dossier « Importé DUDE », registered at France Travail, no consent yet, and its PPAE « Non initialisé ».
        var inconnue = Assert.Single((await ListeAsync(OngletCotraitance.DeNonConnus)).Values);
        Assert.Equal(("Importé DUDE", EtatAffectation.AAffecter), (inconnue.Marque, inconnue.Etat));
        var dossier = await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(inconnue.JeuneId!.Value));
        Assert.Equal(("INCONNUE", "Léa", "1000000A", (DateTimeOffset?)null), (dossier.Nom, dossier.Prenom, dossier.IdentifiantFt, dossier.ConsentementLe));
        Assert.Equal("Non initialisé", (await f.EnvoyerAsync(Conseiller, new ConsulterPpaeQuery(inconnue.JeuneId!.Value))).EtatLibelle);

        // RGPD-02: both creations are in the dossier's history, by the gestionnaire.
        var historique = await f.LireAsync(Gestionnaire, db => db.Historique.Where(h => h.JeuneId == inconnue.JeuneId).Select(h => new { h.Element, h.Champ, h.NouvelleValeur, h.Utilisateur }).ToListAsync());
        Assert.Contains(historique, h => h.Element == "Dossier" && h.Champ == "Création du dossier" && h.NouvelleValeur == "INCONNUE Léa, née le 01/01/2006" && h.Utilisateur == Gestionnaire);
        Assert.Contains(historique, h => h.Element == "PPAE" && h.Champ == "Ajout");

        // Known by name and birth date (compared as the search does): a rapprochement to confirm.
        var rapprochable = Assert.Single((await ListeAsync(OngletCotraitance.RapprochementsPossibles)).Values);
        Assert.Equal(connu, Assert.Single(rapprochable.Candidats).JeuneId);

        // Refusal: only with a motive that applies.
        var agee = aAccepter["1000000B"];
        var mauvais = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Gestionnaire, new RefuserAffectationCommand(agee.Id, agee.Version, MotifRefusAffectation.HorsTerritoire)));
        Assert.Equal(("PPAE-01", "Ce motif ne s'applique pas à ce jeune : le motif du refus est « 26 ans ou plus »."), (mauvais.RuleId, mauvais.Message));
        await f.EnvoyerAsync(Gestionnaire, new RefuserAffectationCommand(agee.Id, agee.Version, MotifRefusAffectation.AgeAtteint));
        Assert.Equal("26 ans ou plus", (await ListeAsync(OngletCotraitance.Refusees))["1000000B"].MotifRefus);
        var ok = aAccepter["1000000A"];
        var pasDeRefus = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Gestionnaire, new RefuserAffectationCommand(ok.Id, ok.Version + 1, MotifRefusAffectation.AgeAtteint)));
        Assert.Equal("PPAE-01", pasDeRefus.RuleId);

        // Attach: « Rapproché DUDE », the identifiant on the dossier, a PPAE; cancelled: all taken back.
        await f.EnvoyerAsync(Gestionnaire, new RapprocherAffectationCommand(rapprochable.Id, rapprochable.Version, connu));
        var rapproche = (await ListeAsync(OngletCotraitance.RapprochementsPossibles))["1000000D"];
        Assert.Equal(("Rapproché DUDE", connu), (rapproche.Marque, rapproche.JeuneId));
        Assert.Equal("1000000D", (await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(connu))).IdentifiantFt);
        Assert.NotNull((await f.EnvoyerAsync(Conseiller, new ConsulterPpaeQuery(connu))).PpaeId);
        await f.EnvoyerAsync(Gestionnaire, new AnnulerRapprochementCommand(rapproche.Id, rapproche.Version));
        Assert.Null((await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(connu))).IdentifiantFt);
        Assert.Null((await f.EnvoyerAsync(Conseiller, new ConsulterPpaeQuery(connu))).PpaeId);
        Assert.Equal(EtatAffectation.ARapprocher, (await ListeAsync(OngletCotraitance.RapprochementsPossibles))["1000000D"].Etat);

        // PPAE-07: a match onto an « Importé DUDE » dossier cannot be cancelled.
        var annulation = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Gestionnaire, new AnnulerRapprochementCommand(inconnue.Id, inconnue.Version)));
        Assert.Equal("PPAE-07", annulation.RuleId);

        // A new assignment of a jeune with a PPAE is a réaffectation.
        await f.EnvoyerAsync(Gestionnaire, new ImporterAffectationsCommand("b.csv", Fichier(Ligne("1000000A", "Inconnue", "Léa", new DateOnly(2006, 1, 1), affectation: Aujourdhui))));
        var nouvelle = (await ListeAsync(OngletCotraitance.AAccepter))["1000000A"];
        Assert.Equal(1, (await f.EnvoyerAsync(Gestionnaire, new AccepterAffectationsCommand([nouvelle.Id]))).Reaffectations);
        Assert.Equal(inconnue.JeuneId, Assert.Single((await ListeAsync(OngletCotraitance.Reaffectations))["1000000A"].Candidats).JeuneId);
    }

    [Fact]
    [Trait("Rule", "PPAE-01")]
    public async Task PPAE_01_sans_la_fonction_de_gestionnaire_rien_n_est_importe()
    {
        var refus = await Assert.ThrowsAsync<ForbiddenException>(() => f.EnvoyerAsync(Conseiller, new ImporterAffectationsCommand("a.csv", Fichier(Ligne("2000000A", "Sansdroit", "Léa", new DateOnly(2006, 1, 1))))));
        Assert.Contains("gestionnaires de la cotraitance", refus.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ForbiddenException>(() => f.EnvoyerAsync("chargeaccueil.a", new ListerAffectationsQuery()));
    }

    [Fact]
    [Trait("Rule", "PPAE-02")]
    [Trait("Rule", "PPAE-03")]
    [Trait("Rule", "PPAE-05")]
    [Trait("Rule", "PPAE-06")]
    public async Task PPAE_02_a_05_affecter_planifier_initialiser_et_les_flux_jusqu_a_la_sortie()
    {
        var (a, jeune, ppae) = await NonConnuAsync("3000000A", "Parcours", dernier: Aujourdhui.AddDays(-20));
        var conseiller = f.Comptes[Conseiller].Id;

        // PPAE-02: assigned to the conseiller (who becomes référent), then a rendez-vous: waiting for the entretien.
        await f.EnvoyerAsync(Gestionnaire, new AffecterAffectationsCommand([a.Id], conseiller));
        Assert.Equal("Attente planification de rendez-vous", (await ListeAsync(OngletCotraitance.DeNonConnus))["3000000A"].EtatLibelle);
        await f.EnvoyerAsync(Conseiller, new PlanifierRendezVousCommand { JeuneId = jeune, Objet = "Premier entretien PPAE", Debut = f.Clock.GetUtcNow().AddDays(2), DureeMinutes = 45 });
        Assert.Equal(EtatAffectation.EnAttenteEntretien, (await ListeAsync(OngletCotraitance.DeNonConnus))["3000000A"].Etat);
        Assert.Equal("En attente d'entretien", (await f.EnvoyerAsync(Conseiller, new ConsulterPpaeQuery(jeune))).StatutCotraitance);

        // PPAE-03: the three conditions said at once.
        var sans = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new InitialiserPpaeCommand(ppae.PpaeId!.Value, ppae.Version, Aujourdhui, false)));
        Assert.Equal("PPAE-03", sans.RuleId);
        Assert.Contains("un entretien individuel", sans.Message, StringComparison.Ordinal);
        Assert.Contains("un dossier justifié", sans.Message, StringComparison.Ordinal);
        Assert.Contains("l'acceptation du PPAE", sans.Message, StringComparison.Ordinal);

        // PPAE-06: an entretien since the assignment and still « Non initialisé »: the vigilance alert.
        await f.EnvoyerAsync(Conseiller, new EnregistrerEvenementCommand(jeune, NatureEvenement.EntretienIndividuel, f.Clock.GetUtcNow().AddDays(-1), 45, "Entretien",
            [new PropositionSaisie("EMPLOI", null, "Offre de vendeuse")]));
        var alerte = Assert.Single(await f.EnvoyerAsync(Conseiller, new ConsulterAlertesQuery()), x => x.Code == "ppae-non-initialise");
        Assert.Equal("PPAE-06", alerte.RuleId);
        Assert.True(alerte.MesJeunes >= 1 && alerte.Structure >= alerte.MesJeunes);
        Assert.Contains(await f.EnvoyerAsync(Conseiller, new ListerJeunesAlerteQuery("ppae-non-initialise")), j => j.JeuneId == jeune);
        Assert.Equal(0, await f.LireAsync(Conseiller, db => db.FluxDude.CountAsync(x => x.JeuneId == jeune)));

        // PPAE-03: the entry may be backdated, not before the last entretien in the DUDE; RGPD-01 for an imported dossier.
        var v = (await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(jeune))).Version;
        await f.EnvoyerAsync(Conseiller, new JustifierIdentiteCommand(jeune, v, PieceJustificative.Passeport));
        var tropTot = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new InitialiserPpaeCommand(ppae.PpaeId!.Value, ppae.Version, Aujourdhui.AddDays(-21), true, true)));
        Assert.Equal(("PPAE-03", $"Le dernier entretien déjà dans le DUDE a eu lieu le {Aujourdhui.AddDays(-20):dd/MM/yyyy} : l'entrée en PPAE ne peut pas le précéder."), (tropTot.RuleId, tropTot.Message));
        var consentement = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new InitialiserPpaeCommand(ppae.PpaeId!.Value, ppae.Version, Aujourdhui.AddDays(-2), true, false)));
        Assert.Equal("RGPD-01", consentement.RuleId);
        await f.EnvoyerAsync(Conseiller, new InitialiserPpaeCommand(ppae.PpaeId!.Value, ppae.Version, Aujourdhui.AddDays(-2), true, true));
        var enCours = await f.EnvoyerAsync(Conseiller, new ConsulterPpaeQuery(jeune));
        Assert.Equal(("En cours", "PPAE en cours"), (enCours.EtatLibelle, enCours.StatutCotraitance));
        Assert.DoesNotContain(await f.EnvoyerAsync(Conseiller, new ListerJeunesAlerteQuery("ppae-non-initialise", Structure: true)), j => j.JeuneId == jeune);

        // PPAE-05: the start, and what happened since the backdated entry (the entretien and its employment proposition), once each.
        Assert.Equal(["Début du PPAE", "Entretien individuel", "Proposition emploi"], enCours.Flux.Select(x => x.Type).Order());

        // An atelier with a training proposition and a health one: the atelier and the training only.
        await f.EnvoyerAsync(Conseiller, new EnregistrerEvenementCommand(jeune, NatureEvenement.Atelier, f.Clock.GetUtcNow(), 120, "Atelier CV",
            [new PropositionSaisie("FORMATION", null, "Titre pro; agent de restauration"), new PropositionSaisie("SANTE", null, "Bilan de santé")]));
        await f.EnvoyerAsync(Conseiller, new EnregistrerEvenementCommand(jeune, NatureEvenement.InterneAdministratif, f.Clock.GetUtcNow(), 5, "Note"));
        var flux = (await f.EnvoyerAsync(Conseiller, new ConsulterPpaeQuery(jeune))).Flux;
        Assert.Equal(5, flux.Count);
        Assert.Contains(flux, x => x.Type == "Proposition formation" && x.Objet == "Titre pro; agent de restauration");

        // The exit is sent; nothing after it.
        var motifs = enCours.MotifsSortie;
        Assert.Contains("Déménagement", motifs);
        var sansMotif = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new TerminerPpaeCommand(enCours.PpaeId!.Value, enCours.Version, Aujourdhui, "Autre chose")));
        Assert.Equal("PPAE-05", sansMotif.RuleId);
        await f.EnvoyerAsync(Conseiller, new TerminerPpaeCommand(enCours.PpaeId!.Value, enCours.Version, Aujourdhui, "Déménagement"));
        await f.EnvoyerAsync(Conseiller, new EnregistrerEvenementCommand(jeune, NatureEvenement.EntretienIndividuel, f.Clock.GetUtcNow(), 30, "Après la sortie"));
        var fin = await f.EnvoyerAsync(Conseiller, new ConsulterPpaeQuery(jeune));
        Assert.Equal(6, fin.Flux.Count);
        Assert.Equal("Déménagement", Assert.Single(fin.Flux, x => x.Type == "Sortie du PPAE").Objet);
        Assert.Equal("Terminé", fin.EtatLibelle);

        // The day's file: every waiting flow of the structure, delivered in it; downloaded again, the same lines.
        var fichier = await f.EnvoyerAsync(Gestionnaire, new ProduireFichierFluxCommand());
        var lignes = FormatDude.LireFlux(fichier.Contenu);
        Assert.Equal(6, lignes.Count(l => l.IdentifiantFt == "3000000A"));
        Assert.All(lignes, l => Assert.Equal("ML-A", l.Structure));
        Assert.Equal(fichier.Contenu, (await f.EnvoyerAsync(Gestionnaire, new ProduireFichierFluxCommand())).Contenu);
        Assert.All((await f.EnvoyerAsync(Conseiller, new ConsulterPpaeQuery(jeune))).Flux, x => Assert.Equal("Transmis", x.Statut));
    }

    [Fact]
    [Trait("Rule", "PPAE-04")]
    public async Task PPAE_04_arret_anticipe_supprime_le_ppae_et_informe_France_Travail()
    {
        var (a, jeune, ppae) = await NonConnuAsync("4000000A", "Absente");
        var sansMotif = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new ArreterPpaeCommand(ppae.PpaeId!.Value, ppae.Version, null)));
        Assert.Equal("PPAE-04", sansMotif.RuleId);
        await f.EnvoyerAsync(Conseiller, new ArreterPpaeCommand(ppae.PpaeId!.Value, ppae.Version, MotifArretPpae.JamaisVenu));
        var vue = await f.EnvoyerAsync(Conseiller, new ConsulterPpaeQuery(jeune));
        Assert.Null(vue.PpaeId);
        var arret = Assert.Single(vue.Flux);
        Assert.Equal(("Arrêt anticipé du PPAE", "Le jeune ne s'est jamais présenté"), (arret.Type, arret.Objet));
        Assert.DoesNotContain("4000000A", (await ListeAsync(OngletCotraitance.DeNonConnus)).Keys);

        // A PPAE « En cours » is not stopped this way: it exits.
        var (_, autre, ppaeAutre) = await NonConnuAsync("4000000B", "Presente");
        var enCours = await EnCoursAsync(autre, ppaeAutre);
        var refus = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new ArreterPpaeCommand(enCours.PpaeId!.Value, enCours.Version, MotifArretPpae.RefusDuJeune)));
        Assert.Equal("PPAE-04", refus.RuleId);
        Assert.Contains("Terminez-le avec son motif de sortie", refus.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "PPAE-07")]
    public async Task PPAE_07_reparer_un_mauvais_rapprochement_puis_refus_une_fois_un_entretien_transmis()
    {
        var b = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil("Bonnedossier", "Inès", new DateOnly(2004, 7, 7)))).JeuneId;
        var (a, dossierA, _) = await NonConnuAsync("7000000A", "Mauvaisdossier");
        await f.EnvoyerAsync(Conseiller, new EnregistrerEvenementCommand(dossierA, NatureEvenement.EntretienIndividuel, f.Clock.GetUtcNow().AddHours(-2), 30, "Sur le mauvais dossier"));
        var numeroB = (await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(b))).Numero;

        var comparaison = await f.EnvoyerAsync(Gestionnaire, new ComparerDossiersQuery(a.Id, Guid.Empty, numeroB));
        Assert.Equal((dossierA, b, 1, (string?)null), (comparaison.A.JeuneId, comparaison.B.JeuneId, comparaison.A.Evenements, comparaison.Refus));
        await f.EnvoyerAsync(Gestionnaire, new ReparerRapprochementCommand(a.Id, comparaison.Version, b));

        Assert.Equal(0, await f.LireAsync(Gestionnaire, db => db.Jeunes.CountAsync(j => j.Id == dossierA)));
        Assert.Equal("7000000A", (await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(b))).IdentifiantFt);
        Assert.Equal(1, await f.LireAsync(Gestionnaire, db => db.Evenements.CountAsync(e => e.JeuneId == b && e.Commentaire == "Sur le mauvais dossier")));
        var ppaeB = await f.EnvoyerAsync(Conseiller, new ConsulterPpaeQuery(b));
        Assert.Equal(("Non initialisé", "Rapproché DUDE"), (ppaeB.EtatLibelle, ppaeB.Marque));
        Assert.Contains(await f.LireAsync(Gestionnaire, db => db.Historique.Where(h => h.JeuneId == b).Select(h => h.Champ).ToListAsync()), c => c == "Rapprochement réparé");

        // Once an entretien of A went to the DUDE, A is no longer deleted.
        var (a2, dossierA2, ppae2) = await NonConnuAsync("7000000B", "Transmis");
        await EnCoursAsync(dossierA2, ppae2);
        await f.EnvoyerAsync(Gestionnaire, new ProduireFichierFluxCommand());
        var apres = await f.LireAsync(Gestionnaire, db => db.AffectationsFt.SingleAsync(x => x.IdentifiantFt == "7000000B"));
        Assert.Equal(EtatAffectation.PriseEnCharge, apres.Etat);
        var refus = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Gestionnaire, new ReparerRapprochementCommand(apres.Id, apres.Version, b)));
        Assert.Equal(("PPAE-07", "1 entretien du dossier A est déjà parti vers le DUDE : le dossier ne peut plus être supprimé. Demandez à France Travail de corriger l'affectation."), (refus.RuleId, refus.Message));
        Assert.NotNull((await f.EnvoyerAsync(Gestionnaire, new ComparerDossiersQuery(apres.Id, b))).Refus);
        Assert.Equal(1, await f.LireAsync(Gestionnaire, db => db.Jeunes.CountAsync(j => j.Id == dossierA2)));
    }

    [Fact]
    [Trait("Rule", "PPAE-01")]
    public async Task PPAE_01_vingt_acceptations_identiques_a_la_fois_un_seul_dossier_partiel()
    {
        await f.EnvoyerAsync(Gestionnaire, new ImporterAffectationsCommand("course.csv", Fichier(Ligne("8000000A", "Course", "Léa", new DateOnly(2006, 3, 3)))));
        var a = (await ListeAsync(OngletCotraitance.AAccepter))["8000000A"];
        var envois = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (await f.EnvoyerAsync(Gestionnaire, new AccepterAffectationsCommand([a.Id]))).DeNonConnus;
            }
            catch (ConcurrencyConflictException)
            {
                return 0;
            }
        })).ToList();
        await Task.WhenAll(envois);
        Assert.Equal(1, envois.Sum(t => t.Result));
        Assert.Equal(1, await f.LireAsync(Gestionnaire, db => db.Jeunes.CountAsync(j => j.IdentifiantFt == "8000000A")));
        Assert.Equal(1, await f.LireAsync(Gestionnaire, db => db.Ppaes.CountAsync(p => p.AffectationId == a.Id)));
    }

    [Fact]
    [Trait("Rule", "PPAE-05")]
    public async Task PPAE_05_flux_envoyes_une_fois_au_partenaire_et_reessayes_apres_une_erreur()
    {
        var (_, jeune, ppae) = await NonConnuAsync("5000000A", "Partenaire");
        await EnCoursAsync(jeune, ppae);

        // Only this jeune's flows wait (the other tests' were delivered), so the partner's first answer concerns one of them.
        await f.LireAsync(Gestionnaire, db => db.FluxDude.Where(x => x.JeuneId != jeune).ExecuteUpdateAsync(s => s.SetProperty(x => x.Statut, StatutFlux.Transmis)));
        using var partenaire = new FauxPartenaire(echecs: 1);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Cotraitance:Url"] = partenaire.Url }).Build();
        using var http = new HttpClient();
        await using var scope = f.Services.CreateAsyncScope();
        var transmission = new TransmissionDude(scope.ServiceProvider.GetRequiredService<MissionLocale.Application.Rappels.IParStructure>(),
            new MissionLocale.Infrastructure.Cotraitance.PartenaireDudeHttp(http, config), new OptionsCotraitance { Http = true }, f.Clock);

        // The first call fails (500): the flow waits; the others go. Then, a minute later, the retry.
        var premiers = await transmission.TransmettreAsync(CancellationToken.None);
        var flux = (await f.EnvoyerAsync(Conseiller, new ConsulterPpaeQuery(jeune))).Flux;
        Assert.Equal(flux.Count - 1, premiers);
        var enEchec = Assert.Single(flux, x => x.Statut == "En attente d'envoi");
        Assert.StartsWith("HttpRequestException: France Travail : 500", enEchec.Erreur, StringComparison.Ordinal);
        Assert.Equal(0, await transmission.TransmettreAsync(CancellationToken.None));
        f.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await transmission.TransmettreAsync(CancellationToken.None));
        Assert.All((await f.EnvoyerAsync(Conseiller, new ConsulterPpaeQuery(jeune))).Flux, x => Assert.Equal("Transmis", x.Statut));

        // Each flow reached the partner exactly once (by its stable id), with its type and the dossier's identity.
        var recus = partenaire.Recus.Where(r => r.Contains("5000000A", StringComparison.Ordinal)).ToList();
        Assert.Equal(flux.Count, recus.Count);
        Assert.Equal(flux.Count, recus.Select(r => System.Text.Json.JsonDocument.Parse(r).RootElement.GetProperty("flux").GetString()).Distinct().Count());
        Assert.Contains(recus, r => r.Contains("\"type\":\"DEBUT_PPAE\"", StringComparison.Ordinal));
        Assert.Equal(0, await transmission.TransmettreAsync(CancellationToken.None));
    }

    /// <summary>France Travail's endpoint on the loopback: answers 500 to the first <c>echecs</c> calls, then 200; records the accepted bodies.</summary>
    private sealed class FauxPartenaire : IDisposable
    {
        private readonly HttpListener ecoute = new();
        private readonly CancellationTokenSource arret = new();
        private int echecs;

        public FauxPartenaire(int echecs)
        {
            this.echecs = echecs;
            var t = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            t.Start();
            var port = ((IPEndPoint)t.LocalEndpoint).Port;
            t.Stop();
            Url = $"http://127.0.0.1:{port}/dude/flux/";
            ecoute.Prefixes.Add(Url);
            ecoute.Start();
            _ = Task.Run(BoucleAsync);
        }

        public string Url { get; }

        public System.Collections.Concurrent.ConcurrentQueue<string> Recus { get; } = new();

        private async Task BoucleAsync()
        {
            while (!arret.IsCancellationRequested)
            {
                HttpListenerContext c;
                try
                {
                    c = await ecoute.GetContextAsync();
                }
                catch (Exception) when (arret.IsCancellationRequested)
                {
                    return;
                }

                using var lecteur = new StreamReader(c.Request.InputStream, Encoding.UTF8);
                var corps = await lecteur.ReadToEndAsync();
                if (Interlocked.Decrement(ref echecs) >= 0)
                {
                    c.Response.StatusCode = 500;
                }
                else
                {
                    Recus.Enqueue(corps);
                    c.Response.StatusCode = 200;
                }

                c.Response.Close();
            }
        }

        public void Dispose()
        {
            arret.Cancel();
            ecoute.Close();
            arret.Dispose();
        }
    }
}
