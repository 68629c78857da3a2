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

    public static (ParcoursInsertion Parcours, Cer PremierContrat) Ouvrir(Guid structureId, Guid jeuneId, TypeAccompagnement type, Guid intervenant, DateOnly debut, bool dejaOuvert = false)
    {
        if (dejaOuvert)
        {
            throw new BusinessRuleException("CER-01", "Ce bénéficiaire a déjà un parcours d'insertion : ses contrats s'y suivent (renouvellement, avenant).", "TypeAccompagnement");
        }

        if (type is not (TypeAccompagnement.Professionnel or TypeAccompagnement.Social or TypeAccompagnement.SocioProfessionnel))
        {
            throw new BusinessRuleException("CER-01", "Choisissez le type d'accompagnement : professionnel, social ou socio-professionnel.", "TypeAccompagnement");
        }

        var p = new ParcoursInsertion { StructureId = structureId, JeuneId = jeuneId, TypeAccompagnement = type, IntervenantPrincipalId = intervenant, DateDebut = debut };
        return (p, Cer.PremierContrat(p));
    }

    /// <summary>
    /// CER-02: a reprise de versement or a réouverture de droit starts a contract of its own (type locked, levée
    /// pre-ticked); the first contract comes with the parcours, a renewal or an avenant from the contract in force.
    /// </summary>
    public Cer NouveauContrat(TypeCer type, DateOnly debut, int dureeMois)
    {
        if (type is not (TypeCer.RepriseVersement or TypeCer.ReouvertureDroit))
        {
            throw new BusinessRuleException("CER-02", "Seuls une reprise de versement ou une réouverture de droit se créent ainsi : le 1er contrat naît avec le parcours, un renouvellement ou un avenant depuis le contrat en vigueur.", "Type");
        }

        return Cer.Nouveau(this, type, debut, dureeMois);
    }
}
