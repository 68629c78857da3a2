using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Entreprises;

/// <summary>ENT-01 applied to the facts the use cases gathered.</summary>
public static class ReglesEntreprise
{
    /// <summary>ENT-01: one company per SIRET in a structure (the unique index is the last net).</summary>
    public static void VerifierSiretLibre(string? raisonSocialeExistante, string siret)
    {
        if (raisonSocialeExistante is not null)
        {
            throw new BusinessRuleException("ENT-01", $"Le SIRET {siret} est déjà celui de l'entreprise « {raisonSocialeExistante} » : ouvrez-la plutôt que d'en créer une seconde.", "Siret");
        }
    }
}
