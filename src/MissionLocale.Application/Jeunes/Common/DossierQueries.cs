using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Jeunes;

namespace MissionLocale.Application.Jeunes.Common;

public static class DossierQueries
{
    /// <summary>Loads a dossier of the current structure with its parts; another structure's dossier is "not found".</summary>
    public static async Task<Jeune> ChargerDossierAsync(this IAppDbContext db, Guid jeuneId, CancellationToken ct)
    {
        return await db.Jeunes
            .Include(j => j.Adresses)
            .Include(j => j.Ressources)
            .Include(j => j.Permis)
            .Include(j => j.Diplomes)
            .AsSplitQuery()
            .SingleOrDefaultAsync(j => j.Id == jeuneId, ct)
            ?? throw new NotFoundException();
    }

    /// <summary>A dossier of the user's structure exists (another Mission Locale's answers "not found", like a missing one).</summary>
    public static async Task VerifierDossierAsync(this IAppDbContext db, Guid jeuneId, CancellationToken ct)
    {
        if (!await db.Jeunes.AnyAsync(j => j.Id == jeuneId, ct))
        {
            throw new NotFoundException();
        }
    }

    /// <summary>Loads for a change: the client's version must still be the current one (optimistic concurrency).</summary>
    public static async Task<Jeune> ChargerPourModificationAsync(this IAppDbContext db, Guid jeuneId, int version, CancellationToken ct)
    {
        var jeune = await db.ChargerDossierAsync(jeuneId, ct);
        if (jeune.Version != version)
        {
            throw new ConcurrencyConflictException();
        }

        db.AttendreVersion(jeune, version);
        return jeune;
    }

    public static IQueryable<JeuneResume> VersResume(this IQueryable<Jeune> jeunes, IAppDbContext db) =>
        jeunes.Select(j => new JeuneResume(
            j.Id,
            j.Numero,
            j.NomUsage,
            j.Prenom,
            j.DateNaissance,
            j.Adresses.Where(a => a.DateFin == null).Select(a => a.CommuneNom).FirstOrDefault(),
            db.Utilisateurs.Where(u => u.Id == j.ConseillerReferentId).Select(u => u.NomAffiche).FirstOrDefault()));
}
