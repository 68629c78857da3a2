using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.AbandonnerLot;

/// <summary>ALLOC-11: a proposed batch is abandoned; its requests are free for the next one.</summary>
[Requires(Droit.ValiderAllocations)]
public sealed record AbandonnerLotCommand(Guid LotId, int Version) : ICommand<Unit>, ITransactional;

public sealed class AbandonnerLotHandler(IAppDbContext db) : ICommandHandler<AbandonnerLotCommand, Unit>
{
    public async ValueTask<Unit> Handle(AbandonnerLotCommand c, CancellationToken cancellationToken)
    {
        var lot = await db.LotsAsp.AVersionAsync(c.LotId, c.Version, "Lot introuvable.", cancellationToken);

        lot.Abandonner();
        await db.SaveChangesAsync(cancellationToken);
        await db.LibererDemandesLotAsync(lot.Id, cancellationToken);
        return Unit.Value;
    }
}
