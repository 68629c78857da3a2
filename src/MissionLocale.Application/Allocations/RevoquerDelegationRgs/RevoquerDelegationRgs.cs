using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.RevoquerDelegationRgs;

/// <summary>ALLOC-13: a delegation ends today (kept for the record).</summary>
[Requires(Droit.GererDelegationsRgs)]
public sealed record RevoquerDelegationRgsCommand(Guid DelegationId) : ICommand<Unit>, ITransactional;

public sealed class RevoquerDelegationRgsHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RevoquerDelegationRgsCommand, Unit>
{
    public async ValueTask<Unit> Handle(RevoquerDelegationRgsCommand c, CancellationToken cancellationToken)
    {
        var d = await db.DelegationsRgs.SingleOrDefaultAsync(x => x.Id == c.DelegationId, cancellationToken) ?? throw new NotFoundException("Délégation introuvable.");
        d.Revoquer(clock.Aujourdhui());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
