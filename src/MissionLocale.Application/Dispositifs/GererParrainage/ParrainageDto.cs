namespace MissionLocale.Application.Dispositifs.GererParrainage;

/// <summary>A parrainage with its actions and the PARR-03 count.</summary>
public sealed record ParrainageDto(Guid DispositifId, int Version, string Parrain, DateOnly DateDebut, DateOnly DateFinPrevue, DateOnly? DateFinReelle, DateOnly? AcceptationJeune, DateOnly? AcceptationParrain, DateOnly? ValideLe, int ActionsMin, IReadOnlyList<ActionParrainageDto> Actions);
