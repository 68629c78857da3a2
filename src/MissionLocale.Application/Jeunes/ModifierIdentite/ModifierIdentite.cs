using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Jeunes.ModifierIdentite;

/// <summary>JEU-01 identity; JEU-03: a justified dossier needs a new piece to change names or date of birth.</summary>
[Requires(Droit.ModifierDossier)]
public sealed record ModifierIdentiteCommand : ICommand<DossierModifie>, ITransactional, IModificationDossier, IChampsIdentite
{
    public Guid JeuneId { get; init; }

    public int Version { get; init; }

    public Civilite Civilite { get; init; }

    public string Nom { get; init; } = string.Empty;

    public string? NomNaissance { get; init; }

    public string Prenom { get; init; } = string.Empty;

    public DateOnly DateNaissance { get; init; }

    public bool NeALEtranger { get; init; }

    public string? PaysNaissanceCode { get; init; }

    public string? CommuneNaissanceInsee { get; init; }

    public Nationalite Nationalite { get; init; }

    public SituationFamiliale SituationFamiliale { get; init; }

    public int EnfantsACharge { get; init; }

    public ModeGarde ModeGarde { get; init; }

    public bool? Recense { get; init; }

    public bool? JdcEffectuee { get; init; }

    /// <summary>The new piece presented when a justified field changes (JEU-03).</summary>
    public PieceJustificative? NouvellePiece { get; init; }
}

public sealed class ModifierIdentiteValidator : AbstractValidator<ModifierIdentiteCommand>
{
    public ModifierIdentiteValidator(IAppDbContext db, TimeProvider clock)
    {
        Include(new IdentiteRules<ModifierIdentiteCommand>(db, clock));
        RuleFor(x => x.NouvellePiece).IsInEnum().WithMessage("Pièce justificative inconnue.");
    }
}

public sealed class ModifierIdentiteHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ModifierIdentiteCommand, DossierModifie>
{
    public async ValueTask<DossierModifie> Handle(ModifierIdentiteCommand command, CancellationToken cancellationToken)
    {
        var jeune = await db.ChargerPourModificationAsync(command.JeuneId, command.Version, cancellationToken);
        jeune.ModifierIdentite(command.VersIdentite(), command.NouvellePiece, user.UtilisateurId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new DossierModifie(jeune.Id, jeune.Version);
    }
}
