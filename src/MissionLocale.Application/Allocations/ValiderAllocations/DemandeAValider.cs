using MissionLocale.Domain.Allocations;

namespace MissionLocale.Application.Allocations.ValiderAllocations;

public sealed record DemandeAValider(Guid DemandeId, Guid JeuneId, string Jeune, string Antenne, string TypeCode, DateOnly Mois, decimal Ressources, decimal Montant, NatureDemande Nature,
    string CreePar, Guid CreeParId, int Version);
