using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Dispositifs;

namespace MissionLocale.Application.Dispositifs;

/// <summary>A CEJ period of a jeune.</summary>
public sealed record PeriodeCej(Guid JeuneId, DateOnly Debut, DateOnly? Fin);

/// <summary>
/// Loads what CEJ-02..04 count for many jeunes over a range of weeks in three set-based queries (événements, attended
/// sessions, situations), then counts each week in memory with the scale valid on its Monday.
/// </summary>
public static class CalculHeuresCej
{
    public static async Task<Dictionary<Guid, List<SemaineCej>>> HeuresCejAsync(
        this IAppDbContext db, TimeProvider clock, IReadOnlyCollection<PeriodeCej> periodes, DateOnly premierLundi, DateOnly dernierLundi, CancellationToken ct)
    {
        var resultat = periodes.ToDictionary(p => p.JeuneId, _ => new List<SemaineCej>());
        if (periodes.Count == 0)
        {
            return resultat;
        }

        var ids = periodes.Select(p => p.JeuneId).Distinct().ToList();
        var fin = dernierLundi.AddDays(7);
        var zone = clock.LocalTimeZone;
        var duUtc = clock.InstantLocal(premierLundi);
        var auUtc = clock.InstantLocal(fin);

        var evenements = await db.Evenements.AsNoTracking()
            .Where(e => ids.Contains(e.JeuneId) && e.Date >= duUtc && e.Date < auUtc)
            .Select(e => new { e.JeuneId, e.Date, e.Nature, e.DureeMinutes })
            .ToListAsync(ct);
        var sessions = await (
                from p in db.Positionnements.AsNoTracking()
                join s in db.Sessions.AsNoTracking() on p.SessionId equals s.Id
                join o in db.Offres.AsNoTracking() on s.OffreId equals o.Id
                where ids.Contains(p.JeuneId) && p.Present == true && s.Debut >= duUtc && s.Debut < auUtc
                select new { p.JeuneId, s.Debut, o.Libelle, s.DureeMinutes })
            .ToListAsync(ct);
        var situations = await db.Situations.AsNoTracking()
            .Where(s => ids.Contains(s.JeuneId) && s.DateDebut < fin && (s.DateInterruption ?? s.DateFin) >= premierLundi)
            .Select(s => new { s.JeuneId, s.Type, s.DateDebut, Fin = s.DateInterruption ?? s.DateFin, s.TypeContrat, s.Mesure })
            .ToListAsync(ct);
        var parametres = await db.ParametresRegle.AsNoTracking().ToListAsync(ct);

        var evParJeune = evenements.ToLookup(e => e.JeuneId, e => new ActiviteEvenement(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(e.Date, zone).DateTime), e.Nature, e.DureeMinutes));
        var seParJeune = sessions.ToLookup(s => s.JeuneId, s => new ActiviteSession(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.Debut, zone).DateTime), s.Libelle, s.DureeMinutes));
        var siParJeune = situations.ToLookup(s => s.JeuneId, s => new ActiviteSituation(s.Type, s.DateDebut, s.Fin, s.TypeContrat, s.Mesure));
        var baremes = new Dictionary<DateOnly, BaremeHeuresCej>();

        foreach (var p in periodes)
        {
            var ev = evParJeune[p.JeuneId].ToList();
            var se = seParJeune[p.JeuneId].ToList();
            var si = siParJeune[p.JeuneId].ToList();
            for (var lundi = premierLundi; lundi <= dernierLundi; lundi = lundi.AddDays(7))
            {
                if (p.Debut > lundi.AddDays(6) || (p.Fin is { } f && f < lundi))
                {
                    continue;
                }

                if (!baremes.TryGetValue(lundi, out var bareme))
                {
                    var jour = lundi;
                    bareme = BaremeHeuresCej.Depuis(parametres.Where(x => x.DateDebut <= jour && (x.DateFin == null || x.DateFin >= jour))
                        .GroupBy(x => x.Code).ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.DateDebut).First().Valeur));
                    baremes[lundi] = bareme;
                }

                resultat[p.JeuneId].Add(HeuresCej.Calculer(lundi, p.Debut, p.Fin, ev, se, si, bareme));
            }
        }

        return resultat;
    }
}
