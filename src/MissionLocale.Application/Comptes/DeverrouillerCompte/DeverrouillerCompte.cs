using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Comptes.GererComptes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Comptes.DeverrouillerCompte;

/// <summary>Issue 10: an administrator unlocks an account locked after repeated failed logins.</summary>
[Requires(Droit.GererComptes)]
public sealed record DeverrouillerCompteCommand(Guid CompteId) : ICommand<Unit>;

public sealed class DeverrouillerCompteHandler(IComptes comptes, ICurrentUser user) : ICommandHandler<DeverrouillerCompteCommand, Unit>
{
    public async ValueTask<Unit> Handle(DeverrouillerCompteCommand c, CancellationToken cancellationToken) =>
        await comptes.DeverrouillerAsync(user.StructureId, c.CompteId, cancellationToken) ? Unit.Value : throw new NotFoundException("Compte introuvable.");
}
