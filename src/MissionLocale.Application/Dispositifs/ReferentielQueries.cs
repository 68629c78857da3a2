using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Dispositifs;

namespace MissionLocale.Application.Dispositifs;

public static class ReferentielQueries
{
    /// <summary>DISP-04: the version of a type valid on a date (a decision keeps the bounds of its own date).</summary>
    public static Task<TypeDispositif?> TypeValideLeAsync(this IAppDbContext db, string code, DateOnly date, CancellationToken ct) =>
        db.TypesDispositif.AsNoTracking().ValidesLe(date)
            .Where(t => t.Code == code)
            .OrderByDescending(t => t.DateDebut)
            .FirstOrDefaultAsync(ct);
}

public static class ParametresQueries
{
    /// <summary>The value of a rule parameter valid on a date (null when none).</summary>
    public static Task<string?> ParametreAsync(this IAppDbContext db, string code, DateOnly date, CancellationToken ct) =>
        db.ParametresRegle.AsNoTracking().ValidesLe(date)
            .Where(p => p.Code == code)
            .OrderByDescending(p => p.DateDebut).Select(p => p.Valeur).FirstOrDefaultAsync(ct);

    public static async Task<int> ParametreEntierAsync(this IAppDbContext db, string code, DateOnly date, int parDefaut, CancellationToken ct) =>
        await db.ParametreAsync(code, date, ct) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : parDefaut;

    /// <summary>A ";"-separated list parameter.</summary>
    public static async Task<IReadOnlyCollection<string>> ParametreListeAsync(this IAppDbContext db, string code, DateOnly date, CancellationToken ct) =>
        (await db.ParametreAsync(code, date, ct) ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
