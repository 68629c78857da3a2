using MissionLocale.Domain.Common;
using MissionLocale.Domain.Dispositifs;

namespace MissionLocale.Domain.Allocations;

/// <summary>
/// What a new allocation request needs, gathered by the handler: the dispositif, the month asked, today, and what
/// exists in the dossier (a request for the month, bank details, a CERFA, the resources of M-1).
/// </summary>
public sealed record FaitsDemandeAllocation(
    string TypeCode,
    DateOnly DebutDispositif,
    DateOnly FinDispositif,
    DateOnly Mois,
    DateOnly Aujourdhui,
    NatureDemande Nature,
    bool DemandeDuMoisExistante,
    bool CoordonneesBancaires,
    bool CerfaGenere,
    bool RessourcesDeclarees);

/// <summary>
/// The allocation rules the handlers apply to the facts they gathered (ALLOC-01, 06, 08, 11, 12, 13, CEJ-05, CERFA-01,
/// CERFA-03, RIB-05, DIAG-02). Each refusal carries its rule ID and says, in French, what to do.
/// </summary>
public static class ReglesAllocation
{
    /// <summary>ALLOC-01 (DIAG-02 for a diagnostic): allocations belong to the types that carry them.</summary>
    public static void VerifierTypeAvecAllocation(string typeCode)
    {
        if (!PolitiqueDispositif.Pour(typeCode).AAllocation)
        {
            // DISP-05: a diagnostic's refusal cites its own rule (DIAG-02: no allocation), the others the general ALLOC-01.
            throw typeCode == CodeDispositif.Diag
                ? new BusinessRuleException("DIAG-02", "Un diagnostic approfondi n'ouvre pas droit à une allocation : la demande se fait sur le PACEA ou le CEJ qui le suit.", "DispositifId")
                : new BusinessRuleException("ALLOC-01", "Les allocations se demandent pour un PACEA ou un CEJ.", "DispositifId");
        }
    }

    /// <summary>ALLOC-01, 06, 08, CEJ-05, CERFA-03: a request for this month may be created, in this order of checks.</summary>
    public static void VerifierCreation(FaitsDemandeAllocation f)
    {
        var mois = f.Mois;
        var moisCourant = new DateOnly(f.Aujourdhui.Year, f.Aujourdhui.Month, 1);
        if (mois > moisCourant)
        {
            throw new BusinessRuleException("ALLOC-08", "L'allocation d'un mois se demande pendant ce mois, une fois connues les ressources du mois précédent.", "Mois");
        }

        // ALLOC-06: a CEJ's request is made within its month; a past month only as a "versement hors délai" by a manager.
        if (f.Nature == NatureDemande.HorsDelai && (f.TypeCode != CodeDispositif.Cej || mois >= moisCourant))
        {
            throw new BusinessRuleException("ALLOC-06", "Le versement hors délai concerne un mois passé d'un CEJ : pour le mois en cours, faites une demande normale.", "Mois");
        }

        if (f.TypeCode == CodeDispositif.Cej && mois < moisCourant && f.Nature != NatureDemande.HorsDelai)
        {
            throw new BusinessRuleException("ALLOC-06", $"Le mois de {mois:MM/yyyy} est passé : l'allocation CEJ se demande dans le mois. Un responsable habilité peut faire un versement hors délai.", "Mois");
        }

        if (mois.AddMonths(1) <= f.DebutDispositif || mois > f.FinDispositif)
        {
            throw new BusinessRuleException("ALLOC-01", $"Le {f.TypeCode} ne couvre pas {mois:MM/yyyy} (du {f.DebutDispositif:dd/MM/yyyy} au {f.FinDispositif:dd/MM/yyyy}).", "Mois");
        }

        if (f.DemandeDuMoisExistante)
        {
            throw new BusinessRuleException("ALLOC-01", $"Une demande existe déjà pour {mois:MM/yyyy} : modifiez-la ou supprimez-la plutôt que d'en créer une autre.", "Mois");
        }

        // CEJ-05 / RIB-01: no payment without bank details; CERFA-03: the request belongs to the dispositif's CERFA.
        if (!f.CoordonneesBancaires)
        {
            throw new BusinessRuleException("CEJ-05", "Enregistrez d'abord les coordonnées bancaires du jeune.", "DispositifId");
        }

        if (!f.CerfaGenere)
        {
            throw new BusinessRuleException("CERFA-03", "Générez d'abord le CERFA du dispositif : les allocations s'y rattachent.", "DispositifId");
        }

        // ALLOC-08: the resources of M-1 decide the allocation of M.
        if (!f.RessourcesDeclarees)
        {
            throw new BusinessRuleException("ALLOC-08", $"Déclarez d'abord les ressources de {mois.AddMonths(-1):MM/yyyy} (le mois précédent) : elles déterminent l'allocation.", "Mois");
        }
    }

    /// <summary>ALLOC-02: a request sent to the ASP is not deleted.</summary>
    public static void VerifierSuppression(DemandeAllocation demande)
    {
        if (!demande.Supprimable)
        {
            throw new BusinessRuleException("ALLOC-02", $"Cette demande est {DemandeAllocation.LibelleEtat(demande.Etat)} : une demande envoyée à l'ASP ne se supprime plus ; modifiez-la une fois la réponse de l'ASP reçue (ALLOC-07).");
        }
    }

