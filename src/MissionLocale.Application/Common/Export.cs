namespace MissionLocale.Application.Common;

/// <summary>PIL-03: the two formats every list and dashboard exports to.</summary>
public enum FormatExport
{
    Csv = 1,
    Xlsx = 2,
}

/// <summary>
/// A table to export: its columns and its rows, read lazily from the database while the file is written (a 30,000-line
/// export never sits in memory). Cells are strings, numbers, dates (DateOnly) or null.
/// </summary>
public sealed record TableExport(string Nom, IReadOnlyList<string> Colonnes, IAsyncEnumerable<object?[]> Lignes)
{
    /// <summary>A table whose rows are already in memory (dashboards, reports).</summary>
    public static TableExport EnMemoire(string nom, IReadOnlyList<string> colonnes, IEnumerable<object?[]> lignes) => new(nom, colonnes, lignes.ToAsyncEnumerable());
}

/// <summary>Writes a table as CSV (opens in French Excel: UTF-8 with BOM, semicolons, decimal commas) or XLSX.</summary>
public interface IExporteur
{
    Task EcrireAsync(TableExport table, FormatExport format, Stream sortie, CancellationToken ct);

    /// <summary>Several tables as the sheets of one workbook (dashboards, the territorial report).</summary>
    Task EcrireClasseurAsync(IReadOnlyList<TableExport> feuilles, Stream sortie, CancellationToken ct);
}

/// <summary>A section of a table report: a heading and its rows (already formatted as text).</summary>
public sealed record SectionPdf(string Titre, IReadOnlyList<string> Colonnes, IReadOnlyList<string?[]> Lignes, string? Note = null);

/// <summary>Renders reports made of tables (the territorial report PIL-03, the right of access RGPD-04) as tagged PDF.</summary>
public interface IRapportsPdf
{
    byte[] Rendre(string titre, string sousTitre, IReadOnlyList<SectionPdf> sections);
}
