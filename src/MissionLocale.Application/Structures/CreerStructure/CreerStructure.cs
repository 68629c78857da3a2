using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Comptes.GererComptes;
using MissionLocale.Domain.Structures;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Structures.CreerStructure;

/// <summary>
/// USR-06: the national administrator creates a Mission Locale with its territory (communes of the official list), a
/// first antenne at its address, and its first administrator, who receives the first-access link (USR-01).
/// </summary>
[Requires(Droit.GererStructures)]
public sealed record CreerStructureCommand(string? Code, string? Nom, string? AdresseVoie, string? CodePostal, string? CommuneInsee, IReadOnlyList<string>? Communes,
    Domain.Jeunes.Civilite? AdministrateurCivilite, string? AdministrateurNom, string? AdministrateurPrenom, string? AdministrateurEmail) : ICommand<StructureCreee>, ITransactional;

public sealed record StructureCreee(Guid Id, string Code, Guid AdministrateurId, string AdministrateurLogin);

public sealed class CreerStructureValidator : AbstractValidator<CreerStructureCommand>
{
    public CreerStructureValidator(IAppDbContext db)
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage("Le code est obligatoire.").Matches("^[A-Za-z0-9-]{2,20}$").WithMessage("Le code compte 2 à 20 lettres, chiffres ou tirets (exemple : ML35-RENNES).");
        RuleFor(x => x.Nom).NotEmpty().WithMessage("Le nom est obligatoire.").MaximumLength(150).WithMessage("Le nom ne peut pas dépasser 150 caractères.");
        RuleFor(x => x.AdresseVoie).NotEmpty().WithMessage("L'adresse est obligatoire.").MaximumLength(100).WithMessage("L'adresse ne peut pas dépasser 100 caractères.");
        RuleFor(x => x.CodePostal).NotEmpty().WithMessage("Le code postal est obligatoire.").Matches("^[0-9]{5}$").WithMessage("Le code postal compte 5 chiffres.");
        RuleFor(x => x.CommuneInsee).NotEmpty().WithMessage("La commune est obligatoire.")
            .MustAsync(async (c, ct) => string.IsNullOrEmpty(c) || await db.Communes.AnyAsync(x => x.CodeInsee == c, ct)).WithMessage("Commune inconnue : choisissez-la dans la liste officielle.");
        RuleFor(x => x.Communes).NotEmpty().WithMessage("Le territoire est obligatoire : indiquez ses communes (codes INSEE).")
            .MustAsync(async (cs, ct) => cs is null || await db.Communes.Where(c => cs.Contains(c.CodeInsee)).Select(c => c.CodeInsee).Distinct().CountAsync(ct) == cs.Distinct().Count())
            .WithMessage("Le territoire contient des codes qui ne sont pas des communes de la liste officielle : vérifiez-les.");
        RuleFor(x => x.AdministrateurNom).NotEmpty().WithMessage("Le nom de l'administrateur est obligatoire.");
        RuleFor(x => x.AdministrateurPrenom).NotEmpty().WithMessage("Le prénom de l'administrateur est obligatoire.");
        RuleFor(x => x.AdministrateurEmail).NotEmpty().WithMessage("L'adresse e-mail de l'administrateur est obligatoire.")
            .EmailAddress().WithMessage("L'adresse e-mail de l'administrateur n'est pas valide.");
    }
}

public sealed class CreerStructureHandler(IAppDbContext db, IComptes comptes) : ICommandHandler<CreerStructureCommand, StructureCreee>
{
    public async ValueTask<StructureCreee> Handle(CreerStructureCommand c, CancellationToken cancellationToken)
    {
        var code = c.Code!.Trim().ToUpperInvariant();
        await db.VerrouillerAsync("USR-06:" + code, cancellationToken);
        ReglesStructure.VerifierCodeLibre(await db.Structures.AnyAsync(s => s.Code == code, cancellationToken), code);
        ReglesComptes.VerifierPersonnePhysique(c.AdministrateurNom!, c.AdministrateurPrenom!, c.AdministrateurEmail);
        var structure = Structure.Creer(code, c.Nom!, c.AdresseVoie!, c.CodePostal!, c.CommuneInsee!, c.Communes!);
        db.Structures.Add(structure);
        var siege = new Antenne(structure.Id, "Siège");
        siege.Modifier("Siège", c.AdresseVoie, c.CodePostal, c.CommuneInsee, null, null);
        db.Antennes.Add(siege);
        await db.SaveChangesAsync(cancellationToken);
        var admin = await comptes.CreerAsync(structure.Id, new NouveauCompte(c.AdministrateurCivilite, c.AdministrateurNom!.Trim(), c.AdministrateurPrenom!.Trim(), c.AdministrateurEmail!.Trim(), siege.Id, Profil.Administrateur, FonctionsCompte.Aucune), cancellationToken);
        return new StructureCreee(structure.Id, code, admin.Id, admin.Login);
    }
}
