using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Jeunes;

namespace MissionLocale.Application.Dispositifs;

public static class ReleveParcoursQueries
{
    public const string CodeNiveauCep = "PACEA-09.NiveauCep";

    /// <summary>
    /// PACEA-09: the record taken from the dossier on a date (situations then, mobility, social cover) with the housing the
    /// conseiller gives, and the CEP level of the reference data. The conseiller can correct it afterwards.
    /// </summary>
    public static async Task<ReleveParcours> ReleverAsync(this IAppDbContext db, Jeune jeune, DateOnly date, string? logement, CancellationToken ct)
    {
        var situations = await db.Situations.AsNoTracking()
            .Where(s => s.JeuneId == jeune.Id && s.DateDebut <= date && (s.DateInterruption ?? s.DateFin) >= date)
            .OrderBy(s => s.DateDebut).Select(s => s.Type).ToListAsync(ct);
        var niveau = await db.ParametreAsync(CodeNiveauCep, date, ct) ?? "2";
        var permis = jeune.Permis.Where(p => p.Etape == EtapePermis.Obtenu).Select(p => $"permis {p.Categorie}").ToList();
        var mobilite = string.Join(", ", new[]
        {
            $"rayon : {Libelles.De(jeune.RayonMobilite)}",
            jeune.MoyenPrincipal is { } m ? $"moyen principal : {Libelles.De(m)}" : null,
        }.Concat(permis).Where(x => x is not null));
        return new ReleveParcours(
            niveau,
            situations.Count == 0 ? "Sans situation" : string.Join(", ", situations.Distinct().Select(t => Libelles.De(t))),
            string.IsNullOrWhiteSpace(logement) ? "Non renseigné" : logement.Trim(),
            mobilite,
            jeune.CouvertureSociale ?? "Non renseignée");
    }
}
