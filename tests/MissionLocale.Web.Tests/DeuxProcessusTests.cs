using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionLocale.Application.Common;
using MissionLocale.Infrastructure;
using MissionLocale.Infrastructure.Persistence;
using MissionLocale.Tests.Shared;
using Quartz;

namespace MissionLocale.Web.Tests;

/// <summary>The application as an operating-system process (the built MissionLocale.Web.dll), its output kept to read.</summary>
public sealed class ProcessusApp : IAsyncDisposable
{
    private readonly Process processus;
    private readonly ConcurrentQueue<string> lignes = new();

    private ProcessusApp(string connexion)
    {
        Port = PortLibre();
        var info = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "MissionLocale.Web.dll"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ConnectionStrings__MissionLocale"] = connexion;
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Demo__Jeunes"] = "3";
        info.Environment["Jobs__Actifs"] = "true";
        info.Environment["Securite__DeuxFacteursObligatoires"] = "false";
        info.Environment["Connexion__TentativesParMinute"] = "100000";
        processus = new Process { StartInfo = info };
        processus.OutputDataReceived += (_, e) => Garder(e.Data);
        processus.ErrorDataReceived += (_, e) => Garder(e.Data);
        processus.Start();
        processus.BeginOutputReadLine();
        processus.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri Adresse => new($"http://127.0.0.1:{Port}");

    public IReadOnlyCollection<string> Lignes => lignes;

    public static ProcessusApp Demarrer(string connexion) => new(connexion);

    /// <summary>Waits until the login page answers (migrations, reference data and demo data done).</summary>
    public async Task PretAsync()
    {
        using var client = new HttpClient { BaseAddress = Adresse, Timeout = TimeSpan.FromSeconds(5) };
        var limite = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < limite)
        {
            if (processus.HasExited)
            {
                throw new InvalidOperationException($"Le processus {Port} s'est arrêté ({processus.ExitCode}) :\n{string.Join('\n', lignes.TakeLast(40))}");
            }

            try
            {
                if ((await client.GetAsync("/Account/Login")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Le processus {Port} ne répond pas :\n{string.Join('\n', lignes.TakeLast(40))}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!processus.HasExited)
        {
            processus.Kill(entireProcessTree: true);
            await processus.WaitForExitAsync();
        }

        processus.Dispose();
    }

    private static int PortLibre()
    {
        using var ecoute = new TcpListener(IPAddress.Loopback, 0);
        ecoute.Start();
        return ((IPEndPoint)ecoute.LocalEndpoint).Port;
    }

    private void Garder(string? ligne)
    {
        if (ligne is not null)
        {
            lignes.Enqueue(ligne);
        }
    }
}

/// <summary>
/// Issue 13: two application processes on one PostgreSQL, started at the same moment on a database never started
/// before (docs/deploiement.md): the first start is serialised, a session and an antiforgery token of one are accepted
/// by the other, a one-off trigger fires on one node only, and each outbox message is sent once.
/// </summary>
public sealed class DeuxProcessusTests
{
    [Fact]
    public async Task Deux_processus_une_base_session_antiforgery_tache_et_outbox_partages()
    {
        var connexion = await TestDatabase.NouvelleBaseAsync();
        await using var a = ProcessusApp.Demarrer(connexion);
        await using var b = ProcessusApp.Demarrer(connexion);
        await Task.WhenAll(a.PretAsync(), b.PretAsync());

        // Both started; the demo data was seeded once: per structure three jeunes and the partial dossier of the demo's
        // accepted France Travail assignment (PPAE-01), four, not eight.
        await using var services = Services(connexion);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var parStructure = await db.Jeunes.IgnoreQueryFilters().GroupBy(j => j.StructureId).Select(g => g.Count()).ToListAsync();
            Assert.NotEmpty(parStructure);
            Assert.All(parStructure, n => Assert.Equal(4, n));
        }

        // A session opened on A is accepted by B; a form served by A is posted to B.
        using var clientA = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = a.Adresse };
        using var clientB = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = b.Adresse };
        var formulaire = await clientA.GetAsync("/Account/Login");
        var login = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Identifiant"] = "s.debout",
                ["MotDePasse"] = WebFixture.MotDePasse,
                ["__RequestVerificationToken"] = PlusieursInstancesTests.Jeton(await formulaire.Content.ReadAsStringAsync()),
            }),
        };
        login.Headers.Add("Cookie", PlusieursInstancesTests.Cookies(formulaire));
        var connecte = await clientA.SendAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, connecte.StatusCode);
        var session = PlusieursInstancesTests.Cookies(connecte);

        var accueil = new HttpRequestMessage(HttpMethod.Get, "/");
        accueil.Headers.Add("Cookie", session);
        var page = await clientB.SendAsync(accueil);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Bonjour Sylvain", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var get = new HttpRequestMessage(HttpMethod.Get, "/Pilotage/Recherche?Criteres.Rsa=true");
        get.Headers.Add("Cookie", session);
        var formA = await clientA.SendAsync(get);
        var post = new HttpRequestMessage(HttpMethod.Post, "/Pilotage/Recherche?handler=Sauvegarder&Criteres.Rsa=true")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Nom"] = "Deux processus : RSA",
                ["__RequestVerificationToken"] = PlusieursInstancesTests.Jeton(await formA.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", new[] { session, PlusieursInstancesTests.Cookies(formA) }.Where(c => c.Length > 0)));
        Assert.Equal(HttpStatusCode.Redirect, (await clientB.SendAsync(post)).StatusCode);

        // Ten outbox messages due now, and eight one-off triggers of the sending job at once on the shared schedule.
        var adresses = Enumerable.Range(0, 10).Select(i => $"deux-processus-{i}-{Guid.NewGuid():N}@example.org").ToList();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var jeune = await db.Jeunes.IgnoreQueryFilters().FirstAsync();
            foreach (var adresse in adresses)
            {
                db.MessagesSortants.Add(new MissionLocale.Domain.Messages.MessageSortant(jeune.StructureId, jeune.Id, null, MissionLocale.Domain.Messages.Canal.Email, adresse,
                    adresse, "Rappel", "Bonjour", DateTimeOffset.UtcNow.AddMinutes(-1)));
            }

            await db.SaveChangesAsync();
        }

        var planificateur = await PlanificateurAsync(connexion);
        var declencheurs = Enumerable.Range(0, 8).Select(i => $"deux-processus-{i}-{Guid.NewGuid():N}").ToList();
        foreach (var d in declencheurs)
        {
            await planificateur.ScheduleJob(TriggerBuilder.Create().WithIdentity(d).ForJob("envoyer-messages").StartNow().Build());
        }

        int Executions(string declencheur) => a.Lignes.Concat(b.Lignes).Count(l => l.Contains("Tâche", StringComparison.Ordinal) && l.Contains(declencheur, StringComparison.Ordinal));
        int Envois(string adresse) => a.Lignes.Concat(b.Lignes).Count(l => l.Contains("E-mail non envoyé", StringComparison.Ordinal) && l.Contains(adresse, StringComparison.Ordinal));
        for (var i = 0; i < 600 && !(declencheurs.All(d => Executions(d) > 0) && adresses.All(x => Envois(x) > 0)); i++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(3000);
        Assert.All(declencheurs, d => Assert.Equal(1, Executions(d)));
        Assert.All(adresses, x => Assert.Equal(1, Envois(x)));
    }

    private static ServiceProvider Services(string connexion)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ICurrentUser>(new SystemUser());
        services.AddInfrastructure(connexion);
        return services.BuildServiceProvider();
    }

    /// <summary>A scheduler on the shared store that is never started: it only writes triggers, the two processes fire them.</summary>
    private static async Task<IScheduler> PlanificateurAsync(string connexion)
    {
        await using var conn = new Npgsql.NpgsqlConnection(connexion);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT DISTINCT sched_name FROM qrtz_triggers", conn);
        var nom = (string)(await cmd.ExecuteScalarAsync())!;
        return await QuartzSchedulerBuilder.Create(q =>
            {
                q.ConfigureScheduler(o =>
                {
                    o.InstanceName = nom;
                    o.InstanceId = "test-planificateur";
                });
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(connexion);
                    store.UseSystemTextJsonSerializer();
                    store.ConfigureStore(o => o.TablePrefix = "qrtz_");
                    store.UseClustering();
                });
            })
            .BuildScheduler();
    }
}
