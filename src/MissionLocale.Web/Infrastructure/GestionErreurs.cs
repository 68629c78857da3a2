using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Web.Api;
using Npgsql;

namespace MissionLocale.Web.Infrastructure;

/// <summary>
/// One place that says which status an exception gets, for the pages and the API alike: a refusal the app
/// understands (403, 404, 409, 422, 400) or an unreachable database (503) is never a 500, and is not logged as an error.
/// </summary>
public static class GestionErreurs
{
    public const string MessageBaseIndisponible = "La base de données ne répond pas pour le moment. Réessayez dans quelques minutes ; rien n'a été enregistré.";

    public static int Statut(Exception ex) => ex switch
    {
        ForbiddenException => StatusCodes.Status403Forbidden,
        NotFoundException => StatusCodes.Status404NotFound,
        InvalidInputException => StatusCodes.Status400BadRequest,
        BusinessRuleException => StatusCodes.Status422UnprocessableEntity,
        ConfirmationRequiseException or ConcurrencyConflictException => StatusCodes.Status409Conflict,
        BadHttpRequestException b => b.StatusCode,
        Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        _ when BaseIndisponible(ex) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The database cannot be reached (stopped, restarting, network): the request can be tried again later.</summary>
    public static bool BaseIndisponible(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    // 08: connection exception; 57P01..57P03: admin/crash shutdown, cannot connect now.
                    if (pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03")
                    {
                        return true;
                    }

                    break;
                case NpgsqlException npg when npg.IsTransient:
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the failed request was an API call. The middleware has already rewritten the path to /Error when the
    /// exception handlers run, so the original path is read from the feature.
    /// </summary>
    public static bool EstApi(HttpContext context) =>
        (context.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } chemin ? new PathString(chemin) : context.Request.Path).StartsWithSegments("/api");

    /// <summary>The reference a user quotes to support: the trace id, which is on every log line of the request.</summary>
    public static string Reference(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;

    public static void UtiliserGestionErreurs(this WebApplication app)
    {
        var pageDeveloppeur = app.Configuration.GetValue<bool>("Diagnostics:PageDeveloppeur");
        if (pageDeveloppeur)
        {
            // Only behind an explicit setting: the stack trace is for developers, never for users.
            app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), a => a.UseDeveloperExceptionPage());
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            AllowStatusCode404Response = true,
            StatusCodeSelector = Statut,

            // Refusals the app answers correctly are not errors of the app (logged by the use case at Information).
            SuppressDiagnosticsCallback = c => Statut(c.Exception) < 500,
        });
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
    }
}

/// <summary>The API's answer to any exception: RFC 7807 problem details in French, never a stack trace.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!GestionErreurs.EstApi(httpContext))
        {
            return false;
        }

        if (Problemes.Depuis(exception) is { } probleme)
        {
            httpContext.Response.StatusCode = GestionErreurs.Statut(exception);
            await probleme.ExecuteAsync(httpContext);
            return true;
        }

        var statut = GestionErreurs.Statut(exception);
        httpContext.Response.StatusCode = statut;
        var details = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = statut };
        switch (statut)
        {
            case StatusCodes.Status503ServiceUnavailable:
                details.Title = "Service momentanément indisponible";
                details.Detail = GestionErreurs.MessageBaseIndisponible;
                httpContext.Response.Headers.RetryAfter = "30";
                break;
            case < 500:
                details.Title = "Requête invalide";
                details.Detail = "La requête ne peut pas être traitée telle quelle.";
                break;
            default:
                details.Title = "Erreur inattendue";
                details.Detail = $"Une erreur inattendue est survenue ; rien n'a été enregistré. Référence à communiquer au support : {GestionErreurs.Reference(httpContext)}.";
                break;
        }

        details.Extensions["reference"] = GestionErreurs.Reference(httpContext);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }
}
