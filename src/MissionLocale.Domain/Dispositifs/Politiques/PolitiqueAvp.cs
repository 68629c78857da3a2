using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Dispositifs;

/// <summary>Avenir Pro: AVP-01 final-year vocational pupils (CAP, lycée professionnel) who do not continue studies.</summary>
public sealed class PolitiqueAvp : PolitiqueDispositif
{
    public override string Code => CodeDispositif.Avp;

    internal override (Guid? Prescripteur, Guid? Referent) AvantOuverture(ContexteOuverture c, Guid? prescripteurId, Guid? referentId, List<Avertissement> avertissements)
    {
        var p = c.Public;
        if (p is null || string.IsNullOrWhiteSpace(p.Lycee) || p.Classe is null || !p.Classes.Contains(p.Classe, StringComparer.Ordinal))
        {
            throw new BusinessRuleException("AVP-01", "Avenir Pro s'adresse aux élèves de dernière année de CAP ou de lycée professionnel : indiquez le lycée et la classe.", "Classe");
        }

        if (!p.NePoursuitPasEtudes)
        {
            throw new BusinessRuleException("AVP-01", "Avenir Pro concerne les élèves qui ne poursuivent pas d'études : confirmez que l'élève ne poursuit pas ses études.", "NePoursuitPasEtudes");
        }

        return (prescripteurId, referentId);
    }

    internal override void Completer(Dispositif d, ContexteOuverture c, DateOnly debut) => d.Completer(null, c.Public!.Lycee!.Trim(), c.Public.Classe);
}
