using System.Text;
using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Utilisateurs;

/// <summary>
/// Password rules after the CNIL's recommendation (délibération n° 2022-100) and ANSSI's guide on authentication:
/// length over complexity. At least 12 characters mixing capitals, small letters, digits and special characters, or a
/// passphrase of 14 characters or more with no other constraint; never a common password (whatever digits or
/// punctuation surround it, whatever letters stand for digits), nor the person's login, nom or prénom.
/// The thresholds are reference data of the policy (docs/reference-data.md).
/// </summary>
public static class PolitiqueMotDePasse
{
    public const int LongueurMinimale = 12;

    public const int LongueurPhrase = 14;

    /// <summary>Every reason the password is refused, in French, all at once; empty when it is accepted.</summary>
    public static IReadOnlyList<string> Verifier(string motDePasse, IReadOnlySet<string> courants, params string?[] personnels)
    {
        var erreurs = new List<string>();
        if (motDePasse.Length < LongueurMinimale)
        {
            erreurs.Add($"Le mot de passe doit compter au moins {LongueurMinimale} caractères : une phrase de plusieurs mots est plus sûre et plus facile à retenir.");
        }
        else if (motDePasse.Length < LongueurPhrase && !Complexe(motDePasse))
        {
            erreurs.Add($"Avec moins de {LongueurPhrase} caractères, le mot de passe doit mêler majuscules, minuscules, chiffres et caractères spéciaux ; sinon choisissez une phrase de {LongueurPhrase} caractères ou plus.");
        }

        var entoure = Entoure(motDePasse);
        var coeur = Cle(entoure);
        if (coeur.Length == 0 || courants.Contains(coeur) || courants.Contains(Cle(Dechiffrer(entoure))) || Repetitif(motDePasse))
        {
            erreurs.Add("Ce mot de passe fait partie des plus courants (ou n'en diffère que par des chiffres ou une ponctuation) : choisissez-en un propre à vous, par exemple une phrase.");
        }

        var cle = Texte.Cle(motDePasse).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (personnels.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Texte.Cle(p!).Replace(" ", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal))
            .Any(p => p.Length >= 3 && cle.Contains(p, StringComparison.Ordinal)))
        {
            erreurs.Add("Le mot de passe ne doit contenir ni votre identifiant, ni votre nom, ni votre prénom.");
        }

        return erreurs;
    }

    private static bool Complexe(string s) =>
        s.Any(char.IsUpper) && s.Any(char.IsLower) && s.Any(char.IsDigit) && s.Any(c => !char.IsLetterOrDigit(c));

    // The password without what people add around a common word (digits, punctuation, spaces at both ends).
    private static string Entoure(string s)
    {
        var debut = 0;
        var fin = s.Length;
        while (debut < fin && !char.IsLetter(s[debut]))
        {
            debut++;
        }

        while (fin > debut && !char.IsLetter(s[fin - 1]))
        {
            fin--;
        }

        return s[debut..fin];
    }

    private static string Cle(string s) => Texte.Cle(s).Replace(" ", string.Empty, StringComparison.Ordinal);

    // p@ssw0rd → password
    private static string Dechiffrer(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.ToLowerInvariant())
        {
            sb.Append(c switch { '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '@' => 'a', '$' => 's', '€' => 'e', _ => c });
        }

        return sb.ToString();
    }

    // aaaaaaaaaaaa, 121212121212
    private static bool Repetitif(string s) => s.Distinct().Count() <= 2;
}
