using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Allocations;

namespace MissionLocale.Application.Allocations.LotsAsp;

/// <summary>ALLOC-11: proposes batches (reserving the validated requests), used by validators and by the scheduled job.</summary>
public static class PreparationLots
{
    public static Task<LotAsp?> ProposerAsync(IAppDbContext db, Guid structureId, string typeCode, Guid? par, DateTimeOffset maintenant, DateOnly jour, CancellationToken ct) =>
        db.EnTransactionAsync<LotAsp?>(
            async c =>
            {
                var numero = (await db.LotsAsp.MaxAsync(l => (int?)l.Numero, c) ?? 0) + 1;
                var lot = new LotAsp(structureId, typeCode, numero, jour, par, maintenant);
                db.LotsAsp.Add(lot);
                await db.SaveChangesAsync(c);
                var (nombre, total) = await db.ReserverDemandesLotAsync(lot.Id, typeCode, c);
                if (nombre == 0)
                {
                    db.LotsAsp.Remove(lot);
                    await db.SaveChangesAsync(c);
                    return null;
                }

                lot.Compter(nombre, total);
                await db.SaveChangesAsync(c);
                return lot;
            },
            ct);

    /// <summary>The job's run for one structure: the batches due today (see <see cref="CalendrierLots"/>).</summary>
    public static async Task<int> ProposerDusAsync(IAppDbContext db, Guid structureId, DateTimeOffset maintenant, DateOnly jour, CancellationToken ct)
    {
        var debutMois = new DateOnly(jour.Year, jour.Month, 1);
        var lots = (await db.LotsAsp.Where(l => l.DateLot >= debutMois && l.Etat != EtatLot.Abandonne).Select(l => new { l.TypeCode, l.DateLot }).ToListAsync(ct))
            .Select(l => (l.TypeCode, l.DateLot)).ToList();
        var n = 0;
        foreach (var type in CalendrierLots.Dus(jour, lots))
        {
            n += await ProposerAsync(db, structureId, type, null, maintenant, jour, ct) is null ? 0 : 1;
        }

        return n;
    }

    public static LotDto VersDto(LotAsp l) => new(l.Id, l.TypeCode, l.Numero, l.DateLot, l.Etat, l.NombreDemandes, l.Total, l.ProposeLe, l.ProposePar is null, l.EnvoyeLe, l.NomFichier, l.Version);
}
