using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Documents;
using MissionLocale.Domain.Insertion;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Insertion.DeciderCer;

/// <summary>CER-06: the validateur du département validates a submitted CER (its PDF archived, CER-08) or refuses it with a motive.</summary>
[Requires(Droit.ValiderRsa)]
public sealed record DeciderCerCommand(Guid CerId, int Version, bool Valider, string? Motif) : ICommand<int>, ITransactional;

public sealed class DeciderCerValidator : AbstractValidator<DeciderCerCommand>
{
    public DeciderCerValidator() => RuleFor(x => x.Motif).MaximumLength(500).WithMessage("Le motif compte au plus 500 caractères.");
}

public sealed class DeciderCerHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, ILettresPdf pdf) : ICommandHandler<DeciderCerCommand, int>
{
    public async ValueTask<int> Handle(DeciderCerCommand c, CancellationToken cancellationToken)
    {
        await db.VerifierValidateurAsync(user, cancellationToken);
        var cer = await db.Cers.AVersionAsync(c.CerId, c.Version, Rsa.Introuvable, cancellationToken);
        cer.Decider(c.Valider, c.Motif, clock.Aujourdhui(), user.UtilisateurId);
        if (cer.Etat == EtatCer.Valide)
        {
            await db.ArchiverAsync(cer, user, clock, pdf, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return cer.Version;
    }
}
