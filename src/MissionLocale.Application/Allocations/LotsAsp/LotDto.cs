using MissionLocale.Domain.Allocations;

namespace MissionLocale.Application.Allocations.LotsAsp;

public sealed record LotDto(Guid Id, string TypeCode, int Numero, DateOnly DateLot, EtatLot Etat, int NombreDemandes, decimal Total, DateTimeOffset ProposeLe, bool ParLeJob,
    DateTimeOffset? EnvoyeLe, string? NomFichier, int Version);
