using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.RechercherJeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Transferts.ListerPortefeuille;

/// <summary>USR-09: the portfolio of a conseiller of the structure (or the jeunes without référent), to select what to transfer.</summary>
[Requires(Droit.TransfererEnMasse)]
public sealed record ListerPortefeuilleQuery(Guid? ConseillerId, string? Apres = null, int Taille = 200) : IQuery<PortefeuilleConseiller>;

/// <summary>A page of the portfolio and its total size.</summary>
public sealed record PortefeuilleConseiller(int Total, Page<JeuneResume> Jeunes);

public sealed class ListerPortefeuilleHandler(IAppDbContext db) : IQueryHandler<ListerPortefeuilleQuery, PortefeuilleConseiller>
{
    public async ValueTask<PortefeuilleConseiller> Handle(ListerPortefeuilleQuery q, CancellationToken cancellationToken)
    {
        var jeunes = db.Jeunes.AsNoTracking().Where(j => j.ConseillerReferentId == q.ConseillerId);
        return new PortefeuilleConseiller(await jeunes.CountAsync(cancellationToken),
            await RechercherJeunesHandler.PaginerAsync(jeunes, q.Apres, Math.Clamp(q.Taille, 1, 500), db, cancellationToken));
    }
}
