using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Reference;

namespace MissionLocale.Application.Reference.ExecuterFusions;

/// <summary>
/// USR-10: the nightly job (04:00 Europe/Paris, one node of the cluster) runs the structure's due merges, each in its
/// own transaction: all the uses move, or none. A merge planned for a later night waits.
/// </summary>
public static class ExecutionFusions
{
    public static async Task<int> ExecuterDuesAsync(IAppDbContext db, DateTimeOffset maintenant, CancellationToken ct)
    {
        var dues = await db.Fusions.Where(f => f.Etat == EtatFusion.Programmee && f.PrevueLe <= maintenant).OrderBy(f => f.DemandeeLe).Select(f => f.Id).ToListAsync(ct);
        foreach (var id in dues)
        {
            await db.EnTransactionAsync(async c =>
            {
                var f = await db.Fusions.SingleAsync(x => x.Id == id && x.Etat == EtatFusion.Programmee, c);
                f.Executer(maintenant, await db.ReaffecterAsync(f, c));
                await db.SaveChangesAsync(c);
                return 0;
            }, ct);
        }

        return dues.Count;
    }
}
