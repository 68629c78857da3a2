using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using MissionLocale.Application.Common;
using MissionLocale.Infrastructure;
using MissionLocale.Infrastructure.Persistence;
using MissionLocale.Web.Api;
using MissionLocale.Web.Infrastructure;
using MissionLocale.Web.Jobs;
using Serilog;

// The content root (appsettings.json, wwwroot) is the current directory when it holds the app (dotnet run, a publish
// folder entered with cd), else the app's own folder: `dotnet /opt/ml/MissionLocale.Web.dll` from anywhere works.
var courant = Directory.GetCurrentDirectory();
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = File.Exists(Path.Combine(courant, "appsettings.json")) || Directory.Exists(Path.Combine(courant, "wwwroot")) ? courant : AppContext.BaseDirectory,
});

// Run from a build folder (not published) in Production, the static files live in the project: read them through the
// build's static web assets manifest, as Development does (a publish folder has its own wwwroot).
if (!builder.Environment.IsDevelopment() && !Directory.Exists(Path.Combine(builder.Environment.ContentRootPath, "wwwroot")))
{
    builder.WebHost.UseStaticWebAssets();
}

// Serilog without a bootstrap logger: several app instances run side by side in the tests (CreateBootstrapLogger throws "The logger is already frozen" about one run in three).
builder.Services.AddSerilog((sp, lc) => lc
        .ReadFrom.Configuration(builder.Configuration)
        .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
        .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)

        // A unique-key race the app answers (409/422) is not an error of the app; a real failure still reaches the
        // exception handler, which logs it with the request's trace id.
        .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Update", Serilog.Events.LogEventLevel.Fatal)
        .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", Serilog.Events.LogEventLevel.Fatal)
        .MinimumLevel.Override("Quartz", Serilog.Events.LogEventLevel.Warning)

        // The key ring lives in the database (shared by the nodes), readable only by who can read the database; the
        // "no XML encryptor" warning says exactly that at each start (docs/exploitation.md).
        .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", Serilog.Events.LogEventLevel.Error)
        .Enrich.FromLogContext()
        .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture),
    preserveStaticLogger: true);

string connectionString;
MissionLocale.Infrastructure.Postgres.LocalPostgresCluster? cluster;
try
{
    (connectionString, cluster) = await DatabaseSetup.ResoudreAsync(builder.Configuration);
}
catch (DatabaseSetupException ex)
{
    // One line that says what to install or configure, no stack trace.
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}

// Operations: "sauvegarder <fichier>" and "restaurer <fichier>" (pg_dump custom format, restore all or nothing).
if (args is [var operation, var fichier, ..] && operation is "sauvegarder" or "restaurer")
{
    try
    {
        if (operation == "sauvegarder")
        {
            await MissionLocale.Infrastructure.Postgres.Sauvegarde.SauvegarderAsync(connectionString, fichier);
            Console.WriteLine($"Sauvegarde écrite : {Path.GetFullPath(fichier)}");
        }
        else
        {
            await MissionLocale.Infrastructure.Postgres.Sauvegarde.RestaurerAsync(connectionString, fichier);
            Console.WriteLine($"Base restaurée depuis {Path.GetFullPath(fichier)}");
        }

        return 0;
    }
    catch (Exception ex) when (ex is InvalidOperationException or FileNotFoundException)
    {
        await Console.Error.WriteLineAsync(ex.Message);
        return 1;
    }
    finally
    {
        if (cluster is not null)
        {
            await cluster.ArreterAsync();
        }
    }
}

var jeunesDemo = builder.Configuration.GetValue<int?>("Demo:Jeunes") ?? (cluster is null ? 0 : 300);

// Alerts of the portal: Alertes:CacheSecondes (default 120; 0 computes them at every request).
builder.Services.AddSingleton(builder.Configuration.GetSection("Alertes").Get<MissionLocale.Application.Pilotage.ConsulterAlertes.OptionsAlertes>() ?? new MissionLocale.Application.Pilotage.ConsulterAlertes.OptionsAlertes());
builder.Services.AddSingleton(builder.Configuration.GetSection("TableauDeBord").Get<MissionLocale.Application.Pilotage.ConsulterTableauDeBord.OptionsTableauDeBord>() ?? new MissionLocale.Application.Pilotage.ConsulterTableauDeBord.OptionsTableauDeBord());
builder.Services.AddInfrastructure(connectionString, builder.Configuration.GetConnectionString("MissionLocaleLecture"));
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, CurrentUser>();
builder.Services.AddScoped<ComptesIdentity>();
builder.Services.AddScoped<MissionLocale.Application.Comptes.GererComptes.IComptes>(sp => sp.GetRequiredService<ComptesIdentity>());
builder.Services.AddMediator(o =>
{
    o.ServiceLifetime = ServiceLifetime.Scoped;
    o.PipelineBehaviors =
    [
        typeof(LoggingBehavior<,>),
        typeof(ValidationBehavior<,>),
        typeof(AuthorizationBehavior<,>),
        typeof(TransactionBehavior<,>),
    ];
});
builder.Services.AddValidatorsFromAssemblyContaining<IAppDbContext>(ServiceLifetime.Scoped);

builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme)
    .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
    .AddIdentityCookies(c => c.ApplicationCookie!.Configure(o =>
    {
        o.LoginPath = "/Account/Login";
        o.LogoutPath = "/Account/Logout";
        o.ExpireTimeSpan = TimeSpan.FromHours(10);
        o.SlidingExpiration = true;
        o.Cookie.Name = "ml.session";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;

        // Secure whenever the request is HTTPS, including behind a reverse proxy (ASPNETCORE_FORWARDEDHEADERS_ENABLED).
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        // The session is checked against the user's security stamp at every request (one indexed read): logging out
        // (a new stamp) or a deactivated account ends every copy of the cookie at once.
        o.Events.OnValidatePrincipal = SessionRevocable.VerifierAsync;
        o.Events.OnRedirectToLogin = ctx =>
        {
            if (ctx.Request.Path.StartsWithSegments("/api"))
            {
                ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            }

            // An htmx request (a session expired while a form refreshes a part of the page) gets a redirect htmx follows,
            // instead of the login page nested inside the current page.
            if (ctx.Request.Headers["HX-Request"] == "true")
            {
                ctx.Response.StatusCode = StatusCodes.Status200OK;
                ctx.Response.Headers["HX-Redirect"] = ctx.RedirectUri;
                return Task.CompletedTask;
            }

            ctx.Response.Redirect(ctx.RedirectUri);
            return Task.CompletedTask;
        };
    }));
builder.Services.AddMissionLocaleIdentity().AddClaimsPrincipalFactory<ClaimsFactory>();
builder.Services.AddLimiteConnexion(builder.Configuration);
builder.Services.AddScoped<Microsoft.AspNetCore.Authentication.IClaimsTransformation, RevocationJetons>();
builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ResultatAutorisation>();
builder.Services.AddSingleton(builder.Configuration.GetSection("Securite").Get<OptionsSecurite>() ?? new OptionsSecurite());
builder.Services.AddDataProtection().PersistKeysToDbContext<AppDbContext>().SetApplicationName("MissionLocale");
builder.Services.AddAuthorization();
builder.Services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");

builder.Services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o =>
{
    // Validation is the job of the use cases (FluentValidation, in French); binding errors speak French too.
    o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
    var m = o.ModelBindingMessageProvider;
    m.SetAttemptedValueIsInvalidAccessor((v, _) => $"La valeur « {v} » n'est pas valide.");
    m.SetValueIsInvalidAccessor(v => $"La valeur « {v} » n'est pas valide.");
    m.SetValueMustBeANumberAccessor(_ => "Saisissez un nombre.");
    m.SetMissingBindRequiredValueAccessor(_ => "Ce champ est obligatoire.");
    m.SetMissingKeyOrValueAccessor(() => "Ce champ est obligatoire.");
    m.SetValueMustNotBeNullAccessor(_ => "Ce champ est obligatoire.");
    m.SetUnknownValueIsInvalidAccessor(_ => "Valeur non valide.");
    m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => $"La valeur « {v} » n'est pas valide.");
    m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Valeur non valide.");
    m.SetNonPropertyValueMustBeANumberAccessor(() => "Saisissez un nombre.");
    m.SetMissingRequestBodyRequiredValueAccessor(() => "Le corps de la requête est vide.");
});
builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeFolder("/");
    o.Conventions.AllowAnonymousToPage("/Account/Login");
    o.Conventions.AllowAnonymousToPage("/Account/NouveauMotDePasse");
    o.Conventions.AllowAnonymousToPage("/Account/MotDePasseOublie");
    o.Conventions.AllowAnonymousToPage("/Account/DeuxFacteurs");
    o.Conventions.AllowAnonymousToPage("/Error");
    o.Conventions.AllowAnonymousToPage("/Aide/Accessibilite");
});
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());

    // A command that changes something already saved carries the version the client read: missing, it is a 400,
    // never read as version 0 (which sent a batch on "POST /lots/{id}/envoyer {}").
    o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver())
        .WithAddedModifier(VersionObligatoire.Appliquer);
});
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<JsonInvalideHandler>();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

// French pages: accented letters as they are, not as &#xE9; entities.
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer(DocumentOpenApi.CompleterAsync).AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "Mission Locale API";
    doc.Info.Description = "Dossiers des jeunes : premier accueil, recherche, consultation et modifications. Authentification : POST /api/v1/auth/token puis en-tête Authorization: Bearer.";
    return Task.CompletedTask;
}));
builder.Services.AddJobs(builder.Configuration, connectionString);
builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
builder.Services.AddMetriques();

var app = builder.Build();

if (cluster is not null)
{
    app.Lifetime.ApplicationStopped.Register(() => cluster.ArreterAsync().GetAwaiter().GetResult());
}

if (await DatabaseInitializer.InitialiserAsync(app.Services, jeunesDemo))
{
    // Issue 5's demo data goes through the use cases (after the reference data of the structures is complete).
    using (TravailInterne.Commencer())
    {
        await DemoAllocations.SemerAsync(app.Services, app.Logger);
    }

    Console.WriteLine($"Données de démonstration chargées : {jeunesDemo} jeunes par Mission Locale ; comptes et mot de passe dans le README.");
}

app.UtiliserEntetesSecurite();
app.UtiliserGestionErreurs();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UtiliserDeuxFacteursRequis();
app.UseAntiforgery();

app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapMetriques();
app.MapApiV1();
app.MapSuiviApi();
app.MapDispositifsApi();
app.MapAllocationsApi();
app.MapPartenairesApi();
app.MapAdministrationApi();
app.MapPilotageApi();
app.MapRgpdApi();
app.MapCotraitanceApi();
app.MapRsaApi();
// Static files as endpoints: fingerprinted URLs cached for a year (immutable), ETags, gzip/Brotli precompressed at
// build and publish; anonymous, so the login page has its styles.
app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages().WithStaticAssets();

await app.RunAsync();
return 0;

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program
{
}
