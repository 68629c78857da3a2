using MissionLocale.Domain.Dispositifs;

namespace MissionLocale.Application.Allocations.LotsAsp;

/// <summary>ALLOC-11: when batches are due: CEJ around the 1st and the 15th, PACEA on the 1st of the following month.</summary>
public static class CalendrierLots
{
    /// <summary>The types whose batch of the current period is not proposed yet (the job proposes them on its first run of the period).</summary>
    public static IReadOnlyList<string> Dus(DateOnly jour, IReadOnlyCollection<(string TypeCode, DateOnly DateLot)> lotsDuMois)
    {
        var debutQuinzaine = new DateOnly(jour.Year, jour.Month, jour.Day >= 15 ? 15 : 1);
        var dus = new List<string>();
        if (!lotsDuMois.Any(l => l.TypeCode == CodeDispositif.Cej && l.DateLot >= debutQuinzaine && l.DateLot <= jour))
        {
            dus.Add(CodeDispositif.Cej);
        }

        if (!lotsDuMois.Any(l => l.TypeCode == CodeDispositif.Pacea && l.DateLot.Year == jour.Year && l.DateLot.Month == jour.Month))
        {
            dus.Add(CodeDispositif.Pacea);
        }

        return dus;
    }
}
