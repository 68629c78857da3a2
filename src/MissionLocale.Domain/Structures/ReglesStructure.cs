using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Structures;

/// <summary>USR-06 and USR-07 applied to the facts the use cases gathered.</summary>
public static class ReglesStructure
{
    /// <summary>USR-06: a structure's code is unique in the deployment (the unique index is the last net).</summary>
    public static void VerifierCodeLibre(bool pris, string code)
    {
        if (pris)
        {
            throw new BusinessRuleException("USR-06", $"Le code {code} est déjà celui d'une autre Mission Locale : choisissez-en un autre.", "Code");
        }
    }

    /// <summary>USR-07: two antennes of a structure do not share a name (letters and lists would not tell them apart).</summary>
    public static void VerifierNomAntenneLibre(bool pris, string nom)
    {
        if (pris)
        {
            throw new BusinessRuleException("USR-07", $"Une antenne s'appelle déjà « {nom} » : choisissez un autre nom.", "Nom");
        }
    }
}
