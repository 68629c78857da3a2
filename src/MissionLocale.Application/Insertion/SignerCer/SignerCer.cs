using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Insertion.SignerCer;

/// <summary>CER-06: the beneficiary signs, then the référent (the drawn signatures come with the pages of issue 15).</summary>
[Requires(Droit.GererDispositifs)]
public sealed record SignerCerCommand(Guid CerId, int Version, bool Beneficiaire) : ICommand<int>, ITransactional;

public sealed class SignerCerHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<SignerCerCommand, int>
{
    public async ValueTask<int> Handle(SignerCerCommand c, CancellationToken cancellationToken)
    {
        var cer = await db.Cers.AVersionAsync(c.CerId, c.Version, "Contrat introuvable dans votre Mission Locale.", cancellationToken);
        if (c.Beneficiaire)
        {
            cer.SignerBeneficiaire(clock.Aujourdhui());
        }
        else
        {
            cer.SignerReferent(clock.Aujourdhui());
        }

        await db.SaveChangesAsync(cancellationToken);
        return cer.Version;
    }
}
