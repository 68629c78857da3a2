using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Reference.RetirerIntervenant;

/// <summary>USR-07: takes an element out of the selection lists (dispositifs already entered keep it).</summary>
[Requires(Droit.GererReferentiels)]
public sealed record RetirerIntervenantCommand(Guid Id) : ICommand<Unit>, ITransactional;

public sealed class RetirerIntervenantHandler(IAppDbContext db) : ICommandHandler<RetirerIntervenantCommand, Unit>
{
    public async ValueTask<Unit> Handle(RetirerIntervenantCommand c, CancellationToken cancellationToken)
    {
        var i = await db.Intervenants.SingleOrDefaultAsync(x => x.Id == c.Id, cancellationToken) ?? throw new NotFoundException("Intervenant introuvable.");
        i.Desactiver();
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
