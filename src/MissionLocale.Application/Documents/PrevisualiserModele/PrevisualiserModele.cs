using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Documents.GererModeles;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Documents.PrevisualiserModele;

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
