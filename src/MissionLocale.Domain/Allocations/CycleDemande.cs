using MissionLocale.Domain.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Domain.Allocations;

/// <summary>
/// ALLOC-02: the life of an allocation request. A modification (ALLOC-07) is a new request created Soumise that replaces
/// the answered one, which keeps its state; a request before the batch can be deleted (not a state: it is gone).
/// </summary>
public static class CycleDemande
{
    public const string Soumettre = "SoumettreDemande";
    public const string Valider = "ValiderDemande";
    public const string ValiderAvecCerfa = "ValiderCerfa";
    public const string Envoyer = "EnvoyerLot";
    public const string RetourAsp = "ImporterRetourAsp";

    public static Workflow<EtatDemande> Table { get; } = new(
        "Cette demande", "ALLOC-02", EtatDemande.Enregistree,
        new Dictionary<EtatDemande, string>
        {
            [EtatDemande.Enregistree] = "Enregistrée",
            [EtatDemande.Soumise] = "Soumise",
            [EtatDemande.Validee] = "Validée siège",
            [EtatDemande.EnvoyeeAsp] = "Envoyée ASP",
            [EtatDemande.AccepteeAsp] = "Acceptée ASP",
            [EtatDemande.VerseeAsp] = "Versée ASP",
            [EtatDemande.RefuseeAsp] = "Refusée ASP",
        },
        [
            new(EtatDemande.Enregistree, EtatDemande.Soumise, Soumettre, Droit.GererDispositifs, "ALLOC-02"),
            new(EtatDemande.Enregistree, EtatDemande.Validee, ValiderAvecCerfa, Droit.ValiderAllocations, "ALLOC-03"),
            new(EtatDemande.Soumise, EtatDemande.Validee, Valider, Droit.ValiderAllocations, "ALLOC-02"),
            new(EtatDemande.Validee, EtatDemande.EnvoyeeAsp, Envoyer, Droit.ValiderAllocations, "ALLOC-11"),
            new(EtatDemande.EnvoyeeAsp, EtatDemande.AccepteeAsp, RetourAsp, Droit.ValiderAllocations, "ALLOC-11"),
            new(EtatDemande.EnvoyeeAsp, EtatDemande.VerseeAsp, RetourAsp, Droit.ValiderAllocations, "ALLOC-11"),
            new(EtatDemande.EnvoyeeAsp, EtatDemande.RefuseeAsp, RetourAsp, Droit.ValiderAllocations, "ALLOC-11"),
            new(EtatDemande.AccepteeAsp, EtatDemande.VerseeAsp, RetourAsp, Droit.ValiderAllocations, "ALLOC-11"),
            new(EtatDemande.AccepteeAsp, EtatDemande.RefuseeAsp, RetourAsp, Droit.ValiderAllocations, "ALLOC-11"),
        ]);

    /// <summary>ALLOC-02: the states before the ASP, where a request can still be deleted.</summary>
    public static IReadOnlyList<EtatDemande> AvantEnvoi { get; } = Table.Avant(EtatDemande.EnvoyeeAsp);

    /// <summary>ALLOC-04: the states before the siège's validation.</summary>
    public static IReadOnlyList<EtatDemande> AvantValidation { get; } = Table.Avant(EtatDemande.Validee);

    /// <summary>CEJ-06: the states of a request that went to the ASP.</summary>
    public static IReadOnlyList<EtatDemande> EnvoyeesAsp { get; } = Table.Atteignables(EtatDemande.EnvoyeeAsp);

    /// <summary>ALLOC-07: the ASP's answers, after which a sent request may be modified.</summary>
    public static IReadOnlyList<EtatDemande> Repondues { get; } = Table.Cibles(RetourAsp);

    /// <summary>The siège's work in progress: every state not yet answered by the ASP.</summary>
    public static IReadOnlyList<EtatDemande> EnCours { get; } = Table.Etats.Except(Repondues).ToList();

    public static string Libelle(EtatDemande e) => Table.Libelle(e);
}
