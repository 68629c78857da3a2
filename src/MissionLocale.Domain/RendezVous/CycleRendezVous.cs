using MissionLocale.Domain.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Domain.RendezVous;

/// <summary>RDV-01: Planifié → Présent | Absent | Annulé; only a planned rendez-vous is moved or changes status.</summary>
public static class CycleRendezVous
{
    public const string Replanifier = "PlanifierRendezVous";
    public const string ChangerStatut = "ChangerStatutRendezVous";

    public static Workflow<StatutRendezVous> Table { get; } = new(
        "Ce rendez-vous", "RDV-01", StatutRendezVous.Planifie,
        new Dictionary<StatutRendezVous, string>
        {
            [StatutRendezVous.Planifie] = "Planifié",
            [StatutRendezVous.Present] = "Présent",
            [StatutRendezVous.Absent] = "Absent",
            [StatutRendezVous.Annule] = "Annulé",
        },
        [
            new(StatutRendezVous.Planifie, StatutRendezVous.Planifie, Replanifier, Droit.PlanifierRendezVous, "RDV-01"),
            new(StatutRendezVous.Planifie, StatutRendezVous.Present, ChangerStatut, Droit.PlanifierRendezVous, "RDV-01"),
            new(StatutRendezVous.Planifie, StatutRendezVous.Absent, ChangerStatut, Droit.PlanifierRendezVous, "RDV-01"),
            new(StatutRendezVous.Planifie, StatutRendezVous.Annule, ChangerStatut, Droit.PlanifierRendezVous, "RDV-01"),
        ]);
}
