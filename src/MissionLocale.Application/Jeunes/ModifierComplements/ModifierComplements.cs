using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Jeunes.ModifierComplements;

/// <summary>JEU-08: social cover, RSA, RQTH, France Travail registration.</summary>
[Requires(Droit.ModifierDossier)]
public sealed record ModifierComplementsCommand : ICommand<DossierModifie>, ITransactional, IModificationDossier
{
    public Guid JeuneId { get; init; }

    public int Version { get; init; }

    public string? CouvertureSociale { get; init; }

    public string? CouvertureComplementaire { get; init; }

    public Rsa Rsa { get; init; }

    public bool Rqth { get; init; }

    public string? RqthCategorie { get; init; }

    public bool InscritFranceTravail { get; init; }

    public string? IdentifiantFt { get; init; }

    /// <summary>PACEA-03: AGDREF number (outside the EEE).</summary>
    public string? NumeroAgdref { get; init; }

    public DateOnly? FinTitreSejour { get; init; }
}

public sealed class ModifierComplementsValidator : AbstractValidator<ModifierComplementsCommand>
{
    public ModifierComplementsValidator()
    {
        RuleFor(x => x.CouvertureSociale).MaximumLength(50).WithMessage("La couverture sociale ne peut pas dépasser 50 caractères.");
        RuleFor(x => x.CouvertureComplementaire).MaximumLength(50).WithMessage("La couverture complémentaire ne peut pas dépasser 50 caractères.");
        RuleFor(x => x.Rsa).IsInEnum().WithMessage("Valeur RSA inconnue.");
        RuleFor(x => x.RqthCategorie).MaximumLength(50).WithMessage("La catégorie RQTH ne peut pas dépasser 50 caractères.");
        RuleFor(x => x.IdentifiantFt).NotEmpty().When(x => x.InscritFranceTravail)
            .WithMessage("Le jeune est inscrit à France Travail : saisissez son identifiant (JEU-08).");
        RuleFor(x => x.IdentifiantFt).Matches("^[0-9A-Za-z]{7,11}$").When(x => x.InscritFranceTravail && !string.IsNullOrWhiteSpace(x.IdentifiantFt))
            .WithMessage("L'identifiant France Travail compte de 7 à 11 chiffres ou lettres (exemple : 1234567A).");
        RuleFor(x => x.NumeroAgdref).Matches("^[0-9]{10}$").When(x => !string.IsNullOrWhiteSpace(x.NumeroAgdref))
            .WithMessage("Le numéro AGDREF compte 10 chiffres (il figure sur le titre de séjour).");
    }
}

public sealed class ModifierComplementsHandler(IAppDbContext db) : ICommandHandler<ModifierComplementsCommand, DossierModifie>
{
    public async ValueTask<DossierModifie> Handle(ModifierComplementsCommand command, CancellationToken cancellationToken)
    {
        var jeune = await db.ChargerPourModificationAsync(command.JeuneId, command.Version, cancellationToken);
        jeune.ModifierComplements(new SaisieComplements(
            command.CouvertureSociale, command.CouvertureComplementaire, command.Rsa, command.Rqth, command.RqthCategorie,
            command.InscritFranceTravail, command.IdentifiantFt, command.NumeroAgdref, command.FinTitreSejour));
        await db.SaveChangesAsync(cancellationToken);
        return new DossierModifie(jeune.Id, jeune.Version);
    }
}
