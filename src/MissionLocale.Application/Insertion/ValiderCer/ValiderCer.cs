using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Documents;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Insertion.ValiderCer;

/// <summary>CER-06: once signed, « Valider » (the PDF is then archived, CER-08) or « Soumettre pour validation » to the département.</summary>
[Requires(Droit.GererRsa)]
public sealed record ValiderCerCommand(Guid CerId, int Version, bool Soumettre) : ICommand<int>, ITransactional;

public sealed class ValiderCerHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, ILettresPdf pdf) : ICommandHandler<ValiderCerCommand, int>
{
    public async ValueTask<int> Handle(ValiderCerCommand c, CancellationToken cancellationToken)
    {
        var cer = await db.Cers.AVersionAsync(c.CerId, c.Version, Rsa.Introuvable, cancellationToken);
        if (c.Soumettre)
        {
            cer.Soumettre();
        }
        else
        {
            cer.Valider(clock.Aujourdhui());
            await db.ArchiverAsync(cer, user, clock, pdf, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return cer.Version;
    }
}
