using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.DemanderAllocation;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.SupprimerDemande;

/// <summary>ALLOC-02: a request not yet sent to the ASP is deleted (a deleted modification gives the request it modified back).</summary>
[Requires(Droit.GererDispositifs)]
public sealed record SupprimerDemandeCommand(Guid DemandeId, int Version) : ICommand<Unit>, ITransactional;

public sealed class SupprimerDemandeHandler(IAppDbContext db) : ICommandHandler<SupprimerDemandeCommand, Unit>
{
    public async ValueTask<Unit> Handle(SupprimerDemandeCommand c, CancellationToken cancellationToken)
    {
        var demande = await db.DemandeAVersionAsync(c.DemandeId, c.Version, cancellationToken);
        ReglesAllocation.VerifierSuppression(demande);

        if (demande.RemplaceId is { } precedente && await db.DemandesAllocation.SingleOrDefaultAsync(x => x.Id == precedente, cancellationToken) is { } p)
        {
            db.DemandesAllocation.Remove(demande);
            await db.SaveChangesAsync(cancellationToken);
            p.ModificationSupprimee();
        }
        else
        {
            db.DemandesAllocation.Remove(demande);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
