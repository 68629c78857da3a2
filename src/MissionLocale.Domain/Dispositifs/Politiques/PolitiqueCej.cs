using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Dispositifs;

/// <summary>Contrat d'Engagement Jeune: CEJ-01 after the PACEA, CEJ-07 duration and renewal; allocations (ALLOC-01).</summary>
public sealed class PolitiqueCej : PolitiqueDispositif
{
    public override string Code => CodeDispositif.Cej;

    public override string RegleDuree => "CEJ-07";

    public override string RegleDureeMin => "CEJ-07";

    public override string RegleRenouvellement => "CEJ-07";

    public override bool AAllocation => true;

    internal override void VerifierOuverture(ContexteOuverture c, DateOnly debut, DateOnly finPrevue, List<Avertissement> avertissements)
    {
        // CEJ-01: the PACEA exit is at the latest the day before the CEJ entry (the ASP rejects overlapping contracts).
        if (c.Dispositifs.Any(d => d.TypeCode == CodeDispositif.Pacea && (d.DateFinReelle is null || d.DateFinReelle >= debut)))
        {
            throw new BusinessRuleException("CEJ-01", "Le PACEA doit être clôturé au plus tard la veille de l'entrée en CEJ : clôturez le PACEA ou choisissez une date d'entrée postérieure à sa sortie.", "DateDebut");
        }
    }
}
