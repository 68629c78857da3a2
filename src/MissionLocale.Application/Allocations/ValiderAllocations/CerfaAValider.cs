namespace MissionLocale.Application.Allocations.ValiderAllocations;

public sealed record CerfaAValider(Guid CerfaId, Guid JeuneId, string Jeune, DateOnly DateNaissance, string Antenne, string TypeCode, int Numero, Guid DocumentId, Guid? ScanDocumentId,
    DateTimeOffset GenereLe, string GenerePar, Guid? PremiereDemandeId, DateOnly? PremiereMois, decimal? PremiereMontant, int Version);
