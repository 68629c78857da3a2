using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Documents.VerifierDocument;

/// <summary>
/// CER-08: a stored document with its SHA-256; given a copy (a PDF someone sends back), says whether it is byte for
/// byte the stored one. Nothing is written.
/// </summary>
[Requires(Droit.ConsulterDossier)]
public sealed record VerifierDocumentQuery(Guid DocumentId, byte[]? Copie = null) : IQuery<VerificationDocument>;

public sealed record VerificationDocument(Guid Id, Guid JeuneId, string Nom, CategorieDocument Categorie, int Taille, DateTimeOffset CreeLe, string Empreinte, bool? Conforme, string? EmpreinteCopie);

public sealed class VerifierDocumentHandler(IAppDbContext db) : IQueryHandler<VerifierDocumentQuery, VerificationDocument>
{
    public async ValueTask<VerificationDocument> Handle(VerifierDocumentQuery q, CancellationToken cancellationToken)
    {
        var d = await db.Documents.AsNoTracking().Where(x => x.Id == q.DocumentId)
            .Select(x => new { x.Id, x.JeuneId, x.Nom, x.Categorie, x.Taille, x.CreeLe, x.Empreinte }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Document introuvable.");
        var empreinteCopie = q.Copie is null ? null : Document.EmpreinteDe(q.Copie);
        return new VerificationDocument(d.Id, d.JeuneId, d.Nom, d.Categorie, d.Taille, d.CreeLe, d.Empreinte, q.Copie is null ? null : Document.MemeEmpreinte(d.Empreinte, q.Copie), empreinteCopie);
    }
}
