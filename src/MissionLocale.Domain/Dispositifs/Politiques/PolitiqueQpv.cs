namespace MissionLocale.Domain.Dispositifs;

/// <summary>QPV-01: a marker with no prescripteur and no référent, piloted by the configured pilote.</summary>
public sealed class PolitiqueQpv : PolitiqueDispositif
{
    public override string Code => CodeDispositif.Qpv;

    internal override (Guid? Prescripteur, Guid? Referent) AvantOuverture(ContexteOuverture c, Guid? prescripteurId, Guid? referentId, List<Avertissement> avertissements) =>
        (null, null);
}
