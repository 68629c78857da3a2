using System.Security.Cryptography;
using System.Text;

namespace MissionLocale.Web.Infrastructure;

/// <summary>
/// A secret shared with a machine (the operator's scraper, a partner's system), sent as Authorization: Bearer and
/// compared in constant time on its hash (the length of the expected secret leaks nothing either).
/// </summary>
public static class SecretPartage
{
    public static bool Verifier(HttpRequest requete, string attendu)
    {
        var entete = requete.Headers.Authorization.ToString();
        var recu = entete.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? entete[7..].Trim() : string.Empty;
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(recu)), SHA256.HashData(Encoding.UTF8.GetBytes(attendu)));
    }
}
