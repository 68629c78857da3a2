using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.LotsAsp;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.ListerLots;

/// <summary>The structure's batches, newest first.</summary>
[Requires(Droit.ValiderAllocations)]
public sealed record ListerLotsQuery(int Nombre = 50) : IQuery<IReadOnlyList<LotDto>>;

public sealed class ListerLotsHandler(IAppDbContext db) : IQueryHandler<ListerLotsQuery, IReadOnlyList<LotDto>>
{
    public async ValueTask<IReadOnlyList<LotDto>> Handle(ListerLotsQuery q, CancellationToken cancellationToken) =>
        (await db.LotsAsp.AsNoTracking().OrderByDescending(l => l.Numero).Take(Math.Clamp(q.Nombre, 1, 500)).ToListAsync(cancellationToken)).Select(PreparationLots.VersDto).ToList();
}
