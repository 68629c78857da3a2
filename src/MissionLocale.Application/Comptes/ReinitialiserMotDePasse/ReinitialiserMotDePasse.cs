using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Comptes.GererComptes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Comptes.ReinitialiserMotDePasse;

/// <summary>Issue 10: an administrator forces a password reset; the user chooses the new one through the e-mailed link.</summary>
[Requires(Droit.GererComptes)]
public sealed record ReinitialiserMotDePasseCommand(Guid CompteId) : ICommand<string>;

public sealed class ReinitialiserMotDePasseHandler(IComptes comptes, ICurrentUser user) : ICommandHandler<ReinitialiserMotDePasseCommand, string>
{
    public async ValueTask<string> Handle(ReinitialiserMotDePasseCommand c, CancellationToken cancellationToken) =>
        await comptes.ForcerReinitialisationAsync(user.StructureId, c.CompteId, cancellationToken) ?? throw new NotFoundException("Compte introuvable.");
}
