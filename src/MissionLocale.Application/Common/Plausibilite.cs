using System.Collections.Concurrent;
using System.Reflection;

namespace MissionLocale.Application.Common;

/// <summary>
/// Implausible values no form can produce but a client can send, refused for every request before its own validator:
/// a date outside 1900-2099 (year 0001 was stored as -infinity, 1800 and 2100 slipped through) and an enum value that
/// is not defined (a proposition in state 999). Nested records of the request are checked too. Narrower ranges per
/// field (a birth date, a month of resources) stay in the use case's validator.
/// </summary>
public static class Plausibilite
{
    public static readonly DateOnly Min = new(1900, 1, 1);
    public static readonly DateOnly Max = new(2099, 12, 31);

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Proprietes = new();

    public static IEnumerable<(string Champ, string Message)> Verifier(object? message) => Verifier(message, string.Empty, 0);

    private static IEnumerable<(string Champ, string Message)> Verifier(object? objet, string prefixe, int profondeur)
    {
        if (objet is null || profondeur > 3)
        {
            yield break;
        }

        foreach (var p in Proprietes.GetOrAdd(objet.GetType(), t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(x => x.GetIndexParameters().Length == 0 && x.CanRead && x.CanWrite).ToArray()))
        {
            var valeur = p.GetValue(objet);
            var champ = prefixe + p.Name;
            switch (valeur)
            {
                case null:
                    break;
                case DateOnly d when d == default:
                case DateTime dt0 when dt0 == default:
                case DateTimeOffset dto0 when dto0 == default:
                    // What an empty date field binds to: say it is missing, not that year 1 is out of range.
                    yield return (champ, "Ce champ est obligatoire.");
                    break;
                case DateOnly d when d < Min || d > Max:
                    yield return (champ, MessageDate);
                    break;
                case DateTime dt when DateOnly.FromDateTime(dt) < Min || DateOnly.FromDateTime(dt) > Max:
                    yield return (champ, MessageDate);
                    break;
                case DateTimeOffset dto when DateOnly.FromDateTime(dto.UtcDateTime) < Min || DateOnly.FromDateTime(dto.UtcDateTime) > Max:
                    yield return (champ, MessageDate);
                    break;
                case Enum e when !e.GetType().IsDefined(typeof(FlagsAttribute), false) && !Enum.IsDefined(e.GetType(), e):
                    yield return (champ, "Valeur inconnue : choisissez une valeur de la liste.");
                    break;
                case string or Guid or decimal or bool or int or long or double or TimeOnly or TimeSpan or Enum or DateOnly or DateTime or DateTimeOffset or byte[]:
                    break;
                case System.Collections.IEnumerable liste:
                    var i = 0;
                    foreach (var element in liste)
                    {
                        foreach (var erreur in Verifier(element, $"{champ}[{i}].", profondeur + 1))
                        {
                            yield return erreur;
                        }

                        i++;
                    }

                    break;
                default:
                    if (valeur.GetType().Namespace?.StartsWith("MissionLocale", StringComparison.Ordinal) == true)
                    {
                        foreach (var erreur in Verifier(valeur, champ + ".", profondeur + 1))
                        {
                            yield return erreur;
                        }
                    }

                    break;
            }
        }
    }

    private const string MessageDate = "Date invalide : saisissez une date entre 1900 et 2099.";
}
