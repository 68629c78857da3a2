using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Comptes.GererComptes;
using MissionLocale.Application.Rgpd.ConsulterJournal;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Comptes.ModifierCompte;

/// <summary>USR-05, USR-06: profile, antenne, functions and e-mail of an account of the structure.</summary>
[Requires(Droit.GererComptes)]
public sealed record ModifierCompteCommand(Guid CompteId, Guid? AntenneId, Profil? Profil, FonctionsCompte Fonctions, string? Email) : ICommand<Unit>, ITransactional;

public sealed class ModifierCompteValidator : AbstractValidator<ModifierCompteCommand>
{
    public ModifierCompteValidator(IAppDbContext db)
    {
        RuleFor(x => x.Profil).NotNull().WithMessage("Le profil est obligatoire.").IsInEnum().WithMessage("Choisissez un profil de la liste.")
            .Must(p => p != Domain.Utilisateurs.Profil.AdministrateurNational).WithMessage("Le profil d'administrateur national ne se donne pas depuis une structure.");
        RuleFor(x => x.Fonctions).IsInEnum().WithMessage("Choisissez des fonctions de la liste.");
        RuleFor(x => x.Email).NotEmpty().WithMessage("L'adresse e-mail est obligatoire (USR-01).")
            .EmailAddress().WithMessage("L'adresse e-mail n'est pas valide : vérifiez-la (exemple : prenom.nom@mission-locale.fr).");
        RuleFor(x => x.AntenneId).AntenneDeLaStructure(db);
    }
}

public sealed class ModifierCompteHandler(IComptes comptes, IAppDbContext db, ICurrentUser user) : ICommandHandler<ModifierCompteCommand, Unit>
{
    public async ValueTask<Unit> Handle(ModifierCompteCommand c, CancellationToken cancellationToken)
    {
        var compte = await comptes.TrouverAsync(user.StructureId, c.CompteId, cancellationToken) ?? throw new NotFoundException("Compte introuvable.");
        ReglesComptes.VerifierModifiable(compte.Desabonne);
        ReglesComptes.VerifierDirectionUnique(c.Profil!.Value, await comptes.DirectionAsync(user.StructureId, c.CompteId, cancellationToken));
        ReglesComptes.VerifierDelegueUnique(c.Fonctions, await DelegueProtectionDonnees.ExistantAsync(db, c.CompteId, cancellationToken));
        if (!compte.Actif && c.Profil == Profil.Direction && compte.Profil != Profil.Direction)
        {
            // USR-05: Direction is removed before deactivation, so it is not given to a deactivated account either.
            ReglesComptes.VerifierSansDirection(c.Profil.Value);
        }

        await comptes.ModifierAsync(user.StructureId, c.CompteId, c.AntenneId, c.Profil.Value, c.Fonctions, c.Email!.Trim(), cancellationToken);
        return Unit.Value;
    }
}
