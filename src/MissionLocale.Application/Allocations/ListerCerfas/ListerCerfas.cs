using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.GererCerfa;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.ListerCerfas;

/// <summary>The CERFA of a dossier, newest first.</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ListerCerfasQuery(Guid JeuneId) : IQuery<IReadOnlyList<CerfaDto>>;

public sealed class ListerCerfasHandler(IAppDbContext db) : IQueryHandler<ListerCerfasQuery, IReadOnlyList<CerfaDto>>
{
    public async ValueTask<IReadOnlyList<CerfaDto>> Handle(ListerCerfasQuery q, CancellationToken cancellationToken)
    {
        await db.VerifierDossierAsync(q.JeuneId, cancellationToken);
        var liste = await db.Cerfas.AsNoTracking().Where(c => c.JeuneId == q.JeuneId)
            .Join(db.Dispositifs, c => c.DispositifId, d => d.Id, (c, d) => new { c, d.DateDebut })
            .OrderByDescending(x => x.c.GenereLe).ToListAsync(cancellationToken);
        return liste.Select(x => CerfaQueries.VersDto(x.c, x.DateDebut)).ToList();
    }
}
