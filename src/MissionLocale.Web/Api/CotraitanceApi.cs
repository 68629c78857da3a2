using Mediator;
using Microsoft.AspNetCore.Identity;
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
using MissionLocale.Domain.Cotraitance;

namespace MissionLocale.Web.Api;

/// <summary>PPAE-01 to PPAE-07: the cotraitance with France Travail (docs/ppae-exchange.md).</summary>
public static class CotraitanceApi
{
    public sealed record RefusBody(int Version, MotifRefusAffectation? Motif);

    public sealed record RapprochementBody(int Version, Guid JeuneId);

    public sealed record ReparationBody(int Version, Guid DossierB);

    public sealed record VersionBody(int Version);

    public sealed record InitialisationBody(int Version, DateOnly? DateEntree, bool AcceptationJeune, bool Consentement);

    public sealed record ArretBody(int Version, MotifArretPpae? Motif);

    public sealed record SortieBody(int Version, DateOnly? DateSortie, string? Motif);

    public static void MapCotraitanceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter<ProblemeFilter>().WithTags("Cotraitance France Travail")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());

        api.MapPost("/affectations-ft", async (HttpRequest request, IMediator m, CancellationToken ct) =>
            {
                using var ms = new MemoryStream();
                await request.Body.CopyToAsync(ms, ct);
                var nom = request.Headers["X-Nom-Fichier"].FirstOrDefault() ?? "affectations.csv";
                var r = await m.Send(new ImporterAffectationsCommand(nom, ms.ToArray()), ct);
                return r.Accepte ? TypedResults.Ok(r) : Results.UnprocessableEntity(new { rule = "PPAE-01", title = "Fichier rejeté en entier : rien n'a été importé.", erreurs = r.Erreurs });
            })
            .Accepts<string>("text/csv")
            .Produces<ResultatImportAffectations>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Importe le fichier des affectations de France Travail (corps text/csv, docs/ppae-exchange.md) : tout ou rien, idempotent (PPAE-01).");
        api.MapGet("/affectations-ft", async (OngletCotraitance? onglet, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListerAffectationsQuery(onglet is { } o && Enum.IsDefined(o) ? o : OngletCotraitance.AAccepter), ct)))
            .WithSummary("Un onglet du gestionnaire : à accepter, DE non connus, rapprochements possibles, réaffectations, refusées (PPAE-01, PPAE-02).");
        api.MapPost("/affectations-ft/accepter", async (AccepterAffectationsCommand c, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(c, ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Accepte des affectations et les rapproche des dossiers (PPAE-01).");
        api.MapPost("/affectations-ft/{id:guid}/refuser", async (Guid id, RefusBody b, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new RefuserAffectationCommand(id, b.Version, b.Motif), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Refuse une affectation avec son motif : 26 ans ou plus, hors territoire (PPAE-01).");
        api.MapPost("/affectations-ft/{id:guid}/rapprocher", async (Guid id, RapprochementBody b, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new RapprocherAffectationCommand(id, b.Version, b.JeuneId), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Rattache l'affectation à l'un des dossiers proposés : « Rapproché DUDE » (PPAE-01).");
        api.MapPost("/affectations-ft/{id:guid}/annuler-rapprochement", async (Guid id, VersionBody b, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new AnnulerRapprochementCommand(id, b.Version), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Annule un rapprochement « Rapproché DUDE » (PPAE-07).");
        api.MapGet("/affectations-ft/{id:guid}/comparer/{dossierB:guid}", async (Guid id, Guid dossierB, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ComparerDossiersQuery(id, dossierB), ct)))
            .WithSummary("Compare le dossier A de l'affectation et le dossier B avant réparation (PPAE-07).");
        api.MapPost("/affectations-ft/{id:guid}/reparer", async (Guid id, ReparationBody b, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new ReparerRapprochementCommand(id, b.Version, b.DossierB), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Répare un rapprochement : l'identifiant France Travail passe de A à B, A est supprimé (PPAE-07).");
        api.MapPost("/affectations-ft/affecter", async (AffecterAffectationsCommand c, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(c, ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Affecte des affectations à un conseiller : « Attente planification de rendez-vous » (PPAE-02).");
        api.MapPost("/flux-dude/fichier", async (DateOnly? jour, IMediator m, CancellationToken ct) =>
            {
                var f = await m.Send(new ProduireFichierFluxCommand(jour), ct);
                return Results.File(f.Contenu, "text/csv; charset=utf-8", f.NomFichier);
            })
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("Le fichier des flux du jour vers France Travail ; les flux en attente y sont déposés (PPAE-05).");

        api.MapGet("/jeunes/{id:guid}/ppae", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ConsulterPpaeQuery(id), ct)))
            .WithSummary("Le PPAE du dossier, ce qu'il lui manque pour commencer, ses flux et leur état d'envoi (PPAE-03 à PPAE-05).");
        api.MapPost("/ppae/{id:guid}/initialiser", async (Guid id, InitialisationBody b, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new InitialiserPpaeCommand(id, b.Version, b.DateEntree, b.AcceptationJeune, b.Consentement), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Passe le PPAE « En cours » : entretien, dossier justifié, acceptation du jeune (PPAE-03).");
        api.MapPost("/ppae/{id:guid}/arreter", async (Guid id, ArretBody b, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new ArreterPpaeCommand(id, b.Version, b.Motif), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Arrêt anticipé : le PPAE non initialisé est supprimé et France Travail informé (PPAE-04).");
        api.MapPost("/ppae/{id:guid}/terminer", async (Guid id, SortieBody b, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new TerminerPpaeCommand(id, b.Version, b.DateSortie, b.Motif), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Sortie du PPAE avec son motif, transmise à France Travail (PPAE-05).");
    }
}
