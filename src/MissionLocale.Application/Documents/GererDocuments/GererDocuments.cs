using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Audit;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Documents.GererDocuments;

public sealed record DocumentDto(Guid Id, CategorieDocument Categorie, string Nom, string TypeMime, int Taille, DateTimeOffset CreeLe);

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

public sealed record Fichier(string Nom, string TypeMime, byte[] Contenu);

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

/// <summary>Upload of a PDF or an image; the type is checked by content (magic bytes), not by name; size limited.</summary>
[Requires(Droit.GererDocuments)]
public sealed record DeposerDocumentCommand(Guid JeuneId, CategorieDocument Categorie, string Nom, byte[] Contenu) : ICommand<Guid>, ITransactional;

public sealed class DeposerDocumentHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<DeposerDocumentCommand, Guid>
{
    public const int TailleMax = 10 * 1024 * 1024;

    public async ValueTask<Guid> Handle(DeposerDocumentCommand c, CancellationToken cancellationToken)
    {
        if (c.Contenu.Length == 0)
        {
            throw InvalidInputException.Pour("Fichier", "Le fichier est vide.");
        }

        if (c.Contenu.Length > TailleMax)
        {
            throw InvalidInputException.Pour("Fichier", $"Le fichier dépasse {TailleMax / 1024 / 1024} Mo : réduisez-le (scan en 150 dpi, PDF compressé).");
        }

        var type = TypeReel(c.Contenu) ?? throw InvalidInputException.Pour("Fichier", "Seuls les PDF et les images (PNG, JPEG) sont acceptés : le contenu de ce fichier n'en est pas un.");
        await db.VerifierDossierAsync(c.JeuneId, cancellationToken);

        var nom = Path.GetFileName(c.Nom.Replace('\\', '/'));
        nom = string.IsNullOrWhiteSpace(nom) ? "document" : nom[..Math.Min(190, nom.Length)];

        // The stored name's extension follows the detected content: a PDF sent as "scan.exe" is kept and served as "scan.pdf".
        var extensions = Extensions(type);
        if (!extensions.Contains(Path.GetExtension(nom).ToLowerInvariant()))
        {
            nom = Path.GetFileNameWithoutExtension(nom) is { Length: > 0 } radical ? radical + extensions[0] : "document" + extensions[0];
        }

        var d = new Document(user.StructureId, c.JeuneId, c.Categorie, nom, type, c.Contenu, user.UtilisateurId, clock.GetUtcNow());
        db.Documents.Add(d);
        await db.SaveChangesAsync(cancellationToken);
        return d.Id;
    }

    private static string[] Extensions(string type) => type switch
    {
        "application/pdf" => [".pdf"],
        "image/png" => [".png"],
        _ => [".jpg", ".jpeg"],
    };

    public static string? TypeReel(ReadOnlySpan<byte> c) => c switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        _ => null,
    };
}
