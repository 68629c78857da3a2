using MissionLocale.Application.Rappels;
using MissionLocale.Web.Infrastructure;
using Quartz;

namespace MissionLocale.Web.Jobs;

/// <summary>Puts tomorrow's rendez-vous reminders in the outbox (from 11:00, Europe/Paris). Safe on several nodes: the outbox key is unique.</summary>
[DisallowConcurrentExecution]
public sealed class PreparerRappelsJob(Rappels rappels, Metriques metriques) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        metriques.MesurerAsync("preparer-rappels", () => rappels.PreparerAsync(cancellationToken));
}

/// <summary>Sends the outbox messages that are due; each node claims its own rows (SKIP LOCKED lease).</summary>
[DisallowConcurrentExecution]
public sealed class EnvoyerMessagesJob(Rappels rappels, Metriques metriques) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        metriques.MesurerAsync("envoyer-messages", () => rappels.EnvoyerAsync(cancellationToken));
}

/// <summary>ALLOC-11: proposes the batches due (CEJ around the 1st and the 15th, PACEA on the 1st); a validator confirms them.</summary>
public sealed class ProposerLotsJob(MissionLocale.Application.Rappels.IParStructure structures, TimeProvider clock, Metriques metriques) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        metriques.MesurerAsync("proposer-lots-asp", () => structures.PourChaqueStructureAsync(
            (db, structureId, ct) => MissionLocale.Application.Allocations.LotsAsp.PreparationLots.ProposerDusAsync(db, structureId, clock.GetUtcNow(), MissionLocale.Application.Common.TempsLocal.Aujourdhui(clock), ct),
            cancellationToken));
}

/// <summary>PPAE-05: the flows due posted to France Travail (HTTP mode), every minute, on one node at a time.</summary>
[DisallowConcurrentExecution]
public sealed class TransmettreFluxDudeJob(MissionLocale.Application.Cotraitance.TransmettreFlux.TransmissionDude transmission, Metriques metriques) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        metriques.MesurerAsync("flux-dude", () => transmission.TransmettreAsync(cancellationToken));
}

/// <summary>USR-10: the reference-table merges due, at 04:00 Europe/Paris, on one node of the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class ExecuterFusionsJob(MissionLocale.Application.Rappels.IParStructure structures, TimeProvider clock, Metriques metriques) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        metriques.MesurerAsync("fusions-referentiels", () => structures.PourChaqueStructureAsync(
            (db, _, ct) => MissionLocale.Application.Reference.ExecuterFusions.ExecutionFusions.ExecuterDuesAsync(db, clock.GetUtcNow(), ct),
            cancellationToken));
}

/// <summary>RGPD-03 and RGPD-05: retention, each night at 03:30 Europe/Paris, on one node of the cluster; resumable (batches are marked).</summary>
[DisallowConcurrentExecution]
public sealed class ConservationJob(MissionLocale.Application.Rappels.IParStructure structures, TimeProvider clock, Metriques metriques, ILogger<ConservationJob> log) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        metriques.MesurerAsync("conservation-rgpd", () => structures.PourChaqueStructureAsync(
            async (db, structure, ct) =>
            {
                var r = await MissionLocale.Application.Rgpd.Conservation.Conservation.ExecuterAsync(db, clock, ct);
                log.LogInformation("RGPD-03/05 structure {Structure} : {Prevus} dossiers prévus, {Retires} retirés, {Anonymises} anonymisés, {Journaux} lectures purgées",
                    structure, r.Prevus, r.Retires, r.Anonymises, r.JournauxPurges);
            },
            cancellationToken));
}

/// <summary>PIL-03: the national reporting rows refreshed and the indicators of the last twelve months computed ahead, every 30 minutes on one node.</summary>
[DisallowConcurrentExecution]
public sealed class IndicateursNationauxJob(MissionLocale.Application.Common.ILectureDb lecture, MissionLocale.Application.Common.IAppDbContext db, TimeProvider clock, Metriques metriques) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        metriques.MesurerAsync("indicateurs-nationaux", async () =>
        {
            var (du, au) = MissionLocale.Application.Pilotage.ConsulterTableauDeBord.IndicateursNationaux.PeriodeParDefaut(MissionLocale.Application.Common.TempsLocal.Aujourdhui(clock));
            await MissionLocale.Application.Pilotage.ConsulterTableauDeBord.IndicateursNationaux.CalculerEtStockerAsync(lecture.Db, db, clock, du, au, cancellationToken, rafraichir: true);
        });
}

