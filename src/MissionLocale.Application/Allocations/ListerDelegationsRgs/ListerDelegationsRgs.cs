using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.GererDelegationsRgs;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.ListerDelegationsRgs;

[Requires(Droit.GererDelegationsRgs)]
public sealed record ListerDelegationsRgsQuery : IQuery<IReadOnlyList<DelegationDto>>;

public sealed class ListerDelegationsRgsHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ListerDelegationsRgsQuery, IReadOnlyList<DelegationDto>>
{
    public async ValueTask<IReadOnlyList<DelegationDto>> Handle(ListerDelegationsRgsQuery q, CancellationToken cancellationToken)
    {
        var jour = clock.Aujourdhui();
        var liste = await db.DelegationsRgs.AsNoTracking().OrderByDescending(d => d.Au).ToListAsync(cancellationToken);
        var noms = await db.Utilisateurs.Select(u => new { u.Id, u.NomAffiche }).ToDictionaryAsync(u => u.Id, u => u.NomAffiche, cancellationToken);
        return liste.Select(d => new DelegationDto(d.Id, d.UtilisateurId, noms.GetValueOrDefault(d.UtilisateurId, "—"), d.Certificat, d.Du, d.Au, d.RevoqueeLe, d.Active(jour))).ToList();
    }
}
