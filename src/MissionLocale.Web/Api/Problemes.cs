using MissionLocale.Application.Common;
using MissionLocale.Domain.Common;

namespace MissionLocale.Web.Api;

/// <summary>Turns refusals into RFC 7807 problem details; a business refusal carries "rule".</summary>
public static class Problemes
{
    public const string RegleConcurrence = "CONCURRENCE";

    public static IResult? Depuis(Exception ex) => ex switch
    {
        InvalidInputException e => Results.ValidationProblem(
            e.Erreurs.ToDictionary(k => ToCamel(k.Key), v => v.Value),
            title: "Certaines informations saisies ne sont pas valides.",
            statusCode: StatusCodes.Status400BadRequest,
            extensions: e.Regles.Count == 0 ? null : new Dictionary<string, object?> { ["rule"] = e.Regles.Values.First(), ["rules"] = e.Regles.ToDictionary(k => ToCamel(k.Key), v => v.Value) }),
        BusinessRuleException e => Probleme(StatusCodes.Status422UnprocessableEntity, "Opération refusée", e.Message, e.RuleId,
            e.Champ is null ? null : new() { ["champ"] = ToCamel(e.Champ) }),
        ConfirmationRequiseException e => Probleme(StatusCodes.Status409Conflict, "Confirmation requise", e.Message, e.RuleId,
            new() { ["candidats"] = e.Candidats, ["confirmation"] = $"Renvoyez la demande avec \"{ToCamel(e.ChampConfirmation)}\": true pour confirmer." }),
        ConcurrencyConflictException e => Probleme(StatusCodes.Status409Conflict, "Modification concurrente", e.Message, RegleConcurrence, null),
        NotFoundException e => Probleme(StatusCodes.Status404NotFound, "Introuvable", e.Message, null, null),
        ForbiddenException e => Probleme(StatusCodes.Status403Forbidden, "Action non autorisée", e.Message, "USR-06", null),
        _ => null,
    };

    private static IResult Probleme(int status, string titre, string detail, string? regle, Dictionary<string, object?>? extensions)
    {
        var ext = extensions ?? [];
        if (regle is not null)
        {
            ext["rule"] = regle;
        }

        return Results.Problem(detail: detail, statusCode: status, title: titre, extensions: ext);
    }

    private static string ToCamel(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}

/// <summary>Maps the refusals of use cases to problem responses for the whole API group.</summary>
public sealed class ProblemeFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (Problemes.Depuis(ex) is { } probleme)
        {
            return probleme;
        }
    }
}

public sealed record DemandeJeton(string Login, string Password, string? Code = null);

