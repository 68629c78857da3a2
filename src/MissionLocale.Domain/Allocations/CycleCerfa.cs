using MissionLocale.Domain.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Domain.Allocations;

/// <summary>CERFA-03 and CERFA-05: the life of a CERFA, which travels to the ASP with the requests of its dispositif.</summary>
public static class CycleCerfa
{
    public const string Regenerer = "GenererCerfa";
    public const string AttacherScan = "AttacherScanCerfa";
    public const string Renvoyer = "RenvoyerCerfa";
    public const string Valider = "ValiderCerfa";
    public const string Envoyer = "EnvoyerLot";
    public const string RetourAsp = "ImporterRetourAsp";

    public static Workflow<EtatCerfa> Table { get; } = new(
        "Ce CERFA", "CERFA-03", EtatCerfa.Generee,
        new Dictionary<EtatCerfa, string>
        {
            [EtatCerfa.Generee] = "Générée",
            [EtatCerfa.Signee] = "Signée",
            [EtatCerfa.ValideeSiege] = "Validée siège",
            [EtatCerfa.EnvoyeeAsp] = "Envoyée ASP",
            [EtatCerfa.ValideeAsp] = "Validée ASP",
            [EtatCerfa.RefuseeAsp] = "Refusée ASP",
        },
        [
            new(EtatCerfa.Generee, EtatCerfa.Generee, Regenerer, Droit.GererDispositifs, "CERFA-03"),
            new(EtatCerfa.Generee, EtatCerfa.Signee, AttacherScan, Droit.GererDispositifs, "CERFA-03"),
            new(EtatCerfa.Signee, EtatCerfa.Signee, AttacherScan, Droit.GererDispositifs, "CERFA-03"),
            new(EtatCerfa.Signee, EtatCerfa.Generee, Renvoyer, Droit.ValiderAllocations, "CERFA-05"),
            new(EtatCerfa.Signee, EtatCerfa.ValideeSiege, Valider, Droit.ValiderAllocations, "CERFA-03"),
            new(EtatCerfa.ValideeSiege, EtatCerfa.EnvoyeeAsp, Envoyer, Droit.ValiderAllocations, "ALLOC-11"),
            new(EtatCerfa.EnvoyeeAsp, EtatCerfa.ValideeAsp, RetourAsp, Droit.ValiderAllocations, "ALLOC-11"),
            new(EtatCerfa.EnvoyeeAsp, EtatCerfa.RefuseeAsp, RetourAsp, Droit.ValiderAllocations, "ALLOC-11"),
        ]);

    /// <summary>
    /// ALLOC-11: what the ASP's answer to one request does to its CERFA: an acceptance or payment of any request validates
    /// it; a refusal refuses it only for the first allocation (the one sent with the CERFA); other answers leave it.
    /// </summary>
    public static EtatCerfa? ApresRetour(EtatDemande reponse, bool premiere) => reponse switch
    {
        EtatDemande.AccepteeAsp or EtatDemande.VerseeAsp => EtatCerfa.ValideeAsp,
        EtatDemande.RefuseeAsp when premiere => EtatCerfa.RefuseeAsp,
        _ => null,
    };

    /// <summary>CERFA-03: the states of a CERFA the siège validated (it carries its validator).</summary>
    public static IReadOnlyList<EtatCerfa> ValideesSiege { get; } = Table.Atteignables(EtatCerfa.ValideeSiege);

    public static string Libelle(EtatCerfa e) => Table.Libelle(e);
}
