using Mediator;
using MissionLocale.Application.Allocations.Common;
using MissionLocale.Application.Allocations.LotsAsp;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.ProposerLot;

/// <summary>ALLOC-11: a validator prepares a batch now (the job does it around the 1st and the 15th). Null when nothing is validated.</summary>
[Requires(Droit.ValiderAllocations)]
public sealed record ProposerLotCommand(string TypeCode) : ICommand<LotDto?>, ITransactional;

public sealed class ProposerLotHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ProposerLotCommand, LotDto?>
{
    public async ValueTask<LotDto?> Handle(ProposerLotCommand c, CancellationToken cancellationToken)
    {
        ReglesAllocation.VerifierTypeLot(c.TypeCode);

        await db.VerifierDelegationRgsAsync(user, clock, cancellationToken);
        var lot = await PreparationLots.ProposerAsync(db, user.StructureId, c.TypeCode, user.UtilisateurId, clock.GetUtcNow(), clock.Aujourdhui(), cancellationToken);
        return lot is null ? null : PreparationLots.VersDto(lot);
    }
}
