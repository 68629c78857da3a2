using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MissionLocale.Web.Infrastructure;
using MissionLocale.Web.Jobs;

namespace MissionLocale.Web.Tests;

public sealed class MetriquesFixture : WebFixture
{
    public const string Jeton = "jeton-operateur-test";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Metriques:Jeton", Jeton);
    }
}

/// <summary>Issue 10, part 3: metrics an operator scrapes (Prometheus format), reserved to the operator's token.</summary>
public sealed class MetriquesTests(MetriquesFixture f) : IClassFixture<MetriquesFixture>
{
    private async Task<string> GratterAsync()
    {
        using var client = f.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MetriquesFixture.Jeton);
        var r = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await r.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Metriques_reservees_a_l_operateur()
    {
        using var anonyme = f.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonyme.GetAsync("/metrics")).StatusCode);
        anonyme.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "mauvais");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonyme.GetAsync("/metrics")).StatusCode);

        // A user's token is not the operator's.
        var api = await f.ApiAsync("s.debout");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Durees_par_route_temps_base_outbox_et_taches_planifiees()
    {
        var api = await f.ApiAsync("s.debout");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/jeunes?q=martin")).StatusCode);

        await using (var scope = f.Services.CreateAsyncScope())
        {
            var job = new EnvoyerMessagesJob(scope.ServiceProvider.GetRequiredService<MissionLocale.Application.Rappels.Rappels>(), f.Services.GetRequiredService<Metriques>());
            await job.Execute(null!, CancellationToken.None);
        }

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await f.Services.GetRequiredService<Metriques>().MesurerAsync("essai", () => throw new InvalidOperationException("panne simulée")));

        var texte = await GratterAsync();
        Assert.Matches("http_server_request_duration_seconds_bucket\\{[^}]*http_route=\"/api/v1/jeunes/?\"", texte);
        Assert.Matches("db_client_[a-z_]+", texte);
        Assert.Matches("missionlocale_outbox_en_attente(\\{[^}]*\\})? \\d+", texte);
        Assert.Matches("missionlocale_outbox_age_plus_ancien_seconds(\\{[^}]*\\})? [\\d.]+", texte);
        Assert.Matches("missionlocale_jobs_executions_total\\{[^}]*resultat=\"succes\"[^}]*tache=\"envoyer-messages\"[^}]*\\} 1", texte);
        Assert.Matches("missionlocale_jobs_executions_total\\{[^}]*resultat=\"echec\"[^}]*tache=\"essai\"[^}]*\\} 1", texte);
    }
}

public sealed class MetriquesSansJetonTests(WebFixture f) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task Sans_jeton_configure_pas_de_point_de_collecte() =>
        Assert.Equal(HttpStatusCode.NotFound, (await f.Client().GetAsync("/metrics")).StatusCode);
}
