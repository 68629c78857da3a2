using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MissionLocale.Infrastructure.Seed;
using MissionLocale.Tests.Shared;

namespace MissionLocale.Web.Tests;

/// <summary>The whole application on a fresh PostgreSQL database with the demo Missions Locales (few jeunes).</summary>
public class WebFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string MotDePasse = DemoSeeder.MotDePasseDemo;

    private string connexion = string.Empty;

    protected virtual bool VraiPort => false;

    protected virtual bool JobsActifs => false;

    public string Connexion => connexion;

    public string BaseUrl { get; private set; } = "http://localhost";

    public async Task InitializeAsync()
    {
        connexion = await TestDatabase.NouvelleBaseAsync();
        if (VraiPort)
        {
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            StartServer();
            BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        }
        else
        {
            _ = Server;
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:MissionLocale", ConnexionApplication(connexion));
        builder.UseSetting("Demo:Jeunes", "3");

        // The required second factor of validateurs and administrators is tested on its own (DeuxFacteursTests), switched on there.
        builder.UseSetting("Securite:DeuxFacteursObligatoires", "false");
        builder.UseSetting("Jobs:Actifs", JobsActifs ? "true" : "false");

        // The suite logs in hundreds of times from one client; the login limit has its own test.
        builder.UseSetting("Connexion:TentativesParMinute", "100000");
        builder.UseEnvironment("Production");
        builder.ConfigureServices(ConfigurerServices);
    }

    protected virtual void ConfigurerServices(IServiceCollection services)
    {
    }

    /// <summary>The connection string the app uses (a fixture may route it through a proxy it can cut).</summary>
    protected virtual string ConnexionApplication(string connexionTest) => connexionTest;

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client logged in through the login page (cookie + antiforgery).</summary>
    public async Task<HttpClient> ConnecterAsync(string login, string motDePasse = MotDePasse)
    {
        var client = Client();
        var reponse = await PosterFormulaireAsync(client, "/Account/Login", "/Account/Login", new() { ["Identifiant"] = login, ["MotDePasse"] = motDePasse });
        if (reponse.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Connexion de {login} refusée : {reponse.StatusCode}");
        }

        return client;
    }

    public static async Task<HttpResponseMessage> PosterFormulaireAsync(HttpClient client, string pageFormulaire, string action, Dictionary<string, string> champs)
    {
        var html = await client.GetStringAsync(pageFormulaire);
        var jeton = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        champs["__RequestVerificationToken"] = jeton;
        return await client.PostAsync(action, new FormUrlEncodedContent(champs));
    }

    /// <summary>A client of the API with a bearer token.</summary>
    public async Task<HttpClient> ApiAsync(string login)
    {
        var client = Client();
        var r = await client.PostAsJsonAsync("/api/v1/auth/token", new { login, password = MotDePasse });
        r.EnsureSuccessStatusCode();
        var json = await r.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", json.GetProperty("accessToken").GetString());
        return client;
    }
}

/// <summary>The application on a real TCP port, for the browser.</summary>
public class KestrelFixture : WebFixture
{
    protected override bool VraiPort => true;
}

/// <summary>A real port and a clock the test moves forward (a rendez-vous planned, then missed).</summary>
public sealed class KestrelHorlogeFixture : KestrelFixture
{
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow) { };

    protected override void ConfigurerServices(IServiceCollection services)
    {
        Clock.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        services.AddSingleton<TimeProvider>(Clock);
    }
}

/// <summary>The application with its scheduled jobs (Quartz, clustered store in PostgreSQL).</summary>
public sealed class JobsFixture : WebFixture
{
    protected override bool JobsActifs => true;
}
