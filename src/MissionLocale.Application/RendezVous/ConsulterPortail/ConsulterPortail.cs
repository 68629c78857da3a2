using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.RendezVous;

namespace MissionLocale.Application.RendezVous.ConsulterPortail;

public sealed record LigneRendezVous(Guid Id, Guid JeuneId, string Nom, string Prenom, DateTimeOffset Debut, DateTimeOffset Fin, string Objet, Modalite Modalite, StatutRendezVous Statut, MotifAbsence? MotifAbsence, int Version);

/// <summary>RDV-02: my rendez-vous à venir, réalisés, non traités (past and still Planifié), with counts.</summary>
public sealed record Portail(int NbAVenir, int NbRealises, int NbNonTraites, IReadOnlyList<LigneRendezVous> AVenir, IReadOnlyList<LigneRendezVous> Realises, IReadOnlyList<LigneRendezVous> NonTraites);

public sealed record ConsulterPortailQuery(int Taille = 20) : IQuery<Portail>;

public sealed class ConsulterPortailHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ConsulterPortailQuery, Portail>
{
    public async ValueTask<Portail> Handle(ConsulterPortailQuery q, CancellationToken cancellationToken)
    {
        var maintenant = clock.GetUtcNow();
        var mes = from r in db.RendezVous.AsNoTracking()
                  join j in db.Jeunes on r.JeuneId equals j.Id
                  where r.IntervenantId == user.UtilisateurId
                  select new { r, j };
        var aVenir = mes.Where(x => x.r.Statut == StatutRendezVous.Planifie && x.r.Fin >= maintenant);
        var nonTraites = mes.Where(x => x.r.Statut == StatutRendezVous.Planifie && x.r.Fin < maintenant);
        var realises = mes.Where(x => x.r.Statut == StatutRendezVous.Present || x.r.Statut == StatutRendezVous.Absent);

        // The three counts in one query.
        var comptes = await db.RendezVous.AsNoTracking().Where(r => r.IntervenantId == user.UtilisateurId).GroupBy(r => 1)
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
            await aVenir.OrderBy(x => x.r.Debut).Take(q.Taille).Select(x => new LigneRendezVous(x.r.Id, x.j.Id, x.j.NomUsage, x.j.Prenom, x.r.Debut, x.r.Fin, x.r.Objet, x.r.Modalite, x.r.Statut, x.r.MotifAbsence, x.r.Version)).ToListAsync(cancellationToken),
            await realises.OrderByDescending(x => x.r.Debut).Take(q.Taille).Select(x => new LigneRendezVous(x.r.Id, x.j.Id, x.j.NomUsage, x.j.Prenom, x.r.Debut, x.r.Fin, x.r.Objet, x.r.Modalite, x.r.Statut, x.r.MotifAbsence, x.r.Version)).ToListAsync(cancellationToken),
            await nonTraites.OrderBy(x => x.r.Debut).Take(q.Taille).Select(x => new LigneRendezVous(x.r.Id, x.j.Id, x.j.NomUsage, x.j.Prenom, x.r.Debut, x.r.Fin, x.r.Objet, x.r.Modalite, x.r.Statut, x.r.MotifAbsence, x.r.Version)).ToListAsync(cancellationToken));
    }
}
