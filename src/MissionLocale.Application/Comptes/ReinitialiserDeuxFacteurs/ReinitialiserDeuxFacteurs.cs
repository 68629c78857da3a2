using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Comptes.GererComptes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Comptes.ReinitialiserDeuxFacteurs;

/// <summary>A person who lost both their phone and their recovery codes: the administrator removes their second factor; they enrol again.</summary>
[Requires(Droit.GererComptes)]
public sealed record ReinitialiserDeuxFacteursCommand(Guid CompteId) : ICommand<Unit>, ITransactional;

public sealed class ReinitialiserDeuxFacteursHandler(IComptes comptes, ICurrentUser user) : ICommandHandler<ReinitialiserDeuxFacteursCommand, Unit>
{
    public async ValueTask<Unit> Handle(ReinitialiserDeuxFacteursCommand c, CancellationToken cancellationToken) =>
        await comptes.ReinitialiserDeuxFacteursAsync(user.StructureId, c.CompteId, cancellationToken) ? Unit.Value : throw new NotFoundException("Compte introuvable.");
}
