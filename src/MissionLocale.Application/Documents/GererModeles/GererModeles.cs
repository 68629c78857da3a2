using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Documents.GererModeles;

public sealed record ModeleDto(Guid Id, CategorieDocument Categorie, string Titre, string Corps, bool Actif, int Version);

[Requires(Droit.ConsulterDossier)]
public sealed record ListerModelesQuery : IQuery<IReadOnlyList<ModeleDto>>;

public sealed class ListerModelesHandler(IAppDbContext db) : IQueryHandler<ListerModelesQuery, IReadOnlyList<ModeleDto>>
{
    public async ValueTask<IReadOnlyList<ModeleDto>> Handle(ListerModelesQuery q, CancellationToken cancellationToken) =>
        await db.ModelesLettre.AsNoTracking().OrderBy(m => m.Categorie).ThenBy(m => m.Titre)
            .Select(m => new ModeleDto(m.Id, m.Categorie, m.Titre, m.Corps, m.Actif, m.Version)).ToListAsync(cancellationToken);
}

/// <summary>RDV-03: an administrator edits a letter template.</summary>
[Requires(Droit.GererModelesLettre)]
public sealed record ModifierModeleCommand(Guid ModeleId, int Version, string Titre, string Corps) : ICommand<int>, ITransactional;

public sealed class ModifierModeleValidator : AbstractValidator<ModifierModeleCommand>
{
    public ModifierModeleValidator() => ReglesModele.Appliquer(this, x => x.Titre, x => x.Corps);
}

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

public sealed class ModifierModeleHandler(IAppDbContext db) : ICommandHandler<ModifierModeleCommand, int>
{
    public async ValueTask<int> Handle(ModifierModeleCommand c, CancellationToken cancellationToken)
    {
        var m = await db.ModelesLettre.SingleOrDefaultAsync(x => x.Id == c.ModeleId, cancellationToken) ?? throw new NotFoundException("Modèle introuvable.");
        if (m.Version != c.Version)
        {
            throw new ConcurrencyConflictException();
        }

        m.Modifier(c.Titre, c.Corps);
        await db.SaveChangesAsync(cancellationToken);
        return m.Version;
    }
}

/// <summary>A preview of a template with example values, as a PDF.</summary>
[Requires(Droit.GererModelesLettre)]
public sealed record PrevisualiserModeleQuery(string Titre, string Corps) : IQuery<byte[]>;

public sealed class PrevisualiserModeleValidator : AbstractValidator<PrevisualiserModeleQuery>
{
    public PrevisualiserModeleValidator() => ReglesModele.Appliquer(this, x => x.Titre, x => x.Corps);
}

public sealed class PrevisualiserModeleHandler(ILettresPdf pdf) : IQueryHandler<PrevisualiserModeleQuery, byte[]>
{
    private static readonly Dictionary<string, string> Exemple = new()
    {
        ["jeune.civilite"] = "Madame",
        ["jeune.nom"] = "MULLER",
        ["jeune.prenom"] = "Élodie",
        ["jeune.numero"] = "12345",
        ["jeune.adresse"] = "Bât. B Esc. 2 Appt 14\n12 rue de Paris\n35000 RENNES",
        ["rdv.date"] = "lundi 7 décembre 2026",
        ["rdv.heure"] = "14h30",
        ["rdv.fin"] = "15h00",
        ["rdv.lieu"] = "Mission Locale, antenne Centre",
        ["rdv.objet"] = "Entretien de suivi",
        ["rdv.modalite"] = "sur place",
        ["conseiller.nom"] = "Debout",
        ["conseiller.prenom"] = "Sylvain",
        ["structure.nom"] = "Mission Locale",
        ["structure.adresse"] = "6 cours des Alliés, 35000 Rennes",
        ["structure.commune"] = "Rennes",
        ["date.jour"] = "30 novembre 2026",
    };

    public ValueTask<byte[]> Handle(PrevisualiserModeleQuery q, CancellationToken cancellationToken) =>
        ValueTask.FromResult(pdf.Rendre([new Lettre(q.Titre, Publipostage.Fusionner(q.Corps, Exemple))]));
}
