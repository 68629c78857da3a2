using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.GererParrainage;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Dispositifs.ValiderParrainage;

/// <summary>PARR-03: validates the parrainage (at least 2 actions in the period).</summary>
[Requires(Droit.GererDispositifs)]
public sealed record ValiderParrainageCommand(Guid DispositifId, int Version) : ICommand<int>, ITransactional;

public sealed class ValiderParrainageHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<ValiderParrainageCommand, int>
{
    public async ValueTask<int> Handle(ValiderParrainageCommand c, CancellationToken cancellationToken)
    {
        var d = await db.ChargerParrainageAsync(c.DispositifId, c.Version, cancellationToken);
        var aujourdhui = clock.Aujourdhui();
        d.ValiderParrainage(aujourdhui, await db.ParametreEntierAsync("PARR-03.ActionsMin", d.DateDebut, 2, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return d.Version;
    }
}
