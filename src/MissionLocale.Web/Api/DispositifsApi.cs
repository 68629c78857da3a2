using Mediator;
using Microsoft.AspNetCore.Identity;
using MissionLocale.Application.Dispositifs.CloreDispositif;
using MissionLocale.Application.Dispositifs.ConsulterHeuresCej;
using MissionLocale.Application.Dispositifs.ConsulterPacea;
using MissionLocale.Application.Dispositifs.ConsulterParrainage;
using MissionLocale.Application.Dispositifs.CreerParrain;
using MissionLocale.Application.Dispositifs.EnregistrerActionParrainage;
using MissionLocale.Application.Dispositifs.EnregistrerBilanPhase;
using MissionLocale.Application.Dispositifs.ImprimerSortiesPacea;
using MissionLocale.Application.Dispositifs.ListerDispositifs;
using MissionLocale.Application.Dispositifs.ListerParrains;
using MissionLocale.Application.Dispositifs.ModifierRelevePacea;
using MissionLocale.Application.Dispositifs.OuvrirDispositif;
using MissionLocale.Application.Dispositifs.OuvrirPhasePacea;
using MissionLocale.Application.Dispositifs.ProlongerPhasePacea;
using MissionLocale.Application.Dispositifs.RenouvelerDispositif;
using MissionLocale.Application.Dispositifs.ValiderParrainage;
using MissionLocale.Application.Pilotage.ConsulterAlertes;

namespace MissionLocale.Web.Api;

