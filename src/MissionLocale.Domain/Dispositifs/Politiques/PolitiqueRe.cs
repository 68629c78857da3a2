using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Dispositifs;

/// <summary>Relation Entreprise: RE-01 duration, RE-02 one renewal, RE-03 motives, RE-04 the CRE référent, RE-05 the referral.</summary>
public sealed class PolitiqueRe : PolitiqueDispositif
{
    public override string Code => CodeDispositif.Re;

    public override string RegleDuree => "RE-01";

    public override string RegleMotifs => "RE-03";

    public override string RegleRenouvellement => "RE-02";

    internal override (Guid? Prescripteur, Guid? Referent) AvantOuverture(ContexteOuverture c, Guid? prescripteurId, Guid? referentId, List<Avertissement> avertissements)
    {
        // RE-04: the CRE is the dispositif's référent; the dossier's conseiller référent stays the generalist CIP.
        if (referentId is null)
        {
            throw new BusinessRuleException("RE-04", "Choisissez le conseiller relation entreprise (CRE) référent du dispositif ; le conseiller référent du dossier reste inchangé.", "ReferentId");
        }

        // RE-05: entered after the CIP proposed "renvoi vers référent entreprise".
        if (!c.RenvoiVersReferentEntreprise)
        {
            avertissements.Add(new Avertissement("RE-05", "Aucune proposition « Renvoi vers référent entreprise » n'a été enregistrée par le conseiller du jeune : confirmez l'entrée en Relation Entreprise."));
        }

        return (prescripteurId, referentId);
    }
}
