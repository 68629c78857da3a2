using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Dispositifs.ListerDispositifs;

public sealed record DispositifDto(Guid Id, string TypeCode, string Type, DateOnly DateDebut, DateOnly DateFinPrevue, DateOnly? DateFinReelle, string? MotifSortie, bool? SortiePositive, string? Pilote, int Version);

/// <summary>The dispositifs of a dossier, newest first.</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ListerDispositifsQuery(Guid JeuneId) : IQuery<IReadOnlyList<DispositifDto>>;

public sealed class ListerDispositifsHandler(IAppDbContext db) : IQueryHandler<ListerDispositifsQuery, IReadOnlyList<DispositifDto>>
{
    public async ValueTask<IReadOnlyList<DispositifDto>> Handle(ListerDispositifsQuery q, CancellationToken cancellationToken)
    {
        await db.VerifierDossierAsync(q.JeuneId, cancellationToken);

        return await db.Dispositifs.AsNoTracking().Where(d => d.JeuneId == q.JeuneId).OrderByDescending(d => d.DateDebut)
            .Select(d => new DispositifDto(d.Id, d.TypeCode,
                db.TypesDispositif.Where(t => t.Code == d.TypeCode).OrderByDescending(t => t.DateDebut).Select(t => t.Libelle).FirstOrDefault() ?? d.TypeCode,
                d.DateDebut, d.DateFinPrevue, d.DateFinReelle, d.MotifSortie, d.SortiePositive, d.Pilote, d.Version))
            .ToListAsync(cancellationToken);
    }
}
