using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.GererParrainage;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Dispositifs.ConsulterParrainage;

[Requires(Droit.ConsulterDossier)]
public sealed record ConsulterParrainageQuery(Guid DispositifId) : IQuery<ParrainageDto>;

public sealed class ConsulterParrainageHandler(IAppDbContext db) : IQueryHandler<ConsulterParrainageQuery, ParrainageDto>
{
    public async ValueTask<ParrainageDto> Handle(ConsulterParrainageQuery q, CancellationToken cancellationToken)
    {
        var d = await db.Dispositifs.AsNoTracking().Include(x => x.Actions).SingleOrDefaultAsync(x => x.Id == q.DispositifId && x.TypeCode == CodeDispositif.Parr, cancellationToken)
            ?? throw new NotFoundException("Parrainage introuvable.");
        var parrain = await db.Parrains.Where(p => p.Id == d.ParrainId).Select(p => p.Prenom + " " + p.Nom).FirstOrDefaultAsync(cancellationToken) ?? "—";
        var min = await db.ParametreEntierAsync("PARR-03.ActionsMin", d.DateDebut, 2, cancellationToken);
        return new ParrainageDto(d.Id, d.Version, parrain, d.DateDebut, d.DateFinPrevue, d.DateFinReelle, d.AcceptationJeune, d.AcceptationParrain, d.ValideLe, min,
            d.Actions.OrderBy(a => a.Date).Select(a => new ActionParrainageDto(a.Id, a.Date, a.DomaineCode, a.Libelle)).ToList());
    }
}
