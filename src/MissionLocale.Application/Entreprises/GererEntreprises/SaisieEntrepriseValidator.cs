using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;

namespace MissionLocale.Application.Entreprises.GererEntreprises;

/// <summary>The shape of a company's fields, shared by creation and modification (ENT-01's check digits are the domain's).</summary>
public static class SaisieEntrepriseRegles
{
    public static void Appliquer<T>(AbstractValidator<T> v, IAppDbContext db, Func<T, string?> siret, Func<T, string?> raison, Func<T, string?> commune, Func<T, string?> codePostal, Func<T, Guid?> referent)
    {
        v.RuleFor(x => siret(x)).NotEmpty().WithMessage("Le SIRET est obligatoire.").WithName("Siret").OverridePropertyName("Siret");
        v.RuleFor(x => raison(x)).NotEmpty().WithMessage("La raison sociale est obligatoire.").MaximumLength(200).WithMessage("La raison sociale ne peut pas dépasser 200 caractères.").OverridePropertyName("RaisonSociale");
        v.RuleFor(x => commune(x)).NotEmpty().WithMessage("La commune est obligatoire.")
            .MustAsync(async (c, ct) => string.IsNullOrEmpty(c) || await db.Communes.AnyAsync(x => x.CodeInsee == c, ct)).WithMessage("Commune inconnue : choisissez-la dans la liste.")
            .OverridePropertyName("CommuneInsee");
        v.RuleFor(x => codePostal(x)).Matches("^[0-9]{5}$").When(x => !string.IsNullOrEmpty(codePostal(x))).WithMessage("Le code postal compte 5 chiffres.").OverridePropertyName("CodePostal");
        v.RuleFor(x => referent(x)).UtilisateurDeLaStructure(db).OverridePropertyName("ReferentId");
    }
}
