namespace MissionLocale.Application.Allocations.ValiderAllocations;

public sealed record FilesSiege(bool DelegationActive, IReadOnlyList<CompteFile> Compteurs, IReadOnlyList<CerfaAValider> Cerfas, IReadOnlyList<DemandeAValider> Demandes);
