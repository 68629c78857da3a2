using MissionLocale.Infrastructure.Postgres;

namespace MissionLocale.Web.Infrastructure;

/// <summary>
/// Where the database is: the server of ConnectionStrings:MissionLocale when set, otherwise an embedded local
/// PostgreSQL cluster in MISSIONLOCALE_DATA_DIR (default: a per-user folder), stopped when the app stops.
/// </summary>
public static class DatabaseSetup
{
    public static async Task<(string ConnectionString, LocalPostgresCluster? Cluster)> ResoudreAsync(IConfiguration configuration)
    {
        var cs = configuration.GetConnectionString("MissionLocale");
        if (!string.IsNullOrWhiteSpace(cs))
        {
            return (cs, null);
        }

        var binaires = LocalPostgresCluster.TrouverBinaires()
            ?? throw new DatabaseSetupException(
                "PostgreSQL introuvable : installez le serveur (Debian : apt-get install postgresql) ou définissez ConnectionStrings__MissionLocale.");
        var cluster = new LocalPostgresCluster(RepertoireDonnees(), binaires);
        var nouveau = !Directory.Exists(cluster.DataDir);
        try
        {
            await cluster.DemarrerAsync();
            await cluster.CreerBaseAsync("missionlocale");

            // Start-up output a newcomer reads: where the data lives and whether it was just created.
            Console.WriteLine(nouveau
                ? $"Base de données : nouveau cluster PostgreSQL local créé dans {cluster.DataDir} (port {cluster.Port})."
                : $"Base de données : cluster PostgreSQL local de {cluster.DataDir} (port {cluster.Port}), données existantes réutilisées.");
        }
        catch (InvalidOperationException ex)
        {
            throw new DatabaseSetupException($"Le cluster PostgreSQL local n'a pas démarré ({RepertoireDonnees()}) : {ex.Message.ReplaceLineEndings(" ")}", ex);
        }
        return (cluster.ConnectionString("missionlocale"), cluster);
    }

    public static string RepertoireDonnees()
    {
        var env = Environment.GetEnvironmentVariable("MISSIONLOCALE_DATA_DIR");
        if (!string.IsNullOrWhiteSpace(env))
        {
            return env;
        }

        // root's home is not traversable by the postgres user the cluster runs as.
        return Environment.UserName == "root"
            ? "/var/lib/missionlocale"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "missionlocale");
    }
}

/// <summary>The database cannot be reached or started: told in one line.</summary>
public sealed class DatabaseSetupException : Exception
{
    public DatabaseSetupException()
    {
    }

    public DatabaseSetupException(string message)
        : base(message)
    {
    }

    public DatabaseSetupException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