/// <summary>Dispositifs under /api/v1 (open, renew, close, list, CEJ hours, phases, alerts).</summary>
public static class DispositifsApi
{
    public static void MapDispositifsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter<ProblemeFilter>().WithTags("Dispositifs")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
        api.MapGet("/jeunes/{id:guid}/dispositifs", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListerDispositifsQuery(id), ct)));
        api.MapPost("/jeunes/{id:guid}/dispositifs", async (Guid id, OuvrirDispositifCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/jeunes/{id}/dispositifs", new Cree(await m.Send(c with { JeuneId = id }, ct))))
            .WithSummary("Ouvre un dispositif pendant un entretien individuel (DISP-01) ; refus avec la règle, avertissement → 409 sauf confirmerAvertissements.");
        api.MapPost("/dispositifs/{id:guid}/renouvellement", async (Guid id, RenouvelerDispositifCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new VersionModifiee(await m.Send(c with { DispositifId = id }, ct))))
            .WithSummary("Renouvelle selon la politique du type (RE-02, DIAG-02, PACEA-04, CEJ-07).");
        api.MapPost("/dispositifs/{id:guid}/cloture", async (Guid id, CloreDispositifCommand c, IMediator m, CancellationToken ct) =>
                { await m.Send(c with { DispositifId = id }, ct); return TypedResults.NoContent(); })
            .WithSummary("Clôture avec un motif de la liste du type, date entre le début et aujourd'hui (DISP-03).");
        api.MapGet("/jeunes/{id:guid}/cej/heures", async (Guid id, IMediator m, CancellationToken ct) =>
                await m.Send(new ConsulterHeuresCejQuery(id), ct) is { } h ? TypedResults.Ok(h) : Results.NotFound())
            .Produces<MissionLocale.Application.Dispositifs.ConsulterHeuresCej.HeuresCejDossier>(StatusCodes.Status200OK)
            .WithSummary("Heures d'activité par semaine du dernier CEJ du jeune, avec le détail de ce qui a compté (CEJ-02..04).");
        api.MapGet("/cej/heures", async (DateOnly? semaine, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListerHeuresCejQuery(semaine), ct)))
            .WithSummary("Heures CEJ de la semaine (par défaut la dernière semaine complète) pour le portefeuille du conseiller (CEJ-02).");

        api.MapGet("/dispositifs/{id:guid}/pacea", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ConsulterPaceaQuery(id), ct)))
            .WithSummary("Plan d'action du PACEA (phases, PACEA-05) et relevés d'entrée et de sortie (PACEA-09).");
        api.MapPost("/dispositifs/{id:guid}/phases", async (Guid id, OuvrirPhasePaceaCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/dispositifs/{id}/pacea", new Cree(await m.Send(c with { DispositifId = id }, ct))))
            .WithSummary("Ajoute une phase avec ses objectifs (PACEA-05 ; PACEA-03 : pas au-delà du titre de séjour).");
        api.MapPost("/dispositifs/{id:guid}/phases/{phaseId:guid}/prolongation", async (Guid id, Guid phaseId, ProlongerPhasePaceaCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new VersionModifiee(await m.Send(c with { DispositifId = id, PhaseId = phaseId }, ct))))
            .WithSummary("Prolonge la phase en cours (PACEA-05 : 24 mois au plus ; PACEA-03).");
        api.MapPost("/dispositifs/{id:guid}/phases/{phaseId:guid}/bilan", async (Guid id, Guid phaseId, EnregistrerBilanPhaseCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new VersionModifiee(await m.Send(c with { DispositifId = id, PhaseId = phaseId }, ct))))
            .WithSummary("Bilan de phase pendant un entretien individuel : phase suivante, prolongation ou sortie (PACEA-05).");
        api.MapPut("/dispositifs/{id:guid}/releve", async (Guid id, ModifierRelevePaceaCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new VersionModifiee(await m.Send(c with { DispositifId = id }, ct))))
            .WithSummary("Corrige le relevé d'entrée ou de sortie du PACEA (PACEA-09).");
        api.MapGet("/pacea/sorties", async (DateOnly? semaine, TriSortiesPacea? tri, IMediator m, CancellationToken ct) =>
            {
                var liste = await m.Send(new ImprimerSortiesPaceaQuery(semaine, tri ?? TriSortiesPacea.DateSortie), ct);
                return Results.File(liste.Pdf, "application/pdf", $"sorties-pacea-{liste.Lundi:yyyy-MM-dd}.pdf");
            })
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .WithSummary("Liste hebdomadaire (PDF) des sorties PACEA « Réorientation anticipée autre dispositif » pour l'ASP (PACEA-10).");
        api.MapGet("/parrains", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListerParrainsQuery(), ct)))
            .WithSummary("Parrains et marraines bénévoles de la structure (PARR-01).");
        api.MapPost("/parrains", async (CreerParrainCommand c, IMediator m, CancellationToken ct) => TypedResults.Created("/api/v1/parrains", new Cree(await m.Send(c, ct))))
            .WithSummary("Enregistre un parrain ou une marraine bénévole (PARR-01).");
        api.MapGet("/dispositifs/{id:guid}/parrainage", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ConsulterParrainageQuery(id), ct)))
            .WithSummary("Parrainage avec ses actions (PARR-03).");
        api.MapPost("/dispositifs/{id:guid}/actions-parrainage", async (Guid id, EnregistrerActionParrainageCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new VersionModifiee(await m.Send(c with { DispositifId = id }, ct))))
            .WithSummary("Action de parrainage, domaine professionnel seulement, dans la période (PARR-03).");
        api.MapPost("/dispositifs/{id:guid}/validation-parrainage", async (Guid id, ValiderParrainageCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new VersionModifiee(await m.Send(c with { DispositifId = id }, ct))))
            .WithSummary("Valide le parrainage : au moins 2 actions dans la période (PARR-03).");
        api.MapPost("/dispositifs/{id:guid}/bilan-avenir-pro", async (Guid id, MissionLocale.Application.Dispositifs.EnregistrerBilanAvenirPro.EnregistrerBilanAvenirProCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/documents/{await m.Send(c with { DispositifId = id }, ct)}"))
            .WithSummary("Bilan de fin de cycle Avenir Pro pour France Travail, après 4 ateliers ; PDF dans les documents (AVP-01).");
        api.MapDelete("/dispositifs/{id:guid}", async (Guid id, int version, IMediator m, CancellationToken ct) =>
                { await m.Send(new MissionLocale.Application.Dispositifs.SupprimerCej.SupprimerCejCommand(id, version), ct); return TypedResults.NoContent(); })
            .WithSummary("Supprime un CEJ saisi par erreur, tant qu'aucune demande d'allocation n'est partie à l'ASP (CEJ-06).");
        api.MapGet("/jeunes/{id:guid}/coordonnees-bancaires", async (Guid id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new MissionLocale.Application.Allocations.EnregistrerCoordonneesBancaires.ConsulterCoordonneesBancairesQuery(id), ct)))
            .WithTags("Allocations").WithSummary("Coordonnées bancaires du jeune, le compte en vigueur d'abord.");
        api.MapPost("/jeunes/{id:guid}/coordonnees-bancaires", async (Guid id, MissionLocale.Application.Allocations.EnregistrerCoordonneesBancaires.EnregistrerCoordonneesBancairesCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/jeunes/{id}/coordonnees-bancaires", new Cree(await m.Send(c with { JeuneId = id }, ct))))
            .WithTags("Allocations").WithSummary("Nouveau compte : IBAN clé mod-97 et BIC (RIB-01), pas de Livret A (RIB-02), titulaire (RIB-03/04), tutelle ou curatelle (RIB-05).");
        api.MapGet("/jeunes/{id:guid}/ressources-mensuelles", async (Guid id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new MissionLocale.Application.Allocations.DeclarerRessources.ListerRessourcesQuery(id), ct)))
            .WithTags("Allocations").WithSummary("Ressources déclarées par mois avec les étapes du calcul (ALLOC-08 à ALLOC-10).");
        api.MapPost("/jeunes/{id:guid}/ressources-mensuelles", async (Guid id, MissionLocale.Application.Allocations.DeclarerRessources.DeclarerRessourcesCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(c with { JeuneId = id }, ct)))
            .WithTags("Allocations").WithSummary("Déclare (ou corrige, avec sa version) les ressources d'un mois M-1 : salaire, stage, micro-entreprise avec abattement, autres, allocation CEJ reçue.");
        api.MapGet("/alertes", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ConsulterAlertesQuery(), ct)))
            .WithSummary("Alertes du portail avec leurs nombres « Mes jeunes » et « Ma structure » (PIL-01 : PACEA-08, CEJ-02, PACEA-07, DIAG-01).");
        api.MapGet("/alertes/{code}", async (string code, bool? structure, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListerJeunesAlerteQuery(code, structure ?? false), ct)))
            .WithSummary("Dossiers concernés par une alerte, pour mon portefeuille ou toute la structure.");
    }
}
