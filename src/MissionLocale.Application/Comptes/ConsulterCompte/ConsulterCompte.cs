using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Comptes.GererComptes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Comptes.ConsulterCompte;

/// <summary>One account of the structure (another Mission Locale's is "introuvable").</summary>
[Requires(Droit.GererComptes)]
public sealed record ConsulterCompteQuery(Guid CompteId) : IQuery<CompteDto>;

public sealed class ConsulterCompteHandler(IComptes comptes, ICurrentUser user) : IQueryHandler<ConsulterCompteQuery, CompteDto>
{
    public async ValueTask<CompteDto> Handle(ConsulterCompteQuery q, CancellationToken cancellationToken) =>
        await comptes.TrouverAsync(user.StructureId, q.CompteId, cancellationToken) ?? throw new NotFoundException("Compte introuvable.");
}
