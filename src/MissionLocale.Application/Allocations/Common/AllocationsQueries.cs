using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.Common;

/// <summary>An allocation request with its calculation steps (ALLOC-12), as pages and the API show it.</summary>
public sealed record DemandeDto(
    Guid Id, Guid DispositifId, string TypeCode, DateOnly Mois, decimal Ressources, decimal Montant, NatureDemande Nature, EtatDemande Etat, string EtatLibelle,
    bool Premiere, Guid? CerfaId, DateOnly? DateAsp, decimal? MontantVerse, string? MotifAsp, Guid? RemplaceId, Guid? RemplaceeParId, bool Supprimable, bool Modifiable,
    IReadOnlyList<EtapeCalcul> Etapes, int Version);

public sealed record ParametreDate(string Code, string Valeur, DateOnly DateDebut, DateOnly? DateFin);

/// <summary>The allocation parameters valid on a date (dated reference data, DISP-04).</summary>
public sealed class ParametresAllocation(IReadOnlyList<ParametreDate> parametres)
{
    public ParametreDate? Valide(string code, DateOnly date) =>
        parametres.Where(p => p.Code == code && p.DateDebut <= date && (p.DateFin == null || p.DateFin >= date)).MaxBy(p => p.DateDebut);

    private decimal Decimal(string code, DateOnly date, decimal parDefaut) =>
        Valide(code, date) is { } p ? decimal.Parse(p.Valeur, CultureInfo.InvariantCulture) : parDefaut;

    /// <summary>ALLOC-08/09: the allowances and the PACEA ceiling valid for the month of the resources.</summary>
    public BaremeRessources BaremeRessources(DateOnly mois)
    {
        var abattements = Enum.GetValues<ActiviteMicro>().ToDictionary(a => a, a => Decimal($"ALLOC-09.Abattement.{a}", mois, a switch
        {
            ActiviteMicro.AchatReventeHebergement => 71m,
            ActiviteMicro.AutresBic => 50m,
            ActiviteMicro.Bnc => 34m,
            _ => 87m,
        }));
        return new BaremeRessources(abattements, Decimal("ALLOC-08.PlafondPacea", mois, 300m));
    }

    /// <summary>ALLOC-12: the barème for a jeune born on <paramref name="naissance"/> (a minor on the month's first day gets the CEJ's minor amount).</summary>
    public BaremeAllocation BaremeAllocation(string typeCode, DateOnly mois, DateOnly naissance) => BaremeAllocation(typeCode, mois, naissance.AddYears(18) > mois);

    /// <summary>ALLOC-12: the barème of a type for the month of the allocation; refused when none is in force.</summary>
    public BaremeAllocation BaremeAllocation(string typeCode, DateOnly mois, bool mineur)
    {
        var max = ReglesAllocation.BaremeEnVigueur(Valide($"ALLOC-12.{typeCode}.MontantMaximal{(mineur && typeCode == CodeDispositif.Cej ? "Mineur" : string.Empty)}", mois), typeCode, mois);
        return new BaremeAllocation(decimal.Parse(max.Valeur, CultureInfo.InvariantCulture), Decimal($"ALLOC-12.{typeCode}.Franchise", mois, 0m),
            Decimal($"ALLOC-12.{typeCode}.TauxReduction", mois, 0m), max.DateDebut,
            (Valide($"ALLOC-12.{typeCode}.Demonstration", mois) ?? Valide("ALLOC-12.Demonstration", mois))?.Valeur == "oui");
    }
}

public static class AllocationsQueries
{
    /// <summary>ALLOC-08/09/12: the allocations' dated parameters, read in one query (a dossier's list resolves every month in memory).</summary>
    public static async Task<ParametresAllocation> ParametresAllocationAsync(this IAppDbContext db, CancellationToken ct) =>
        new(await db.ParametresRegle.AsNoTracking().Where(p => EF.Functions.Like(p.Code, "ALLOC-%")).Select(p => new ParametreDate(p.Code, p.Valeur, p.DateDebut, p.DateFin)).ToListAsync(ct));

    /// <summary>ALLOC-13: the user holds an RGS delegation active today.</summary>
    public static Task<bool> DelegationRgsActiveAsync(this IAppDbContext db, Guid utilisateurId, TimeProvider clock, CancellationToken ct)
    {
        var jour = clock.Aujourdhui();
        return db.DelegationsRgs.AnyAsync(d => d.UtilisateurId == utilisateurId && d.Du <= jour && d.Au >= jour && (d.RevoqueeLe == null || d.RevoqueeLe > jour), ct);
    }

    /// <summary>ALLOC-13: only a validator with an active RGS delegation validates and sends.</summary>
    public static async Task VerifierDelegationRgsAsync(this IAppDbContext db, ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        ReglesAllocation.VerifierDelegationActive(user.Profil == Profil.ValidateurSiege && await db.DelegationRgsActiveAsync(user.UtilisateurId, clock, ct));
    }

    public static DemandeDto VersDto(DemandeAllocation d, BaremeAllocation? bareme, decimal plafondPacea)
    {
        IReadOnlyList<EtapeCalcul> etapes;
        if (d.RessourcesDifferentielles is { } diff)
        {
            etapes = [new("Montant versé entré en ressources différentielles (reversement total)", diff), new("Allocation du mois", d.Montant)];
        }
        else if (bareme is null)
        {
            etapes = [new("Allocation du mois", d.Montant)];
        }
        else
        {
            try
            {
                etapes = CalculAllocation.Calculer(d.TypeCode, d.Ressources, bareme, plafondPacea).Etapes;
            }
            catch (BusinessRuleException)
            {
                etapes = [new("Allocation du mois", d.Montant)];
            }
        }

        return new DemandeDto(d.Id, d.DispositifId, d.TypeCode, d.Mois, d.Ressources, d.Montant, d.Nature, d.Etat, DemandeAllocation.LibelleEtat(d.Etat), d.Premiere, d.CerfaId,
            d.DateAsp, d.MontantVerse, d.MotifAsp, d.RemplaceId, d.RemplaceeParId, d.Supprimable, d.Modifiable, etapes, d.Version);
    }
}
