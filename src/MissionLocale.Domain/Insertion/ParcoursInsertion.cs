using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Insertion;

/// <summary>
/// CER-01: the parcours d'insertion of an RSA beneficiary the Mission Locale is référent of: type d'accompagnement
/// (professionnel, social, socio-professionnel), structure, intervenant principal, start date; it starts with an
/// empty CER « RSA 1er contrat ».
/// </summary>
public sealed class ParcoursInsertion : Entity, IStructureOwned, IDossierPart
{
    private ParcoursInsertion()
    {
    }

    public Guid StructureId { get; private set; }

    public Guid JeuneId { get; private set; }

    public TypeAccompagnement TypeAccompagnement { get; private set; }

    public Guid IntervenantPrincipalId { get; private set; }

    public DateOnly DateDebut { get; private set; }

    public static (ParcoursInsertion Parcours, Cer PremierContrat) Ouvrir(Guid structureId, Guid jeuneId, TypeAccompagnement type, Guid intervenant, DateOnly debut)
    {
        if (type is not (TypeAccompagnement.Professionnel or TypeAccompagnement.Social or TypeAccompagnement.SocioProfessionnel))
        {
            throw new BusinessRuleException("CER-01", "Choisissez le type d'accompagnement : professionnel, social ou socio-professionnel.", "TypeAccompagnement");
        }

        var p = new ParcoursInsertion { StructureId = structureId, JeuneId = jeuneId, TypeAccompagnement = type, IntervenantPrincipalId = intervenant, DateDebut = debut };
        return (p, Cer.PremierContrat(p));
    }
}
