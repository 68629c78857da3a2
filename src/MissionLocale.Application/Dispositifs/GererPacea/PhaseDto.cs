using MissionLocale.Domain.Dispositifs;

namespace MissionLocale.Application.Dispositifs.GererPacea;

public sealed record PhaseDto(Guid Id, int Numero, string Objectifs, DateOnly DateDebut, DateOnly DateFinPrevue, DateOnly? DateFin, int Prolongations, DecisionBilan? Decision, DateOnly? DateBilan, string? Resultat);
