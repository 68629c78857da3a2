using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Jeunes.JustifierIdentite;

/// <summary>JEU-03: records the piece presented, who and when.</summary>
[Requires(Droit.JustifierIdentite)]
public sealed record JustifierIdentiteCommand(Guid JeuneId, int Version, PieceJustificative Piece) : ICommand<DossierModifie>, ITransactional, IModificationDossier;

public sealed class JustifierIdentiteValidator : AbstractValidator<JustifierIdentiteCommand>
{
    public JustifierIdentiteValidator() =>
        RuleFor(x => x.Piece).IsInEnum().WithMessage("Choisissez la pièce justificative présentée.");
}

public sealed class JustifierIdentiteHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<JustifierIdentiteCommand, DossierModifie>
{
    public async ValueTask<DossierModifie> Handle(JustifierIdentiteCommand command, CancellationToken cancellationToken)
    {
        var jeune = await db.ChargerPourModificationAsync(command.JeuneId, command.Version, cancellationToken);
        jeune.Justifier(command.Piece, user.UtilisateurId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new DossierModifie(jeune.Id, jeune.Version);
    }
}
