using System.Collections.Concurrent;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MissionLocale.Application.Accueil.EnregistrerPremierAccueil;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Structures;
using MissionLocale.Domain.Utilisateurs;
using MissionLocale.Infrastructure;
using MissionLocale.Infrastructure.Identity;
using MissionLocale.Infrastructure.Persistence;
using MissionLocale.Tests.Shared;

namespace MissionLocale.Application.Tests;

/// <summary>The user a test acts as; set before each request.</summary>
public sealed class TestUser : ICurrentUser
{
    public bool Authentifie { get; set; } = true;

    public Guid UtilisateurId { get; set; }

    public Guid StructureId { get; set; }

    public Guid? AntenneId { get; set; }

    public string Login { get; set; } = string.Empty;

    public Profil Profil { get; set; }
}

/// <summary>Collects every log line written during the tests (RGPD-02: no names nor NIR in logs).</summary>
public sealed class CaptureLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lignes { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CaptureLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lignes.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}

public sealed record Compte(Guid Id, Guid StructureId, Guid AntenneId, string Login, Profil Profil);

/// <summary>Use cases on a fresh PostgreSQL database with two Missions Locales and one user per profile each.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private ServiceProvider? services;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));

    public CaptureLogs Logs { get; } = new();

    public FauxEnvois Envois { get; } = new();

    public Dictionary<string, Compte> Comptes { get; } = [];

    /// <summary>USR-07: per structure code, the référent de dispositif (the conseiller) and a prescripteur.</summary>
    public Dictionary<string, (Guid Referent, Guid Prescripteur)> Intervenants { get; } = [];

    public Guid StructureA { get; private set; }

    public Guid StructureB { get; private set; }

    public IServiceProvider Services => services!;

    /// <summary>The fixture's own database (backup and restore tests).</summary>
    public string Connexion { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var cs = await TestDatabase.NouvelleBaseAsync();
        Connexion = cs;
        var sc = new ServiceCollection();
        sc.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        sc.AddScoped<TestUser>();
        sc.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<TestUser>());
        sc.AddInfrastructure(cs);
        sc.AddSingleton<TimeProvider>(Clock);
        sc.AddSingleton(Envois);
        sc.AddSingleton<MissionLocale.Application.Rappels.IEnvoiEmail>(Envois);
        sc.AddSingleton<MissionLocale.Application.Rappels.IEnvoiSms>(Envois);
        sc.AddMediator(o =>
        {
            o.ServiceLifetime = ServiceLifetime.Scoped;
            o.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(AuthorizationBehavior<,>), typeof(TransactionBehavior<,>)];
        });
        sc.AddValidatorsFromAssemblyContaining<IAppDbContext>(ServiceLifetime.Scoped);
        services = sc.BuildServiceProvider();

        StructureA = await CreerStructureAsync("A", "35238", "35000");
        StructureB = await CreerStructureAsync("B", "69381", "69001");
        await MissionLocale.Infrastructure.Seed.ReferentielsStructure.CompleterAsync(
            services.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<AppDbContext>>(), Clock);
    }

    public async Task DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }
    }

    private async Task<Guid> CreerStructureAsync(string code, string insee, string cp)
    {
        var structure = new Structure("ML-" + code, "Mission Locale " + code, "1 place de la Mairie", cp, insee);
        structure.ModifierEnTete("02 99 11 22 33", $"accueil@ml-{code.ToLowerInvariant()}.example", null);
        await using var scope = services!.CreateAsyncScope();
        var user = scope.ServiceProvider.GetRequiredService<TestUser>();
        user.StructureId = structure.Id;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Structures.Add(structure);
        var antenne = new Antenne(structure.Id, "Antenne " + code);
        db.Antennes.Add(antenne);
        foreach (var profil in Enum.GetValues<Profil>())
        {
            var login = $"{profil.ToString().ToLowerInvariant()}.{code.ToLowerInvariant()}";
            var u = new ApplicationUser
            {
                Id = Guid.CreateVersion7(),
                UserName = login,
                NormalizedUserName = login.ToUpperInvariant(),
                Nom = profil.ToString(),
                Prenom = code,
                Profil = profil,
                StructureId = structure.Id,
                AntenneId = antenne.Id,
                SecurityStamp = Guid.NewGuid().ToString(),
            };
            db.Users.Add(u);
            Comptes[login] = new Compte(u.Id, structure.Id, antenne.Id, login, profil);
            if (profil == Profil.Conseiller)
            {
                // USR-07: the conseiller is in the référents de dispositif table (as a CRE would be) and a partner is a prescripteur.
                var referent = new MissionLocale.Domain.Dispositifs.Intervenant(structure.Id, MissionLocale.Domain.Dispositifs.FonctionIntervenant.ReferentDispositif, "CRE " + code, u.Id);
                var prescripteur = new MissionLocale.Domain.Dispositifs.Intervenant(structure.Id, MissionLocale.Domain.Dispositifs.FonctionIntervenant.Prescripteur, "France Travail " + code, null);
                db.Intervenants.AddRange(referent, prescripteur);
                Intervenants[code] = (referent.Id, prescripteur.Id);
            }
        }

        await db.SaveChangesAsync();
        return structure.Id;
    }

    /// <summary>Sends a request as the given account ("conseiller.a", "chargeaccueil.b"...), in its own scope like an HTTP request.</summary>
    public async Task<T> EnvoyerAsync<T>(string login, IRequest<T> requete)
    {
        await using var scope = services!.CreateAsyncScope();
        Agir(scope, login);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(requete);
    }

    public async Task<T> EnvoyerAsync<T>(string login, IQuery<T> requete)
    {
        await using var scope = services!.CreateAsyncScope();
        Agir(scope, login);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(requete);
    }

    public async Task<T> EnvoyerAsync<T>(string login, ICommand<T> requete)
    {
        await using var scope = services!.CreateAsyncScope();
        Agir(scope, login);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(requete);
    }

    /// <summary>Sends a query whose answer is read lazily (an export), and reads it within the same scope, as the response does.</summary>
    public async Task<TResult> EnvoyerEtLireAsync<T, TResult>(string login, IQuery<T> requete, Func<T, Task<TResult>> lecture)
    {
        await using var scope = services!.CreateAsyncScope();
        Agir(scope, login);
        return await lecture(await scope.ServiceProvider.GetRequiredService<IMediator>().Send(requete));
    }

    /// <summary>Direct database access as a user of a structure, for assertions.</summary>
    public async Task<T> LireAsync<T>(string login, Func<AppDbContext, Task<T>> lecture)
    {
        await using var scope = services!.CreateAsyncScope();
        Agir(scope, login);
        return await lecture(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private void Agir(AsyncServiceScope scope, string login)
    {
        var c = Comptes[login];
        var u = scope.ServiceProvider.GetRequiredService<TestUser>();
        u.UtilisateurId = c.Id;
        u.StructureId = c.StructureId;
        u.AntenneId = c.AntenneId;
        u.Login = c.Login;
        u.Profil = c.Profil;
    }

    public static EnregistrerPremierAccueilCommand PremierAccueil(string nom = "Müller", string prenom = "Élodie", DateOnly? naissance = null) => new()
    {
        Civilite = Civilite.Madame,
        Nom = nom,
        Prenom = prenom,
        DateNaissance = naissance ?? new DateOnly(2006, 4, 12),
        CommuneNaissanceInsee = "35238",
        Nationalite = Nationalite.Francaise,
        SituationFamiliale = SituationFamiliale.Celibataire,
        Numero = "12",
        Voie = "Rue de Paris",
        CodePostal = "35000",
        CommuneInsee = "35238",
        Email = "elodie.muller@exemple.fr",
        TelephoneMobile = "06 12 34 56 78",
        MobileJoignable = true,
        ConsentementRgpd = true,
    };
}

/// <summary>E-mail and SMS that record what would be sent, and can fail on demand (transient provider errors).</summary>
public sealed class FauxEnvois : MissionLocale.Application.Rappels.IEnvoiEmail, MissionLocale.Application.Rappels.IEnvoiSms
{
    public ConcurrentQueue<(string Canal, string Destinataire, string Texte)> Envoyes { get; } = new();

    public int EchecsAProvoquer { get; set; }

    public Task EnvoyerAsync(string destinataire, string sujet, string corps, string idMessage, CancellationToken ct) => Envoyer("Email", destinataire, corps);

    public async Task<string?> EnvoyerAsync(string numero, string texte, string idMessage, CancellationToken ct)
    {
        await Envoyer("Sms", numero, texte);
        return "ref-" + idMessage;
    }

    private Task Envoyer(string canal, string destinataire, string texte)
    {
        if (EchecsAProvoquer > 0)
        {
            EchecsAProvoquer--;
            throw new System.Net.Http.HttpRequestException("Fournisseur indisponible (503)");
        }

        Envoyes.Enqueue((canal, destinataire, texte));
        return Task.CompletedTask;
    }
}
