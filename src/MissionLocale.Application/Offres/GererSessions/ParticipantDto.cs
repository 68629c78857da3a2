namespace MissionLocale.Application.Offres.GererSessions;

public sealed record ParticipantDto(Guid JeuneId, long Numero, string Nom, string Prenom, DateTimeOffset PositionneLe, bool? Present);
