using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Demenagements;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Demenagements.RefuserDemenagement;

/// <summary>DEM-02 (proposal): the holding Mission Locale refuses, with a motive; nothing of the dossier moves.</summary>
[Requires(Droit.DemenagerDossiers)]
public sealed record RefuserDemenagementCommand(Guid DemandeId, int Version, string? MotifRefus) : ICommand<Unit>, ITransactional;

public sealed class RefuserDemenagementHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RefuserDemenagementCommand, Unit>
{
    public async ValueTask<Unit> Handle(RefuserDemenagementCommand c, CancellationToken cancellationToken)
    {
        var demande = await db.Demenagements.Where(d => d.StructureCedanteId == user.StructureId || d.StructureDemandeuseId == user.StructureId)
            .AVersionAsync(c.DemandeId, c.Version, "Demande introuvable.", cancellationToken);
        demande.Decider(CycleDemenagement.Refuser, user.StructureId, user.UtilisateurId, user.Login, clock.GetUtcNow(), c.MotifRefus);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
