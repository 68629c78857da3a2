using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Infrastructure.Persistence;

namespace MissionLocale.Infrastructure.Reference;

/// <summary>
/// QPV membership of an address (JEU-05, QPV-02): the (commune, normalised street) pair is looked up in the
/// QPV streets reference table, among QPV valid at the given date.
/// </summary>
internal sealed class ZonageAdresse(AppDbContext db) : IZonageAdresse
{
    public async Task<string?> QpvAsync(string communeInsee, string voie, DateOnly date, CancellationToken cancellationToken)
    {
        var cle = CleVoie(voie);
        return await (from v in db.QpvVoies
                      join q in db.Qpvs on v.QpvCode equals q.Code
                      where v.CommuneInsee == communeInsee && v.VoieCle == cle
                          && q.DateDebut <= date && (q.DateFin == null || q.DateFin >= date)
                      select q.Code).FirstOrDefaultAsync(cancellationToken);
    }

    private static readonly Dictionary<string, string> Abreviations = new()
    {
        ["bd"] = "boulevard",
        ["bld"] = "boulevard",
        ["av"] = "avenue",
        ["ave"] = "avenue",
        ["r"] = "rue",
        ["pl"] = "place",
        ["all"] = "allee",
        ["imp"] = "impasse",
        ["rte"] = "route",
        ["ch"] = "chemin",
        ["sq"] = "square",
        ["qu"] = "quai",
        ["crs"] = "cours",
        ["st"] = "saint",
        ["ste"] = "sainte",
    };

    /// <summary>Lower case, no accents nor punctuation, common abbreviations expanded: "Bd de l'Yser" → "boulevard de l yser".</summary>
    public static string CleVoie(string voie) =>
        string.Join(' ', Texte.Cle(voie).Split(' ').Select(m => Abreviations.GetValueOrDefault(m, m)));
}
