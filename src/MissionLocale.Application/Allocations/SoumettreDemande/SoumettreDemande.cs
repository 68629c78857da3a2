using Mediator;
using MissionLocale.Application.Allocations.Common;
using MissionLocale.Application.Allocations.DemanderAllocation;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.SoumettreDemande;

/// <summary>ALLOC-02..04: the conseiller submits a saved request to the siège.</summary>
[Requires(Droit.GererDispositifs)]
public sealed record SoumettreDemandeCommand(Guid DemandeId, int Version) : ICommand<DemandeDto>, ITransactional;

public sealed class SoumettreDemandeHandler(IAppDbContext db) : ICommandHandler<SoumettreDemandeCommand, DemandeDto>
{
    public async ValueTask<DemandeDto> Handle(SoumettreDemandeCommand c, CancellationToken cancellationToken)
    {
        var demande = await db.DemandeAVersionAsync(c.DemandeId, c.Version, cancellationToken);
        var (premiereValidee, cerfaValide) = await db.ConditionsSoumissionAsync(demande.DispositifId, cancellationToken);
        demande.Soumettre(premiereValidee, cerfaValide);
        await db.SaveChangesAsync(cancellationToken);
        return AllocationsQueries.VersDto(demande, null, 0);
    }
}