    /// <summary>ALLOC-08: a modification is recomputed from the resources of M-1, which must still be declared.</summary>
    public static decimal RessourcesPourModifier(decimal? ressources, DateOnly moisRessources) =>
        ressources ?? throw new BusinessRuleException("ALLOC-08", $"Les ressources de {moisRessources:MM/yyyy} ne sont plus déclarées : déclarez-les avant de modifier.");

    /// <summary>CERFA-01: a CERFA is generated for an open PACEA or CEJ.</summary>
    public static void VerifierGenerationCerfa(string typeCode, bool ouvert)
    {
        if (!PolitiqueDispositif.Pour(typeCode).AAllocation)
        {
            throw new BusinessRuleException("CERFA-01", "Le CERFA concerne un PACEA ou un CEJ.");
        }

        if (!ouvert)
        {
            throw new BusinessRuleException("CERFA-01", "Ce dispositif est clôturé : on ne génère plus son CERFA.");
        }
    }

    /// <summary>CEJ-05: no CERFA without bank details (its annex).</summary>
    public static CoordonneesBancaires CoordonneesPourCerfa(CoordonneesBancaires? compte) =>
        compte ?? throw new BusinessRuleException("CEJ-05", "Enregistrez d'abord les coordonnées bancaires du jeune (onglet Allocations) : elles forment l'annexe du CERFA.");

    /// <summary>RIB-05: under tutelle or curatelle the full title must fit the CERFA of the type.</summary>
    public static void VerifierIntituleCerfa(CoordonneesBancaires compte, int longueur, string typeCode)
    {
        if (compte.Protection != MesureProtection.Aucune && compte.Titulaire.Length > longueur)
        {
            throw new BusinessRuleException("RIB-05", $"L'intitulé du compte ({compte.Titulaire.Length} caractères) dépasse les {longueur} caractères du CERFA {typeCode} : enregistrez l'intitulé abrégé tel que la banque l'accepte.");
        }
    }

    /// <summary>CERFA-03: the signed scan is a document of the dossier, other than the generated CERFA.</summary>
    public static void VerifierScan(bool documentDuDossierAutreQueLeCerfa)
    {
        if (!documentDuDossierAutreQueLeCerfa)
        {
            throw new BusinessRuleException("CERFA-03", "Le scan signé est un document de ce dossier (déposez-le dans l'onglet Documents), autre que le CERFA généré.", "DocumentId");
        }
    }

    /// <summary>ALLOC-08: the supporting documents are documents of this dossier.</summary>
    public static void VerifierJustificatifs(int demandes, int duDossier)
    {
        if (demandes > 0 && duDossier != demandes)
        {
            throw new BusinessRuleException("ALLOC-08", "Les justificatifs sont des documents de ce dossier : déposez-les dans l'onglet Documents.", "Justificatifs");
        }
    }

    /// <summary>RIB-05: the court decision is a document of this dossier.</summary>
    public static void VerifierJugement(bool documentDuDossier)
    {
        if (!documentDuDossier)
        {
            throw new BusinessRuleException("RIB-05", "Le jugement doit être un document de ce dossier : déposez-le dans l'onglet Documents.", "JugementDocumentId");
        }
    }

    /// <summary>ALLOC-11: a batch groups the requests of one type that carries allocations.</summary>
    public static void VerifierTypeLot(string? typeCode)
    {
        if (!PolitiqueDispositif.Pour(typeCode).AAllocation)
        {
            throw new BusinessRuleException("ALLOC-11", "Un lot regroupe des demandes CEJ ou des demandes PACEA.", "TypeCode");
        }
    }

    /// <summary>ALLOC-11: a confirmed batch sends at least one request (another validator may have sent it first).</summary>
    public static void VerifierDemandesEnvoyees(int nombre)
    {
        if (nombre == 0)
        {
            throw new BusinessRuleException("ALLOC-11", "Ce lot ne contient plus de demande à envoyer (envoyé par un autre validateur ou demandes supprimées) : rechargez la page.");
        }
    }

    /// <summary>ALLOC-11: only a sent batch has a file.</summary>
    public static byte[] FichierDuLot(byte[]? fichier) =>
        fichier ?? throw new BusinessRuleException("ALLOC-11", "Ce lot n'est pas encore envoyé : il n'a pas de fichier.");

    /// <summary>ALLOC-12: a barème must be in force for the month.</summary>
    public static T BaremeEnVigueur<T>(T? valeur, string typeCode, DateOnly mois)
        where T : class =>
        valeur ?? throw new BusinessRuleException("ALLOC-12", $"Aucun barème {typeCode} n'est en vigueur pour {mois:MM/yyyy} : un administrateur doit le saisir dans les référentiels.");

    /// <summary>ALLOC-13: only a validator with an active RGS delegation validates and sends.</summary>
    public static void VerifierDelegationActive(bool validateurSiegeAvecDelegation)
    {
        if (!validateurSiegeAvecDelegation)
        {
            throw new BusinessRuleException("ALLOC-13", "Vous n'avez pas de délégation de certificat RGS active aujourd'hui : demandez-la à un administrateur (Référentiels, Délégations RGS).");
        }
    }

    /// <summary>ALLOC-13: a delegation goes to an active validateur siège of the structure.</summary>
    public static void VerifierDelegataire(bool validateurSiegeActif)
    {
        if (!validateurSiegeActif)
        {
            throw new BusinessRuleException("ALLOC-13", "La délégation RGS s'accorde à un utilisateur actif de profil Validateur siège de cette Mission Locale.", "UtilisateurId");
        }
    }
}
