using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.RechercherJeunes;
using MissionLocale.Application.Pilotage.Common;
using MissionLocale.Domain.Pilotage;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Pilotage.RechercherDossiers;

/// <summary>PIL-02: the filtered list of the search builder, paginated like the search (keyset), with its total.</summary>
[Requires(Droit.RechercherJeunes)]
public sealed record RechercherDossiersQuery(CriteresRecherche Criteres, string? Apres = null, int Taille = 50) : IQuery<ResultatRecherche>;

public sealed record ResultatRecherche(Page<JeuneResume> Page, int Total);

public sealed class RechercherDossiersValidator : AbstractValidator<RechercherDossiersQuery>
{
    public RechercherDossiersValidator()
    {
        RuleFor(x => x.Criteres).NotNull().WithMessage("Les critères sont obligatoires.").SetValidator(new CriteresRechercheValidator());
        RuleFor(x => x.Taille).InclusiveBetween(1, 100).WithMessage("La taille d'une page est comprise entre 1 et 100.");
    }
}

public sealed class RechercherDossiersHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<RechercherDossiersQuery, ResultatRecherche>
{
    public async ValueTask<ResultatRecherche> Handle(RechercherDossiersQuery q, CancellationToken cancellationToken)
    {
        var jeunes = db.Jeunes.AsNoTracking().Filtrer(q.Criteres, db, clock.Aujourdhui(), clock);
        var total = await jeunes.CountAsync(cancellationToken);
        var page = await RechercherJeunesHandler.PaginerAsync(jeunes, q.Apres, q.Taille, db, cancellationToken);
        return new ResultatRecherche(page, total);
    }
}
