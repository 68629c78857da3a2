using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Insertion;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Insertion.DeciderSaisine;

/// <summary>What the validateur du département does with a saisine (EP-03, EP-05).</summary>
public enum ActionSaisine
{
    Inscrire = 1,
    Refuser = 2,
    Statuer = 3,
    LeverSanction = 4,
}

/// <summary>
/// EP-03: the validateur du département inscribes a saisine for a committee (name, date) or refuses it with a comment;
/// then records the committee's decision and whether a sanction is active; EP-05: lifts that sanction.
/// </summary>
[Requires(Droit.ValiderRsa)]
public sealed record DeciderSaisineCommand(Guid SaisineId, int Version, ActionSaisine? Action, string? Commission = null, DateOnly? DateCommission = null,
    string? CommentaireValidation = null, string? Decision = null, bool SanctionActive = false) : ICommand<int>, ITransactional;

public sealed class DeciderSaisineValidator : AbstractValidator<DeciderSaisineCommand>
{
    public DeciderSaisineValidator()
    {
        RuleFor(x => x.Action).NotEmpty().WithMessage("Choisissez la décision : inscrire, refuser, statuer ou lever la sanction.");
        RuleFor(x => x.Commission).MaximumLength(200).WithMessage("La commission compte au plus 200 caractères.");
        RuleFor(x => x.Decision).MaximumLength(500).WithMessage("La décision compte au plus 500 caractères.");
        RuleFor(x => x.CommentaireValidation).MaximumLength(SaisineEp.LongueurCommentaireMax).WithMessage($"Le commentaire compte au plus {SaisineEp.LongueurCommentaireMax} caractères.");
    }
}

public sealed class DeciderSaisineHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<DeciderSaisineCommand, int>
{
    public async ValueTask<int> Handle(DeciderSaisineCommand c, CancellationToken cancellationToken)
    {
        await db.VerifierValidateurAsync(user, cancellationToken);
        var s = await db.SaisinesEp.AVersionAsync(c.SaisineId, c.Version, "Saisine introuvable dans votre Mission Locale.", cancellationToken);
        switch (c.Action)
        {
            case ActionSaisine.Inscrire:
                s.Inscrire(c.Commission, c.DateCommission);
                break;
            case ActionSaisine.Refuser:
                s.Refuser(c.CommentaireValidation);
                break;
            case ActionSaisine.Statuer:
                s.Statuer(c.Decision, c.SanctionActive, clock.Aujourdhui());
                break;
            default:
                s.LeverLaSanction();
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        return s.Version;
    }
}
