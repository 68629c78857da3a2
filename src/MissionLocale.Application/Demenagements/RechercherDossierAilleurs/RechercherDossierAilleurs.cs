using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Demenagements;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Demenagements.RechercherDossierAilleurs;

/// <summary>DEM-01 (proposal): does another Mission Locale hold a dossier for this identity? Where, never what.</summary>
[Requires(Droit.DemenagerDossiers)]
public sealed record RechercherDossierAilleursQuery(string? Nom, string? Prenom, DateOnly? DateNaissance) : IQuery<IReadOnlyList<DossierTrouveAilleurs>>;

/// <summary>A dossier of another structure: the reference to ask for it with, where it is, and whether a request is pending.</summary>
public sealed record DossierTrouveAilleurs(Guid Reference, string Structure, bool DemandeEnCours);

public sealed class RechercherDossierAilleursValidator : AbstractValidator<RechercherDossierAilleursQuery>
{
    public RechercherDossierAilleursValidator()
    {
        RuleFor(x => x.Nom).NotEmpty().WithMessage("Le nom est obligatoire.");
        RuleFor(x => x.Prenom).NotEmpty().WithMessage("Le prénom est obligatoire.");
        RuleFor(x => x.DateNaissance).NotNull().WithMessage("La date de naissance est obligatoire.");
    }
}

public sealed class RechercherDossierAilleursHandler(IAppDbContext db) : IQueryHandler<RechercherDossierAilleursQuery, IReadOnlyList<DossierTrouveAilleurs>>
{
    public async ValueTask<IReadOnlyList<DossierTrouveAilleurs>> Handle(RechercherDossierAilleursQuery q, CancellationToken cancellationToken)
    {
        var trouves = await db.RechercherDossiersAilleursAsync(Texte.NomNormalise(q.Nom!), Texte.Cle(q.Prenom!), q.DateNaissance!.Value, cancellationToken);
        var ids = trouves.Select(t => t.Reference).ToList();
        var enCours = await db.Demenagements.Where(d => ids.Contains(d.JeuneId) && d.Etat == EtatDemenagement.Demandee).Select(d => d.JeuneId).ToListAsync(cancellationToken);
        return trouves.Select(t => new DossierTrouveAilleurs(t.Reference, t.Structure, enCours.Contains(t.Reference))).ToList();
    }
}
