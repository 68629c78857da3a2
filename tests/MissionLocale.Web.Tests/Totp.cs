using System.Security.Cryptography;

namespace MissionLocale.Web.Tests;

/// <summary>RFC 6238 codes (SHA-1, 30 s, 6 digits), as an authenticator app computes them from the enrolment key.</summary>
public static class Totp
{
    public static string Code(string cleBase32, DateTimeOffset instant)
    {
        var cle = Base32(cleBase32.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        var compteur = instant.ToUnixTimeSeconds() / 30;
        var octets = BitConverter.GetBytes(compteur);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(octets);
        }

#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; this is the test side of the protocol.
        var hash = HMACSHA1.HashData(cle, octets);
#pragma warning restore CA5350
        var decalage = hash[^1] & 0x0f;
        var binaire = ((hash[decalage] & 0x7f) << 24) | (hash[decalage + 1] << 16) | (hash[decalage + 2] << 8) | hash[decalage + 3];
        return (binaire % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string s)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var valeur = 0;
        var sortie = new List<byte>();
        foreach (var c in s.TrimEnd('='))
        {
            valeur = (valeur << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                sortie.Add((byte)(valeur >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. sortie];
    }
}
