using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MissionLocale.Application.Rappels;
using MissionLocale.Infrastructure.Messages;
using MissionLocale.Infrastructure.Persistence;
using Quartz;

namespace MissionLocale.Web.Tests;

/// <summary>A first application instance with its jobs on.</summary>
public sealed class InstanceAFixture : WebFixture
{
    protected override bool JobsActifs => true;
}

/// <summary>A second instance of the application on the same database (another host, other singletons, its own Quartz node).</summary>
public sealed class InstanceB(string connexion) : WebFixture
{
    protected override bool JobsActifs => true;

    protected override string ConnexionApplication(string connexionTest) => connexion;
}

/// <summary>Counts its executions across instances (both hosts run in this process).</summary>
public sealed class CompteurJob : IJob
{
    private static int executions;

    public static int Executions => Volatile.Read(ref executions);

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref executions);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Several instances behind a load balancer on one PostgreSQL (docs/deploiement.md): a session and an antiforgery token
/// issued by one are accepted by the other (keys in the database), a scheduled job fires on one node only (clustered
/// Quartz store), an outbox message is sent once when both instances deliver at the same moment.
/// </summary>
public sealed class PlusieursInstancesTests(InstanceAFixture a) : IClassFixture<InstanceAFixture>
{
    private static HttpClient SansCookies(WebFixture f) => f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    internal static string Cookies(HttpResponseMessage r) =>
        string.Join("; ", r.Headers.TryGetValues("Set-Cookie", out var v) ? v.Select(c => c.Split(';')[0]) : []);

    internal static string Jeton(string html) => Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task Session_antiforgery_job_et_outbox_partages_entre_deux_instances()
    {
        await using var b = new InstanceB(a.Connexion);
        await b.InitializeAsync();

        // Log in on A, with A's antiforgery cookie and token.
        var clientA = SansCookies(a);
        var formulaire = await clientA.GetAsync("/Account/Login");
        var antiforgery = Cookies(formulaire);
        var login = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Identifiant"] = "s.debout",
                ["MotDePasse"] = WebFixture.MotDePasse,
                ["__RequestVerificationToken"] = Jeton(await formulaire.Content.ReadAsStringAsync()),
            }),
        };
        login.Headers.Add("Cookie", antiforgery);
        var connecte = await clientA.SendAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, connecte.StatusCode);
        var session = Cookies(connecte);

        // B reads A's session cookie.
        var clientB = SansCookies(b);
        var accueil = new HttpRequestMessage(HttpMethod.Get, "/");
        accueil.Headers.Add("Cookie", session);
        var page = await clientB.SendAsync(accueil);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Bonjour Sylvain", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A form served by A, posted to B: the antiforgery token validates there.
        var get = new HttpRequestMessage(HttpMethod.Get, "/Pilotage/Recherche?Criteres.Rsa=true");
        get.Headers.Add("Cookie", session);
        var formA = await clientA.SendAsync(get);
        var cookiesForm = string.Join("; ", new[] { session, Cookies(formA) }.Where(c => c.Length > 0));
        var post = new HttpRequestMessage(HttpMethod.Post, "/Pilotage/Recherche?handler=Sauvegarder&Criteres.Rsa=true")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Nom"] = "Instances : RSA",
                ["__RequestVerificationToken"] = Jeton(await formA.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", cookiesForm);
        var sauve = await clientB.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, sauve.StatusCode);

        // One trigger in the shared store: it fires on exactly one of the two nodes.
        var planificateur = await a.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var avant = CompteurJob.Executions;
        await planificateur.ScheduleJob(
            JobBuilder.Create<CompteurJob>().WithIdentity("compteur-" + Guid.NewGuid().ToString("N")).Build(),
            TriggerBuilder.Create().StartAt(DateTimeOffset.UtcNow.AddSeconds(2)).Build());
        for (var i = 0; i < 100 && CompteurJob.Executions == avant; i++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(3000);
        Assert.Equal(avant + 1, CompteurJob.Executions);

        // An outbox message due now, delivered by both instances at the same moment: sent once.
        var cle = "instances-" + Guid.NewGuid().ToString("N");
        await using (var scope = a.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var jeune = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Jeunes));
            db.MessagesSortants.Add(new MissionLocale.Domain.Messages.MessageSortant(jeune.StructureId, jeune.Id, null, MissionLocale.Domain.Messages.Canal.Email, cle,
                "instances@example.org", "Rappel", "Bonjour", DateTimeOffset.UtcNow.AddMinutes(-1)));
            await db.SaveChangesAsync();
        }

        async Task EnvoyerAsync(WebFixture f)
        {
            await using var scope = f.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Rappels>().EnvoyerAsync(CancellationToken.None);
        }

        await Task.WhenAll(Enumerable.Range(0, 5).SelectMany(_ => new[] { EnvoyerAsync(a), EnvoyerAsync(b) }));
        var envoyes = a.Services.GetRequiredService<JournalEnvois>().Envoyes.Concat(b.Services.GetRequiredService<JournalEnvois>().Envoyes)
            .Count(e => e.Destinataire == "instances@example.org");
        Assert.Equal(1, envoyes);
    }
}
