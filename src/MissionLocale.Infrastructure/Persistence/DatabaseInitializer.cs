using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MissionLocale.Infrastructure.Reference;
using MissionLocale.Infrastructure.Seed;

namespace MissionLocale.Infrastructure.Persistence;

public static class DatabaseInitializer
{
    /// <summary>Applies migrations, loads reference data and, when asked, seeds demo data on first start only (true then).</summary>
    public static async Task<bool> InitialiserAsync(IServiceProvider services, int jeunesDemoParStructure, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // Several instances starting at once on one database (docs/deploiement.md): one initialises, the others wait for
        // it and then find everything done. A session lock on its own unpooled connection: closing it ends the session and
        // releases the lock, even if initialising throws.
        await using var verrou = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString);
        await verrou.OpenAsync(ct);
        await using (var prendre = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock(hashtext('missionlocale:initialisation'))", verrou))
        {
            await prendre.ExecuteNonQueryAsync(ct);
        }

        // Creating the history table first spares a logged error on a fresh database (EF probes the table).
        await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>().CreateIfNotExistsAsync(ct);
        // The migrations were squashed into one baseline before any production database existed: a database migrated
        // before that has history rows this build does not know, and would fail obscurely half-way. Say it plainly.
        var inconnues = (await db.Database.GetAppliedMigrationsAsync(ct)).Except(db.Database.GetMigrations()).ToList();
        if (inconnues.Count > 0)
        {
            throw new InvalidOperationException(
                $"This database was migrated before the baseline migration (applied: {string.Join(", ", inconnues.Take(3))}...). " +
                "Create a new database (or start with a new MISSIONLOCALE_DATA_DIR): see README, 'Database'.");
        }

        await db.Database.MigrateAsync(ct);
        await scope.ServiceProvider.GetRequiredService<ReferenceDataLoader>().ChargerAsync(ct);
        var seme = jeunesDemoParStructure > 0 && await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(jeunesDemoParStructure, ct);

        await ReferentielsStructure.CompleterAsync(
            scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
        return seme;
    }
}
