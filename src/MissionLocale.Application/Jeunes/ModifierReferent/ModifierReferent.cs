using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Jeunes.ModifierReferent;

/// <summary>JEU-09: conseiller référent, lieu de rattachement, origine de la venue, savoirs de base.</summary>
[Requires(Droit.ChangerReferent)]
public sealed record ModifierReferentCommand(Guid JeuneId, int Version, Guid? ConseillerReferentId, Guid AntenneId, string? OrigineVenue, SavoirsDeBase SavoirsDeBase)
    : ICommand<DossierModifie>, ITransactional, IModificationDossier;

public sealed class ModifierReferentValidator : AbstractValidator<ModifierReferentCommand>
{
    public ModifierReferentValidator(IAppDbContext db)
    {
        RuleFor(x => x.ConseillerReferentId)
            .MustAsync(async (id, ct) => await db.Utilisateurs.AnyAsync(u => u.Id == id && u.Actif && u.Profil == Profil.Conseiller, ct))
            .When(x => x.ConseillerReferentId is not null)
            .WithMessage("Le conseiller référent doit être un conseiller actif de la structure (JEU-09).");
        RuleFor(x => x.AntenneId).MustAsync(async (id, ct) => await db.Antennes.AnyAsync(a => a.Id == id, ct))
            .WithMessage("Choisissez un lieu de rattachement de la structure.");
        RuleFor(x => x.OrigineVenue).MaximumLength(100).WithMessage("L'origine de la venue ne peut pas dépasser 100 caractères.");
        RuleFor(x => x.SavoirsDeBase).IsInEnum().WithMessage("Valeur inconnue pour les savoirs de base.");
    }
}

public sealed class ModifierReferentHandler(IAppDbContext db) : ICommandHandler<ModifierReferentCommand, DossierModifie>
{
    public async ValueTask<DossierModifie> Handle(ModifierReferentCommand command, CancellationToken cancellationToken)
    {
        var jeune = await db.ChargerPourModificationAsync(command.JeuneId, command.Version, cancellationToken);
        jeune.ModifierReferent(command.ConseillerReferentId, command.AntenneId, command.OrigineVenue, command.SavoirsDeBase);
        await db.SaveChangesAsync(cancellationToken);
        return new DossierModifie(jeune.Id, jeune.Version);
    }
}
