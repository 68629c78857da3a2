namespace MissionLocale.Application.Allocations.GererDelegationsRgs;

public sealed record DelegationDto(Guid Id, Guid UtilisateurId, string Utilisateur, string Certificat, DateOnly Du, DateOnly Au, DateOnly? RevoqueeLe, bool Active);
