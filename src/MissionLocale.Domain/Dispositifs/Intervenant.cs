using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Dispositifs;

/// <summary>USR-06/USR-07: the functions that have their own reference tables.</summary>
public enum FonctionIntervenant
{
    Prescripteur = 1,
    ReferentDispositif = 2,
}

/// <summary>
/// USR-07: an element of the structure's table of prescripteurs or of référents de dispositif. A user is selectable
/// there only once added; a partner (France Travail agency, CIO...) can be a prescripteur without an account.
/// </summary>
public sealed class Intervenant : Entity, IStructureOwned
{
    private Intervenant()
    {
        Nom = string.Empty;
    }

    public Intervenant(Guid structureId, FonctionIntervenant fonction, string nom, Guid? utilisateurId)
    {
        if (string.IsNullOrWhiteSpace(nom))
        {
            throw new BusinessRuleException("USR-07", "Indiquez le nom de l'intervenant.", "Nom");
        }

        if (fonction == FonctionIntervenant.ReferentDispositif && utilisateurId is null)
        {
            throw new BusinessRuleException("USR-07", "Un référent de dispositif est un utilisateur de la structure : choisissez son compte.", "UtilisateurId");
        }

        StructureId = structureId;
        Fonction = fonction;
        Nom = nom.Trim();
        UtilisateurId = utilisateurId;
    }

    public Guid StructureId { get; private set; }

    public FonctionIntervenant Fonction { get; private set; }

    public string Nom { get; private set; }

    public Guid? UtilisateurId { get; private set; }

    public bool Actif { get; private set; } = true;

    public void Desactiver() => Actif = false;

    public void Reactiver() => Actif = true;
}
