using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Entreprises;

/// <summary>
/// ENT-01: the INSEE identifiers of a company (SIREN, 9 digits) and of its establishment (SIRET, 14 digits: SIREN +
/// NIC), each ending with a Luhn check digit. La Poste is the documented exception: its establishments share the SIREN
/// 356 000 000 and, but for the head office (35600000000048, Luhn-valid), their SIRET is valid when the sum of its 14
/// digits is a multiple of 5 (source: INSEE's description of the SIRET, kept in docs/reference-data.md).
/// </summary>
public static class IdentifiantsInsee
{
    public const string SirenLaPoste = "356000000";

    /// <summary>The digits only: spaces, dots and dashes typed or pasted are ignored.</summary>
    public static string Normaliser(string? saisie) =>
        new((saisie ?? string.Empty).Where(c => c is not (' ' or '.' or '-' or '\u00A0')).ToArray());

    public static bool SirenValide(string? siren)
    {
        var s = Normaliser(siren);
        return s.Length == 9 && s.All(char.IsAsciiDigit) && Luhn(s);
    }

    public static bool SiretValide(string? siret)
    {
        var s = Normaliser(siret);
        if (s.Length != 14 || !s.All(char.IsAsciiDigit))
        {
            return false;
        }

        return s.StartsWith(SirenLaPoste, StringComparison.Ordinal) && !Luhn(s)
            ? s.Sum(c => c - '0') % 5 == 0
            : Luhn(s);
    }

    /// <summary>Luhn (mod 10): from the right, every second digit doubled (minus 9 when over 9), the sum a multiple of 10.</summary>
    private static bool Luhn(string chiffres)
    {
        var somme = 0;
        for (var i = 0; i < chiffres.Length; i++)
        {
            var d = chiffres[chiffres.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            }

            somme += d;
        }

        return somme % 10 == 0;
    }
}

/// <summary>ENT-01: a SIRET is 14 digits with its check digit (La Poste's rule for its establishments).</summary>
public sealed class Ent01SiretValide(string? siret) : BusinessRule
{
    public override string Id => "ENT-01";

    public override string Champ => "Siret";

    public override string Message => IdentifiantsInsee.Normaliser(siret).Length == 14
        ? $"Le SIRET {IdentifiantsInsee.Normaliser(siret)} n'est pas valide (clé de contrôle) : vérifiez les 14 chiffres sur l'avis de situation SIRENE."
        : "Le SIRET compte 14 chiffres (SIREN de l'entreprise, puis numéro de l'établissement) : vérifiez-le sur l'avis de situation SIRENE.";

    public override bool IsBroken() => !IdentifiantsInsee.SiretValide(siret);
}

/// <summary>ENT-01: a SIREN is 9 digits with its Luhn check digit.</summary>
public sealed class Ent01SirenValide(string? siren) : BusinessRule
{
    public override string Id => "ENT-01";

    public override string Champ => "Siren";

    public override string Message => "Le SIREN compte 9 chiffres dont une clé de contrôle : vérifiez-le sur l'avis de situation SIRENE.";

    public override bool IsBroken() => !IdentifiantsInsee.SirenValide(siren);
}
