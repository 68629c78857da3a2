using Mediator;
using MissionLocale.Application.Allocations.Common;
using MissionLocale.Application.Allocations.DemanderAllocation;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.ValiderDemande;

/// <summary>ALLOC-13: a validator with an active RGS delegation validates a submitted request they did not create.</summary>
[Requires(Droit.ValiderAllocations)]
public sealed record ValiderDemandeCommand(Guid DemandeId, int Version) : ICommand<DemandeDto>, ITransactional;

public sealed class ValiderDemandeHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ValiderDemandeCommand, DemandeDto>
{
    public async ValueTask<DemandeDto> Handle(ValiderDemandeCommand c, CancellationToken cancellationToken)
    {
        await db.VerifierDelegationRgsAsync(user, clock, cancellationToken);
        var demande = await db.DemandeAVersionAsync(c.DemandeId, c.Version, cancellationToken);
        demande.Valider(user.UtilisateurId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return AllocationsQueries.VersDto(demande, null, 0);
    }
}
