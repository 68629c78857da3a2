using MissionLocale.Domain.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Domain.Demenagements;

public enum EtatDemenagement
{
    Demandee = 1,
    Acceptee = 2,
    Refusee = 3,
    Annulee = 4,
}

/// <summary>DEM-02 (proposal, docs/demenagement-dossier.md): a request is answered by the Mission Locale holding the dossier, or withdrawn by the one asking.</summary>
public static class CycleDemenagement
{
    public const string Accepter = "AccepterDemenagement";
    public const string Refuser = "RefuserDemenagement";
    public const string Annuler = "AnnulerDemenagement";

    public static Workflow<EtatDemenagement> Table { get; } = new(
        "Cette demande de dossier", "DEM-02", EtatDemenagement.Demandee,
        new Dictionary<EtatDemenagement, string>
        {
            [EtatDemenagement.Demandee] = "Demandée",
            [EtatDemenagement.Acceptee] = "Acceptée",
            [EtatDemenagement.Refusee] = "Refusée",
            [EtatDemenagement.Annulee] = "Annulée",
        },
        [
            new(EtatDemenagement.Demandee, EtatDemenagement.Acceptee, Accepter, Droit.DemenagerDossiers, "DEM-03"),
            new(EtatDemenagement.Demandee, EtatDemenagement.Refusee, Refuser, Droit.DemenagerDossiers, "DEM-02"),
            new(EtatDemenagement.Demandee, EtatDemenagement.Annulee, Annuler, Droit.DemenagerDossiers, "DEM-02"),
        ]);
}

/// <summary>
/// DEM-01 to DEM-07 (proposal): a Mission Locale (the "demandeuse") asks another (the "cédante") for the dossier of a
/// jeune who moved. It belongs to both structures, so it is not filtered on one: every query names the side it reads.
/// </summary>
public sealed class DemandeDemenagement : Entity, IVersionnee
{
    private DemandeDemenagement()
    {
        Motif = DemandeePar = string.Empty;
    }

    public Guid JeuneId { get; private set; }

    public Guid StructureCedanteId { get; private set; }

    public Guid StructureDemandeuseId { get; private set; }

    public string Motif { get; private set; }

    /// <summary>DEM-01: the jeune agreed that the dossier follows them (recorded by the asking conseiller).</summary>
    public DateOnly AccordJeuneLe { get; private set; }

    /// <summary>DEM-04: the asking Mission Locale takes the open dispositifs over instead of their being closed.</summary>
    public bool ReprendreDispositifs { get; private set; }

    public Guid DemandeeParId { get; private set; }

    public string DemandeePar { get; private set; }

    public DateTimeOffset DemandeeLe { get; private set; }

    public EtatDemenagement Etat { get; private set; }

    public Guid? DecideeParId { get; private set; }

    public string? DecideePar { get; private set; }

    public DateTimeOffset? DecideeLe { get; private set; }

    public string? MotifRefus { get; private set; }

    public int Version { get; private set; }

    public static DemandeDemenagement Demander(Guid jeuneId, Guid cedante, Guid demandeuse, string motif, DateOnly accordJeuneLe, bool reprendre, Guid par, string login, DateTimeOffset le)
    {
        if (cedante == demandeuse)
        {
            throw new BusinessRuleException("DEM-01", "Ce dossier est déjà dans votre Mission Locale : ouvrez-le depuis la recherche.");
        }

        return new DemandeDemenagement
        {
            JeuneId = jeuneId,
            StructureCedanteId = cedante,
            StructureDemandeuseId = demandeuse,
            Motif = motif.Trim(),
            AccordJeuneLe = accordJeuneLe,
            ReprendreDispositifs = reprendre,
            DemandeeParId = par,
            DemandeePar = login,
            DemandeeLe = le,
            Etat = EtatDemenagement.Demandee,
        };
    }

    /// <summary>DEM-02/03: only the holding Mission Locale answers; only the asking one withdraws.</summary>
    public void Decider(string action, Guid structureCourante, Guid par, string login, DateTimeOffset le, string? motifRefus = null)
    {
        var cote = action == CycleDemenagement.Annuler ? StructureDemandeuseId : StructureCedanteId;
        if (structureCourante != cote)
        {
            throw new BusinessRuleException("DEM-02", action == CycleDemenagement.Annuler
                ? "Seule la Mission Locale qui a demandé le dossier peut retirer sa demande."
                : "Seule la Mission Locale qui détient le dossier accepte ou refuse sa demande.");
        }

        if (action == CycleDemenagement.Refuser && string.IsNullOrWhiteSpace(motifRefus))
        {
            throw new BusinessRuleException("DEM-02", "Le motif du refus est obligatoire : la Mission Locale qui demande doit savoir pourquoi (par exemple : le jeune habite toujours notre territoire).", "MotifRefus");
        }

        Etat = CycleDemenagement.Table.Appliquer(Etat, action);
        DecideeParId = par;
        DecideePar = login;
        DecideeLe = le;
        MotifRefus = action == CycleDemenagement.Refuser ? motifRefus!.Trim() : null;
        Version++;
    }
}

/// <summary>The move rules applied to the facts the use cases gathered.</summary>
public static class ReglesDemenagement
{
    /// <summary>DEM-07: one pending request per dossier.</summary>
    public static void VerifierAucuneEnCours(bool enCours)
    {
        if (enCours)
        {
            throw new BusinessRuleException("DEM-07", "Une demande est déjà en cours pour ce dossier : attendez la réponse de la Mission Locale qui le détient.");
        }
    }

    /// <summary>DEM-07: allocation requests not answered yet keep the dossier where it is (the accounting of a payment stays whole).</summary>
    public static void VerifierAllocationsReglees(int enCours)
    {
        if (enCours > 0)
        {
            throw new BusinessRuleException("DEM-07", $"{Libelles.Nombre(enCours, "demande d'allocation", "demandes d'allocation")} de ce dossier {(enCours > 1 ? "ne sont pas réglées" : "n'est pas réglée")} (en saisie, à valider ou envoyée à l'ASP sans retour) : terminez-les ou annulez-les avant d'accepter.");
        }
    }

    /// <summary>DEM-04: an open dispositif not taken over is closed with its type's « Déménagement » motive; without one, it is closed by hand first.</summary>
    public static void VerifierMotifDemenagement(bool motifExiste, string type)
    {
        if (!motifExiste)
        {
            throw new BusinessRuleException("DEM-04", $"Le dispositif {type} ouvert n'a pas de motif de sortie « Déménagement » : clôturez-le avec un motif de sa liste avant d'accepter, ou la Mission Locale qui demande le dossier le reprend.");
        }
    }
}
