using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using MissionLocale.Application.Allocations.AbandonnerLot;
using MissionLocale.Application.Allocations.AccorderDelegationRgs;
using MissionLocale.Application.Allocations.AttacherScanCerfa;
using MissionLocale.Application.Allocations.ConsulterFilesSiege;
using MissionLocale.Application.Allocations.DemanderAllocation;
using MissionLocale.Application.Allocations.EnvoyerLot;
using MissionLocale.Application.Allocations.GenererCerfa;
using MissionLocale.Application.Allocations.ImporterRetourAsp;
using MissionLocale.Application.Allocations.ListerCerfas;
using MissionLocale.Application.Allocations.ListerDelegationsRgs;
using MissionLocale.Application.Allocations.ListerDemandes;
using MissionLocale.Application.Allocations.ListerLots;
using MissionLocale.Application.Allocations.LotsAsp;
using MissionLocale.Application.Allocations.ModifierDemande;
using MissionLocale.Application.Allocations.ProposerLot;
using MissionLocale.Application.Allocations.RenvoyerCerfa;
using MissionLocale.Application.Allocations.RevoquerDelegationRgs;
using MissionLocale.Application.Allocations.SoumettreDemande;
using MissionLocale.Application.Allocations.SupprimerDemande;
using MissionLocale.Application.Allocations.TelechargerLot;
using MissionLocale.Application.Allocations.ValiderCerfa;
using MissionLocale.Application.Allocations.ValiderDemande;

namespace MissionLocale.Web.Api;

/// <summary>Allocations, CERFA, the siège's validations, ASP batches and returns under /api/v1 (issue 5).</summary>
public static class AllocationsApi
{
    public sealed record VersionBody(int Version);

    public sealed record ScanBody(int Version, Guid DocumentId);

    public sealed record RenvoiBody(int Version, string Motif);

