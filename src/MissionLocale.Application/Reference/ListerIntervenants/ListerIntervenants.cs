using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Reference.GererIntervenants;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Reference.ListerIntervenants;

/// <summary>USR-07: the structure's prescripteurs or référents de dispositif (active ones for the selection lists).</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ListerIntervenantsQuery(FonctionIntervenant? Fonction = null, bool ActifsSeulement = true) : IQuery<IReadOnlyList<IntervenantDto>>;

public sealed class ListerIntervenantsHandler(IAppDbContext db) : IQueryHandler<ListerIntervenantsQuery, IReadOnlyList<IntervenantDto>>
{
    public async ValueTask<IReadOnlyList<IntervenantDto>> Handle(ListerIntervenantsQuery q, CancellationToken cancellationToken) =>
        await db.Intervenants.AsNoTracking()
            .Where(i => (q.Fonction == null || i.Fonction == q.Fonction) && (!q.ActifsSeulement || i.Actif))
            .OrderBy(i => i.Fonction).ThenBy(i => i.Nom)
            .Select(i => new IntervenantDto(i.Id, i.Fonction, i.Nom, i.UtilisateurId, i.Actif))
            .ToListAsync(cancellationToken);
}
