using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using MissionLocale.Infrastructure.Identity;

namespace MissionLocale.Web.Infrastructure;

/// <summary>
/// Logging in (page and API token), the same for both (issue 10, part 3): an unknown login costs the same time as a
/// known one (a password hash is always verified, so timing does not reveal which logins exist), and attempts are
/// limited per client across accounts (Connexion:TentativesParMinute, default 30).
/// </summary>
public static class Connexion
{
    public const string PolitiqueLimite = "connexion";

    public const string MessageLimite = "Trop de tentatives de connexion depuis ce poste : patientez une minute avant de réessayer.";

    // A hash of a random password, verified when the login is unknown, with the same cost as a real one.
    private static readonly Lazy<string> HashFactice = new(() => new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString()));

    /// <summary>The active user of that login, or null after the same work as a password check.</summary>
    public static async Task<ApplicationUser?> TrouverAsync(UserManager<ApplicationUser> users, string? login, string? motDePasse)
    {
        var user = await users.FindByNameAsync(login?.Trim().ToLowerInvariant() ?? string.Empty);
        if (user is null || !user.Actif)
        {
            users.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), HashFactice.Value, motDePasse ?? string.Empty);
            return null;
        }

        return user;
    }

    public static IServiceCollection AddLimiteConnexion(this IServiceCollection services, IConfiguration configuration)
    {
        var parMinute = configuration.GetValue<int?>("Connexion:TentativesParMinute") ?? 30;
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(PolitiqueLimite, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "inconnu",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = parMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                if (ctx.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(title: "Trop de tentatives", detail: MessageLimite, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(ctx.HttpContext);
                }
                else
                {
                    ctx.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                    await ctx.HttpContext.Response.WriteAsync($"<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Trop de tentatives - Mission Locale</title></head><body><main><h1>Trop de tentatives</h1><p>{MessageLimite}</p><p><a href=\"/Account/Login\">Retour à la connexion</a></p></main></body></html>", ct);
                }
            };
        });
    }
}
