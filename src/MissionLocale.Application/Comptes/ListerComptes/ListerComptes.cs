using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Comptes.GererComptes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Comptes.ListerComptes;

[Requires(Droit.GererComptes)]
public sealed record ListerComptesQuery : IQuery<IReadOnlyList<CompteDto>>;

public sealed class ListerComptesHandler(IComptes comptes, ICurrentUser user) : IQueryHandler<ListerComptesQuery, IReadOnlyList<CompteDto>>
{
    public async ValueTask<IReadOnlyList<CompteDto>> Handle(ListerComptesQuery q, CancellationToken cancellationToken) =>
        await comptes.ListerAsync(user.StructureId, cancellationToken);
}
