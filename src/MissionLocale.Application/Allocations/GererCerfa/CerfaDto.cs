using MissionLocale.Domain.Allocations;

namespace MissionLocale.Application.Allocations.GererCerfa;

public sealed record CerfaDto(Guid Id, Guid DispositifId, string TypeCode, int Numero, string Reference, EtatCerfa Etat, string EtatLibelle, Guid DocumentId, Guid? ScanDocumentId,
    DateTimeOffset GenereLe, string? MotifAsp, int Version, string? MotifRenvoi = null);
