using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Entreprises.AjouterContactEntreprise;

/// <summary>A person to call at the company.</summary>
[Requires(Droit.GererEntreprises)]
public sealed record AjouterContactEntrepriseCommand(Guid EntrepriseId, int Version, string? Nom, string? Prenom, string? Fonction, string? Telephone, string? Email) : ICommand<Guid>, ITransactional;

public sealed class AjouterContactEntrepriseValidator : AbstractValidator<AjouterContactEntrepriseCommand>
{
    public AjouterContactEntrepriseValidator()
    {
        RuleFor(x => x.Nom).NotEmpty().WithMessage("Le nom du contact est obligatoire.").MaximumLength(100).WithMessage("Le nom ne peut pas dépasser 100 caractères.");
        RuleFor(x => x.Prenom).MaximumLength(100).WithMessage("Le prénom ne peut pas dépasser 100 caractères.");
        RuleFor(x => x.Fonction).MaximumLength(100).WithMessage("La fonction ne peut pas dépasser 100 caractères.");
        RuleFor(x => x.Email).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage("L'adresse e-mail n'est pas valide.");
        RuleFor(x => x.Telephone).Matches(@"^\+?[0-9 .]{10,20}$").When(x => !string.IsNullOrWhiteSpace(x.Telephone)).WithMessage("Le téléphone compte 10 chiffres (exemple : 02 99 00 00 00).");
        RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.Telephone) || !string.IsNullOrWhiteSpace(x.Email))
            .WithMessage("Indiquez un téléphone ou une adresse e-mail pour joindre ce contact.").OverridePropertyName("Telephone");
    }
}

public sealed class AjouterContactEntrepriseHandler(IAppDbContext db) : ICommandHandler<AjouterContactEntrepriseCommand, Guid>
{
    public async ValueTask<Guid> Handle(AjouterContactEntrepriseCommand c, CancellationToken cancellationToken)
    {
        var e = await db.Entreprises.Include(x => x.Contacts).AVersionAsync(c.EntrepriseId, c.Version, "Entreprise introuvable.", cancellationToken);
        var contact = e.AjouterContact(c.Nom!, c.Prenom, c.Fonction, c.Telephone, c.Email);
        await db.SaveChangesAsync(cancellationToken);
        return contact.Id;
    }
}
