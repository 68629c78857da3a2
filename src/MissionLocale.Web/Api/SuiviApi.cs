using Mediator;
using Microsoft.AspNetCore.Identity;
using MissionLocale.Application.Documents.DeposerDocument;
using MissionLocale.Application.Documents.GenererConvocation;
using MissionLocale.Application.Documents.ListerDocuments;
using MissionLocale.Application.Documents.ListerModeles;
using MissionLocale.Application.Documents.ModifierModele;
using MissionLocale.Application.Documents.PrevisualiserModele;
using MissionLocale.Application.Documents.TelechargerDocument;
using MissionLocale.Application.Evenements.EnregistrerEvenement;
using MissionLocale.Application.Jeunes.ConsulterFrise;
using MissionLocale.Application.Offres.AjouterSession;
using MissionLocale.Application.Offres.CreerOffre;
using MissionLocale.Application.Offres.ListerParticipants;
using MissionLocale.Application.Offres.MarquerPresence;
using MissionLocale.Application.Offres.PositionnerJeune;
using MissionLocale.Application.RendezVous.ChangerStatutRendezVous;
using MissionLocale.Application.RendezVous.ConsulterPortail;
using MissionLocale.Application.RendezVous.ConvoquerGroupe;
using MissionLocale.Application.RendezVous.ExporterAgenda;
using MissionLocale.Application.RendezVous.PlanifierRendezVous;
using MissionLocale.Application.Situations.EnregistrerSituation;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Evenements;

namespace MissionLocale.Web.Api;

