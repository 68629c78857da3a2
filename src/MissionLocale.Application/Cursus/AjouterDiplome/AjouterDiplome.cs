using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Cursus.ConsulterCursus;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Cursus.AjouterDiplome;

/// <summary>
/// CUR-02: a diploma or title obtained. A diploma of the nomenclature (by code or label) brings its level; any other
/// title (an RNCP title) is entered with its level and, when registered, its RNCP code.
/// </summary>
[Requires(Droit.ModifierDossier)]
public sealed record AjouterDiplomeCommand(Guid JeuneId, int Version, string Libelle, int? Niveau, int? Annee, string? CodeRncp = null)
    : ICommand<DossierModifie>, ITransactional, IModificationDossier;

/// <summary>CUR-02: removes a diploma entered by mistake (the history keeps it).</summary>
[Requires(Droit.ModifierDossier)]
public sealed record RetirerDiplomeCommand(Guid JeuneId, int Version, Guid DiplomeId) : ICommand<DossierModifie>, ITransactional, IModificationDossier;

public sealed class AjouterDiplomeValidator : AbstractValidator<AjouterDiplomeCommand>
{
    public AjouterDiplomeValidator(TimeProvider clock)
    {
        RuleFor(x => x.Libelle).NotEmpty().WithMessage("Le diplôme ou titre est obligatoire.")
            .MaximumLength(150).WithMessage("Le diplôme ou titre ne peut pas dépasser 150 caractères.");
        RuleFor(x => x.Annee).InclusiveBetween(1950, clock.Aujourdhui().Year).When(x => x.Annee is not null)
            .WithMessage($"L'année d'obtention doit être comprise entre 1950 et {clock.Aujourdhui().Year}.");
        RuleFor(x => x.CodeRncp).MaximumLength(12).WithMessage("Le code RNCP ne peut pas dépasser 12 caractères.");
    }
}

public sealed class AjouterDiplomeHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<AjouterDiplomeCommand, DossierModifie>
{
    public async ValueTask<DossierModifie> Handle(AjouterDiplomeCommand c, CancellationToken cancellationToken)
    {
        var jeune = await db.ChargerPourModificationAsync(c.JeuneId, c.Version, cancellationToken);
        var connu = await db.ValidationAsync(c.Libelle, clock.Aujourdhui(), cancellationToken);

        // A diploma of the nomenclature has its level (CUR-02); another title needs one, or CUR-02 refuses it.
        var niveau = connu?.Niveau ?? c.Niveau ?? -1;
        jeune.AjouterDiplome(connu?.Libelle ?? c.Libelle, niveau, c.Annee, c.CodeRncp);
        await db.SaveChangesAsync(cancellationToken);
        return new DossierModifie(jeune.Id, jeune.Version);
    }
}

public sealed class RetirerDiplomeHandler(IAppDbContext db) : ICommandHandler<RetirerDiplomeCommand, DossierModifie>
{
    public async ValueTask<DossierModifie> Handle(RetirerDiplomeCommand c, CancellationToken cancellationToken)
    {
        var jeune = await db.ChargerPourModificationAsync(c.JeuneId, c.Version, cancellationToken);
        if (!jeune.RetirerDiplome(c.DiplomeId))
        {
            throw new NotFoundException("Diplôme introuvable dans ce dossier.");
        }

        await db.SaveChangesAsync(cancellationToken);
        return new DossierModifie(jeune.Id, jeune.Version);
    }
}
