namespace MissionLocale.Domain.Common;

/// <summary>Every workflow of the domain: documented, tested, and the source of the state labels (<see cref="Libelles.De"/>).</summary>
public static class Workflows
{
    public static IReadOnlyList<IWorkflow> Tous { get; } =
    [
        Allocations.CycleDemande.Table,
        Allocations.CycleCerfa.Table,
        Allocations.CycleLot.Table,
        Dispositifs.CycleDispositif.Table,
        RendezVous.CycleRendezVous.Table,
        Evenements.CycleProposition.Table,
        Demenagements.CycleDemenagement.Table,
        Cotraitance.CycleAffectation.Table,
        Cotraitance.CyclePpae.Table,
        Insertion.CycleCer.Table,
        Insertion.CycleSaisine.Table,
    ];

    /// <summary>The one label of a workflow state, or null for any other value.</summary>
    public static string? Libelle(Enum etat) => Tous.FirstOrDefault(w => w.TypeEtat == etat.GetType())?.Libelle(etat);
}
