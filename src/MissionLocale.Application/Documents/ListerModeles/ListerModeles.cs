using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Documents.GererModeles;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Documents.ListerModeles;

[Requires(Droit.ConsulterDossier)]
public sealed record ListerModelesQuery : IQuery<IReadOnlyList<ModeleDto>>;

public sealed class ListerModelesHandler(IAppDbContext db) : IQueryHandler<ListerModelesQuery, IReadOnlyList<ModeleDto>>
{
    public async ValueTask<IReadOnlyList<ModeleDto>> Handle(ListerModelesQuery q, CancellationToken cancellationToken) =>
        await db.ModelesLettre.AsNoTracking().OrderBy(m => m.Categorie).ThenBy(m => m.Titre)
            .Select(m => new ModeleDto(m.Id, m.Categorie, m.Titre, m.Corps, m.Actif, m.Version)).ToListAsync(cancellationToken);
}
