using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.RendezVous;

namespace MissionLocale.Application.RendezVous.ConsulterPortail;

public sealed record LigneRendezVous(Guid Id, Guid JeuneId, string Nom, string Prenom, DateTimeOffset Debut, DateTimeOffset Fin, string Objet, Modalite Modalite, StatutRendezVous Statut, MotifAbsence? MotifAbsence, int Version);

/// <summary>RDV-02: my rendez-vous à venir, réalisés, non traités (past and still Planifié), with counts.</summary>
public sealed record Portail(int NbAVenir, int NbRealises, int NbNonTraites, IReadOnlyList<LigneRendezVous> AVenir, IReadOnlyList<LigneRendezVous> Realises, IReadOnlyList<LigneRendezVous> NonTraites);

[Connecte]
public sealed record ConsulterPortailQuery(int Taille = 20) : IQuery<Portail>;

public sealed class ConsulterPortailHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ConsulterPortailQuery, Portail>
{
    public async ValueTask<Portail> Handle(ConsulterPortailQuery q, CancellationToken cancellationToken)
    {
        var maintenant = clock.GetUtcNow();
        var mes = db.RendezVous.AsNoTracking().Where(r => r.IntervenantId == user.UtilisateurId);

        // The lines of a list: the rendez-vous chosen and ordered first, then joined to their jeunes (kept in order).
        async Task<IReadOnlyList<LigneRendezVous>> LignesAsync(IQueryable<Domain.RendezVous.RendezVous> rdvs, bool recentsDabord)
        {
            var lignes = await (from r in rdvs
                                join j in db.Jeunes on r.JeuneId equals j.Id
                                select new LigneRendezVous(r.Id, j.Id, j.NomUsage, j.Prenom, r.Debut, r.Fin, r.Objet, r.Modalite, r.Statut, r.MotifAbsence, r.Version))
                .ToListAsync(cancellationToken);
            return recentsDabord ? lignes.OrderByDescending(l => l.Debut).ToList() : lignes.OrderBy(l => l.Debut).ToList();
        }

        // The three counts in one query.
        var comptes = await mes.GroupBy(r => 1)
            .Select(g => new
            {
                AVenir = g.Count(r => r.Statut == StatutRendezVous.Planifie && r.Fin >= maintenant),
                NonTraites = g.Count(r => r.Statut == StatutRendezVous.Planifie && r.Fin < maintenant),
                Realises = g.Count(r => r.Statut == StatutRendezVous.Present || r.Statut == StatutRendezVous.Absent),
            }).FirstOrDefaultAsync(cancellationToken);
        return new Portail(
            comptes?.AVenir ?? 0,
            comptes?.Realises ?? 0,
            comptes?.NonTraites ?? 0,
            await LignesAsync(mes.Where(r => r.Statut == StatutRendezVous.Planifie && r.Fin >= maintenant).OrderBy(r => r.Debut).Take(q.Taille), false),
            await LignesAsync(mes.Where(r => r.Statut == StatutRendezVous.Present || r.Statut == StatutRendezVous.Absent).OrderByDescending(r => r.Debut).Take(q.Taille), true),
            await LignesAsync(mes.Where(r => r.Statut == StatutRendezVous.Planifie && r.Fin < maintenant).OrderBy(r => r.Debut).Take(q.Taille), false));
    }
}
