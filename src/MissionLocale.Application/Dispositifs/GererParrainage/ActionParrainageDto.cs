namespace MissionLocale.Application.Dispositifs.GererParrainage;

public sealed record ActionParrainageDto(Guid Id, DateOnly Date, string DomaineCode, string Libelle);
