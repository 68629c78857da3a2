using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MissionLocale.Web.Tests;

/// <summary>The app configured with the Brevo adapter, pointed at a fake provider on the loopback, with a clock the test moves.</summary>
public sealed class SmsFixture : WebFixture
{
    public const string Secret = "secret-retours-test";

    private WebApplication? fournisseur;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Every request the fake provider received: its api-key header and JSON body.</summary>
    public ConcurrentQueue<(string? Cle, JsonElement Corps, long Id)> Recus { get; } = new();

    /// <summary>Numbers the fake provider refuses with 400 (invalid recipient).</summary>
    public ConcurrentDictionary<string, bool> NumerosRefuses { get; } = new();

    private long prochainId = 1_511_882_900_000_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var b = WebApplication.CreateSlimBuilder();
        b.WebHost.UseUrls("http://127.0.0.1:0");
        fournisseur = b.Build();
        fournisseur.MapPost("/v3/transactionalSMS/send", async (HttpContext ctx) =>
        {
            var corps = await JsonSerializer.DeserializeAsync<JsonElement>(ctx.Request.Body);
            var id = Interlocked.Increment(ref prochainId);
            Recus.Enqueue((ctx.Request.Headers["api-key"].ToString(), corps, id));
            return NumerosRefuses.ContainsKey(corps.GetProperty("recipient").GetString()!)
                ? Results.Json(new { code = "invalid_parameter", message = "Invalid phone number" }, statusCode: 400)
                : Results.Json(new { messageId = id }, statusCode: 201);
        });
        fournisseur.StartAsync().GetAwaiter().GetResult();

