using Microsoft.EntityFrameworkCore;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Reference;

namespace MissionLocale.Application.Common;

/// <summary>The two loads every use case repeats, written once.</summary>
public static class Chargement
{
    /// <summary>
    /// The entity at the version the user read: 404 when it does not exist (or belongs to another Mission Locale: the
    /// structure filter hides it), 409 when someone changed it since (optimistic concurrency).
    /// </summary>
    public static async Task<T> AVersionAsync<T>(this IQueryable<T> source, Guid id, int version, string introuvable, CancellationToken ct)
        where T : class, IVersionnee
    {
        var entite = await source.SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException(introuvable);
        return entite.Version == version ? entite : throw new ConcurrencyConflictException();
    }

    /// <summary>DISP-04 and DISP-06: the rows of dated reference data valid on <paramref name="date"/>.</summary>
    public static IQueryable<T> ValidesLe<T>(this IQueryable<T> source, DateOnly date)
        where T : IValiditeDatee => source.Where(x => x.DateDebut <= date && (x.DateFin == null || x.DateFin >= date));
}
