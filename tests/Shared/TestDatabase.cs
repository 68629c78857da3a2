using Microsoft.Extensions.DependencyInjection;
using MissionLocale.Application.Common;
using MissionLocale.Infrastructure;
using MissionLocale.Infrastructure.Persistence;
using MissionLocale.Infrastructure.Postgres;
using Npgsql;

namespace MissionLocale.Tests.Shared;

/// <summary>
/// A real PostgreSQL for the tests: the server of MISSIONLOCALE_TEST_CONNECTION when set, otherwise a throwaway
/// cluster started from the machine's binaries. A template database is migrated and loaded with reference data
/// once; each test class gets a fresh copy of it.
/// </summary>
public static class TestDatabase
{
    private const string Modele = "ml_test_template";
    private static readonly SemaphoreSlim Verrou = new(1, 1);
    private static LocalPostgresCluster? cluster;
    private static string? serveur;
    private static bool modelePret;

    public static async Task<string> NouvelleBaseAsync()
    {
        await Verrou.WaitAsync();
        try
        {
            serveur ??= await DemarrerAsync();
            if (!modelePret)
            {
                await PreparerModeleAsync();
                modelePret = true;
            }

            var nom = "ml_test_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuterAsync(Connexion("postgres"), $"CREATE DATABASE \"{nom}\" TEMPLATE \"{Modele}\"");
            return Connexion(nom);
        }
        finally
        {
            Verrou.Release();
        }
    }

    private static string Connexion(string database) =>
        new NpgsqlConnectionStringBuilder(serveur) { Database = database, Pooling = true, MaxPoolSize = 30 }.ConnectionString;

    private static async Task<string> DemarrerAsync()
    {
        var env = Environment.GetEnvironmentVariable("MISSIONLOCALE_TEST_CONNECTION");
        if (!string.IsNullOrWhiteSpace(env))
        {
            return env;
        }

        var binaires = LocalPostgresCluster.TrouverBinaires()
            ?? throw new InvalidOperationException("PostgreSQL introuvable : installez le paquet postgresql ou définissez MISSIONLOCALE_TEST_CONNECTION.");
        var racine = Path.Combine("/tmp", "ml-tests-" + Guid.NewGuid().ToString("N")[..8]);
        cluster = new LocalPostgresCluster(racine, binaires, jetable: true);
        await cluster.DemarrerAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.ArreterAsync().GetAwaiter().GetResult();
            try
            {
                Directory.Delete(racine, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        };
        return cluster.ConnectionString("postgres");
    }

    private static async Task PreparerModeleAsync()
    {
        await ExecuterAsync(Connexion("postgres"), $"DROP DATABASE IF EXISTS \"{Modele}\" WITH (FORCE)");
        await ExecuterAsync(Connexion("postgres"), $"CREATE DATABASE \"{Modele}\"");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ICurrentUser>(new SystemUser());
        services.AddInfrastructure(Connexion(Modele));
        await using var sp = services.BuildServiceProvider();
        await DatabaseInitializer.InitialiserAsync(sp, jeunesDemoParStructure: 0);
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task ExecuterAsync(string connexion, string sql)
    {
        await using var conn = new NpgsqlConnection(connexion);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
