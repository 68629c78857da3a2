namespace MissionLocale.Application.Dispositifs.GererParrainage;

public sealed record ParrainDto(Guid Id, string Nom, string Prenom, string? Entreprise, string? Metier, string? Email, string? Telephone, bool Benevole, bool Actif);