/// <summary>The follow-up of a jeune under /api/v1: événements, situations, offres and sessions, rendez-vous, documents, templates.</summary>
public static class SuiviApi
{
    public static void MapSuiviApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter<ProblemeFilter>()
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());

        var suivi = api.MapGroup("/").WithTags("Suivi");
        suivi.MapPost("/jeunes/{id:guid}/evenements", async (Guid id, EnregistrerEvenementCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/jeunes/{id}/frise", new Cree(await m.Send(c with { JeuneId = id }, ct))))
            .WithSummary("Enregistre un événement avec ses propositions (EVT-01).");
        suivi.MapPut("/propositions/{id:guid}/etat", async (Guid id, EtatPropositionDemande d, IMediator m, CancellationToken ct) =>
                { await m.Send(new ChangerEtatPropositionCommand(id, d.Etat), ct); return TypedResults.NoContent(); })
            .WithSummary("Change l'état d'une proposition (EVT-01).");
        suivi.MapGet("/jeunes/{id:guid}/frise", async (Guid id, [Microsoft.AspNetCore.Mvc.FromQuery] TypeElementFrise[]? types, DateOnly? du, DateOnly? au, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ConsulterFriseQuery(id, types, du, au), ct)))
            .WithSummary("Frise chronologique du dossier, du plus récent au plus ancien (EVT-04).");
        suivi.MapPost("/jeunes/{id:guid}/situations", async (Guid id, EnregistrerSituationCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(c with { JeuneId = id }, ct)))
            .WithSummary("Enregistre une situation ; la date de fin est obligatoire (EVT-03).");
        suivi.MapPost("/situations/{id:guid}/interruption", async (Guid id, InterrompreSituationCommand c, IMediator m, CancellationToken ct) =>
                { await m.Send(c with { SituationId = id }, ct); return TypedResults.NoContent(); })
            .WithSummary("Interruption d'une situation avant sa fin, avec motif (EVT-03).");
        suivi.MapPost("/situations/{id:guid}/resultat", async (Guid id, MissionLocale.Application.Cursus.ConclureFormation.ConclureFormationCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(c with { SituationId = id }, ct)))
            .WithSummary("Résultat d'une formation, Obtenu ou Échec ; « Obtenu » ajoute la validation préparée au cursus (CUR-03).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesValidationProblem();

        var offres = api.MapGroup("/").WithTags("Offres de service");
        offres.MapGet("/offres", async (bool? sessionsPassees, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListerOffresQuery(sessionsPassees ?? false), ct)));
        offres.MapPost("/offres", async (CreerOffreCommand c, IMediator m, CancellationToken ct) => TypedResults.Created("/api/v1/offres", new Cree(await m.Send(c, ct))))
            .WithSummary("Crée une offre du catalogue de la structure (EVT-02).");
        offres.MapPost("/offres/{id:guid}/sessions", async (Guid id, AjouterSessionCommand c, IMediator m, CancellationToken ct) =>
            TypedResults.Created("/api/v1/offres", new Cree(await m.Send(c with { OffreId = id }, ct))));
        offres.MapGet("/sessions/{id:guid}/participants", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListerParticipantsQuery(id), ct)));
        offres.MapPost("/sessions/{id:guid}/participants", async (Guid id, PositionnementDemande d, IMediator m, CancellationToken ct) =>
                { await m.Send(new PositionnerJeuneCommand(id, d.JeuneId), ct); return TypedResults.NoContent(); })
            .WithSummary("Positionne un jeune ; une session complète refuse (EVT-02).");
        offres.MapPut("/sessions/{id:guid}/participants/{jeuneId:guid}/presence", async (Guid id, Guid jeuneId, PresenceDemande d, IMediator m, CancellationToken ct) =>
            { await m.Send(new MarquerPresenceCommand(id, jeuneId, d.Present), ct); return TypedResults.NoContent(); });

        var rdv = api.MapGroup("/").WithTags("Rendez-vous");
        rdv.MapPost("/jeunes/{id:guid}/rendez-vous", async (Guid id, PlanifierRendezVousCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Created("/api/v1/portail", new Cree(await m.Send(c with { JeuneId = id }, ct))))
            .WithSummary("Planifie un rendez-vous ; un chevauchement pour l'intervenant → 409 sauf confirmerChevauchement (RDV-01).");
        rdv.MapPut("/rendez-vous/{id:guid}/statut", async (Guid id, ChangerStatutRendezVousCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new VersionModifiee(await m.Send(c with { RendezVousId = id }, ct))))
            .WithSummary("Présent, Absent (motif obligatoire) ou Annulé (RDV-01).");
        rdv.MapPost("/convocations-groupees", async (ConvoquerGroupeCommand c, IMediator m, CancellationToken ct) =>
                {
                    var r = await m.Send(c, ct);
                    return TypedResults.Created($"/api/v1/convocations-groupees/{r.ConvocationGroupeeId}", r);
                })
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Convoque les jeunes d'une liste à un même rendez-vous : un rendez-vous et un courrier par jeune (RDV-03) ; convocationGroupeeId choisi par le client rend un second envoi sans effet ; chevauchement → 409 sauf confirmerChevauchement (RDV-01).");
        rdv.MapGet("/convocations-groupees/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ConsulterConvocationGroupeeQuery(id), ct)))
            .WithSummary("Une convocation groupée : chaque jeune, son rendez-vous, son courrier ou pourquoi il n'en a pas (RDV-03, JEU-05).");
        rdv.MapGet("/convocations-groupees/{id:guid}/pdf", async (Guid id, IMediator m, CancellationToken ct) =>
                Results.File(await m.Send(new ImprimerConvocationGroupeeQuery(id), ct), "application/pdf", "convocations.pdf"))
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .WithSummary("Les courriers d'une convocation groupée en un seul PDF (RDV-03).");
        rdv.MapGet("/portail", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ConsulterPortailQuery(), ct)))
            .WithSummary("Mes rendez-vous à venir, réalisés, non traités (RDV-02).");
        rdv.MapGet("/agenda.ics", async (IMediator m, CancellationToken ct) => Results.Text(await m.Send(new ExporterAgendaQuery(), ct), "text/calendar; charset=utf-8"))
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .WithSummary("Mon agenda au format iCalendar.");

        var docs = api.MapGroup("/").WithTags("Documents");
        docs.MapPost("/rendez-vous/{id:guid}/convocation", async (Guid id, IMediator m, CancellationToken ct) =>
            {
                var doc = await m.Send(new GenererConvocationCommand(id), ct);
                return TypedResults.Created($"/api/v1/documents/{doc}", new Cree(doc));
            })
            .WithSummary("Génère la convocation PDF et la range dans les documents (RDV-03) ; refusée si NPAI ou décès (JEU-05, JEU-07).");
        docs.MapGet("/convocations", async (DateOnly jour, IMediator m, CancellationToken ct) =>
            {
                var lot = await m.Send(new ImprimerConvocationsDuJourQuery(jour), ct);
                return Results.File(lot.Pdf, "application/pdf", $"convocations-{jour:yyyy-MM-dd}.pdf");
            })
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .WithSummary("Les convocations du jour de l'utilisateur en un seul PDF (RDV-03).");
        docs.MapGet("/jeunes/{id:guid}/documents", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListerDocumentsQuery(id), ct)));
        docs.MapPost("/jeunes/{id:guid}/documents", async (Guid id, IFormFile fichier, CategorieDocument? categorie, IMediator m, CancellationToken ct) =>
            {
                using var ms = new MemoryStream();
                await fichier.CopyToAsync(ms, ct);
                var doc = await m.Send(new DeposerDocumentCommand(id, categorie ?? CategorieDocument.Autre, fichier.FileName, ms.ToArray()), ct);
                return TypedResults.Created($"/api/v1/documents/{doc}", new Cree(doc));
            })
            .DisableAntiforgery()
            .WithSummary("Dépose un PDF ou une image (type vérifié sur le contenu, 10 Mo au plus).");
        docs.MapGet("/documents/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) =>
            {
                var f = await m.Send(new TelechargerDocumentQuery(id), ct);
                return Results.File(f.Contenu, f.TypeMime, f.Nom);
            })
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf", "image/png", "image/jpeg")
            .WithSummary("Télécharge un document ; chaque téléchargement est journalisé.");
        docs.MapGet("/modeles", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListerModelesQuery(), ct)));
        docs.MapPut("/modeles/{id:guid}", async (Guid id, ModifierModeleCommand c, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(new VersionModifiee(await m.Send(c with { ModeleId = id }, ct))));
        docs.MapPost("/modeles/previsualisation", async (PrevisualiserModeleQuery q, IMediator m, CancellationToken ct) =>
            Results.File(await m.Send(q, ct), "application/pdf", "apercu.pdf"))
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf");
    }

    public sealed record EtatPropositionDemande(EtatProposition Etat);

    public sealed record PositionnementDemande(Guid JeuneId);

    public sealed record PresenceDemande(bool Present);
}
