using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using MissionLocale.Application.Common;
using MissionLocale.Application.Pilotage.ConsulterTableauDeBord;
using MissionLocale.Application.Pilotage.RechercherDossiers;
using MissionLocale.Domain.Pilotage;
using MissionLocale.Domain.Utilisateurs;
using MissionLocale.Infrastructure;
using MissionLocale.Infrastructure.Persistence;
using MissionLocale.Infrastructure.Postgres;
using Npgsql;

namespace MissionLocale.Application.Tests;

/// <summary>
/// Reporting on a replica: a primary and a real streaming replica (pg_basebackup -R) of it. With the replay paused,
/// the primary changes and the reports do not see it (they read the replica); once replay resumes they do. The
/// replica cannot be written to, and the reporting session on the primary (no replica configured) refuses writes too.
/// </summary>
public sealed class RepliqueTests
{
    [Fact]
    [Trait("Rule", "PIL-03")]
    public async Task Les_rapports_lisent_la_replique_et_la_session_de_lecture_n_ecrit_jamais()
    {
        var binaires = LocalPostgresCluster.TrouverBinaires() ?? throw new InvalidOperationException("PostgreSQL introuvable.");
        var racine = Path.Combine("/tmp", "ml-replique-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using var primaire = new LocalPostgresCluster(Path.Combine(racine, "primaire"), binaires, jetable: true);
            await primaire.DemarrerAsync();
            await primaire.CreerBaseAsync("ml");
            var cs = primaire.ConnectionString("ml");
            var initialisation = new ServiceCollection().AddLogging().AddSingleton<ICurrentUser>(new SystemUser());
            initialisation.AddInfrastructure(cs);
            initialisation.AddDataProtection();
            initialisation.AddMissionLocaleIdentity();
            await using (var sp = initialisation.BuildServiceProvider())
            {
                await DatabaseInitializer.InitialiserAsync(sp, jeunesDemoParStructure: 20);
            }

            await using var replique = await primaire.CreerRepliqueAsync(Path.Combine(racine, "replique"));
            var csReplique = replique.ConnectionString("ml");
            await using var primaireDb = new NpgsqlConnection(cs);
            await primaireDb.OpenAsync();
            var structure = (Guid)(await new NpgsqlCommand("SELECT id FROM structures ORDER BY code LIMIT 1", primaireDb).ExecuteScalarAsync())!;
            await AttendreAsync(csReplique, structure);

            var user = new TestUser { StructureId = structure, UtilisateurId = Guid.NewGuid(), Login = "direction", Profil = Profil.Direction };
            var services = new ServiceCollection().AddLogging().AddSingleton<ICurrentUser>(user);
            services.AddInfrastructure(cs, csReplique);
            await using var provider = services.BuildServiceProvider();

            async Task<int> TotalRsaAsync()
            {
                await using var scope = provider.CreateAsyncScope();
                var lecture = scope.ServiceProvider.GetRequiredService<ILectureDb>();
                var handler = new ConsulterTableauDeBordHandler(lecture, scope.ServiceProvider.GetRequiredService<IAppDbContext>(), user, TimeProvider.System, new MemoryCache(new MemoryCacheOptions()), new OptionsTableauDeBord { CacheMinutes = 0 });
                _ = await handler.Handle(new ConsulterTableauDeBordQuery(new DateOnly(2017, 1, 1), new DateOnly(2019, 12, 31)), CancellationToken.None);
                return await lecture.Db.Jeunes.CountAsync(j => j.Rsa != Domain.Jeunes.Rsa.Non);
            }

            var avant = await TotalRsaAsync();

            // Replay paused on the replica; the primary changes.
            await ExecuterAsync(csReplique, "SELECT pg_wal_replay_pause()");
            var changes = await new NpgsqlCommand($"UPDATE jeunes SET rsa = 1 WHERE structure_id = '{structure}' AND rsa = 0", primaireDb).ExecuteNonQueryAsync();
            Assert.True(changes > 0);
            Assert.Equal(avant, await TotalRsaAsync());

            await ExecuterAsync(csReplique, "SELECT pg_wal_replay_resume()");
            var apres = avant;
            for (var i = 0; i < 100 && apres == avant; i++)
            {
                await Task.Delay(100);
                apres = await TotalRsaAsync();
            }

            Assert.Equal(avant + changes, apres);

            // A hot standby refuses writes; so does the reporting session when it runs on the primary.
            var ecriture = await Assert.ThrowsAsync<PostgresException>(() => ExecuterAsync(csReplique, "DELETE FROM consultations_dossier"));
            Assert.Equal("25006", ecriture.SqlState);
            var seule = new ServiceCollection().AddLogging().AddSingleton<ICurrentUser>(user);
            seule.AddInfrastructure(cs);
            await using var sansReplique = seule.BuildServiceProvider();
            await using var s = sansReplique.CreateAsyncScope();
            var db = s.ServiceProvider.GetRequiredService<ILectureDb>().Db;
            db.Consultations.Add(new Domain.Audit.ConsultationDossier(structure, Guid.NewGuid(), DateTimeOffset.UtcNow, user.UtilisateurId, "direction", "Essai"));
            var refus = await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());
            Assert.Contains("read-only transaction", refus.ToString(), StringComparison.Ordinal);

            // The interactive list reads the primary (a conseiller sees what was just typed); replayed, both agree.
            await using var scopeListe = provider.CreateAsyncScope();
            var liste = await new RechercherDossiersHandler(scopeListe.ServiceProvider.GetRequiredService<IAppDbContext>(), TimeProvider.System)
                .Handle(new RechercherDossiersQuery(new CriteresRecherche { Rsa = true }), CancellationToken.None);
            Assert.Equal(apres, liste.Total);
        }
        finally
        {
            try
            {
                Directory.Delete(racine, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task AttendreAsync(string csReplique, Guid structure)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                await using var c = new NpgsqlConnection(csReplique);
                await c.OpenAsync();
                if (await new NpgsqlCommand($"SELECT count(*) FROM structures WHERE id = '{structure}'", c).ExecuteScalarAsync() is long n && n == 1)
                {
                    return;
                }
            }
            catch (NpgsqlException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("La réplique ne rattrape pas le primaire.");
    }

    private static async Task ExecuterAsync(string cs, string sql)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }
}
