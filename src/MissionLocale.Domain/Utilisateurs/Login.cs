using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Utilisateurs;

/// <summary>USR-02: initial(s) of the prénom, a dot, the nom, lower case without accents; homonyms take more letters.</summary>
public static class Login
{
    public static string Proposer(string prenom, string nom, Func<string, bool> existe)
    {
        var p = Texte.Cle(prenom).Replace(" ", string.Empty, StringComparison.Ordinal);
        var n = Texte.Cle(nom).Replace(" ", string.Empty, StringComparison.Ordinal);
        for (var longueur = 1; longueur <= p.Length; longueur++)
        {
            var candidat = $"{p[..longueur]}.{n}";
            if (!existe(candidat))
            {
                return candidat;
            }
        }

        for (var i = 2; ; i++)
        {
            var candidat = $"{p}.{n}{i}";
            if (!existe(candidat))
            {
                return candidat;
            }
        }
    }
}
