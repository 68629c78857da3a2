using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Documents.DeposerDocument;

/// <summary>Upload of a PDF or an image; the type is checked by content (magic bytes), not by name; size limited.</summary>
[Requires(Droit.GererDocuments)]
public sealed record DeposerDocumentCommand(Guid JeuneId, CategorieDocument Categorie, string Nom, byte[] Contenu) : ICommand<Guid>, ITransactional;

public sealed class DeposerDocumentHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<DeposerDocumentCommand, Guid>
{
    public const int TailleMax = 10 * 1024 * 1024;

    public async ValueTask<Guid> Handle(DeposerDocumentCommand c, CancellationToken cancellationToken)
    {
        await db.VerifierDossierAsync(c.JeuneId, cancellationToken);
        var d = Nouveau(user.StructureId, c.JeuneId, c.Categorie, c.Nom, c.Contenu, user.UtilisateurId, clock.GetUtcNow());
        db.Documents.Add(d);
        await db.SaveChangesAsync(cancellationToken);
        return d.Id;
    }

    /// <summary>A document from an uploaded file, checked (not empty, size, PDF or image by content) and named after its real type.</summary>
    public static Document Nouveau(Guid structureId, Guid jeuneId, CategorieDocument categorie, string nomFichier, byte[] contenu, Guid par, DateTimeOffset le)
    {
        if (contenu.Length == 0)
        {
            throw InvalidInputException.Pour("Fichier", "Le fichier est vide.");
        }

        if (contenu.Length > TailleMax)
        {
            throw InvalidInputException.Pour("Fichier", $"Le fichier dépasse {TailleMax / 1024 / 1024} Mo : réduisez-le (scan en 150 dpi, PDF compressé).");
        }

        var type = TypeReel(contenu) ?? throw InvalidInputException.Pour("Fichier", "Seuls les PDF et les images (PNG, JPEG) sont acceptés : le contenu de ce fichier n'en est pas un.");
        var nom = Path.GetFileName(nomFichier.Replace('\\', '/'));
        nom = string.IsNullOrWhiteSpace(nom) ? "document" : nom[..Math.Min(190, nom.Length)];

        // The stored name's extension follows the detected content: a PDF sent as "scan.exe" is kept and served as "scan.pdf".
        var extensions = Extensions(type);
        if (!extensions.Contains(Path.GetExtension(nom).ToLowerInvariant()))
        {
            nom = Path.GetFileNameWithoutExtension(nom) is { Length: > 0 } radical ? radical + extensions[0] : "document" + extensions[0];
        }

        return new Document(structureId, jeuneId, categorie, nom, type, contenu, par, le);
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
