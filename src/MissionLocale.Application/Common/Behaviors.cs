using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Common;

/// <summary>Work done by the application itself, not by a user: its use cases are not logged one by one.</summary>
public static class TravailInterne
{
    private static readonly AsyncLocal<bool> Actif = new();

    public static bool EnCours => Actif.Value;

    /// <summary>Marks the calls made until disposal (seeding the demo data at start-up) as internal.</summary>
    public static IDisposable Commencer()
    {
        Actif.Value = true;
        return new Fin();
    }

    private sealed class Fin : IDisposable
    {
        public void Dispose() => Actif.Value = false;
    }
}

/// <summary>Logs the use case name and duration, never its content (names and NIR stay out of logs, RGPD-02).</summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var sw = Stopwatch.StartNew();
        try
        {
            var response = await next(message, cancellationToken);
            if (!TravailInterne.EnCours)
            {
                LogHandled(logger, typeof(TMessage).Name, sw.ElapsedMilliseconds);
            }

            return response;
        }
        catch (Exception ex)
        {
            LogFailed(logger, typeof(TMessage).Name, sw.ElapsedMilliseconds, ex.GetType().Name);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{UseCase} handled in {ElapsedMs} ms")]
    private static partial void LogHandled(ILogger logger, string useCase, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{UseCase} refused after {ElapsedMs} ms: {Reason}")]
    private static partial void LogFailed(ILogger logger, string useCase, long elapsedMs, string reason);
}

/// <summary>First line of defence: the shape of the input (FluentValidation), messages per field.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var erreurs = new Dictionary<string, List<string>>();
        var regles = new Dictionary<string, string>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            foreach (var e in result.Errors)
            {
                if (!erreurs.TryGetValue(e.PropertyName, out var list))
                {
                    erreurs[e.PropertyName] = list = [];
                }

                var (texte, regle) = ReglesCitees.Extraire(e.ErrorMessage);
                list.Add(texte);
                if (regle is not null)
                {
                    regles.TryAdd(e.PropertyName, regle);
                }
            }
        }

        // The generic checks speak only where the use case's validator said nothing about the field (one message, the precise one).
        foreach (var (champ, texte) in Plausibilite.Verifier(message))
        {
            if (!erreurs.ContainsKey(champ))
            {
                erreurs[champ] = [texte];
            }
        }

        if (erreurs.Count > 0)
        {
            throw new InvalidInputException(erreurs.ToDictionary(k => k.Key, v => v.Value.Distinct().ToArray())) { Regles = regles };
        }

        return await next(message, cancellationToken);
    }
}

/// <summary>Checks the right a request declares with <see cref="RequiresAttribute"/> against the user's profile (USR-06).</summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentUser user)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly ConcurrentDictionary<Type, Droit?> Cache = new();
    private static readonly ConcurrentDictionary<Type, bool> Connecte = new();

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var droit = Cache.GetOrAdd(typeof(TMessage), t => t.GetCustomAttribute<RequiresAttribute>()?.Droit);
        if (droit is null && Connecte.GetOrAdd(typeof(TMessage), t => t.GetCustomAttribute<ConnecteAttribute>() is not null) && !user.Authentifie)
        {
            throw new ForbiddenException("Vous devez être connecté.");
        }

        if (droit is not null)
        {
            if (!user.Authentifie)
            {
                throw new ForbiddenException("Vous devez être connecté.");
            }

            if (!MatriceDroits.A(user.Profil, droit.Value))
            {
                throw new ForbiddenException($"Votre profil ({MatriceDroits.Libelle(user.Profil)}) ne permet pas cette action.");
            }
        }

        return next(message, cancellationToken);
    }
}

/// <summary>Commands run in one transaction: nothing is half-applied.</summary>
public sealed class TransactionBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not ITransactional)
        {
            return next(message, cancellationToken);
        }

        return new ValueTask<TResponse>(unitOfWork.InTransactionAsync(ct => next(message, ct).AsTask(), cancellationToken));
    }
}

/// <summary>
/// A validation message that cites its rule ("… (JEU-04).") gives the rule to the response (API "rule", the page's
/// discreet reference) and reads without it, as a business refusal does (DISP-05).
/// </summary>
public static partial class ReglesCitees
{
    public static (string Texte, string? Regle) Extraire(string message)
    {
        var m = Citation().Match(message);
        return m.Success ? (message.Remove(m.Index, m.Length - (m.Value.EndsWith('.') ? 1 : 0)).TrimEnd(), m.Groups[1].Value) : (message, null);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\(([A-Z]{2,6}-[0-9]{2})\)\.?$")]
    private static partial System.Text.RegularExpressions.Regex Citation();
}