    public static void MapAllocationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter<ProblemeFilter>().WithTags("Allocations")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());

        api.MapGet("/jeunes/{id:guid}/allocations", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListerDemandesQuery(id), ct)))
            .WithSummary("Demandes d'allocation du dossier avec les étapes du calcul (ALLOC-12) et la réponse de l'ASP.");
        api.MapPost("/jeunes/{id:guid}/allocations", async (Guid id, DemanderAllocationCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(c with { JeuneId = id }, ct)))
            .WithSummary("Demande d'allocation d'un mois (ALLOC-01, 03, 04, 06, 08, 12) ; « soumettre » la soumet si les règles le permettent, sinon elle reste Enregistrée avec un avertissement.");
        api.MapPost("/jeunes/{id:guid}/allocations/hors-delai", async (Guid id, DemanderVersementHorsDelaiCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(c with { JeuneId = id }, ct)))
            .WithSummary("Versement hors délai d'un mois passé du CEJ, par un responsable habilité (ALLOC-06).");
        api.MapPost("/allocations/{id:guid}/soumettre", async (Guid id, VersionBody b, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new SoumettreDemandeCommand(id, b.Version), ct)))
            .WithSummary("Soumet une demande Enregistrée au siège (ALLOC-03, ALLOC-04, CERFA-03).");
        api.MapPost("/allocations/{id:guid}/modifier", async (Guid id, VersionBody b, bool? reversementTotal, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ModifierDemandeCommand(id, b.Version, reversementTotal ?? false), ct)))
            .WithSummary("Modifie une demande Acceptée, Versée ou Refusée ASP, ou la reverse entièrement (ALLOC-07).");
        api.MapDelete("/allocations/{id:guid}", async (Guid id, int version, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new SupprimerDemandeCommand(id, version), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Supprime une demande pas encore envoyée à l'ASP (ALLOC-02).");

        api.MapGet("/jeunes/{id:guid}/cerfas", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListerCerfasQuery(id), ct)))
            .WithSummary("CERFA du dossier avec leur numéro (CERFA-02) et leur état (CERFA-03).");
        api.MapPost("/dispositifs/{id:guid}/cerfa", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GenererCerfaCommand(id), ct)))
            .WithSummary("Génère le CERFA PDF du PACEA ou du CEJ, rangé dans les documents du dossier (CERFA-01, CERFA-02, CEJ-05).");
        api.MapPost("/cerfas/{id:guid}/scan", async (Guid id, ScanBody b, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new AttacherScanCerfaCommand(id, b.Version, b.DocumentId), ct)))
            .WithSummary("Joint le scan signé (un document du dossier) : le CERFA est Signé (CERFA-03).");

        api.MapGet("/siege/files", async (Guid? antenneId, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ConsulterFilesSiegeQuery(antenneId), ct)))
            .WithSummary("Files du siège : demandes par état et antenne, CERFA signés et demandes soumises à valider (ALLOC-13).");
        api.MapPost("/cerfas/{id:guid}/valider", async (Guid id, VersionBody b, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ValiderCerfaCommand(id, b.Version), ct)))
            .WithSummary("Valide un CERFA signé et la première allocation enregistrée avec lui (CERFA-03, ALLOC-03, ALLOC-13).");
        api.MapPost("/cerfas/{id:guid}/renvoyer", async (Guid id, RenvoiBody b, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new RenvoyerCerfaCommand(id, b.Version, b.Motif), ct)))
            .WithSummary("Renvoie au conseiller un CERFA signé (scan illisible, signature manquante, données différentes) avec un motif : il revient Générée (CERFA-05).");
        api.MapPost("/allocations/{id:guid}/valider", async (Guid id, VersionBody b, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ValiderDemandeCommand(id, b.Version), ct)))
            .WithSummary("Valide une demande soumise, jamais la sienne (ALLOC-13).");

        api.MapGet("/lots", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListerLotsQuery(), ct)))
            .WithSummary("Lots ASP de la structure (ALLOC-11).");
        api.MapPost("/lots", async Task<Results<Created<LotDto>, NoContent>> (ProposerLotCommand c, IMediator m, CancellationToken ct) =>
                await m.Send(c, ct) is { } lot ? TypedResults.Created($"/api/v1/lots/{lot.Id}", lot) : TypedResults.NoContent())
            .WithSummary("Prépare un lot des demandes validées d'un type (CEJ ou PACEA) ; 204 quand aucune n'attend (ALLOC-11).");
        api.MapPost("/lots/{id:guid}/envoyer", async (Guid id, VersionBody b, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new EnvoyerLotCommand(id, b.Version), ct)))
            .WithSummary("Confirme un lot : ses demandes passent Envoyée ASP et le fichier est écrit (ALLOC-11, ALLOC-13).");
        api.MapPost("/lots/{id:guid}/abandonner", async (Guid id, VersionBody b, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new AbandonnerLotCommand(id, b.Version), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Abandonne un lot proposé ; ses demandes iront dans le prochain.");
        api.MapGet("/lots/{id:guid}/fichier", async (Guid id, IMediator m, CancellationToken ct) =>
            {
                var (nom, contenu) = await m.Send(new TelechargerLotQuery(id), ct);
                return Results.File(contenu, "text/csv; charset=utf-8", nom);
            })
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("Le fichier du lot, identique à l'envoi (docs/asp-exchange.md).");
        api.MapPost("/retours-asp", async (HttpRequest request, IMediator m, CancellationToken ct) =>
            {
                using var ms = new MemoryStream();
                await request.Body.CopyToAsync(ms, ct);
                var nom = request.Headers["X-Nom-Fichier"].FirstOrDefault() ?? "retour.csv";
                var r = await m.Send(new ImporterRetourAspCommand(nom, ms.ToArray()), ct);
                return r.Accepte ? TypedResults.Ok(r) : Results.UnprocessableEntity(new { rule = "ALLOC-11", title = "Fichier rejeté en entier : rien n'a été appliqué.", erreurs = r.Erreurs });
            })
            .Accepts<string>("text/csv")
            .Produces<MissionLocale.Application.Allocations.ImporterRetourAsp.ResultatImportRetour>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Importe un fichier retour de l'ASP (corps text/csv) : tout ou rien, idempotent (ALLOC-11).");
        api.MapGet("/retours-asp", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListerImportsRetourQuery(50), ct)))
            .WithSummary("Journal des retours ASP importés (nom, empreinte SHA-256, lignes appliquées et déjà appliquées).");

        api.MapGet("/delegations-rgs", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListerDelegationsRgsQuery(), ct)))
            .WithSummary("Délégations de certificat RGS (ALLOC-13).");
        api.MapPost("/delegations-rgs", async (AccorderDelegationRgsCommand c, IMediator m, CancellationToken ct) => TypedResults.Ok(new Cree(await m.Send(c, ct))))
            .WithSummary("Accorde une délégation RGS datée à un validateur siège (ALLOC-13).");
        api.MapPost("/delegations-rgs/{id:guid}/revoquer", async (Guid id, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new RevoquerDelegationRgsCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Révoque une délégation RGS à compter d'aujourd'hui.");
    }
}
