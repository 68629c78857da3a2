using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Dispositifs;

namespace MissionLocale.Application.Dispositifs.GererParrainage;

public sealed record ParrainDto(Guid Id, string Nom, string Prenom, string? Entreprise, string? Metier, string? Email, string? Telephone, bool Benevole, bool Actif);

public sealed record ActionParrainageDto(Guid Id, DateOnly Date, string DomaineCode, string Libelle);

/// <summary>A parrainage with its actions and the PARR-03 count.</summary>
public sealed record ParrainageDto(Guid DispositifId, int Version, string Parrain, DateOnly DateDebut, DateOnly DateFinPrevue, DateOnly? DateFinReelle, DateOnly? AcceptationJeune, DateOnly? AcceptationParrain, DateOnly? ValideLe, int ActionsMin, IReadOnlyList<ActionParrainageDto> Actions);

/// <summary>PARR-04: parrainages of a year with the sortie positive rate and the count of QPV jeunes.</summary>
public sealed record BilanParrainages(int Annee, int Parrainages, int Valides, int Clos, int SortiesPositives, int JeunesQpv);

internal static class ParrainageQueries
{
    public static async Task<Dispositif> ChargerParrainageAsync(this IAppDbContext db, Guid id, int version, CancellationToken ct)
    {
        var d = await db.Dispositifs.Include(x => x.Actions).SingleOrDefaultAsync(x => x.Id == id && x.TypeCode == CodeDispositif.Parr, ct)
            ?? throw new NotFoundException("Parrainage introuvable.");
        return d.Version == version ? d : throw new ConcurrencyConflictException();
    }
}
