using MissionLocale.Domain.Allocations;

namespace MissionLocale.Application.Allocations.ValiderAllocations;

public sealed record CompteFile(Guid AntenneId, string Antenne, EtatDemande Etat, string EtatLibelle, int Nombre);
