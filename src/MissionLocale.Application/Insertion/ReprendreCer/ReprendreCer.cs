using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Insertion.ReprendreCer;

/// <summary>CER-07: a refused CER is closed and taken up again, its content copied for the référent to correct with the beneficiary (answers the new id).</summary>
[Requires(Droit.GererRsa)]
public sealed record ReprendreCerCommand(Guid CerId, int Version) : ICommand<Guid>, ITransactional;

public sealed class ReprendreCerHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<ReprendreCerCommand, Guid>
{
    public async ValueTask<Guid> Handle(ReprendreCerCommand c, CancellationToken cancellationToken)
    {
        var cer = await db.Cers.AVersionAsync(c.CerId, c.Version, Rsa.Introuvable, cancellationToken);
        var suite = cer.Reprendre(clock.Aujourdhui());
        db.Cers.Add(suite);
        await db.SaveChangesAsync(cancellationToken);
        return suite.Id;
    }
}
