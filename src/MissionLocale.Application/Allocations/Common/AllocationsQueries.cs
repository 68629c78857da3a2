using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.Common;

/// <summary>An allocation request with its calculation steps (ALLOC-12), as pages and the API show it.</summary>
public sealed record DemandeDto(
    Guid Id, Guid DispositifId, string TypeCode, DateOnly Mois, decimal Ressources, decimal Montant, NatureDemande Nature, EtatDemande Etat, string EtatLibelle,
    bool Premiere, Guid? CerfaId, DateOnly? DateAsp, decimal? MontantVerse, string? MotifAsp, Guid? RemplaceId, Guid? RemplaceeParId, bool Supprimable, bool Modifiable,
    IReadOnlyList<EtapeCalcul> Etapes, int Version);

public static class AllocationsQueries
{
    /// <summary>ALLOC-12: the barème of a dispositif type for a month (dated reference data); a minor gets the CEJ's minor amount.</summary>
    public static async Task<BaremeAllocation> BaremeAllocationAsync(this IAppDbContext db, string typeCode, DateOnly mois, bool mineur, CancellationToken ct)
    {
        var codeMax = $"ALLOC-12.{typeCode}.MontantMaximal{(mineur && typeCode == "CEJ" ? "Mineur" : string.Empty)}";
        var max = await db.ParametresRegle.AsNoTracking()
            .Where(p => p.Code == codeMax && p.DateDebut <= mois && (p.DateFin == null || p.DateFin >= mois))
            .OrderByDescending(p => p.DateDebut).Select(p => new { p.Valeur, p.DateDebut }).FirstOrDefaultAsync(ct)
            ?? throw new BusinessRuleException("ALLOC-12", $"Aucun barème {typeCode} n'est en vigueur pour {mois:MM/yyyy} : un administrateur doit le saisir dans les référentiels.");

        async Task<decimal> D(string code) =>
            await Dispositifs.ParametresQueries.ParametreAsync(db, $"ALLOC-12.{typeCode}.{code}", mois, ct) is { } v ? decimal.Parse(v, CultureInfo.InvariantCulture) : 0m;
        var demo = await Dispositifs.ParametresQueries.ParametreAsync(db, "ALLOC-12.Demonstration", mois, ct) == "oui";
        return new BaremeAllocation(decimal.Parse(max.Valeur, CultureInfo.InvariantCulture), await D("Franchise"), await D("TauxReduction"), max.DateDebut, demo);
    }

    /// <summary>ALLOC-13: the user holds an RGS delegation active today.</summary>
    public static Task<bool> DelegationRgsActiveAsync(this IAppDbContext db, Guid utilisateurId, TimeProvider clock, CancellationToken ct)
    {
        var jour = clock.Aujourdhui();
        return db.DelegationsRgs.AnyAsync(d => d.UtilisateurId == utilisateurId && d.Du <= jour && d.Au >= jour && (d.RevoqueeLe == null || d.RevoqueeLe > jour), ct);
    }

    /// <summary>ALLOC-13: only a validator with an active RGS delegation validates and sends.</summary>
    public static async Task VerifierDelegationRgsAsync(this IAppDbContext db, ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        if (user.Profil != Profil.ValidateurSiege || !await db.DelegationRgsActiveAsync(user.UtilisateurId, clock, ct))
        {
            throw new BusinessRuleException("ALLOC-13", "Vous n'avez pas de délégation de certificat RGS active aujourd'hui : demandez-la à un administrateur (Référentiels, Délégations RGS).");
        }
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
