using MissionLocale.Domain.Dispositifs;

namespace MissionLocale.Application.Dispositifs.GererPacea;

/// <summary>A PACEA's plan d'action (PACEA-05) and its entry/exit records (PACEA-09).</summary>
public sealed record PaceaDto(Guid DispositifId, int Version, DateOnly DateDebut, DateOnly DateFinPrevue, DateOnly? DateFinReelle, DateOnly FinMaximale, IReadOnlyList<PhaseDto> Phases, ReleveParcours? Entree, ReleveParcours? Sortie);
