using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Insertion;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Insertion.CommenterSaisine;

/// <summary>EP-04: the référent's « commentaire insertion », the only thing that changes in a saisine, until the committee sits.</summary>
[Requires(Droit.GererRsa)]
public sealed record CommenterSaisineCommand(Guid SaisineId, int Version, string? CommentaireInsertion) : ICommand<int>, ITransactional;

public sealed class CommenterSaisineValidator : AbstractValidator<CommenterSaisineCommand>
{
    public CommenterSaisineValidator() =>
        RuleFor(x => x.CommentaireInsertion).MaximumLength(SaisineEp.LongueurCommentaireMax).WithMessage($"Le commentaire compte au plus {SaisineEp.LongueurCommentaireMax} caractères.");
}

public sealed class CommenterSaisineHandler(IAppDbContext db) : ICommandHandler<CommenterSaisineCommand, int>
{
    public async ValueTask<int> Handle(CommenterSaisineCommand c, CancellationToken cancellationToken)
    {
        var s = await db.SaisinesEp.AVersionAsync(c.SaisineId, c.Version, "Saisine introuvable dans votre Mission Locale.", cancellationToken);
        s.CommenterInsertion(c.CommentaireInsertion);
        await db.SaveChangesAsync(cancellationToken);
        return s.Version;
    }
}
