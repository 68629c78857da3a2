using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Reference.ProgrammerFusion;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Reference.ListerFusions;

/// <summary>USR-10: the structure's merges, scheduled first.</summary>
[Requires(Droit.GererReferentiels)]
public sealed record ListerFusionsQuery : IQuery<IReadOnlyList<FusionDto>>;

public sealed class ListerFusionsHandler(IAppDbContext db) : IQueryHandler<ListerFusionsQuery, IReadOnlyList<FusionDto>>
{
    public async ValueTask<IReadOnlyList<FusionDto>> Handle(ListerFusionsQuery q, CancellationToken cancellationToken) =>
        (await db.Fusions.AsNoTracking().OrderBy(f => f.Etat).ThenByDescending(f => f.PrevueLe).Take(200).ToListAsync(cancellationToken)).Select(FusionDto.De).ToList();
}
