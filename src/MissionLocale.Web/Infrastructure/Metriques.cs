using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Infrastructure.Persistence;
using Npgsql;
using OpenTelemetry.Metrics;

namespace MissionLocale.Web.Infrastructure;

/// <summary>
/// What an operator scrapes (issue 10, part 3): request durations by route (ASP.NET Core's http.server.request.duration,
/// tagged with http.route), database time (Npgsql's db.client.* instruments), the outbox backlog and the age of its
/// oldest due message, and the scheduled jobs' runs and failures. Exposed in the Prometheus format on /metrics, only
/// with the operator's token (Metriques:Jeton, sent as Authorization: Bearer); without it the endpoint does not exist.
/// </summary>
public sealed class Metriques : IDisposable
{
    public const string NomMeter = "MissionLocale";

    private readonly Meter meter = new(NomMeter);
    private readonly Counter<long> executions;
    private readonly Histogram<double> durees;
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly object verrou = new();
    private (DateTimeOffset Le, long EnAttente, double AgeSecondes)? releve;

    public Metriques(IServiceScopeFactory scopes, TimeProvider clock)
    {
        this.scopes = scopes;
        this.clock = clock;
        executions = meter.CreateCounter<long>("missionlocale.jobs.executions", description: "Exécutions des tâches planifiées, par tâche et résultat (succes, echec).");
        durees = meter.CreateHistogram<double>("missionlocale.jobs.duree", unit: "s", description: "Durée des exécutions des tâches planifiées.");
        meter.CreateObservableGauge("missionlocale.outbox.en_attente", () => Releve().EnAttente, description: "Messages (rappels e-mail et SMS) en attente d'envoi.");
        meter.CreateObservableGauge("missionlocale.outbox.age_plus_ancien", () => Releve().AgeSecondes, unit: "s", description: "Retard du plus ancien message dû et non envoyé.");
    }

    /// <summary>Runs a scheduled job and counts it; a failure is counted, logged by Quartz, and rethrown.</summary>
    public async ValueTask MesurerAsync(string tache, Func<Task> travail)
    {
        var chrono = Stopwatch.StartNew();
        var resultat = "succes";
        try
        {
            await travail();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            resultat = "echec";
            throw;
        }
        finally
        {
            executions.Add(1, new KeyValuePair<string, object?>("tache", tache), new KeyValuePair<string, object?>("resultat", resultat));
            durees.Record(chrono.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("tache", tache));
        }
    }

    /// <summary>The outbox counted across structures at most every 10 seconds (a scrape never loads the database).</summary>
    private (long EnAttente, double AgeSecondes) Releve()
    {
        lock (verrou)
        {
            var maintenant = clock.GetUtcNow();
            if (releve is { } r && maintenant - r.Le < TimeSpan.FromSeconds(10))
            {
                return (r.EnAttente, r.AgeSecondes);
            }

            try
            {
                using var scope = scopes.CreateScope();
                var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
                using var db = new AppDbContext(options, new SystemUser(), clock);
                db.Database.SetCommandTimeout(5);

                // Raw SQL across structures on purpose: a count for the operator, no personal data.
                var ligne = db.Database.SqlQuery<LigneOutbox>($"""
                    SELECT count(*) AS "EnAttente", min(prochaine_tentative) FILTER (WHERE prochaine_tentative <= {maintenant}) AS "PlusAncien"
                    FROM messages_sortants WHERE statut = 1
                    """).AsEnumerable().Single();
                var age = ligne.PlusAncien is { } p ? Math.Max(0, (maintenant - p).TotalSeconds) : 0;
                releve = (maintenant, ligne.EnAttente, age);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // Database unreachable: the last values stay (the health check says the rest).
            }

            return releve is { } v ? (v.EnAttente, v.AgeSecondes) : (0, 0);
        }
    }

    public void Dispose() => meter.Dispose();

    private sealed record LigneOutbox(long EnAttente, DateTimeOffset? PlusAncien);
}

public static class MetriquesExtensions
{
    public static IServiceCollection AddMetriques(this IServiceCollection services)
    {
        services.AddSingleton<Metriques>();
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddAspNetCoreInstrumentation()
            .AddNpgsqlInstrumentation(_ => { })
            .AddMeter(Metriques.NomMeter)
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>/metrics for the operator only: a bearer token compared in constant time; 404 when no token is configured.</summary>
    public static void MapMetriques(this WebApplication app)
    {
        var jeton = app.Configuration["Metriques:Jeton"];
        if (string.IsNullOrEmpty(jeton))
        {
            return;
        }

        // Instruments are created on first use: make sure ours exist before the first scrape.
        _ = app.Services.GetRequiredService<Metriques>();
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/metrics"), branche => branche.Use(async (ctx, suite) =>
        {
            if (!SecretPartage.Verifier(ctx.Request, jeton))
            {
                ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                ctx.Response.Headers.WWWAuthenticate = "Bearer";
                return;
            }

            await suite();
        }));
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
    }
}
