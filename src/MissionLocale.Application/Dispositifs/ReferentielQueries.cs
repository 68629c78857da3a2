using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Dispositifs;

namespace MissionLocale.Application.Dispositifs;

public static class ReferentielQueries
{
    /// <summary>DISP-04: the version of a type valid on a date (a decision keeps the bounds of its own date).</summary>
    public static Task<TypeDispositif?> TypeValideLeAsync(this IAppDbContext db, string code, DateOnly date, CancellationToken ct) =>
        db.TypesDispositif.AsNoTracking()
            .Where(t => t.Code == code && t.DateDebut <= date && (t.DateFin == null || t.DateFin >= date))
            .OrderByDescending(t => t.DateDebut)
            .FirstOrDefaultAsync(ct);
}
