using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Jeunes;

namespace MissionLocale.Application.Jeunes.Common;

/// <summary>Identity fields shared by the premier accueil and the identity tab.</summary>
public interface IChampsIdentite
{
    Civilite Civilite { get; }

    string Nom { get; }

    string? NomNaissance { get; }

    string Prenom { get; }

    DateOnly DateNaissance { get; }

    bool NeALEtranger { get; }

    string? PaysNaissanceCode { get; }

    string? CommuneNaissanceInsee { get; }

    Nationalite Nationalite { get; }

    SituationFamiliale SituationFamiliale { get; }

    int EnfantsACharge { get; }

    ModeGarde ModeGarde { get; }

    bool? Recense { get; }

    bool? JdcEffectuee { get; }
}

public interface IChampsContacts
{
    string? Email { get; }

    string? TelephoneMobile { get; }

    bool MobileJoignable { get; }

    string? TelephoneFixe { get; }

    bool FixeJoignable { get; }

    string? CommentaireContact { get; }
}

public interface IChampsAdresse
{
    string? Numero { get; }

    string? Voie { get; }

    string? Complement { get; }

    string? Batiment { get; }

    string? Escalier { get; }

    string? Etage { get; }

    string? Appartement { get; }

    string? CodePostal { get; }

    string? CommuneInsee { get; }
}

public static partial class SaisieRules
{
    public const int LongueurNomMax = 50;

    public static SaisieIdentite VersIdentite(this IChampsIdentite i) => new(
        i.Civilite, i.Nom, i.NomNaissance, i.Prenom, i.DateNaissance, i.NeALEtranger, i.PaysNaissanceCode,
        i.CommuneNaissanceInsee, i.Nationalite, i.SituationFamiliale, i.EnfantsACharge, i.ModeGarde, i.Recense, i.JdcEffectuee);

    public static SaisieContacts VersContacts(this IChampsContacts c) =>
        new(c.Email, c.TelephoneMobile, c.MobileJoignable, c.TelephoneFixe, c.FixeJoignable, c.CommentaireContact);

    public static async Task<SaisieAdresse> VersSaisieAsync(this IChampsAdresse a, IAppDbContext db, CancellationToken ct)
    {
        var commune = await db.Communes.AsNoTracking().SingleOrDefaultAsync(c => c.CodeInsee == a.CommuneInsee, ct)
            ?? throw InvalidInputException.Pour(nameof(IChampsAdresse.CommuneInsee), "Choisissez la commune.");
        return new SaisieAdresse(Vide(a.Numero), a.Voie!.Trim(), Vide(a.Complement), Vide(a.Batiment), Vide(a.Escalier), Vide(a.Etage), Vide(a.Appartement), a.CodePostal!.Trim(), commune.CodeInsee, commune.Nom);
    }

    public static bool EstVide(this IChampsAdresse a) =>
        string.IsNullOrWhiteSpace(a.Voie) && string.IsNullOrWhiteSpace(a.CodePostal) && string.IsNullOrWhiteSpace(a.CommuneInsee);

    private static string? Vide(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"^[\p{L}][\p{L}' \-]*$")]
    public static partial Regex NomRegex();

    [GeneratedRegex(@"^(\+33 ?|0)[1-9]( ?[0-9]{2}){4}$|^\+[1-9][0-9 ]{6,18}$")]
    public static partial Regex TelephoneRegex();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    public static partial Regex EmailRegex();

    [GeneratedRegex(@"^[0-9]{5}$")]
    public static partial Regex CodePostalRegex();

    [GeneratedRegex(@"^[0-9AB]{5}$")]
    public static partial Regex InseeRegex();
}

/// <summary>Shape of identity input (JEU-01). Reference checks (commune, pays) hit the database.</summary>
public sealed class IdentiteRules<T> : AbstractValidator<T>
    where T : IChampsIdentite
{
    public IdentiteRules(IAppDbContext db, TimeProvider clock)
    {
        RuleFor(x => x.Civilite).IsInEnum().WithMessage("Choisissez la civilité.");
        RuleFor(x => x.Nom).NotEmpty().WithMessage("Le nom est obligatoire.")
            .MaximumLength(SaisieRules.LongueurNomMax).WithMessage($"Le nom ne peut pas dépasser {SaisieRules.LongueurNomMax} caractères.")
            .Matches(SaisieRules.NomRegex()).WithMessage("Le nom ne peut contenir que des lettres, des espaces, des tirets et des apostrophes.");
        RuleFor(x => x.NomNaissance).MaximumLength(SaisieRules.LongueurNomMax).WithMessage($"Le nom de naissance ne peut pas dépasser {SaisieRules.LongueurNomMax} caractères.")
            .Matches(SaisieRules.NomRegex()).When(x => !string.IsNullOrWhiteSpace(x.NomNaissance))
            .WithMessage("Le nom de naissance ne peut contenir que des lettres, des espaces, des tirets et des apostrophes.");
        RuleFor(x => x.Prenom).NotEmpty().WithMessage("Le prénom est obligatoire.")
            .MaximumLength(SaisieRules.LongueurNomMax).WithMessage($"Le prénom ne peut pas dépasser {SaisieRules.LongueurNomMax} caractères.")
            .Matches(SaisieRules.NomRegex()).WithMessage("Le prénom ne peut contenir que des lettres, des espaces, des tirets et des apostrophes.");
        RuleFor(x => x.DateNaissance)
            .Must(d => d != default).WithMessage("La date de naissance est obligatoire.")
            .Must(d => d <= DateOnly.FromDateTime(clock.GetLocalNow().Date)).WithMessage("La date de naissance ne peut pas être dans le futur.")
            .Must(d => d == default || d >= DateOnly.FromDateTime(clock.GetLocalNow().Date).AddYears(-100)).WithMessage("La date de naissance est trop ancienne : vérifiez l'année.");
        RuleFor(x => x.Nationalite).IsInEnum().WithMessage("Choisissez la nationalité.");
        RuleFor(x => x.SituationFamiliale).IsInEnum().WithMessage("Situation familiale inconnue.");
        RuleFor(x => x.ModeGarde).IsInEnum().WithMessage("Mode de garde inconnu.");
        RuleFor(x => x.EnfantsACharge).InclusiveBetween(0, 20).WithMessage("Le nombre d'enfants à charge est compris entre 0 et 20.");
        RuleFor(x => x.PaysNaissanceCode)
            .NotEmpty().When(x => x.NeALEtranger).WithMessage("Un jeune né à l'étranger doit avoir un pays de naissance (JEU-01).")
            .MustAsync(async (c, ct) => await db.Pays.AnyAsync(p => p.Code == c, ct))
            .When(x => x.NeALEtranger && !string.IsNullOrWhiteSpace(x.PaysNaissanceCode)).WithMessage("Pays de naissance inconnu.");
        RuleFor(x => x.CommuneNaissanceInsee)
            .NotEmpty().When(x => !x.NeALEtranger).WithMessage("Indiquez la commune de naissance, ou cochez « Né à l'étranger » (JEU-01).")
            .MustAsync(async (c, ct) => await db.Communes.AnyAsync(p => p.CodeInsee == c, ct))
            .When(x => !x.NeALEtranger && !string.IsNullOrWhiteSpace(x.CommuneNaissanceInsee)).WithMessage("Commune de naissance inconnue : choisissez une commune de la liste (code INSEE).");
    }
}

