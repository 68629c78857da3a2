using System.Text;

namespace MissionLocale.Application.Common;

/// <summary>
/// Our partner files (ASP, France Travail): UTF-8 without BOM, ";" separator, one header line, RFC 4180 quotes. A BOM
/// added by a spreadsheet is tolerated when reading; a file is read line by line, never held as one string.
/// </summary>
public static class CsvPointVirgule
{
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A field, quoted when it holds ";", a quote or a line break.</summary>
    public static string Champ(string valeur) =>
        valeur.AsSpan().IndexOfAny(";\"\n\r") >= 0 ? "\"" + valeur.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : valeur;

    /// <summary>
    /// Reads a file: the header must be <paramref name="entete"/>; each non-empty line goes to <paramref name="ligne"/>
    /// with its number (the header is line 1). Returns the file-level error, if any.
    /// </summary>
    public static string? Lire(byte[] contenu, string entete, Action<string, int> ligne)
    {
        var debut = contenu.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        using var lecteur = new StreamReader(new MemoryStream(contenu, debut, contenu.Length - debut, writable: false), Utf8, detectEncodingFromByteOrderMarks: false);
        try
        {
            if (lecteur.ReadLine()?.Trim() != entete)
            {
                return $"Ligne 1 : l'en-tête attendu est « {entete} ».";
            }

            var numero = 1;
            while (lecteur.ReadLine() is { } brute)
            {
                numero++;
                if (brute.Length > 0)
                {
                    ligne(brute, numero);
                }
            }
        }
        catch (DecoderFallbackException)
        {
            return "Le fichier n'est pas en UTF-8.";
        }

        return null;
    }

    /// <summary>Splits one line (";" separator, RFC 4180 quotes); null when a quote is not closed.</summary>
    public static List<string>? Decouper(string ligne)
    {
        var champs = new List<string>();
        var sb = new StringBuilder();
        var guillemets = false;
        for (var i = 0; i < ligne.Length; i++)
        {
            var c = ligne[i];
            if (guillemets)
            {
                if (c == '"' && i + 1 < ligne.Length && ligne[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    guillemets = false;
                }
                else
                {
                    sb.Append(c);
                }
            }
            else if (c == '"' && sb.Length == 0)
            {
                guillemets = true;
            }
            else if (c == ';')
            {
                champs.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        if (guillemets)
        {
            return null;
        }

        champs.Add(sb.ToString());
        return champs;
    }
}
