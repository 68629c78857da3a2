using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace MissionLocale.Infrastructure.Postgres;

/// <summary>
/// A PostgreSQL cluster of our own, run from the machine's PostgreSQL binaries: the embedded database of
/// `dotnet run` with no connection string, and the throwaway database of the tests.
/// As root, initdb and pg_ctl run as the postgres user (initdb refuses root) on a directory it owns.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private readonly string _racine;
    private readonly string _binaires;
    private readonly bool _jetable;
    private bool _demarreParNous;

    /// <param name="jetable">
    /// A throwaway cluster (tests, benchmarks) may trade durability for speed (fsync, synchronous_commit and
    /// full_page_writes off). The app's own cluster never does: a power cut must not lose or corrupt a dossier.
    /// </param>
    public LocalPostgresCluster(string racine, string binaires, bool jetable = false)
    {
        _racine = Path.GetFullPath(racine);
        _binaires = binaires;
        _jetable = jetable;
    }

    public string DataDir => Path.Combine(_racine, "pgdata");

    public int Port { get; private set; }

    public string MotDePasse { get; private set; } = string.Empty;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Password={MotDePasse};Database={database};Include Error Detail=true";

    private static bool EstRoot => Environment.UserName == "root";

    /// <summary>The newest /usr/lib/postgresql/N/bin with initdb, or MISSIONLOCALE_PG_BIN.</summary>
    public static string? TrouverBinaires()
    {
        var env = Environment.GetEnvironmentVariable("MISSIONLOCALE_PG_BIN");
        if (!string.IsNullOrWhiteSpace(env) && File.Exists(Path.Combine(env, "initdb")))
        {
            return env;
        }

        const string racine = "/usr/lib/postgresql";
        if (!Directory.Exists(racine))
        {
            return null;
        }

        return Directory.GetDirectories(racine)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var v) ? v : 0))
            .Where(x => File.Exists(Path.Combine(x.Dir, "initdb")))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Dir)
            .FirstOrDefault();
    }

    /// <summary>Creates the cluster on first use, starts it (or reuses a running one), and returns the port.</summary>
    public async Task DemarrerAsync(CancellationToken ct = default)
    {
        Directory.CreateDirectory(_racine);
        var fichierMdp = Path.Combine(_racine, "password");
        if (!File.Exists(Path.Combine(DataDir, "PG_VERSION")))
        {
            MotDePasse = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            await File.WriteAllTextAsync(fichierMdp, MotDePasse, ct);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(fichierMdp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            if (EstRoot)
            {
                await ExecuterAsync("chown", ["-R", "postgres:postgres", _racine], ct);
            }

            await PgAsync("initdb", ["-D", DataDir, "-U", "postgres", "--auth=scram-sha-256", $"--pwfile={fichierMdp}", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], ct);
        }

        MotDePasse = (await File.ReadAllTextAsync(fichierMdp, ct)).Trim();
        var enCours = PortEnCours();
        if (enCours is not null)
        {
            Port = enCours.Value;
            return;
        }

        Port = PortLibre();
        var sockets = Path.Combine(_racine, "run");
        Directory.CreateDirectory(sockets);
        if (EstRoot)
        {
            await ExecuterAsync("chown", ["postgres:postgres", sockets], ct);
        }

        var durabilite = _jetable ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" : string.Empty;
        var options = $"-p {Port} -k {sockets} -c listen_addresses=127.0.0.1{durabilite} -c max_connections=200 -c shared_buffers=256MB";
        await PgAsync("pg_ctl", ["-D", DataDir, "-w", "-t", "60", "-l", Path.Combine(_racine, "postgres.log"), "-o", options, "start"], ct);
        _demarreParNous = true;
    }

    /// <summary>Creates the database when missing (CREATE DATABASE cannot run in a transaction).</summary>
    public async Task CreerBaseAsync(string nom, string? modele = null, CancellationToken ct = default)
    {
        await using var conn = new Npgsql.NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync(ct);
        await using var existe = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        existe.Parameters.AddWithValue("n", nom);
        if (await existe.ExecuteScalarAsync(ct) is null)
        {
            var sql = $"CREATE DATABASE \"{nom.Replace("\"", string.Empty, StringComparison.Ordinal)}\"" + (modele is null ? string.Empty : $" TEMPLATE \"{modele}\"");
            await using var create = new Npgsql.NpgsqlCommand(sql, conn);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// A streaming replica of this cluster in <paramref name="racine"/> (pg_basebackup -R: it follows this primary,
    /// read-only, hot standby), started on its own port. The reporting connection of a deployment points at such a replica.
    /// </summary>
    public async Task<LocalPostgresCluster> CreerRepliqueAsync(string racine, CancellationToken ct = default)
    {
        Directory.CreateDirectory(racine);
        var fichierMdp = Path.Combine(racine, "password");
        await File.WriteAllTextAsync(fichierMdp, MotDePasse, ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fichierMdp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        if (EstRoot)
        {
            await ExecuterAsync("chown", ["-R", "postgres:postgres", racine], ct);
        }

        await PgAsync("pg_basebackup", ["-d", $"host=127.0.0.1 port={Port} user=postgres password={MotDePasse}", "-D", Path.Combine(racine, "pgdata"), "-R", "-X", "stream", "-c", "fast", "--no-sync"], ct);
        var replique = new LocalPostgresCluster(racine, _binaires, _jetable);
        await replique.DemarrerAsync(ct);
        return replique;
    }

    public async Task ArreterAsync()
    {
        if (_demarreParNous)
        {
            _demarreParNous = false;
            await PgAsync("pg_ctl", ["-D", DataDir, "-m", "fast", "-w", "stop"], CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync() => await ArreterAsync();

    private int? PortEnCours()
    {
        var pid = Path.Combine(DataDir, "postmaster.pid");
        if (!File.Exists(pid))
        {
            return null;
        }

        try
        {
            var lignes = File.ReadAllLines(pid);
            if (lignes.Length > 3 && int.TryParse(lignes[0], CultureInfo.InvariantCulture, out var processId)
                && int.TryParse(lignes[3], CultureInfo.InvariantCulture, out var port))
            {
                using var process = Process.GetProcessById(processId);
                return process.HasExited || !Repond(port) ? null : port;
            }
        }
        catch (ArgumentException)
        {
            // The process is gone: a stale pid file, pg_ctl start deals with it.
        }
        catch (IOException)
        {
        }

        return null;
    }

    /// <summary>A pid file can outlive its server (killed app, reused pid): the port must answer too.</summary>
    private static bool Repond(int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(IPAddress.Loopback, port).Wait(TimeSpan.FromSeconds(1)) && client.Connected;
        }
        catch (Exception e) when (e is SocketException or AggregateException)
        {
            return false;
        }
    }

    private static int PortLibre()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private Task PgAsync(string programme, IReadOnlyList<string> args, CancellationToken ct)
    {
        var chemin = Path.Combine(_binaires, programme);
        return EstRoot
            ? ExecuterAsync("runuser", ["-u", "postgres", "--", chemin, .. args], ct)
            : ExecuterAsync(chemin, args, ct);
    }

    private async Task ExecuterAsync(string programme, IReadOnlyList<string> args, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(programme)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/tmp",
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Impossible de lancer {programme}.");
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(programme)} a échoué (code {p.ExitCode}) : {await stderr}{await stdout}. Journal : {Path.Combine(_racine, "postgres.log")}");
        }
    }
}
