using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.Common;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.ListerDemandes;

/// <summary>The requests of a dossier, newest month first, with their calculation steps (ALLOC-12).</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ListerDemandesQuery(Guid JeuneId) : IQuery<IReadOnlyList<DemandeDto>>;

public sealed class ListerDemandesHandler(IAppDbContext db) : IQueryHandler<ListerDemandesQuery, IReadOnlyList<DemandeDto>>
{
    public async ValueTask<IReadOnlyList<DemandeDto>> Handle(ListerDemandesQuery q, CancellationToken cancellationToken)
    {
        await db.VerifierDossierAsync(q.JeuneId, cancellationToken);
        var naissance = await db.Jeunes.Where(j => j.Id == q.JeuneId).Select(j => j.DateNaissance).SingleAsync(cancellationToken);
        var demandes = await db.DemandesAllocation.AsNoTracking().Where(d => d.JeuneId == q.JeuneId).OrderByDescending(d => d.Mois).ThenByDescending(d => d.CreeLe).Take(60).ToListAsync(cancellationToken);
        var parametres = await db.ParametresAllocationAsync(cancellationToken);
        var resultat = new List<DemandeDto>();
        foreach (var d in demandes)
        {
            BaremeAllocation? bareme = null;
            try
            {
                bareme = parametres.BaremeAllocation(d.TypeCode, d.Mois, naissance);
            }
            catch (BusinessRuleException)
            {
                // No barème any more for that month: the stored amount is shown alone.
            }

            resultat.Add(AllocationsQueries.VersDto(d, bareme, parametres.BaremeRessources(d.Mois.AddMonths(-1)).PlafondPacea));
        }

        return resultat;
    }
}
