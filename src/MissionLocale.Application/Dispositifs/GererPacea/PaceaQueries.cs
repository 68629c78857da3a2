using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Jeunes;

namespace MissionLocale.Application.Dispositifs.GererPacea;

internal static class PaceaQueries
{
    /// <summary>The PACEA with its phases at the client's version, the type valid at its start, and the titre de séjour's end (PACEA-03).</summary>
    public static async Task<(Dispositif Pacea, TypeDispositif Type, DateOnly? FinTitre)> ChargerPaceaAsync(this IAppDbContext db, Guid id, int version, CancellationToken ct)
    {
        var d = await db.Dispositifs.Include(x => x.Phases).SingleOrDefaultAsync(x => x.Id == id && x.TypeCode == CodeDispositif.Pacea, ct)
            ?? throw new NotFoundException("PACEA introuvable.");
        if (d.Version != version)
        {
            throw new ConcurrencyConflictException();
        }

        var type = (await db.TypeValideLeAsync(d.TypeCode, d.DateDebut, ct))!;
        var titre = await db.Jeunes.Where(j => j.Id == d.JeuneId && j.Nationalite == Nationalite.HorsUe).Select(j => j.FinTitreSejour).FirstOrDefaultAsync(ct);
        return (d, type, titre);
    }
}
