using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Jeunes;

namespace MissionLocale.Application.Dispositifs;

/// <summary>QPV-01/QPV-02: the QPV marker follows the address: opened on arrival in a QPV, closed on leaving it.</summary>
public static class MarqueurQpvQueries
{
    public const string MotifSortieQpv = "Déménagement hors QPV";

    /// <summary>Opens the marker (pilote from the reference data, opérateur = the jeune's antenne) unless one is open.</summary>
    public static async Task<Dispositif?> OuvrirMarqueurQpvAsync(this IAppDbContext db, Jeune jeune, DateOnly date, Guid evenementId, CancellationToken ct)
    {
        var pilote = await db.ParametreAsync("QPV-01.Pilote", date, ct) ?? "12-MLD";
        var dispositifs = await db.Dispositifs.Where(d => d.JeuneId == jeune.Id).ToListAsync(ct);
        var d = OuvertureDispositif.MarqueurQpv(jeune, dispositifs, date, evenementId, pilote, jeune.AntenneId);
        if (d is not null)
        {
            db.Dispositifs.Add(d);
        }

        return d;
    }

    /// <summary>Closes the open marker with "Déménagement hors QPV" when the jeune leaves the QPV.</summary>
    public static async Task CloreMarqueurQpvAsync(this IAppDbContext db, Guid jeuneId, DateOnly date, DateOnly aujourdhui, CancellationToken ct)
    {
        var d = await db.Dispositifs.SingleOrDefaultAsync(x => x.JeuneId == jeuneId && x.TypeCode == CodeDispositif.Qpv && x.DateFinReelle == null, ct);
        if (d is null)
        {
            return;
        }

        if (d.DateDebut > aujourdhui)
        {
            // A marker of a move still to come that is replaced before it took effect: it never existed.
            db.Dispositifs.Remove(d);
            return;
        }

        var fin = date > aujourdhui ? aujourdhui : date;
        fin = fin < d.DateDebut ? d.DateDebut : fin;
        var type = (await db.TypeValideLeAsync(CodeDispositif.Qpv, d.DateDebut, ct))!;
        var motif = await db.MotifsSortie.AsNoTracking().ValidesLe(fin)
            .FirstAsync(m => m.TypeCode == CodeDispositif.Qpv && m.Libelle == MotifSortieQpv, ct);
        d.Clore(fin, motif, type, aujourdhui);
    }
}
