using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Documents.GererDocuments;
using MissionLocale.Domain.Audit;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Documents.TelechargerDocument;

/// <summary>A download; every download is logged with the dossier's reads (RGPD-02).</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record TelechargerDocumentQuery(Guid DocumentId) : IQuery<Fichier>;

public sealed class TelechargerDocumentHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<TelechargerDocumentQuery, Fichier>
{
    public async ValueTask<Fichier> Handle(TelechargerDocumentQuery q, CancellationToken cancellationToken)
    {
        var d = await db.Documents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == q.DocumentId, cancellationToken) ?? throw new NotFoundException("Document introuvable.");
        db.Consultations.Add(new ConsultationDossier(d.StructureId, d.JeuneId, clock.GetUtcNow(), user.UtilisateurId, user.Login, Tronquer($"Téléchargement : {d.Nom}", 100)));
        await db.SaveChangesAsync(cancellationToken);
        return new Fichier(d.Nom, d.TypeMime, d.Contenu);
    }

    private static string Tronquer(string s, int n) => s.Length <= n ? s : s[..n];
}
