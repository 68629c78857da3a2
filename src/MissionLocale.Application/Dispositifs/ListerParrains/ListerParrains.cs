using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.GererParrainage;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Dispositifs.ListerParrains;

/// <summary>PARR-01: the structure's parrains and marraines (volunteers).</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ListerParrainsQuery(bool ActifsSeulement = true) : IQuery<IReadOnlyList<ParrainDto>>;

public sealed class ListerParrainsHandler(IAppDbContext db) : IQueryHandler<ListerParrainsQuery, IReadOnlyList<ParrainDto>>
{
    public async ValueTask<IReadOnlyList<ParrainDto>> Handle(ListerParrainsQuery q, CancellationToken cancellationToken) =>
        await db.Parrains.AsNoTracking().Where(p => !q.ActifsSeulement || p.Actif).OrderBy(p => p.Nom).ThenBy(p => p.Prenom)
            .Select(p => new ParrainDto(p.Id, p.Nom, p.Prenom, p.Entreprise, p.Metier, p.Email, p.Telephone, p.Benevole, p.Actif))
            .ToListAsync(cancellationToken);
}
