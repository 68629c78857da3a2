using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Insertion.SignerCer;

/// <summary>CER-06: the beneficiary signs on screen, then the référent (a PNG data URL drawn with the pointer, a finger or a mouse).</summary>
[Requires(Droit.GererRsa)]
public sealed record SignerCerCommand(Guid CerId, int Version, bool Beneficiaire, string? Signature) : ICommand<int>, ITransactional;

public sealed class SignerCerValidator : AbstractValidator<SignerCerCommand>
{
    public SignerCerValidator() =>
        RuleFor(x => x.Signature).NotEmpty().WithMessage("La signature est obligatoire : signez dans le cadre, ou choisissez « signé sur papier ».");
}

public sealed class SignerCerHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SignerCerCommand, int>
{
    public async ValueTask<int> Handle(SignerCerCommand c, CancellationToken cancellationToken)
    {
        var cer = await db.Cers.AVersionAsync(c.CerId, c.Version, Rsa.Introuvable, cancellationToken);
        var image = Rsa.Octets(c.Signature) ?? [];
        if (c.Beneficiaire)
        {
            cer.SignerBeneficiaire(clock.Aujourdhui(), image);
        }
        else
        {
            cer.SignerReferent(clock.Aujourdhui(), image, user.UtilisateurId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return cer.Version;
    }
}
