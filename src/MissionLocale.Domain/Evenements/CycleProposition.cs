using MissionLocale.Domain.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Domain.Evenements;

/// <summary>
/// EVT-01: a proposition is proposée, then accepted or refused by the jeune, then realised or abandoned. A jeune who
/// changes their mind after a refusal accepts it later; a realised proposition is final.
/// </summary>
public static class CycleProposition
{
    public const string ChangerEtat = "ChangerEtatProposition";

    public static Workflow<EtatProposition> Table { get; } = new(
        "Cette proposition", "EVT-01", EtatProposition.Proposee,
        new Dictionary<EtatProposition, string>
        {
            [EtatProposition.Proposee] = "Proposée",
            [EtatProposition.Acceptee] = "Acceptée",
            [EtatProposition.Refusee] = "Refusée",
            [EtatProposition.Realisee] = "Réalisée",
            [EtatProposition.Abandonnee] = "Abandonnée",
        },
        [
            new(EtatProposition.Proposee, EtatProposition.Acceptee, ChangerEtat, Droit.EnregistrerEvenement, "EVT-01"),
            new(EtatProposition.Proposee, EtatProposition.Refusee, ChangerEtat, Droit.EnregistrerEvenement, "EVT-01"),
            new(EtatProposition.Proposee, EtatProposition.Realisee, ChangerEtat, Droit.EnregistrerEvenement, "EVT-01"),
            new(EtatProposition.Proposee, EtatProposition.Abandonnee, ChangerEtat, Droit.EnregistrerEvenement, "EVT-01"),
            new(EtatProposition.Acceptee, EtatProposition.Realisee, ChangerEtat, Droit.EnregistrerEvenement, "EVT-01"),
            new(EtatProposition.Acceptee, EtatProposition.Abandonnee, ChangerEtat, Droit.EnregistrerEvenement, "EVT-01"),
            new(EtatProposition.Refusee, EtatProposition.Acceptee, ChangerEtat, Droit.EnregistrerEvenement, "EVT-01"),
            new(EtatProposition.Abandonnee, EtatProposition.Acceptee, ChangerEtat, Droit.EnregistrerEvenement, "EVT-01"),
        ]);
}
