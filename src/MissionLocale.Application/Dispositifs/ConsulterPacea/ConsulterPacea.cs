using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.GererPacea;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Dispositifs.ConsulterPacea;

[Requires(Droit.ConsulterDossier)]
public sealed record ConsulterPaceaQuery(Guid DispositifId) : IQuery<PaceaDto>;

public sealed class ConsulterPaceaHandler(IAppDbContext db) : IQueryHandler<ConsulterPaceaQuery, PaceaDto>
{
    public async ValueTask<PaceaDto> Handle(ConsulterPaceaQuery q, CancellationToken cancellationToken)
    {
        var d = await db.Dispositifs.AsNoTracking().Include(x => x.Phases).SingleOrDefaultAsync(x => x.Id == q.DispositifId && x.TypeCode == CodeDispositif.Pacea, cancellationToken)
            ?? throw new NotFoundException("PACEA introuvable.");
        var type = (await db.TypeValideLeAsync(d.TypeCode, d.DateDebut, cancellationToken))!;
        return new PaceaDto(d.Id, d.Version, d.DateDebut, d.DateFinPrevue, d.DateFinReelle, d.FinMaximale(type),
            d.Phases.OrderBy(p => p.Numero).Select(p => new PhaseDto(p.Id, p.Numero, p.Objectifs, p.DateDebut, p.DateFinPrevue, p.DateFin, p.Prolongations, p.Decision, p.DateBilan, p.Resultat)).ToList(),
            d.ReleveEntree, d.ReleveSortie);
    }
}
