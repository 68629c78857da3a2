using MissionLocale.Domain.Dispositifs;

namespace MissionLocale.Application.Reference.GererIntervenants;

public sealed record IntervenantDto(Guid Id, FonctionIntervenant Fonction, string Nom, Guid? UtilisateurId, bool Actif);
