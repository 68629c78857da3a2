using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MissionLocale.Application.Common;

namespace MissionLocale.Infrastructure.Exports;

/// <summary>
/// PIL-03 exports. CSV is written straight to the response as rows arrive. XLSX goes through MiniExcel, which writes
/// row by row into a temporary file (a zip needs its central directory at the end and MiniExcel writes synchronously,
/// which Kestrel refuses on a response), then the file is copied to the response and deleted: memory stays flat
/// whatever the number of rows (benchmarked in docs/performance.md).
/// </summary>
public sealed class Exporteur : IExporteur
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public async Task EcrireAsync(TableExport table, FormatExport format, Stream sortie, CancellationToken ct)
    {
        if (format == FormatExport.Csv)
        {
            await EcrireCsvAsync(table, sortie, ct);
        }
        else
        {
            await EcrireClasseurAsync([table], sortie, ct);
        }
    }

    public async Task EcrireClasseurAsync(IReadOnlyList<TableExport> feuilles, Stream sortie, CancellationToken ct)
    {
        var chemin = Path.Combine(Path.GetTempPath(), $"ml-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            await Task.Run(
                () =>
                {
                    var classeur = new Dictionary<string, object>();
                    foreach (var f in feuilles)
                    {
                        classeur[NomFeuille(f.Nom, classeur.Keys)] = Lignes(f, ct);
                    }

                    using var fichier = new FileStream(chemin, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                    fichier.SaveAs(classeur, printHeader: true, excelType: ExcelType.XLSX);
                },
                ct);
            await using var lecture = new FileStream(chemin, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await lecture.CopyToAsync(sortie, ct);
        }
        finally
        {
            File.Delete(chemin);
        }
    }

    /// <summary>Rows as dictionaries in column order (what MiniExcel streams); the database read blocks this worker thread only.</summary>
    private static IEnumerable<IDictionary<string, object?>> Lignes(TableExport t, CancellationToken ct)
    {
        foreach (var ligne in t.Lignes.ToBlockingEnumerable(ct))
        {
            var d = new Dictionary<string, object?>(t.Colonnes.Count);
            for (var i = 0; i < t.Colonnes.Count; i++)
            {
                d[t.Colonnes[i]] = ligne[i] switch
                {
                    DateOnly date => date.ToDateTime(TimeOnly.MinValue),
                    bool b => b ? "Oui" : "Non",
                    var v => v,
                };
            }

            yield return d;
        }
    }

    private static string NomFeuille(string nom, IEnumerable<string> prises)
    {
        // Excel: 31 characters at most, none of []:*?/\, unique.
        var propre = new string(nom.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? ' ' : c).ToArray()).Trim();
        propre = propre.Length > 31 ? propre[..31] : propre.Length == 0 ? "Feuille" : propre;
        var resultat = propre;
        for (var i = 2; prises.Contains(resultat); i++)
        {
            var suffixe = $" ({i})";
            resultat = (propre.Length + suffixe.Length > 31 ? propre[..(31 - suffixe.Length)] : propre) + suffixe;
        }

        return resultat;
    }

    private static async Task EcrireCsvAsync(TableExport t, Stream sortie, CancellationToken ct)
    {
        // French Excel opens a CSV by double-click when it is UTF-8 with a BOM and separated by semicolons.
        await using var w = new StreamWriter(sortie, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        await w.WriteLineAsync(string.Join(';', t.Colonnes.Select(Champ)));
        var n = 0;
        await foreach (var ligne in t.Lignes.WithCancellation(ct))
        {
            await w.WriteLineAsync(string.Join(';', ligne.Select(Cellule)));
            if (++n % 1000 == 0)
            {
                await w.FlushAsync(ct);
            }
        }

        await w.FlushAsync(ct);
    }

    /// <summary>A cell as French Excel reads it: dates dd/MM/yyyy, decimal comma, Oui/Non.</summary>
    public static string Cellule(object? v) => v switch
    {
        null => string.Empty,
        DateOnly d => d.ToString("dd/MM/yyyy", Fr),
        DateTime d => d.ToString("dd/MM/yyyy HH:mm", Fr),
        decimal m => m.ToString("0.00", Fr),
        double x => x.ToString("0.##", Fr),
        bool b => b ? "Oui" : "Non",
        IFormattable f => Champ(f.ToString(null, Fr)),
        _ => Champ(v.ToString() ?? string.Empty),
    };

    /// <summary>RFC 4180 quoting; a leading = + - @ is neutralised so a cell is never run as a formula (CSV injection).</summary>
    public static string Champ(string s)
    {
        if (s.Length > 0 && "=+-@\t\r".Contains(s[0], StringComparison.Ordinal) && !decimal.TryParse(s, NumberStyles.Number, Fr, out _))
        {
            s = "'" + s;
        }

        return s.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }
}
