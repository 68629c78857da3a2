using FluentValidation;

namespace MissionLocale.Application.Documents.GererModeles;

/// <summary>The same checks for a template saved and a template previewed (an empty body is "obligatoire", never a 500).</summary>
internal static class ReglesModele
{
    public static void Appliquer<T>(AbstractValidator<T> v, System.Linq.Expressions.Expression<Func<T, string>> titre, System.Linq.Expressions.Expression<Func<T, string>> corps)
    {
        v.RuleFor(titre).NotEmpty().WithMessage("Le titre est obligatoire.").MaximumLength(150).WithMessage("Le titre ne peut pas dépasser 150 caractères.");
        v.RuleFor(corps).NotEmpty().WithMessage("Le texte du modèle est obligatoire.").MaximumLength(20000).WithMessage("Le texte ne peut pas dépasser 20 000 caractères.");
        v.RuleFor(corps).Must(c => System.Text.RegularExpressions.Regex.Matches(c ?? string.Empty, @"\{\{\s*([a-z]+\.[a-z]+)\s*\}\}")
                .All(m => Publipostage.Champs.Contains(m.Groups[1].Value)))
            .WithMessage($"Le modèle contient un champ inconnu. Champs possibles : {string.Join(", ", Publipostage.Champs.Select(c => "{{" + c + "}}"))}.");
    }
}
