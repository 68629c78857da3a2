using System.Diagnostics;
using Npgsql;

namespace MissionLocale.Infrastructure.Postgres;

/// <summary>
/// Backup and restore of a Mission Locale database with PostgreSQL's own tools: pg_dump in the custom format (compressed,
/// restorable table by table) and pg_restore in a single transaction (all or nothing). Used by
/// <c>dotnet run --project src/MissionLocale.Web -- sauvegarder|restaurer &lt;fichier&gt;</c> (docs/exploitation.md).
/// </summary>
public static class Sauvegarde
{
    public static Task SauvegarderAsync(string connexion, string fichier, CancellationToken ct = default) =>
        ExecuterAsync("pg_dump", connexion, ["--format=custom", "--no-owner", "--no-privileges", $"--file={Path.GetFullPath(fichier)}"], ct);

    /// <summary>Replaces the database's content by the backup's; on any error nothing is changed.</summary>
    public static Task RestaurerAsync(string connexion, string fichier, CancellationToken ct = default)
    {
        if (!File.Exists(fichier))
        {
            throw new FileNotFoundException($"Sauvegarde introuvable : {fichier}", fichier);
        }

        return ExecuterAsync("pg_restore", connexion, ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", Path.GetFullPath(fichier)], ct);
    }

    private static async Task ExecuterAsync(string outil, string connexion, IReadOnlyList<string> args, CancellationToken ct)
    {
        var binaires = LocalPostgresCluster.TrouverBinaires()
            ?? throw new InvalidOperationException("Outils PostgreSQL introuvables (pg_dump, pg_restore) : installez le paquet postgresql-client ou définissez MISSIONLOCALE_PG_BIN.");
        var b = new NpgsqlConnectionStringBuilder(connexion);
        var psi = new ProcessStartInfo(Path.Combine(binaires, outil)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add($"--dbname=host={b.Host} port={b.Port} dbname={b.Database} user={b.Username}");
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        // The password goes through the environment, never on the command line (visible in the process list).
        psi.Environment["PGPASSWORD"] = b.Password ?? string.Empty;
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Impossible de lancer {outil}.");
        var erreurs = p.StandardError.ReadToEndAsync(ct);
        _ = p.StandardOutput.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{outil} a échoué (code {p.ExitCode}) : {(await erreurs).Trim()}");
        }
    }
}
