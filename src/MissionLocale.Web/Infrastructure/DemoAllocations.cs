using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.DeclarerRessources;
using MissionLocale.Application.Allocations.DemanderAllocation;
using MissionLocale.Application.Allocations.EnregistrerCoordonneesBancaires;
using MissionLocale.Application.Allocations.GererCerfa;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.OuvrirDispositif;
using MissionLocale.Application.Documents;
using MissionLocale.Application.Documents.GererDocuments;
using MissionLocale.Application.Evenements.EnregistrerEvenement;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Evenements;
using MissionLocale.Infrastructure.Identity;

namespace MissionLocale.Web.Infrastructure;

/// <summary>
/// Demo data of issue 5, made through the real use cases as the first conseiller of each demo structure (so every rule
/// applies): three jeunes of the portfolio in a CEJ with bank details, last month's resources, the CERFA and the month's
/// first allocation; two CERFA signed (waiting for the siège), one still to sign.
/// </summary>
public static partial class DemoAllocations
{
    private static readonly string[] Ibans = ["FR7630006000011234567890189", "FR1420041010050500013M02606", "FR7630001007941234567890185"];

    public static async Task SemerAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        var accessor = services.GetRequiredService<IHttpContextAccessor>();
        foreach (var login in new[] { "s.debout", "c.roux" })
        {
            await using var scope = services.CreateAsyncScope();
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(login);
            if (user is null)
            {
                continue;
            }

            var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
            accessor.HttpContext = new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider };
            try
            {
                await SemerPortefeuilleAsync(scope.ServiceProvider, user.Id, ct);
            }
            catch (Exception e) when (e is Domain.Common.BusinessRuleException or InvalidInputException or NotFoundException)
            {
                // The demo must start even if a rule changed; the log says what to fix here.
                LogEchec(logger, login, e.Message);
            }
            finally
            {
                accessor.HttpContext = null;
            }
        }
    }

    private static async Task SemerPortefeuilleAsync(IServiceProvider sp, Guid conseiller, CancellationToken ct)
    {
        var mediator = sp.GetRequiredService<IMediator>();
        var db = sp.GetRequiredService<IAppDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var pdf = sp.GetRequiredService<ILettresPdf>();
        var aujourdhui = clock.Aujourdhui();
        var debutMois = new DateOnly(aujourdhui.Year, aujourdhui.Month, 1);
        var jeunes = await db.Jeunes.AsNoTracking()
            .Where(j => j.ConseillerReferentId == conseiller && j.DateNaissance > aujourdhui.AddYears(-25))
            .OrderBy(j => j.Numero).Select(j => new { j.Id, j.NomUsage, j.Prenom }).Take(3).ToListAsync(ct);
        for (var i = 0; i < jeunes.Count; i++)
        {
            var j = jeunes[i];
            var entree = aujourdhui.AddDays(-35 - (7 * i));
            var entretien = await mediator.Send(new EnregistrerEvenementCommand(j.Id, NatureEvenement.EntretienIndividuel, clock.InstantLocal(entree, new TimeOnly(10, 0)), 45, "Entrée en CEJ"), ct);
            var cej = await mediator.Send(new OuvrirDispositifCommand(j.Id, "CEJ", entree, entree.AddMonths(12).AddDays(-1), entretien, ConfirmerAvertissements: true), ct);
            await mediator.Send(new EnregistrerCoordonneesBancairesCommand(j.Id, Ibans[i], i == 1 ? "PSSTFRPPREN" : "AGRIFRPP", TypeCompte.CompteCourant, $"{j.NomUsage} {j.Prenom}".ToUpperInvariant()), ct);
            await mediator.Send(new DeclarerRessourcesCommand(j.Id, debutMois.AddMonths(-1), new SaisieRessources(NetAPayer: i switch { 0 => 0m, 1 => 412.50m, _ => 180.00m })), ct);
            var cerfa = await mediator.Send(new GenererCerfaCommand(cej), ct);
            await mediator.Send(new DemanderAllocationCommand(j.Id, cej, aujourdhui), ct);
            if (i < 2)
            {
                // The signed scan: here the generated PDF itself, as if printed, signed and scanned back.
                var scan = pdf.Rendre([new Lettre("Scan", $"# CERFA {cerfa.Reference} signé\nSigné par {j.Prenom} {j.NomUsage} et son conseiller (document de démonstration).")]);
                var document = await mediator.Send(new DeposerDocumentCommand(j.Id, CategorieDocument.PieceJustificative, $"CERFA signé {j.NomUsage}.pdf", scan), ct);
                await mediator.Send(new AttacherScanCerfaCommand(cerfa.Id, cerfa.Version, document), ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Données de démonstration des allocations incomplètes pour {Login} : {Raison}")]
    private static partial void LogEchec(ILogger logger, string login, string raison);
}
