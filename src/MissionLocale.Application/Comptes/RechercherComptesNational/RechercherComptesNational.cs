using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Comptes.GererComptes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Comptes.RechercherComptesNational;

/// <summary>USR-03: before creating an account, the accounts of every structure with this nom and prénom.</summary>
[Requires(Droit.GererComptes)]
public sealed record RechercherComptesNationalQuery(string? Nom, string? Prenom) : IQuery<IReadOnlyList<CompteNational>>;

public sealed class RechercherComptesNationalHandler(IComptes comptes, ICurrentUser user) : IQueryHandler<RechercherComptesNationalQuery, IReadOnlyList<CompteNational>>
{
    public async ValueTask<IReadOnlyList<CompteNational>> Handle(RechercherComptesNationalQuery q, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(q.Nom) || string.IsNullOrWhiteSpace(q.Prenom) ? [] : await comptes.RechercherNationalAsync(user.StructureId, q.Nom, q.Prenom, cancellationToken);
}
