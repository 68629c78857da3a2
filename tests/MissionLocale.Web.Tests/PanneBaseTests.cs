using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace MissionLocale.Web.Tests;

/// <summary>The app reaches PostgreSQL through a TCP relay the test can cut, as a database restart or a network failure would.</summary>
public sealed class PanneBaseFixture : WebFixture
{
    private readonly TcpListener ecoute = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> connexions = [];
    private readonly object verrou = new();
    private volatile bool coupe;
    private string hote = "localhost";
    private int port = 5432;

    public void Couper()
    {
        coupe = true;
        lock (verrou)
        {
            foreach (var c in connexions)
            {
                c.Dispose();
            }

            connexions.Clear();
        }

        NpgsqlConnection.ClearAllPools();
    }

    public void Retablir() => coupe = false;

    /// <summary>A route that fails as an unexpected bug would, to see what a user gets then.</summary>
    protected override void ConfigurerServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, PanneSimulee>(services);

    private sealed class PanneSimulee : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            next(app);

            // After the app's pipeline: reached for a path no endpoint serves, behind the app's exception handling.
            Microsoft.AspNetCore.Builder.UseExtensions.Use(app, (ctx, suite) => ctx.Request.Path.Value?.EndsWith("/test/panne", StringComparison.Ordinal) == true
                ? throw new InvalidOperationException("Bug simulé : NullReference au fond d'un handler")
                : suite());
        };
    }

    protected override string ConnexionApplication(string connexionTest)
    {
        var b = new NpgsqlConnectionStringBuilder(connexionTest);
        hote = b.Host ?? "localhost";
        port = b.Port;
        ecoute.Start();
        _ = Task.Run(RelayerAsync);

        // A short timeout, so a request waiting for a dead server fails quickly (as it would behind a load balancer's limit).
        b.Host = "127.0.0.1";
        b.Port = ((IPEndPoint)ecoute.LocalEndpoint).Port;
        b.Timeout = 3;
        return b.ConnectionString;
    }

    private async Task RelayerAsync()
    {
        while (true)
        {
            var client = await ecoute.AcceptTcpClientAsync();
            if (coupe)
            {
                client.Dispose();
                continue;
            }

            var serveur = new TcpClient();
            await serveur.ConnectAsync(hote.StartsWith('/') ? "127.0.0.1" : hote, port);
            lock (verrou)
            {
                connexions.Add(client);
                connexions.Add(serveur);
            }

            _ = Copier(client, serveur);
            _ = Copier(serveur, client);
        }
    }

    private static async Task Copier(TcpClient de, TcpClient vers)
    {
        try
        {
            await de.GetStream().CopyToAsync(vers.GetStream());
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
        }
        finally
        {
            de.Dispose();
            vers.Dispose();
        }
    }
}

/// <summary>Issue 10: database unreachable → 503 with a French message, pages and API alike; back to normal once it answers.</summary>
public sealed class PanneBaseTests(PanneBaseFixture f) : IClassFixture<PanneBaseFixture>
{
    [Fact]
    public async Task Base_injoignable_pages_et_API_repondent_503_en_francais_puis_reprennent()
    {
        var page = await f.ConnecterAsync("s.debout");
        var api = await f.ApiAsync("s.debout");
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/Jeunes/RechercherJeunes?q=a")).StatusCode);

        f.Couper();
        try
        {
            var r = await page.GetAsync("/Jeunes/RechercherJeunes?q=a");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode);
            var html = await r.Content.ReadAsStringAsync();
            Assert.Contains("La base de données ne répond pas", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Npgsql", html, StringComparison.Ordinal);

            var json = await api.GetAsync("/api/v1/jeunes?q=a");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, json.StatusCode);
            Assert.Equal("application/problem+json", json.Content.Headers.ContentType!.MediaType);
            Assert.Contains("La base de données ne répond pas", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            f.Retablir();
        }

        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/Jeunes/RechercherJeunes?q=a")).StatusCode);
    }

    [Fact]
    public async Task Erreur_inattendue_page_francaise_avec_reference_sans_trace_de_pile()
    {
        var page = await f.ConnecterAsync("s.debout");
        var r = await page.GetAsync("/test/panne");
        Assert.Equal(HttpStatusCode.InternalServerError, r.StatusCode);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Contains("Erreur inattendue", html, StringComparison.Ordinal);
        Assert.Matches("Référence à communiquer au support : <code>[0-9a-f]{32}</code>", html);
        Assert.DoesNotContain("Bug simulé", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", html, StringComparison.Ordinal);

        var api = await f.ApiAsync("s.debout");
        var json = await api.GetAsync("/api/v1/test/panne");
        Assert.Equal(HttpStatusCode.InternalServerError, json.StatusCode);
        var corps = await json.Content.ReadAsStringAsync();
        Assert.Contains("\"reference\"", corps, StringComparison.Ordinal);
        Assert.DoesNotContain("Bug simulé", corps, StringComparison.Ordinal);
    }
}
