using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Comptes.GererComptes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Comptes.ReactiverCompte;

/// <summary>USR-08: a deactivated account comes back as it was (login, password, profile).</summary>
[Requires(Droit.GererComptes)]
public sealed record ReactiverCompteCommand(Guid CompteId) : ICommand<Unit>, ITransactional;

public sealed class ReactiverCompteHandler(IComptes comptes, ICurrentUser user) : ICommandHandler<ReactiverCompteCommand, Unit>
{
    public async ValueTask<Unit> Handle(ReactiverCompteCommand c, CancellationToken cancellationToken)
    {
        var compte = await comptes.TrouverAsync(user.StructureId, c.CompteId, cancellationToken) ?? throw new NotFoundException("Compte introuvable.");
        ReglesComptes.VerifierModifiable(compte.Desabonne);
        await comptes.ChangerActivationAsync(user.StructureId, c.CompteId, true, cancellationToken);
        return Unit.Value;
    }
}