        base.ConfigureWebHost(builder);
        builder.UseSetting("Sms:Fournisseur", "Brevo");
        builder.UseSetting("Sms:UrlApi", fournisseur.Urls.First());
        builder.UseSetting("Sms:CleApi", "cle-api-test");
        builder.UseSetting("Sms:Expediteur", "MLRennes");
        builder.UseSetting("Sms:SecretRetours", Secret);
    }

    protected override void ConfigurerServices(IServiceCollection services)
    {
        Clock.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        services.AddSingleton<TimeProvider>(Clock);
    }

    public override async ValueTask DisposeAsync()
    {
        if (fournisseur is not null)
        {
            await fournisseur.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

/// <summary>Issue 10: rendez-vous reminders reach a real SMS provider over HTTP; its receipts and the jeune's STOP come back (JEU-05).</summary>
public sealed class SmsTests(SmsFixture f) : IClassFixture<SmsFixture>
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private void AllerA(DateTime jourParis, int heure, int minute)
    {
        var cible = jourParis.Date.AddHours(heure).AddMinutes(minute);
        f.Clock.SetUtcNow(new DateTimeOffset(cible, Paris.GetUtcOffset(cible)).ToUniversalTime());
    }

    private static async Task<Guid> CreerAsync(HttpClient api, string nom, string mobile)
    {
        var r = await api.PostAsJsonAsync("/api/v1/jeunes", new
        {
            civilite = "Madame",
            nom,
            prenom = "Inès",
            dateNaissance = "2005-03-01",
            communeNaissanceInsee = "35238",
            consentementRgpd = true,
            numero = "4",
            voie = "Rue de Brest",
            codePostal = "35000",
            communeInsee = "35238",
            telephoneMobile = mobile,
            mobileJoignable = true,
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task TournerRappelsAsync()
    {
        await using var scope = f.Services.CreateAsyncScope();
        var rappels = scope.ServiceProvider.GetRequiredService<MissionLocale.Application.Rappels.Rappels>();
        await rappels.PreparerAsync(CancellationToken.None);
        await rappels.EnvoyerAsync(CancellationToken.None);
    }

    private static async Task<string> RappelsAsync(HttpClient api, Guid jeune)
    {
        var frise = await api.GetFromJsonAsync<JsonElement>($"/api/v1/jeunes/{jeune}/frise?types=RendezVous");
        return string.Join(" | ", frise.EnumerateArray().SelectMany(e => e.GetProperty("rappels").EnumerateArray().Select(r => r.GetString())));
    }

    private Task<HttpResponseMessage> RetourAsync(object corps, string? secret = SmsFixture.Secret)
    {
        var client = f.Client();
        if (secret is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        }

        return client.PostAsJsonAsync("/api/v1/partenaires/sms/retours", corps);
    }

    [Fact]
    [Trait("Rule", "JEU-05")]
    [Trait("Rule", "RDV-01")]
    public async Task Rappel_SMS_envoye_au_fournisseur_accuse_de_reception_affiche_puis_STOP_rend_le_mobile_non_joignable()
    {
        var aujourdhui = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris).Date.AddDays(20);
        AllerA(aujourdhui, 9, 0);
        var api = await f.ApiAsync("s.debout");
        var jeune = await CreerAsync(api, "Smsreel", "06 11 22 33 44");
        var autreMl = await f.ApiAsync("c.roux");
        var memeNumeroLyon = await CreerAsync(autreMl, "Smslyon", "+33 6 11 22 33 44");
        var demain14h = aujourdhui.AddDays(1).AddHours(14);
        var planifie = await api.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/rendez-vous", new
        {
            objet = "Point CEJ",
            debut = new DateTimeOffset(demain14h, Paris.GetUtcOffset(demain14h)),
            dureeMinutes = 30,
            rappelSms = true,
            rappelEmail = false,
            confirmerChevauchement = true,
        });
        Assert.Equal(HttpStatusCode.Created, planifie.StatusCode);

        AllerA(aujourdhui, 11, 2);
        await TournerRappelsAsync();

        // Tokens live an hour on the test's clock: new ones after moving it.
        api = await f.ApiAsync("s.debout");
        autreMl = await f.ApiAsync("c.roux");

        // The provider got one transactional SMS, in international form, with our key and sender.
        var envoi = Assert.Single(f.Recus, r => r.Corps.GetProperty("recipient").GetString() == "33611223344");
        Assert.Equal("cle-api-test", envoi.Cle);
        Assert.Equal("MLRennes", envoi.Corps.GetProperty("sender").GetString());
        Assert.Equal("transactional", envoi.Corps.GetProperty("type").GetString());
        Assert.Contains("14h00", envoi.Corps.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains("Rappel SMS : envoyé le", await RappelsAsync(api, jeune), StringComparison.Ordinal);

        // The receipt: the rendez-vous says delivered, at the Paris hour of the provider's timestamp.
        var messageId = envoi.Id;
        var delivre = aujourdhui.AddHours(11).AddMinutes(3);
        var ts = new DateTimeOffset(delivre, Paris.GetUtcOffset(delivre)).ToUnixTimeSeconds();
        Assert.Equal(HttpStatusCode.Unauthorized, (await RetourAsync(new { msg_status = "delivered", messageId }, secret: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RetourAsync(new { msg_status = "delivered", messageId }, secret: "mauvais")).StatusCode);
        Assert.Contains("envoyé le", await RappelsAsync(api, jeune), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await RetourAsync(new { msg_status = "delivered", messageId, to = "33611223344", ts_event = ts })).StatusCode);
        Assert.Contains($"Rappel SMS : délivré le {delivre:dd/MM} à 11h03", await RappelsAsync(api, jeune), StringComparison.Ordinal);

        // A late "sent" receipt never replaces the final one.
        Assert.Equal(HttpStatusCode.NoContent, (await RetourAsync(new[] { new { msg_status = "sent", messageId, to = "33611223344", ts_event = ts + 60 } })).StatusCode);
        Assert.Contains("délivré le", await RappelsAsync(api, jeune), StringComparison.Ordinal);

        // STOP: the mobile is non joignable in every dossier with that number, kept in the history.
        Assert.Equal(HttpStatusCode.NoContent, (await RetourAsync(new { msg_status = "unsubscribed", to = "33611223344", ts_event = ts + 3600 })).StatusCode);
        Assert.False((await api.GetFromJsonAsync<JsonElement>($"/api/v1/jeunes/{jeune}")).GetProperty("mobileJoignable").GetBoolean());
        Assert.False((await autreMl.GetFromJsonAsync<JsonElement>($"/api/v1/jeunes/{memeNumeroLyon}")).GetProperty("mobileJoignable").GetBoolean());
        var historique = await api.GetStringAsync($"/api/v1/jeunes/{jeune}/historique");
        Assert.Contains("Mobile joignable", historique, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retours_malformes_ou_inconnus_sans_erreur_serveur_ni_changement()
    {
        using var client = f.Client();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", SmsFixture.Secret);
        var invalide = await client.PostAsync("/api/v1/partenaires/sms/retours", new StringContent("{pas du json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, invalide.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await RetourAsync(new { msg_status = "delivered", messageId = 42 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await RetourAsync(new { autre = "chose" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await RetourAsync(Array.Empty<object>())).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await RetourAsync(new { msg_status = "unsubscribed", to = "pas un numéro" })).StatusCode);
    }

    [Fact]
    public async Task Numero_refuse_par_le_fournisseur_reessaye_puis_abandonne_sans_bloquer_les_autres()
    {
        var aujourdhui = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris).Date.AddDays(40);
        AllerA(aujourdhui, 9, 0);
        var api = await f.ApiAsync("s.debout");
        var jeune = await CreerAsync(api, "Smsrefuse", "06 99 88 77 66");
        f.NumerosRefuses["33699887766"] = true;
        var demain = aujourdhui.AddDays(1).AddHours(10);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/rendez-vous", new
        {
            objet = "Atelier CV",
            debut = new DateTimeOffset(demain, Paris.GetUtcOffset(demain)),
            dureeMinutes = 60,
            rappelSms = true,
            rappelEmail = false,
            confirmerChevauchement = true,
        })).StatusCode);

        AllerA(aujourdhui, 11, 1);
        await TournerRappelsAsync();
        api = await f.ApiAsync("s.debout");
        Assert.Contains("Rappel SMS : nouvel essai prévu", await RappelsAsync(api, jeune), StringComparison.Ordinal);
    }
}
