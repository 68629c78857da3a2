using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Dispositifs.SupprimerCej;

/// <summary>What the allocations know about a CEJ's requests (implemented by the allocations: DemandesAllocationCej).</summary>
public interface IDemandesAllocationCej
{
    /// <summary>How many allocation requests of this dispositif have gone to the ASP.</summary>
    Task<int> EnvoyeesAspAsync(Guid dispositifId, CancellationToken ct);

    /// <summary>Deletes the requests not yet sent (CEJ-06), in the same transaction.</summary>
    Task SupprimerNonEnvoyeesAsync(Guid dispositifId, CancellationToken ct);
}

/// <summary>CEJ-06: a CEJ entered by mistake is deleted only while none of its allocation requests went to the ASP.</summary>
[Requires(Droit.GererDispositifs)]
public sealed record SupprimerCejCommand(Guid DispositifId, int Version) : ICommand<Unit>, ITransactional;

public sealed class SupprimerCejHandler(IAppDbContext db, IDemandesAllocationCej demandes) : ICommandHandler<SupprimerCejCommand, Unit>
{
    public async ValueTask<Unit> Handle(SupprimerCejCommand c, CancellationToken cancellationToken)
    {
        var d = await db.Dispositifs.SingleOrDefaultAsync(x => x.Id == c.DispositifId, cancellationToken) ?? throw new NotFoundException("Dispositif introuvable.");
        ReglesDispositif.VerifierSuppression(d);

        if (d.Version != c.Version)
        {
            throw new ConcurrencyConflictException();
        }

        BusinessRuleException.ThrowIfBroken(new Cej06Suppression(await demandes.EnvoyeesAspAsync(d.Id, cancellationToken)));
        await demandes.SupprimerNonEnvoyeesAsync(d.Id, cancellationToken);
        db.Dispositifs.Remove(d);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
