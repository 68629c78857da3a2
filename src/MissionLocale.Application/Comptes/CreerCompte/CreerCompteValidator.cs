using FluentValidation;
using MissionLocale.Application.Common;

namespace MissionLocale.Application.Comptes.CreerCompte;

public sealed class CreerCompteValidator : AbstractValidator<CreerCompteCommand>
{
    public CreerCompteValidator(IAppDbContext db)
    {
        RuleFor(x => x.Nom).NotEmpty().WithMessage("Le nom est obligatoire.").MaximumLength(100).WithMessage("Le nom ne peut pas dépasser 100 caractères.");
        RuleFor(x => x.Prenom).NotEmpty().WithMessage("Le prénom est obligatoire.").MaximumLength(100).WithMessage("Le prénom ne peut pas dépasser 100 caractères.");
        RuleFor(x => x.Email).NotEmpty().WithMessage("L'adresse e-mail est obligatoire.")
            .EmailAddress().WithMessage("L'adresse e-mail n'est pas valide : vérifiez-la (exemple : prenom.nom@mission-locale.fr).")
            .MaximumLength(200).WithMessage("L'adresse e-mail ne peut pas dépasser 200 caractères.");
        RuleFor(x => x.Civilite).IsInEnum().WithMessage("Choisissez la civilité.");
        RuleFor(x => x.Profil).NotNull().WithMessage("Le profil est obligatoire.").IsInEnum().WithMessage("Choisissez un profil de la liste.")
            .Must(p => p != Domain.Utilisateurs.Profil.AdministrateurNational).WithMessage("Le profil d'administrateur national ne se donne pas depuis une structure.");
        RuleFor(x => x.Fonctions).IsInEnum().WithMessage("Choisissez des fonctions de la liste.");
        RuleFor(x => x.AntenneId).AntenneDeLaStructure(db);
    }
}
