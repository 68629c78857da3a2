using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.RechercherJeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Jeunes.ListerMesJeunes;

/// <summary>The conseiller's portfolio ("Mes jeunes"): the dossiers they are référent of (JEU-09).</summary>
[Requires(Droit.RechercherJeunes)]
public sealed record ListerMesJeunesQuery(string? Apres = null, int Taille = 50) : IQuery<Page<JeuneResume>>;

public sealed class ListerMesJeunesHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListerMesJeunesQuery, Page<JeuneResume>>
{
    public async ValueTask<Page<JeuneResume>> Handle(ListerMesJeunesQuery query, CancellationToken cancellationToken) =>
        await RechercherJeunesHandler.PaginerAsync(
            db.Jeunes.AsNoTracking().Where(j => j.ConseillerReferentId == user.UtilisateurId),
            query.Apres, query.Taille, db, cancellationToken);
}
