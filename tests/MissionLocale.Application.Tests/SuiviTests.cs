using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Documents.DeposerDocument;
using MissionLocale.Application.Documents.GenererConvocation;
using MissionLocale.Application.Documents.ListerDocuments;
using MissionLocale.Application.Documents.ListerModeles;
using MissionLocale.Application.Documents.ModifierModele;
using MissionLocale.Application.Documents.TelechargerDocument;
using MissionLocale.Application.Evenements.EnregistrerEvenement;
using MissionLocale.Application.Jeunes.ChangerAdresse;
using MissionLocale.Application.Jeunes.ConsulterDossier;
using MissionLocale.Application.Jeunes.ConsulterFrise;
using MissionLocale.Application.Offres.AjouterSession;
using MissionLocale.Application.Offres.CreerOffre;
using MissionLocale.Application.Offres.ListerParticipants;
using MissionLocale.Application.Offres.MarquerPresence;
using MissionLocale.Application.Offres.PositionnerJeune;
using MissionLocale.Application.RendezVous.ChangerStatutRendezVous;
using MissionLocale.Application.RendezVous.ConsulterPortail;
using MissionLocale.Application.RendezVous.ExporterAgenda;
using MissionLocale.Application.RendezVous.PlanifierRendezVous;
using MissionLocale.Application.Situations.EnregistrerSituation;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Offres;
using MissionLocale.Domain.RendezVous;
using MissionLocale.Domain.Situations;
using UglyToad.PdfPig;

namespace MissionLocale.Application.Tests;

public sealed class SuiviTests(AppFixture f) : IClassFixture<AppFixture>
{
    private const string Conseiller = "conseiller.a";

