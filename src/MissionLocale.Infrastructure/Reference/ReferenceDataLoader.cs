using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Domain.Reference;
using MissionLocale.Infrastructure.Persistence;
using Npgsql;

namespace MissionLocale.Infrastructure.Reference;

/// <summary>
/// Loads the reference tables shipped with the application (communes, codes postaux, EPCI, départements from the
/// official npm packages; countries; a QPV sample) when they are empty. Bulk rows go through COPY.
/// </summary>
public sealed class ReferenceDataLoader(AppDbContext db)
{
    /// <summary>Date from which the shipped referential is valid (@etalab/decoupage-administratif 6.0.0, 2025 geography).</summary>
    public static readonly DateOnly DateReferentiel = new(2025, 1, 1);

    public async Task ChargerAsync(CancellationToken ct = default)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            if (!await db.Departements.AnyAsync(ct))
            {
                await CopierAsync(conn, "departements.tsv.gz", "COPY departements (code, nom, region) FROM STDIN", l => l, ct);
            }

            if (!await db.Epcis.AnyAsync(ct))
            {
                await CopierAsync(conn, "epci.tsv.gz", "COPY epcis (code, nom) FROM STDIN", l => l, ct);
            }

            if (!await db.Communes.AnyAsync(ct))
            {
                var debut = DateReferentiel.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                await CopierAsync(conn, "communes.tsv.gz", "COPY communes (code_insee, nom, departement, epci, date_debut) FROM STDIN", l =>
                {
                    var c = l.Split('\t');
                    return $"{c[0]}\t{c[1]}\t{c[2]}\t{(c.Length > 3 && c[3].Length > 0 ? c[3] : "\\N")}\t{debut}";
                }, ct);
            }

            if (!await db.CodesPostaux.AnyAsync(ct))
            {
                await CopierAsync(conn, "codes-postaux.tsv.gz", "COPY codes_postaux (code, commune_insee, libelle_acheminement) FROM STDIN", l => l, ct);
            }

            // The countries of the Code officiel géographique (INSEE, 2025): missing ones are added and existing ones
            // brought up to date, so a deployment seeded with the older short list gets the complete one.
            var pays = await db.Pays.ToDictionaryAsync(p => p.Code, ct);
            foreach (var l in LireLignes("pays.csv", compresse: false))
            {
                var c = l.Split(';');
                if (pays.TryGetValue(c[0], out var existant))
                {
                    if (existant.CodeInsee != c[1] || existant.Nom != c[2])
                    {
                        existant.Actualiser(c[1], c[2]);
                    }
                }
                else
                {
                    var nouveau = new Pays(c[0], c[2], c[3], c[4] == "1", new DateOnly(1900, 1, 1));
                    nouveau.Actualiser(c[1], c[2]);
                    db.Pays.Add(nouveau);
                }
            }

            await db.SaveChangesAsync(ct);

            await ReferentielDispositifs.ChargerAsync(db, ct);
            await ReferentielCursus.ChargerAsync(db, ct);

            if (!await db.Qpvs.AnyAsync(ct))
            {
                var importer = new QpvImporter(db);
                await using var qpv = Ressource("qpv-sample.csv");
                await importer.ImporterQpvAsync(qpv, ct);
                await using var voies = Ressource("qpv-voies-sample.csv");
                await importer.ImporterVoiesAsync(voies, ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Stream Ressource(string nom) =>
        typeof(ReferenceDataLoader).Assembly.GetManifestResourceStream(nom)
            ?? throw new InvalidOperationException($"Ressource {nom} absente de l'assembly.");

    private static IEnumerable<string> LireLignes(string nom, bool compresse)
    {
        using var s = Ressource(nom);
        using var flux = compresse ? new GZipStream(s, CompressionMode.Decompress) : s;
        using var reader = new StreamReader(flux, Encoding.UTF8);
        while (reader.ReadLine() is { } ligne)
        {
            if (ligne.Length > 0)
            {
                yield return ligne;
            }
        }
    }

    private static async Task CopierAsync(NpgsqlConnection conn, string ressource, string copy, Func<string, string> transformer, CancellationToken ct)
    {
        await using var writer = await conn.BeginTextImportAsync(copy, ct);
        foreach (var ligne in LireLignes(ressource, compresse: true))
        {
            await writer.WriteLineAsync(transformer(ligne).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\\\\N", "\\N", StringComparison.Ordinal));
        }
    }
}
