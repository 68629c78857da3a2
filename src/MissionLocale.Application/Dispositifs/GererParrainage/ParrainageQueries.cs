using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Dispositifs;

namespace MissionLocale.Application.Dispositifs.GererParrainage;

internal static class ParrainageQueries
{
    public static async Task<Dispositif> ChargerParrainageAsync(this IAppDbContext db, Guid id, int version, CancellationToken ct)
    {
        var d = await db.Dispositifs.Include(x => x.Actions).SingleOrDefaultAsync(x => x.Id == id && x.TypeCode == CodeDispositif.Parr, ct)
            ?? throw new NotFoundException("Parrainage introuvable.");
        return d.Version == version ? d : throw new ConcurrencyConflictException();
    }
}
