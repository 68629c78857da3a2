using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Demenagements;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Demenagements.AnnulerDemenagement;

/// <summary>DEM-02 (proposal): the asking Mission Locale withdraws its request before the answer.</summary>
[Requires(Droit.DemenagerDossiers)]
public sealed record AnnulerDemenagementCommand(Guid DemandeId, int Version) : ICommand<Unit>, ITransactional;

public sealed class AnnulerDemenagementHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AnnulerDemenagementCommand, Unit>
{
    public async ValueTask<Unit> Handle(AnnulerDemenagementCommand c, CancellationToken cancellationToken)
    {
        var demande = await db.Demenagements.Where(d => d.StructureCedanteId == user.StructureId || d.StructureDemandeuseId == user.StructureId)
            .AVersionAsync(c.DemandeId, c.Version, "Demande introuvable.", cancellationToken);
        demande.Decider(CycleDemenagement.Annuler, user.StructureId, user.UtilisateurId, user.Login, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
