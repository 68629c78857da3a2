using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Structures.ListerStructures;

/// <summary>USR-06: the Missions Locales of the deployment for the national administrator — counts only, no names of jeunes.</summary>
[Requires(Droit.GererStructures)]
public sealed record ListerStructuresQuery : IQuery<IReadOnlyList<StructureLigne>>;

public sealed record StructureLigne(Guid Id, string Code, string Nom, int Communes, int Antennes);

public sealed class ListerStructuresHandler(IAppDbContext db) : IQueryHandler<ListerStructuresQuery, IReadOnlyList<StructureLigne>>
{
    public async ValueTask<IReadOnlyList<StructureLigne>> Handle(ListerStructuresQuery q, CancellationToken cancellationToken) =>
        await db.Structures.AsNoTracking().OrderBy(s => s.Code)
            .Select(s => new StructureLigne(s.Id, s.Code, s.Nom, s.Territoire.Count, db.Antennes.IgnoreQueryFilters().Count(a => a.StructureId == s.Id)))
            .ToListAsync(cancellationToken);
}