    private async Task<Guid> JeuneAsync(string nom, string prenom = "Élodie") =>
        (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil(nom, prenom) with { Complement = "Résidence Les Tilleuls", Batiment = "B", Escalier = "2", Etage = "3", Appartement = "14" })).JeuneId;

    private PlanifierRendezVousCommand Rdv(Guid jeune, int heuresDansLeFutur = 24, int duree = 30, string objet = "Entretien de suivi") => new()
    {
        JeuneId = jeune,
        Objet = objet,
        Debut = f.Clock.GetUtcNow().AddHours(heuresDansLeFutur),
        DureeMinutes = duree,
        Lieu = "Antenne Centre, 6 cours des Alliés",
    };

    [Fact]
    [Trait("Rule", "EVT-01")]
    public async Task EVT_01_evenement_avec_propositions_du_catalogue_et_libres()
    {
        var jeune = await JeuneAsync("Evenement");
        var offre = await f.EnvoyerAsync(Conseiller, new CreerOffreCommand("EMPLOI", TypeOffre.JobDating, "Job dating logistique", null));
        var id = await f.EnvoyerAsync(Conseiller, new EnregistrerEvenementCommand(jeune, NatureEvenement.EntretienIndividuel, f.Clock.GetUtcNow(), 45, "Point sur la recherche d'emploi",
            [new PropositionSaisie("EMPLOI", offre, null), new PropositionSaisie("SANTE", null, "Bilan de santé CPAM", EtatProposition.Acceptee)]));

        var evt = await f.LireAsync(Conseiller, db => db.Evenements.Include(e => e.Propositions).SingleAsync(e => e.Id == id));
        Assert.Equal(2, evt.Propositions.Count);
        Assert.Contains(evt.Propositions, p => p.OffreId == offre && p.Libelle == "Job dating logistique" && p.Etat == EtatProposition.Proposee);
        Assert.Contains(evt.Propositions, p => p.DomaineCode == "SANTE" && p.Etat == EtatProposition.Acceptee);

        await Assert.ThrowsAsync<InvalidInputException>(() => f.EnvoyerAsync(Conseiller, new EnregistrerEvenementCommand(jeune, NatureEvenement.Atelier, f.Clock.GetUtcNow(), 60, null,
            [new PropositionSaisie("INCONNU", null, "x")])));
        var libre = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new EnregistrerEvenementCommand(jeune, NatureEvenement.Atelier, f.Clock.GetUtcNow(), 60, null,
            [new PropositionSaisie("EMPLOI", null, " ")])));
        Assert.Equal("EVT-01", libre.RuleId);

        var p = evt.Propositions.Single(x => x.DomaineCode == "EMPLOI");
        await f.EnvoyerAsync(Conseiller, new ChangerEtatPropositionCommand(p.Id, EtatProposition.Realisee));
        Assert.Equal(EtatProposition.Realisee, await f.LireAsync(Conseiller, db => db.Propositions.Where(x => x.Id == p.Id).Select(x => x.Etat).SingleAsync()));
    }

    [Fact]
    [Trait("Rule", "EVT-02")]
    public async Task EVT_02_session_complete_refuse_un_positionnement_et_la_presence_est_notee()
    {
        var offre = await f.EnvoyerAsync(Conseiller, new CreerOffreCommand("FORMATION", TypeOffre.Atelier, "Atelier CV", null));
        var session = await f.EnvoyerAsync(Conseiller, new AjouterSessionCommand(offre, f.Clock.GetUtcNow().AddDays(3), 120, "Salle 2", 2));
        var j1 = await JeuneAsync("Sessionun");
        var j2 = await JeuneAsync("Sessiondeux");
        var j3 = await JeuneAsync("Sessiontrois");
        await f.EnvoyerAsync(Conseiller, new PositionnerJeuneCommand(session, j1));
        await f.EnvoyerAsync(Conseiller, new PositionnerJeuneCommand(session, j2));

        var pleine = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new PositionnerJeuneCommand(session, j3)));
        Assert.Equal("EVT-02", pleine.RuleId);
        Assert.Contains("complète", pleine.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new PositionnerJeuneCommand(session, j1)));

        await f.EnvoyerAsync(Conseiller, new MarquerPresenceCommand(session, j1, true));
        await f.EnvoyerAsync(Conseiller, new MarquerPresenceCommand(session, j2, false));
        var participants = await f.EnvoyerAsync(Conseiller, new ListerParticipantsQuery(session));
        Assert.Equal(["SESSIONDEUX", "SESSIONUN"], participants.Select(p => p.Nom).ToArray());
        Assert.True(participants.Single(p => p.JeuneId == j1).Present);
        Assert.False(participants.Single(p => p.JeuneId == j2).Present);
    }

    [Fact]
    [Trait("Rule", "EVT-02")]
    public async Task EVT_02_positionnements_concurrents_ne_depassent_jamais_la_capacite()
    {
        var offre = await f.EnvoyerAsync(Conseiller, new CreerOffreCommand("EMPLOI", TypeOffre.Forum, "Forum de l'emploi", null));
        var session = await f.EnvoyerAsync(Conseiller, new AjouterSessionCommand(offre, f.Clock.GetUtcNow().AddDays(5), 240, "Parc expo", 3));
        var jeunes = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            jeunes.Add(await JeuneAsync($"Concurrence{(char)('a' + i)}"));
        }

        var resultats = await Task.WhenAll(jeunes.Select(j => Task.Run(async () =>
        {
            try
            {
                await f.EnvoyerAsync(Conseiller, new PositionnerJeuneCommand(session, j));
                return true;
            }
            catch (Exception e) when (e is BusinessRuleException or ConcurrencyConflictException)
            {
                return false;
            }
        })));

        Assert.True(resultats.Count(r => r) <= 3);
        var inscrits = await f.LireAsync(Conseiller, db => db.Positionnements.CountAsync(p => p.SessionId == session));
        Assert.Equal(resultats.Count(r => r), inscrits);
        Assert.Equal(inscrits, await f.LireAsync(Conseiller, db => db.Sessions.Where(s => s.Id == session).Select(s => s.Inscrits).SingleAsync()));
    }

    [Fact]
    [Trait("Rule", "EVT-03")]
    public async Task EVT_03_date_de_fin_obligatoire_interruption_avant_la_fin_et_alerte_sans_objectif()
    {
        var jeune = await JeuneAsync("Situation");
        var sansFin = await Assert.ThrowsAsync<InvalidInputException>(() => f.EnvoyerAsync(Conseiller, new EnregistrerSituationCommand(jeune, TypeSituation.Emploi, new DateOnly(2026, 1, 5), null, TypeContrat: "CDD")));
        Assert.Contains("DateFin", sansFin.Erreurs.Keys);

        var formation = await f.EnvoyerAsync(Conseiller, new EnregistrerSituationCommand(jeune, TypeSituation.Formation, new DateOnly(2026, 1, 5), new DateOnly(2026, 6, 30), Organisme: "AFPA"));
        Assert.True(formation.AlerteSansObjectif);
        var avecObjectif = await f.EnvoyerAsync(Conseiller, new EnregistrerSituationCommand(jeune, TypeSituation.Formation, new DateOnly(2026, 1, 5), new DateOnly(2026, 6, 30), Organisme: "AFPA", ObjectifGeneral: "Certification"));
        Assert.False(avecObjectif.AlerteSansObjectif);

        var apresFin = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new InterrompreSituationCommand(formation.Id, new DateOnly(2026, 6, 30), "Abandon")));
        Assert.Equal("EVT-03", apresFin.RuleId);
        await f.EnvoyerAsync(Conseiller, new InterrompreSituationCommand(formation.Id, new DateOnly(2026, 3, 1), "Abandon"));
        var s = await f.LireAsync(Conseiller, db => db.Situations.SingleAsync(x => x.Id == formation.Id));
        Assert.Equal(new DateOnly(2026, 3, 1), s.DateInterruption);
        Assert.Equal("Abandon", s.MotifInterruption);
    }

    [Fact]
    [Trait("Rule", "RDV-01")]
    public async Task RDV_01_chevauchement_averti_puis_confirme_commentaire_limite()
    {
        var jeune = await JeuneAsync("Chevauchement");
        await f.EnvoyerAsync(Conseiller, Rdv(jeune, 48, 60));
        var ex = await Assert.ThrowsAsync<ConfirmationRequiseException>(() => f.EnvoyerAsync(Conseiller, Rdv(jeune, 48, 30) with { Debut = f.Clock.GetUtcNow().AddHours(48.5) }));
        Assert.Equal("RDV-01", ex.RuleId);
        var id = await f.EnvoyerAsync(Conseiller, Rdv(jeune, 48, 30) with { Debut = f.Clock.GetUtcNow().AddHours(48.5), ConfirmerChevauchement = true });
        Assert.NotEqual(Guid.Empty, id);

        // Another intervenant on the same slot is not an overlap.
        await f.EnvoyerAsync("conseiller.a", Rdv(jeune, 48, 60) with { IntervenantId = f.Comptes["direction.a"].Id });

        var long_ = await Assert.ThrowsAsync<InvalidInputException>(() => f.EnvoyerAsync(Conseiller, Rdv(jeune, 96) with { Commentaire = new string('x', 1001) }));
        Assert.Contains("Commentaire", long_.Erreurs.Keys);
    }

    [Fact]
    [Trait("Rule", "RDV-01")]
    public async Task RDV_01_absent_exige_un_motif_et_seul_un_rdv_planifie_change_de_statut()
    {
        var jeune = await JeuneAsync("Absence");
        var id = await f.EnvoyerAsync(Conseiller, Rdv(jeune, 2));
        var tropTot = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new ChangerStatutRendezVousCommand(id, 0, StatutRendezVous.Absent, MotifAbsence.Maladie)));
        Assert.Equal("RDV-01", tropTot.RuleId);

        f.Clock.Advance(TimeSpan.FromHours(3));
        var sansMotif = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new ChangerStatutRendezVousCommand(id, 0, StatutRendezVous.Absent)));
        Assert.Equal("MotifAbsence", sansMotif.Champ);
        var v = await f.EnvoyerAsync(Conseiller, new ChangerStatutRendezVousCommand(id, 0, StatutRendezVous.Absent, MotifAbsence.ProblemeTransport));
        await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new ChangerStatutRendezVousCommand(id, v, StatutRendezVous.Present)));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.EnvoyerAsync(Conseiller, new ChangerStatutRendezVousCommand(id, 0, StatutRendezVous.Annule)));
    }

    [Fact]
    [Trait("Rule", "RDV-02")]
    public async Task RDV_02_portail_a_venir_realises_non_traites()
    {
        var jeune = await JeuneAsync("Portail");
        var avant = await f.EnvoyerAsync("conseiller.b", new ConsulterPortailQuery());
        Assert.Equal(0, avant.NbAVenir + avant.NbNonTraites + avant.NbRealises);

        var passe = await f.EnvoyerAsync(Conseiller, Rdv(jeune, 1, 30, "Passé non traité"));
        var realise = await f.EnvoyerAsync(Conseiller, Rdv(jeune, 2, 30, "Réalisé"));
        await f.EnvoyerAsync(Conseiller, Rdv(jeune, 200, 30, "À venir"));
        f.Clock.Advance(TimeSpan.FromHours(5));
        await f.EnvoyerAsync(Conseiller, new ChangerStatutRendezVousCommand(realise, 0, StatutRendezVous.Present));

        var portail = await f.EnvoyerAsync(Conseiller, new ConsulterPortailQuery());
        Assert.Contains(portail.NonTraites, r => r.Id == passe);
        Assert.Contains(portail.Realises, r => r.Id == realise);
        Assert.Contains(portail.AVenir, r => r.Objet == "À venir");
        Assert.DoesNotContain(portail.AVenir, r => r.Id == passe);
        Assert.Equal(portail.NonTraites.Count, portail.NbNonTraites);
    }

    [Fact]
    [Trait("Rule", "EVT-04")]
    public async Task EVT_04_frise_evenements_rdv_manques_situations_du_plus_recent_au_plus_ancien_filtrable()
    {
        var jeune = await JeuneAsync("Frise");
        var rdv = await f.EnvoyerAsync(Conseiller, Rdv(jeune, 1));
        await f.EnvoyerAsync(Conseiller, new EnregistrerSituationCommand(jeune, TypeSituation.Immersion, new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 14)));
        f.Clock.Advance(TimeSpan.FromHours(2));
        await f.EnvoyerAsync(Conseiller, new ChangerStatutRendezVousCommand(rdv, 0, StatutRendezVous.Absent, MotifAbsence.NonExcuse));

        var frise = await f.EnvoyerAsync(Conseiller, new ConsulterFriseQuery(jeune));
        Assert.Equal(frise.OrderByDescending(e => e.Date).Select(e => e.Id), frise.Select(e => e.Id));
        Assert.Contains(frise, e => e.Type == TypeElementFrise.Evenement && e.Titre == "Entretien individuel");
        var manque = Assert.Single(frise, e => e.Type == TypeElementFrise.RendezVous);
        Assert.True(manque.Manque);
        Assert.Contains("Non excusé", manque.Detail, StringComparison.Ordinal);
        Assert.Contains(frise, e => e.Type == TypeElementFrise.Situation);

        var rdvSeuls = await f.EnvoyerAsync(Conseiller, new ConsulterFriseQuery(jeune, [TypeElementFrise.RendezVous]));
        Assert.All(rdvSeuls, e => Assert.Equal(TypeElementFrise.RendezVous, e.Type));
        var fevrier = await f.EnvoyerAsync(Conseiller, new ConsulterFriseQuery(jeune, null, new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)));
        Assert.Equal(TypeElementFrise.Situation, Assert.Single(fevrier).Type);
    }

    [Fact]
    [Trait("Rule", "RDV-03")]
    public async Task RDV_03_convocation_PDF_lisible_avec_accents_date_et_lieu_stockee_dans_les_documents()
    {
        var jeune = await JeuneAsync("Müller-Convoc");
        var rdv = await f.EnvoyerAsync(Conseiller, Rdv(jeune, 72) with { Debut = new DateTimeOffset(2026, 3, 16, 13, 30, 0, TimeSpan.Zero) });
        var docId = await f.EnvoyerAsync(Conseiller, new GenererConvocationCommand(rdv));

        var docs = await f.EnvoyerAsync(Conseiller, new ListerDocumentsQuery(jeune));
        var doc = Assert.Single(docs);
        Assert.Equal(CategorieDocument.Convocation, doc.Categorie);
        Assert.True(doc.Taille < 100 * 1024, $"{doc.Taille} octets");

        var fichier = await f.EnvoyerAsync(Conseiller, new TelechargerDocumentQuery(docId));
        using var pdf = PdfDocument.Open(fichier.Contenu);
        Assert.Equal(1, pdf.NumberOfPages);
        var texte = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Contains("Élodie", texte, StringComparison.Ordinal);
        Assert.Contains("MULLER-CONVOC", texte, StringComparison.Ordinal);
        Assert.Contains("lundi 16 mars 2026", texte, StringComparison.Ordinal);
        Assert.Contains("Antenne Centre, 6 cours des Alliés", texte, StringComparison.Ordinal);
        Assert.Contains("Bât. B Esc. 2 Étage 3 Appt 14", texte, StringComparison.Ordinal);

        // Issue 10: the structure's letterhead, with the number and address to warn of an absence.
        var page = pdf.GetPage(1).Text;
        Assert.Contains("Tél. 02 99 11 22 33", page, StringComparison.Ordinal);
        Assert.Matches("accueil@ml-[a-z]+\\.example", page);
        Assert.Contains("téléphone et courriel en tête de ce courrier", page, StringComparison.Ordinal);
        Assert.Contains(await f.LireAsync(Conseiller, db => db.Consultations.Where(c => c.JeuneId == jeune).Select(c => c.Objet).ToListAsync()),
            o => o.StartsWith("Téléchargement", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "JEU-05")]
    [Trait("Rule", "RDV-03")]
    public async Task JEU_05_pas_de_convocation_a_une_adresse_NPAI()
    {
        var jeune = await JeuneAsync("Npaiconvoc");
        var v = (await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(jeune))).Version;
        await f.EnvoyerAsync(Conseiller, new MarquerNpaiCommand(jeune, v, true));
        var rdv = await f.EnvoyerAsync(Conseiller, Rdv(jeune, 30));
        var ex = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new GenererConvocationCommand(rdv)));
        Assert.Equal("JEU-05", ex.RuleId);
        Assert.Contains("NPAI", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await f.EnvoyerAsync(Conseiller, new ListerDocumentsQuery(jeune)));
    }

    [Fact]
    [Trait("Rule", "RDV-03")]
    public async Task RDV_03_convocations_du_jour_en_un_PDF_et_modele_modifiable()
    {
        var jour = DateOnly.FromDateTime(f.Clock.GetLocalNow().Date).AddDays(20);
        var debut = new DateTimeOffset(jour.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        for (var i = 0; i < 3; i++)
        {
            var j = await JeuneAsync($"Dujour{(char)('a' + i)}");
            await f.EnvoyerAsync("conseiller.a", Rdv(j) with { Debut = debut.AddHours(i), ConfirmerChevauchement = true });
        }

        var modele = Assert.Single(await f.EnvoyerAsync("administrateur.a", new ListerModelesQuery()), m => m.Categorie == CategorieDocument.Convocation);
        var inconnu = await Assert.ThrowsAsync<InvalidInputException>(() => f.EnvoyerAsync("administrateur.a", new ModifierModeleCommand(modele.Id, modele.Version, "Convocation", "{{jeune.inconnu}}")));
        Assert.Contains("Corps", inconnu.Erreurs.Keys);
        await Assert.ThrowsAsync<ForbiddenException>(() => f.EnvoyerAsync("conseiller.a", new ModifierModeleCommand(modele.Id, modele.Version, "x", "y")));
        await f.EnvoyerAsync("administrateur.a", new ModifierModeleCommand(modele.Id, modele.Version, "Convocation", modele.Corps + "\nModèle revu par l'administrateur."));

        var lot = await f.EnvoyerAsync("conseiller.a", new ImprimerConvocationsDuJourQuery(jour));
        Assert.Equal(3, lot.Imprimees);
        using var pdf = PdfDocument.Open(lot.Pdf);
        Assert.Equal(3, pdf.NumberOfPages);
        Assert.All(pdf.GetPages(), p => Assert.Contains("Modèle revu par l'administrateur.", p.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Documents_type_verifie_par_le_contenu_pas_par_le_nom()
    {
        var jeune = await JeuneAsync("Depot");
        var faux = await Assert.ThrowsAsync<InvalidInputException>(() => f.EnvoyerAsync(Conseiller, new DeposerDocumentCommand(jeune, CategorieDocument.PieceJustificative, "cni.pdf", "MZ\u0090 pas un pdf"u8.ToArray())));
        Assert.Contains("Fichier", faux.Erreurs.Keys);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        var id = await f.EnvoyerAsync(Conseiller, new DeposerDocumentCommand(jeune, CategorieDocument.PieceJustificative, "../../etc/scan.jpg", png));
        var fichier = await f.EnvoyerAsync(Conseiller, new TelechargerDocumentQuery(id));
        Assert.Equal("image/png", fichier.TypeMime);
        Assert.Equal("scan.png", fichier.Nom); // the extension follows the detected content (issue 10)
        await Assert.ThrowsAsync<NotFoundException>(() => f.EnvoyerAsync("conseiller.b", new TelechargerDocumentQuery(id)));
    }

    [Fact]
    public async Task Agenda_iCalendar_des_rendez_vous_de_l_utilisateur()
    {
        var jeune = await JeuneAsync("Agenda");
        await f.EnvoyerAsync(Conseiller, Rdv(jeune, 300, 45, "Bilan, étape 2; suite"));
        var ics = await f.EnvoyerAsync(Conseiller, new ExporterAgendaQuery());
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Bilan\\, étape 2\\; suite — AGENDA Élodie", ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("AGENDA", await f.EnvoyerAsync("conseiller.b", new ExporterAgendaQuery()), StringComparison.Ordinal);
    }
}
