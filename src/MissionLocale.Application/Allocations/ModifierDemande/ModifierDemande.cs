using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.Common;
using MissionLocale.Application.Allocations.DemanderAllocation;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.ModifierDemande;

/// <summary>
/// ALLOC-07: a request the ASP answered (Acceptée, Versée or Refusée) is modified: recomputed from the corrected resources
/// of M-1, or a full reversal (the amount paid entered as differential resources, the allocation 0). The modification is a
/// new request, submitted to the siège and sent to the ASP, which pays the difference or claims the overpayment.
/// </summary>
[Requires(Droit.GererDispositifs)]
public sealed record ModifierDemandeCommand(Guid DemandeId, int Version, bool ReversementTotal = false) : ICommand<DemandeDto>, ITransactional;

public sealed class ModifierDemandeHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ModifierDemandeCommand, DemandeDto>
{
    public async ValueTask<DemandeDto> Handle(ModifierDemandeCommand c, CancellationToken cancellationToken)
    {
        var demande = await db.DemandeAVersionAsync(c.DemandeId, c.Version, cancellationToken);
        BaremeAllocation? bareme = null;
        decimal plafond = 0, ressources, montant;
        decimal? differentielles = null;
        if (c.ReversementTotal)
        {
            (ressources, montant, differentielles) = (demande.Ressources, 0m, demande.MontantVerse ?? demande.Montant);
        }
        else
        {
            var moisRessources = demande.Mois.AddMonths(-1);
            ressources = ReglesAllocation.RessourcesPourModifier(
                await db.DeclarationsRessources.Where(x => x.JeuneId == demande.JeuneId && x.Mois == moisRessources).Select(x => (decimal?)x.Total).SingleOrDefaultAsync(cancellationToken), moisRessources);
            var naissance = await db.Jeunes.Where(j => j.Id == demande.JeuneId).Select(j => j.DateNaissance).SingleAsync(cancellationToken);
            var parametres = await db.ParametresAllocationAsync(cancellationToken);
            bareme = parametres.BaremeAllocation(demande.TypeCode, demande.Mois, naissance);
            plafond = parametres.BaremeRessources(moisRessources).PlafondPacea;
            montant = demande.TypeCode == CodeDispositif.Pacea && ressources >= plafond ? 0m : CalculAllocation.Calculer(demande.TypeCode, ressources, bareme, plafond).Montant;
        }

        var nouvelle = demande.Modifier(ressources, montant, differentielles, user.UtilisateurId, clock.GetUtcNow());

        // The replaced request leaves the unique index (ALLOC-01) before its replacement enters it.
        await db.SaveChangesAsync(cancellationToken);
        db.DemandesAllocation.Add(nouvelle);
        await db.SaveChangesAsync(cancellationToken);
        return AllocationsQueries.VersDto(nouvelle, bareme, plafond);
    }
}
