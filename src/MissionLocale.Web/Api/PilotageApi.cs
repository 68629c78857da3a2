using Mediator;
using Microsoft.AspNetCore.Identity;
using MissionLocale.Application.Common;
using MissionLocale.Application.Pilotage.ExporterDossiers;
using MissionLocale.Application.Pilotage.ListerRecherches;
using MissionLocale.Application.Pilotage.RechercherDossiers;
using MissionLocale.Application.Pilotage.SauvegarderRecherche;
using MissionLocale.Domain.Pilotage;

namespace MissionLocale.Web.Api;

/// <summary>Pilotage under /api/v1: the search builder and saved searches (PIL-02), exports and dashboards (PIL-03), data protection (RGPD).</summary>
public static class PilotageApi
{
    public static void MapPilotageApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/pilotage").AddEndpointFilter<ProblemeFilter>().WithTags("Pilotage")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());

        api.MapPost("/dossiers/recherche", async (DemandeRecherche d, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RechercherDossiersQuery(d.Criteres ?? new CriteresRecherche(), d.Apres, d.Taille ?? 50), ct)))
            .WithSummary("Liste filtrée par le constructeur de recherche (PIL-02), avec son total ; pagination par curseur.")
            .ProducesValidationProblem();

        api.MapPost("/dossiers/export", async (CriteresRecherche criteres, FormatExport? format, IMediator m, IExporteur exporteur, HttpContext http, CancellationToken ct) =>
            {
                var f = format ?? FormatExport.Csv;
                var table = await m.Send(new ExporterDossiersQuery(criteres), ct);
                return Results.Stream(s => exporteur.EcrireAsync(table, f, s, ct), f == FormatExport.Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    $"dossiers.{(f == FormatExport.Csv ? "csv" : "xlsx")}");
            })
            .WithSummary("Export CSV (Excel français : UTF-8 avec BOM, points-virgules) ou XLSX de la liste filtrée, écrit au fil de la lecture (PIL-03).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem();

        api.MapGet("/tableau-de-bord", async (DateOnly du, DateOnly au, Guid? antenneId, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new MissionLocale.Application.Pilotage.ConsulterTableauDeBord.ConsulterTableauDeBordQuery(du, au, antenneId), ct)))
            .WithSummary("Tableau de bord d'une période : entrées et sorties, sorties positives, jeunes par territoire et niveau, activité par conseiller (PIL-03).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesValidationProblem();
        api.MapGet("/indicateurs-nationaux", async (DateOnly du, DateOnly au, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new MissionLocale.Application.Pilotage.ConsulterTableauDeBord.ConsulterIndicateursNationauxQuery(du, au), ct)))
            .WithSummary("Les mêmes indicateurs sur toutes les structures, comptes seuls (PIL-03) : administrateur national.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesValidationProblem();
        api.MapGet("/rapport-territorial", async (int annee, string? communes, string? epci, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new MissionLocale.Application.Pilotage.ProduireRapportTerritorial.ProduireRapportTerritorialQuery(
                    annee, (communes ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), epci), ct)))
            .WithSummary("Rapport territorial d'activité d'une année par commune et par quartier (PIL-03) ; communes séparées par des virgules, ou un EPCI.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesValidationProblem();

        var recherches = api.MapGroup("/recherches");
        recherches.MapGet("/", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListerRecherchesQuery(), ct)))
            .WithSummary("Mes recherches et celles partagées dans ma structure, avec leurs comptes « Ma structure » et « Mes dossiers » (PIL-02).");
        recherches.MapGet("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ConsulterRechercheQuery(id), ct)))
            .WithSummary("Une recherche sauvegardée et ses comptes (PIL-02).").ProducesProblem(StatusCodes.Status404NotFound);
        recherches.MapPost("/", async (SauvegarderRechercheCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/pilotage/recherches/{await m.Send(c, ct)}", (object?)null))
            .WithSummary("Enregistre une recherche, privée ou partagée avec la structure (PIL-02).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesValidationProblem();
        recherches.MapPut("/{id:guid}", async (Guid id, ModifierRechercheCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new VersionRecherche(await m.Send(c with { Id = id }, ct))))
            .WithSummary("Modifie sa recherche (nom, partage, critères) ; envoyer la version lue, 409 si elle a changé (PIL-02).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesValidationProblem();
        recherches.MapDelete("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) =>
                { await m.Send(new SupprimerRechercheCommand(id), ct); return TypedResults.NoContent(); })
            .WithSummary("Supprime sa recherche ; celle d'un autre est refusée (PIL-02).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>RGPD-03 and RGPD-04 under /api/v1/rgpd.</summary>
    public static void MapRgpdApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/rgpd").AddEndpointFilter<ProblemeFilter>().WithTags("Protection des données")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
        api.MapGet("/journal", async (Guid? jeuneId, Guid? utilisateurId, DateOnly? du, DateOnly? au, string? apres, int? taille, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new MissionLocale.Application.Rgpd.ConsulterJournal.ConsulterJournalQuery(jeuneId, utilisateurId, du, au, apres, taille ?? 100), ct)))
            .WithSummary("Journal des consultations et modifications des dossiers, filtré par dossier, utilisateur et période : délégué à la protection des données (RGPD-04).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesValidationProblem();
        api.MapGet("/jeunes/{id:guid}/donnees", async (Guid id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok((await m.Send(new MissionLocale.Application.Rgpd.ExporterDonneesJeune.ExporterDonneesJeuneQuery(id), ct)).PourJson()))
            .WithSummary("Droit d'accès : tout ce qui est détenu sur le jeune, en JSON ; l'export est journalisé (RGPD-04).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/conservation", async (IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new MissionLocale.Application.Rgpd.Conservation.ListerDossiersAAnonymiserQuery(), ct)))
            .WithSummary("Dossiers prévus pour l'anonymisation et leur date (RGPD-03) : direction.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/jeunes/{id:guid}/conservation", async (Guid id, MissionLocale.Application.Rgpd.Conservation.ReporterAnonymisationCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(c with { JeuneId = id }, ct)))
            .WithSummary("Conserve un dossier jusqu'à une date, avec son motif (RGPD-03) ; envoyer la version lue.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesValidationProblem();
    }

    public sealed record DemandeRecherche(CriteresRecherche? Criteres, string? Apres, int? Taille);

    public sealed record VersionRecherche(int Version);
}
