using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Dispositifs.CreerParrain;

/// <summary>PARR-01: records a volunteer parrain or marraine.</summary>
[Requires(Droit.GererDispositifs)]
public sealed record CreerParrainCommand(string Nom, string Prenom, string? Entreprise, string? Metier, string? Email, string? Telephone) : ICommand<Guid>, ITransactional;

public sealed class CreerParrainValidator : AbstractValidator<CreerParrainCommand>
{
    public CreerParrainValidator()
    {
        RuleFor(x => x.Nom).NotEmpty().WithMessage("Le nom est obligatoire.").MaximumLength(100).WithMessage("Le nom ne peut pas dépasser 100 caractères.");
        RuleFor(x => x.Prenom).NotEmpty().WithMessage("Le prénom est obligatoire.").MaximumLength(100).WithMessage("Le prénom ne peut pas dépasser 100 caractères.");
        RuleFor(x => x.Entreprise).MaximumLength(150).WithMessage("L'entreprise ne peut pas dépasser 150 caractères.");
        RuleFor(x => x.Metier).MaximumLength(150).WithMessage("Le métier ne peut pas dépasser 150 caractères.");
        RuleFor(x => x.Email).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage("L'adresse e-mail n'est pas valide.");
        RuleFor(x => x.Telephone).MaximumLength(20).WithMessage("Le téléphone ne peut pas dépasser 20 caractères.");
    }
}

public sealed class CreerParrainHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<CreerParrainCommand, Guid>
{
    public async ValueTask<Guid> Handle(CreerParrainCommand c, CancellationToken cancellationToken)
    {
        var p = new Parrain(user.StructureId, c.Nom, c.Prenom, c.Entreprise, c.Metier, c.Email, c.Telephone);
        db.Parrains.Add(p);
        await db.SaveChangesAsync(cancellationToken);
        return p.Id;
    }
}
