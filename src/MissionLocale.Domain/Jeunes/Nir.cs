using System.Globalization;
using System.Numerics;

namespace MissionLocale.Domain.Jeunes;

/// <summary>JEU-04: NIR = 13 characters + a 2-digit key, key = 97 − (number mod 97); Corsica 2A → 19, 2B → 18.</summary>
public static class Nir
{
    public static string Normaliser(string saisie) =>
        new string(saisie.Where(c => !char.IsWhiteSpace(c) && c != '.' && c != '-').ToArray()).ToUpperInvariant();

    public static bool FormatValide(string nir)
    {
        if (nir.Length != 15)
        {
            return false;
        }

        for (var i = 0; i < 15; i++)
        {
            var c = nir[i];
            var corse = i == 6 && (c == 'A' || c == 'B') && nir[5] == '2';
            if (!char.IsAsciiDigit(c) && !corse)
            {
                return false;
            }
        }

        return nir[0] is '1' or '2' or '3' or '4' or '7' or '8';
    }

    public static int CleCalculee(string treizeCaracteres)
    {
        var corps = treizeCaracteres.ToUpperInvariant();
        var nombre = BigInteger.Parse(
            corps.Replace("2A", "19", StringComparison.Ordinal).Replace("2B", "18", StringComparison.Ordinal),
            CultureInfo.InvariantCulture);
        return (int)(97 - (nombre % 97));
    }

    public static bool CleValide(string nir) =>
        FormatValide(nir) && int.Parse(nir[13..], CultureInfo.InvariantCulture) == CleCalculee(nir[..13]);

    /// <summary>Temporary numbers (7, 8) cannot be certified.</summary>
    public static bool EstDefinitif(string nir) => nir[0] is '1' or '2';
}
