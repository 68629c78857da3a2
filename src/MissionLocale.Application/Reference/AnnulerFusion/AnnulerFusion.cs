using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Reference.AnnulerFusion;

/// <summary>USR-10: a merge is cancelled until it runs.</summary>
[Requires(Droit.GererReferentiels)]
public sealed record AnnulerFusionCommand(Guid FusionId) : ICommand<Unit>, ITransactional;

public sealed class AnnulerFusionHandler(IAppDbContext db) : ICommandHandler<AnnulerFusionCommand, Unit>
{
    public async ValueTask<Unit> Handle(AnnulerFusionCommand c, CancellationToken cancellationToken)
    {
        var f = await db.Fusions.SingleOrDefaultAsync(x => x.Id == c.FusionId, cancellationToken) ?? throw new NotFoundException("Fusion introuvable.");
        f.Annuler();
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
