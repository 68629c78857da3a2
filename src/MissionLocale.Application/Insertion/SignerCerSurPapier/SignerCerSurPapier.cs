using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Documents.DeposerDocument;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Insertion.SignerCerSurPapier;

/// <summary>CER-06, the keyboard alternative: the contract printed, signed by both on paper, its scan (PDF or image) kept in the dossier.</summary>
[Requires(Droit.GererRsa)]
public sealed record SignerCerSurPapierCommand(Guid CerId, int Version, string NomFichier, byte[] Scan) : ICommand<int>, ITransactional;

public sealed class SignerCerSurPapierHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SignerCerSurPapierCommand, int>
{
    public async ValueTask<int> Handle(SignerCerSurPapierCommand c, CancellationToken cancellationToken)
    {
        var cer = await db.Cers.AVersionAsync(c.CerId, c.Version, Rsa.Introuvable, cancellationToken);
        var scan = DeposerDocumentHandler.Nouveau(cer.StructureId, cer.JeuneId, CategorieDocument.Contrat, $"CER signé sur papier {c.NomFichier}", c.Scan, user.UtilisateurId, clock.GetUtcNow());
        cer.SignerSurPapier(clock.Aujourdhui(), scan.Id, user.UtilisateurId);
        db.Documents.Add(scan);
        await db.SaveChangesAsync(cancellationToken);
        return cer.Version;
    }
}
