namespace MissionLocale.Domain.Messages;

/// <summary>
/// Phone numbers as typed in the dossier ("06 12 34 56 78", "+33 6…", "0690 …") in the international form SMS providers
/// expect (E.164 digits without "+"). Overseas departments use their own country codes, not 33.
/// </summary>
public static class NumeroMobile
{
    // Mobile prefixes of the overseas departments (ARCEP numbering plan): 0690/0691 Guadeloupe, 0694 Guyane,
    // 0696/0697 Martinique, 0692/0693 La Réunion, 0639 Mayotte.
    private static readonly (string Prefixe, string Indicatif)[] OutreMer =
    [
        ("0690", "590"), ("0691", "590"), ("0694", "594"), ("0696", "596"), ("0697", "596"), ("0692", "262"), ("0693", "262"), ("0639", "262"),
    ];

    /// <summary>The number in international digits, or null when it cannot be one.</summary>
    public static string? International(string? numero)
    {
        if (string.IsNullOrWhiteSpace(numero))
        {
            return null;
        }

        var plus = numero.TrimStart().StartsWith('+');
        var chiffres = new string(numero.Where(char.IsAsciiDigit).ToArray());
        if (plus)
        {
            return chiffres.Length is >= 8 and <= 15 ? chiffres : null;
        }

        if (chiffres.StartsWith("00", StringComparison.Ordinal))
        {
            return chiffres.Length is >= 10 and <= 17 ? chiffres[2..] : null;
        }

        if (chiffres.Length == 10 && chiffres[0] == '0')
        {
            foreach (var (prefixe, indicatif) in OutreMer)
            {
                if (chiffres.StartsWith(prefixe, StringComparison.Ordinal))
                {
                    return indicatif + chiffres[1..];
                }
            }

            return "33" + chiffres[1..];
        }

        return null;
    }

    /// <summary>A POSIX pattern matching a typed number ending with these digits, whatever the separators between them.</summary>
    public static string Motif(string chiffres) => string.Join("\\D*", chiffres.ToCharArray()) + "\\D*$";

    /// <summary>The last nine digits: enough to find candidates in SQL, then compared in full.</summary>
    public static string? Fin(string? numero)
    {
        var i = International(numero);
        return i is { Length: >= 9 } ? i[^9..] : null;
    }
}
