using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.GererPacea;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Dispositifs.ProlongerPhasePacea;

/// <summary>PACEA-05: a phase end date may be extended.</summary>
[Requires(Droit.GererDispositifs)]
public sealed record ProlongerPhasePaceaCommand(Guid DispositifId, int Version, Guid PhaseId, DateOnly NouvelleFin) : ICommand<int>, ITransactional;

public sealed class ProlongerPhasePaceaHandler(IAppDbContext db) : ICommandHandler<ProlongerPhasePaceaCommand, int>
{
    public async ValueTask<int> Handle(ProlongerPhasePaceaCommand c, CancellationToken cancellationToken)
    {
        var (d, type, titre) = await db.ChargerPaceaAsync(c.DispositifId, c.Version, cancellationToken);
        d.ProlongerPhase(c.PhaseId, c.NouvelleFin, type, titre);
        await db.SaveChangesAsync(cancellationToken);
        return d.Version;
    }
}
