using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Documents.GererDocuments;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Documents.ListerDocuments;

[Requires(Droit.ConsulterDossier)]
public sealed record ListerDocumentsQuery(Guid JeuneId) : IQuery<IReadOnlyList<DocumentDto>>;

public sealed class ListerDocumentsHandler(IAppDbContext db) : IQueryHandler<ListerDocumentsQuery, IReadOnlyList<DocumentDto>>
{
    public async ValueTask<IReadOnlyList<DocumentDto>> Handle(ListerDocumentsQuery q, CancellationToken cancellationToken)
    {
        await db.VerifierDossierAsync(q.JeuneId, cancellationToken);

        return await db.Documents.AsNoTracking().Where(d => d.JeuneId == q.JeuneId).OrderByDescending(d => d.CreeLe)
            .Select(d => new DocumentDto(d.Id, d.Categorie, d.Nom, d.TypeMime, d.Taille, d.CreeLe)).ToListAsync(cancellationToken);
    }
}
