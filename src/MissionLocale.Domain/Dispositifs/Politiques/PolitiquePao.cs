using MissionLocale.Domain.Common;
using MissionLocale.Domain.Jeunes;

namespace MissionLocale.Domain.Dispositifs;

/// <summary>PAO: PAO-01 jeunes not registered at France Travail, PAO-02 its three publics.</summary>
public sealed class PolitiquePao : PolitiqueDispositif
{
    public override string Code => CodeDispositif.Pao;

    internal override void VerifierOuverture(ContexteOuverture c, DateOnly debut, DateOnly finPrevue, List<Avertissement> avertissements)
    {
        if (c.Jeune.InscritFranceTravail)
        {
            throw new BusinessRuleException("PAO-01", "Le jeune est inscrit à France Travail : le PAO est réservé aux jeunes non inscrits (un PACEA ou un CEJ peut suivre, PAO-03).", "TypeCode");
        }

        var p = c.Public;
        switch (p?.PublicPao)
        {
            case "EtrangerSansAutorisationTravail":
                if (c.Jeune.Nationalite != Nationalite.HorsUe)
                {
                    throw new BusinessRuleException("PAO-02", "Ce public concerne les jeunes étrangers hors Union européenne dont le titre ne permet pas de travailler : vérifiez la nationalité du jeune.", "PublicPao");
                }

                break;
            case "EleveDecrochage":
                if (p.Programme is null || !p.Programmes.Contains(p.Programme, StringComparer.Ordinal))
                {
                    throw new BusinessRuleException("PAO-02", $"Pour un élève en risque de décrochage, choisissez le programme : {string.Join(", ", p.Programmes)}.", "Programme");
                }

                break;
            case "ObligationFormation":
                if (c.Jeune.Age(debut) >= 18)
                {
                    throw new BusinessRuleException("PAO-02", "L'obligation de formation concerne les jeunes de 16 et 17 ans : ce jeune a 18 ans ou plus à la date d'entrée.", "PublicPao");
                }

                break;
            default:
                throw new BusinessRuleException("PAO-02", "Choisissez le public du PAO : étranger dont le titre ne permet pas de travailler, élève en risque de décrochage, ou jeune en obligation de formation qui ne cherche pas d'emploi.", "PublicPao");
        }
    }

    internal override void Completer(Dispositif d, ContexteOuverture c, DateOnly debut) =>
        d.Completer(c.Public!.PublicPao + (c.Public.PublicPao == "EleveDecrochage" ? $" ({c.Public.Programme})" : string.Empty), null, null);
}
