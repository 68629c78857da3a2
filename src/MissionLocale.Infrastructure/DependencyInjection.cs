using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;
using MissionLocale.Infrastructure.Identity;
using MissionLocale.Infrastructure.Persistence;
using MissionLocale.Infrastructure.Reference;
using MissionLocale.Infrastructure.Seed;

namespace MissionLocale.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, string connectionString, string? connexionLecture = null)
    {
        // Reporting reads: the replica when configured, the primary otherwise; read-only sessions either way.
        var lecture = new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(LectureSeule(AvecPreparation(string.IsNullOrWhiteSpace(connexionLecture) ? connectionString : connexionLecture)))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .Options;
        services.AddScoped<ILectureDb>(sp => new Persistence.LectureDb(lecture, sp.GetRequiredService<ICurrentUser>(), sp.GetRequiredService<TimeProvider>()));

        services.AddDbContext<AppDbContext>(o => o.UseNpgsql(AvecPreparation(connectionString), npgsql =>
        {
            npgsql.MigrationsAssembly(typeof(AppDbContext).Assembly.GetName().Name);
            npgsql.MigrationsHistoryTable("__ef_migrations_history");
        }));
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<IZonageAdresse, ZonageAdresse>();
        services.AddScoped<ReferenceDataLoader>();
        services.AddScoped<QpvImporter>();
        services.AddScoped<DemoSeeder>();
        services.AddSingleton<MissionLocale.Application.Documents.ILettresPdf, Pdf.LettresPdf>();
        services.AddSingleton<IExporteur, Exports.Exporteur>();
        services.AddSingleton<IRapportsPdf, Pdf.RapportsPdf>();
        services.AddMemoryCache();
        services.TryAddSingleton(new MissionLocale.Application.Pilotage.ConsulterAlertes.OptionsAlertes());
        services.TryAddSingleton(new MissionLocale.Application.Pilotage.ConsulterTableauDeBord.OptionsTableauDeBord());
        services.AddScoped<MissionLocale.Application.Dispositifs.SupprimerCej.IDemandesAllocationCej, MissionLocale.Application.Allocations.DemanderAllocation.DemandesAllocationCej>();
        services.AddScoped<MissionLocale.Application.Rappels.IParStructure, Messages.ParStructure>();
        services.AddScoped<MissionLocale.Application.Rappels.Rappels>();
        services.AddSingleton<Messages.JournalEnvois>();

        // PPAE-05: flows posted to France Travail when Cotraitance:Mode=Http (Cotraitance:Url); otherwise the day's file.
        services.TryAddSingleton(sp => new MissionLocale.Application.Cotraitance.TransmettreFlux.OptionsCotraitance
        {
            Http = string.Equals(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Cotraitance:Mode"], "Http", StringComparison.OrdinalIgnoreCase),
        });
        services.AddHttpClient<MissionLocale.Application.Cotraitance.TransmettreFlux.IPartenaireDude, Cotraitance.PartenaireDudeHttp>(c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddScoped<MissionLocale.Application.Cotraitance.TransmettreFlux.TransmissionDude>();
        // A real provider when configured (Sms:Fournisseur=Brevo); otherwise the development journal, which sends nothing.
        services.AddHttpClient<Messages.BrevoEnvoiSms>(c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddTransient<MissionLocale.Application.Rappels.IEnvoiSms>(sp =>
            string.Equals(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Sms:Fournisseur"], "Brevo", StringComparison.OrdinalIgnoreCase)
                ? sp.GetRequiredService<Messages.BrevoEnvoiSms>()
                : sp.GetRequiredService<Messages.JournalEnvois>());
        services.AddSingleton<MissionLocale.Application.Rappels.IEnvoiEmail>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Smtp:Host"])
                ? sp.GetRequiredService<Messages.JournalEnvois>()
                : new Messages.SmtpEnvoiEmail(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()));
        services.AddSingleton<TimeProvider>(FuseauTimeProvider.Depuis(Environment.GetEnvironmentVariable("MISSIONLOCALE_TIMEZONE")));
        return services;
    }

    /// <summary>
    /// The app's queries are few and repeated: Npgsql prepares them automatically after two uses (no parse and plan at
    /// each request), and a pooled connection is not reset (DISCARD ALL) on return, the app leaving no session state
    /// (only SET LOCAL and transaction-scoped locks). Settings given in the connection string win. Measured in
    /// docs/performance.md.
    /// </summary>
    public static string AvecPreparation(string connectionString)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var donnes = connectionString.ToLowerInvariant();
        if (!donnes.Contains("auto prepare", StringComparison.Ordinal))
        {
            b.MaxAutoPrepare = 64;
            b.AutoPrepareMinUsages = 2;
        }

        if (!donnes.Contains("reset on close", StringComparison.Ordinal))
        {
            b.NoResetOnClose = true;
        }

        return b.ConnectionString;
    }

    /// <summary>A session that refuses writes (default_transaction_read_only): on the primary as on a replica, a report cannot change data.</summary>
    public static string LectureSeule(string connectionString)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        b.Options = string.Join(' ', new[] { b.Options, "-c default_transaction_read_only=on" }.Where(o => !string.IsNullOrWhiteSpace(o)));
        b.ApplicationName ??= "missionlocale-lecture";
        return b.ConnectionString;
    }

    /// <summary>Identity with the rules of a professional tool: strong passwords, lockout after repeated failures.</summary>
    public static IdentityBuilder AddMissionLocaleIdentity(this IServiceCollection services) =>
        services.AddIdentityCore<ApplicationUser>(o =>
            {
                // The policy is ValidateurMotDePasse's (CNIL/ANSSI: length over complexity, common passwords refused).
                o.Password.RequiredLength = PolitiqueMotDePasse.LongueurMinimale;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789.-";
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<ValidateurMotDePasse>();
}