public static class JobsExtensions
{
    /// <summary>
    /// Quartz with its clustered ADO.NET job store in the application's PostgreSQL database (tables qrtz_*, provisioned
    /// by Quartz at first start): several nodes share the schedule and a trigger fires on one node only.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        if (!configuration.GetValue("Jobs:Actifs", true))
        {
            return services;
        }

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.GenerateInstanceId = true;
                o.DefaultTimeZone = TimeZoneInfo.FindSystemTimeZoneById(Environment.GetEnvironmentVariable("MISSIONLOCALE_TIMEZONE") ?? "Europe/Paris");
            });
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = "qrtz_";
                    o.StoreJobDataAsStrings = true;
                });

                // Quartz creates its qrtz_* tables in our database when missing (it only ever creates).
                store.ProvisionSchema();
                store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(20));
            });
            q.AddJobListener<JournalTaches>();
            var preparer = new JobKey("preparer-rappels");
            q.AddJob<PreparerRappelsJob>(j => j.WithIdentity(preparer));
            q.AddTrigger(t => t.ForJob(preparer).WithIdentity("preparer-rappels-5min").WithCronSchedule("0 0/5 * * * ?"));
            var envoyer = new JobKey("envoyer-messages");
            q.AddJob<EnvoyerMessagesJob>(j => j.WithIdentity(envoyer));
            q.AddTrigger(t => t.ForJob(envoyer).WithIdentity("envoyer-messages-1min").WithCronSchedule("0 * * * * ?"));
            var lots = new JobKey("proposer-lots-asp");
            q.AddJob<ProposerLotsJob>(j => j.WithIdentity(lots));
            q.AddTrigger(t => t.ForJob(lots).WithIdentity("proposer-lots-asp-6h").WithCronSchedule("0 0 6 * * ?"));
            var fusions = new JobKey("fusions-referentiels");
            q.AddJob<ExecuterFusionsJob>(j => j.WithIdentity(fusions));
            q.AddTrigger(t => t.ForJob(fusions).WithIdentity("fusions-referentiels-4h").WithCronSchedule("0 0 4 * * ?"));
            var nationaux = new JobKey("indicateurs-nationaux");
            q.AddJob<IndicateursNationauxJob>(j => j.WithIdentity(nationaux));
            q.AddTrigger(t => t.ForJob(nationaux).WithIdentity("indicateurs-nationaux-30min").WithCronSchedule("0 7/30 * * * ?"));
            var fluxDude = new JobKey("transmettre-flux-dude");
            q.AddJob<TransmettreFluxDudeJob>(j => j.WithIdentity(fluxDude));
            q.AddTrigger(t => t.ForJob(fluxDude).WithIdentity("transmettre-flux-dude-1min").WithCronSchedule("30 * * * * ?"));
            var conservation = new JobKey("conservation-rgpd");
            q.AddJob<ConservationJob>(j => j.WithIdentity(conservation));
            q.AddTrigger(t => t.ForJob(conservation).WithIdentity("conservation-rgpd-3h30").WithCronSchedule("0 30 3 * * ?"));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}

/// <summary>
/// One log line per execution, with the node that ran it: on several instances (docs/deploiement.md) the logs say which
/// node ran what, and that a trigger fired once across the cluster.
/// </summary>
public sealed class JournalTaches(ILogger<JournalTaches> log) : IJobListener
{
    public string Name => nameof(JournalTaches);

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (jobException is null)
        {
            log.LogInformation("Tâche {Tache} exécutée sur le nœud {Noeud} (déclencheur {Declencheur}, {Duree} ms)",
                context.JobDetail.Key.Name, context.Scheduler.SchedulerInstanceId, context.Trigger.Key.Name, (long)context.JobRunTime.TotalMilliseconds);
        }
        else
        {
            log.LogError(jobException, "Tâche {Tache} en échec sur le nœud {Noeud} (déclencheur {Declencheur})",
                context.JobDetail.Key.Name, context.Scheduler.SchedulerInstanceId, context.Trigger.Key.Name);
        }

        return ValueTask.CompletedTask;
    }
}