public sealed class ContactsRules<T> : AbstractValidator<T>
    where T : IChampsContacts
{
    public ContactsRules()
    {
        RuleFor(x => x.Email).MaximumLength(254).WithMessage("L'adresse e-mail ne peut pas dépasser 254 caractères.")
            .Matches(SaisieRules.EmailRegex()).When(x => !string.IsNullOrWhiteSpace(x.Email))
            .WithMessage("L'adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).");
        RuleFor(x => x.TelephoneMobile).Matches(SaisieRules.TelephoneRegex()).When(x => !string.IsNullOrWhiteSpace(x.TelephoneMobile))
            .WithMessage("Le numéro de mobile n'est pas valide (exemple : 06 12 34 56 78).");
        RuleFor(x => x.TelephoneFixe).Matches(SaisieRules.TelephoneRegex()).When(x => !string.IsNullOrWhiteSpace(x.TelephoneFixe))
            .WithMessage("Le numéro de téléphone fixe n'est pas valide (exemple : 02 99 12 34 56).");
        RuleFor(x => x.CommentaireContact).MaximumLength(500).WithMessage("Le commentaire ne peut pas dépasser 500 caractères.");
    }
}

/// <summary>Shape of an address (JEU-05); the commune must exist and carry the code postal.</summary>
public sealed class AdresseRules<T> : AbstractValidator<T>
    where T : IChampsAdresse
{
    public AdresseRules(IAppDbContext db)
    {
        RuleFor(x => x.Voie).NotEmpty().WithMessage("La voie est obligatoire.").MaximumLength(100).WithMessage("La voie ne peut pas dépasser 100 caractères.");
        RuleFor(x => x.Numero).MaximumLength(10).WithMessage("Le numéro ne peut pas dépasser 10 caractères.");
        RuleFor(x => x.Complement).MaximumLength(38).WithMessage("Le complément ne peut pas dépasser 38 caractères.");
        RuleFor(x => x.Batiment).MaximumLength(20).WithMessage("Le bâtiment ne peut pas dépasser 20 caractères.");
        RuleFor(x => x.Escalier).MaximumLength(10).WithMessage("L'escalier ne peut pas dépasser 10 caractères.");
        RuleFor(x => x.Etage).MaximumLength(10).WithMessage("L'étage ne peut pas dépasser 10 caractères.");
        RuleFor(x => x.Appartement).MaximumLength(10).WithMessage("L'appartement ne peut pas dépasser 10 caractères.");
        RuleFor(x => x.CodePostal).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Le code postal est obligatoire.")
            .Matches(SaisieRules.CodePostalRegex()).WithMessage("Le code postal compte 5 chiffres.")
            .MustAsync(async (cp, ct) => await db.CodesPostaux.AnyAsync(p => p.Code == cp!.Trim(), ct))
            .WithMessage("Code postal inconnu : vérifiez-le.");

        // The condition applies to the commune check only: an empty commune is always "Choisissez la commune" (it was
        // skipped with the check, and the save failed with a 500).
        RuleFor(x => x.CommuneInsee).NotEmpty().WithMessage("Choisissez la commune.")
            .WhenAsync(async (x, ct) => x.CodePostal is { } cp && await db.CodesPostaux.AnyAsync(p => p.Code == cp.Trim(), ct), ApplyConditionTo.CurrentValidator)
            .MustAsync(async (x, c, ct) => await db.CodesPostaux.AnyAsync(p => p.CommuneInsee == c && p.Code == x.CodePostal, ct))
            .When(x => !string.IsNullOrWhiteSpace(x.CodePostal) && !string.IsNullOrWhiteSpace(x.CommuneInsee), ApplyConditionTo.CurrentValidator)
            .WithMessage("Commune inconnue pour ce code postal : choisissez une commune de la liste.");
    }
}
