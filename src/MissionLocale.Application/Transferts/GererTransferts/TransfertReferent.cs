using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Transferts.GererTransferts;

/// <summary>USR-09: what the transfers of a référent (companies, offres de service) share: checks, lock, one statement, all or nothing.</summary>
public static class TransfertReferent
{
    public static async Task<int> ExecuterAsync<T>(IAppDbContext db, IQueryable<T> table, Expression<Func<T, Guid?>> referent, Guid depuis, Guid vers,
        IReadOnlyList<Guid>? ids, string fusion, string nature, CancellationToken ct)
        where T : Entity
    {
        if (await table.AnyAsync(e => e.Id == vers, ct))
        {
            ReglesComptes.VerifierPasDeFusion(fusion);
        }

        ReglesComptes.VerifierTransfert(depuis, vers, await db.Utilisateurs.AnyAsync(u => u.Id == vers && u.Actif, ct));

        // USR-08: a désabonnement of the target at the same instant waits for this transfer, then sees what it received.
        await db.VerrouillerAsync("USR-08:" + vers, ct);
        var egal = Expression.Lambda<Func<T, bool>>(Expression.Equal(referent.Body, Expression.Constant((Guid?)depuis, typeof(Guid?))), referent.Parameters);
        var selection = table.Where(egal);
        if (ids is { Count: > 0 })
        {
            selection = selection.Where(e => ids.Contains(e.Id));
        }

        var n = await selection.ExecuteUpdateAsync(s => s.SetProperty(referent, (Guid?)vers), ct);
        if (ids is { Count: > 0 })
        {
            ReglesComptes.VerifierToutTransfere(ids.Distinct().Count(), n, nature);
        }

        return n;
    }
}
