using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Documents;

/// <summary>The letter rules the handlers apply to what they found.</summary>
public static class ReglesDocuments
{
    /// <summary>RDV-03: a convocation needs an active model of the structure.</summary>
    public static T ModeleConvocation<T>(T? modele)
        where T : class =>
        modele ?? throw new BusinessRuleException("RDV-03", "Aucun modèle de convocation actif : un administrateur doit en créer un (Modèles de lettres).");
}
