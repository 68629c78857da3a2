using System.Globalization;
using System.Text;

namespace MissionLocale.Domain.Common;

public static class Texte
{
    /// <summary>Removes diacritics (é → e, ü → u, œ → oe) keeping letters, digits, spaces, hyphens and apostrophes.</summary>
    public static string SansAccents(string valeur)
    {
        var decomposed = valeur.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            switch (c)
            {
                case 'œ': sb.Append("oe"); break;
                case 'Œ': sb.Append("OE"); break;
                case 'æ': sb.Append("ae"); break;
                case 'Æ': sb.Append("AE"); break;
                case 'ß': sb.Append("ss"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>JEU-01: noms are stored in capitals without accents, single spaces.</summary>
    public static string NomNormalise(string nom) =>
        string.Join(' ', SansAccents(nom).ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Key used for duplicate detection (JEU-02) and search (JEU-12): lower case, no accents, no punctuation.</summary>
    public static string Cle(string valeur)
    {
        var s = SansAccents(valeur).ToLowerInvariant();
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Prénom as on the ID document (JEU-01): trimmed, inner spaces collapsed, case kept.</summary>
    public static string PrenomNettoye(string prenom) =>
        string.Join(' ', prenom.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
