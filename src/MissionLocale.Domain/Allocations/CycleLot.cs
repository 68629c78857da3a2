using MissionLocale.Domain.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Domain.Allocations;

/// <summary>ALLOC-11: the life of an ASP batch: proposed (requests reserved), then sent (file kept) or abandoned (released).</summary>
public static class CycleLot
{
    public const string Envoyer = "EnvoyerLot";
    public const string Abandonner = "AbandonnerLot";

    public static Workflow<EtatLot> Table { get; } = new(
        "Ce lot", "ALLOC-11", EtatLot.Propose,
        new Dictionary<EtatLot, string>
        {
            [EtatLot.Propose] = "Proposé",
            [EtatLot.Envoye] = "Envoyé",
            [EtatLot.Abandonne] = "Abandonné",
        },
        [
            new(EtatLot.Propose, EtatLot.Envoye, Envoyer, Droit.ValiderAllocations, "ALLOC-11"),
            new(EtatLot.Propose, EtatLot.Abandonne, Abandonner, Droit.ValiderAllocations, "ALLOC-11"),
        ]);
}
