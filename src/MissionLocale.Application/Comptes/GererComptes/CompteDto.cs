using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Comptes.GererComptes;

/// <summary>An account of the structure as its administrator sees it.</summary>
public sealed record CompteDto(Guid Id, string Login, string Prenom, string Nom, Profil Profil, bool Actif, DateTimeOffset? VerrouilleJusquA, int EchecsConnexion, string? Email, Domain.Jeunes.Civilite? Civilite = null);
