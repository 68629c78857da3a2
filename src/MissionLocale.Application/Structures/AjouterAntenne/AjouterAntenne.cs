using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Structures;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Structures.AjouterAntenne;

/// <summary>USR-07: a new antenne (lieu d'accueil) with the address and opening hours printed on its letters.</summary>
[Requires(Droit.GererReferentiels)]
public sealed record AjouterAntenneCommand(string? Nom, string? AdresseVoie, string? CodePostal, string? CommuneInsee, string? Telephone, string? Horaires) : ICommand<Guid>, ITransactional;

public sealed class AjouterAntenneValidator : AbstractValidator<AjouterAntenneCommand>
{
    public AjouterAntenneValidator(IAppDbContext db) => AntenneRegles.Appliquer(this, db, x => x.Nom, x => x.CodePostal, x => x.CommuneInsee, x => x.Telephone, x => x.Horaires);
}

public sealed class AjouterAntenneHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<AjouterAntenneCommand, Guid>
{
    public async ValueTask<Guid> Handle(AjouterAntenneCommand c, CancellationToken cancellationToken)
    {
        var nom = c.Nom!.Trim();
        ReglesStructure.VerifierNomAntenneLibre(await db.Antennes.AnyAsync(a => a.Nom == nom, cancellationToken), nom);
        var a = new Antenne(user.StructureId, nom);
        a.Modifier(nom, c.AdresseVoie, c.CodePostal, c.CommuneInsee, c.Telephone, c.Horaires);
        db.Antennes.Add(a);
        await db.SaveChangesAsync(cancellationToken);
        return a.Id;
    }
}

/// <summary>The shape of an antenne's fields, shared by creation and modification.</summary>
public static class AntenneRegles
{
    public static void Appliquer<T>(AbstractValidator<T> v, IAppDbContext db, Func<T, string?> nom, Func<T, string?> codePostal, Func<T, string?> commune, Func<T, string?> telephone, Func<T, string?> horaires)
    {
        v.RuleFor(x => nom(x)).NotEmpty().WithMessage("Le nom de l'antenne est obligatoire.").MaximumLength(150).WithMessage("Le nom ne peut pas dépasser 150 caractères.").OverridePropertyName("Nom");
        v.RuleFor(x => codePostal(x)).Matches("^[0-9]{5}$").When(x => !string.IsNullOrEmpty(codePostal(x))).WithMessage("Le code postal compte 5 chiffres.").OverridePropertyName("CodePostal");
        v.RuleFor(x => commune(x)).MustAsync(async (c, ct) => string.IsNullOrEmpty(c) || await db.Communes.AnyAsync(x => x.CodeInsee == c, ct))
            .WithMessage("Commune inconnue : indiquez son code INSEE.").OverridePropertyName("CommuneInsee");
        v.RuleFor(x => telephone(x)).Matches(@"^\+?[0-9 .]{10,20}$").When(x => !string.IsNullOrWhiteSpace(telephone(x))).WithMessage("Le téléphone compte 10 chiffres (exemple : 02 99 00 00 00).").OverridePropertyName("Telephone");
        v.RuleFor(x => horaires(x)).MaximumLength(300).WithMessage("Les horaires ne peuvent pas dépasser 300 caractères.").OverridePropertyName("Horaires");
    }
}
