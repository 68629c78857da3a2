using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Allocations;

/// <summary>CERFA-03: the life of a CERFA.</summary>
public enum EtatCerfa
{
    Generee = 1,
    Signee = 2,
    ValideeSiege = 3,
    EnvoyeeAsp = 4,
    ValideeAsp = 5,
    RefuseeAsp = 6,
}

/// <summary>
/// The CERFA of a PACEA or a CEJ (CERFA-01): the PDF generated is a document of the dossier, the signed scan another.
/// It travels to the ASP with the requests of its dispositif (ALLOC-11) and takes the ASP's answer.
/// </summary>
public sealed class Cerfa : Entity, IStructureOwned, IDossierPart, IVersionnee
{
    private Cerfa()
    {
        TypeCode = string.Empty;
    }

    public Cerfa(Guid structureId, Guid jeuneId, Guid dispositifId, string typeCode, int numero, Guid documentId, Guid generePar, DateTimeOffset genereLe)
    {
        StructureId = structureId;
        JeuneId = jeuneId;
        DispositifId = dispositifId;
        TypeCode = typeCode;
        Numero = numero;
        DocumentId = documentId;
        GenerePar = generePar;
        GenereLe = genereLe;
        Etat = EtatCerfa.Generee;
    }

    public Guid StructureId { get; private set; }

    public Guid JeuneId { get; private set; }

    public Guid DispositifId { get; private set; }

    public string TypeCode { get; private set; }

    /// <summary>CERFA-02: 0 at the entry, 1 for a later phase, 2 for the renewal.</summary>
    public int Numero { get; private set; }

    public EtatCerfa Etat { get; private set; }

    public Guid DocumentId { get; private set; }

    public Guid? ScanDocumentId { get; private set; }

    public Guid GenerePar { get; private set; }

    public DateTimeOffset GenereLe { get; private set; }

    public Guid? ValidePar { get; private set; }

    public DateTimeOffset? ValideLe { get; private set; }

    public string? MotifAsp { get; private set; }

    /// <summary>CERFA-05: why the siège sent the signed CERFA back (shown to the conseiller until a new scan is attached).</summary>
    public string? MotifRenvoi { get; private set; }

    public DateTimeOffset? RenvoyeLe { get; private set; }

    public int Version { get; private set; }

    public const int LongueurMotifRenvoiMax = 300;

    public static string LibelleEtat(EtatCerfa e) => CycleCerfa.Libelle(e);

    /// <summary>
    /// CERFA-02: 0 for the first CERFA of the dispositif (a second PACEA is another dispositif and restarts at 0), 2 for
    /// the first CERFA after a renewal, 1 for any other later CERFA (a new phase).
    /// </summary>
    public static int Numeroter(IReadOnlyCollection<int> numerosExistants, bool renouvele) =>
        numerosExistants.Count == 0 ? 0 : renouvele && !numerosExistants.Contains(2) ? 2 : 1;

    /// <summary>A CERFA not yet signed is generated again (corrected data) under the same number.</summary>
    public void Regenerer(Guid documentId, Guid par, DateTimeOffset le)
    {
        CycleCerfa.Table.Verifier(Etat, EtatCerfa.Generee, CycleCerfa.Regenerer, $"Ce CERFA est {LibelleEtat(Etat)} : il ne se régénère plus.");

        (DocumentId, GenerePar, GenereLe) = (documentId, par, le);
        Version++;
    }

    /// <summary>CERFA-03: Générée → Signée when the signed scan is attached (a scan can be replaced until validation).</summary>
    public void AttacherScan(Guid documentId)
    {
        Etat = CycleCerfa.Table.Verifier(Etat, EtatCerfa.Signee, CycleCerfa.AttacherScan, $"Ce CERFA est {LibelleEtat(Etat)} : le scan signé ne se remplace plus.").Vers;
        ScanDocumentId = documentId;
        MotifRenvoi = null;
        Version++;
    }

    /// <summary>
    /// CERFA-05: the siège sends a signed CERFA back (scan illegible, signature missing, data differing from the dossier):
    /// Signée → Générée with the motive; the conseiller deposits a new scan. The history keeps each back-and-forth.
    /// </summary>
    public void Renvoyer(string motif, DateTimeOffset le)
    {
        Etat = CycleCerfa.Table.Verifier(Etat, EtatCerfa.Generee, CycleCerfa.Renvoyer, $"Ce CERFA est {LibelleEtat(Etat)} : seul un CERFA Signé, pas encore validé, se renvoie au conseiller.").Vers;
        ScanDocumentId = null;
        MotifRenvoi = motif.Trim();
        RenvoyeLe = le;
        Version++;
    }

    /// <summary>CERFA-03 and ALLOC-13: the siège validates a signed CERFA, never one the validator generated.</summary>
    public void Valider(Guid validateurId, DateTimeOffset le)
    {
        if (validateurId == GenerePar)
        {
            throw new BusinessRuleException("ALLOC-13", "Vous avez généré ce CERFA : un autre validateur doit le valider (séparation des tâches).");
        }

        Etat = CycleCerfa.Table.Verifier(Etat, EtatCerfa.ValideeSiege, CycleCerfa.Valider, Etat == EtatCerfa.Generee
            ? "Le CERFA n'est pas signé : le conseiller doit d'abord déposer le scan signé."
            : $"Ce CERFA est {LibelleEtat(Etat)} : seul un CERFA Signé se valide.").Vers;
        ValidePar = validateurId;
        ValideLe = le;
        Version++;
    }
}

/// <summary>
/// ALLOC-13: a validator's delegation of the structure's RGS certificate, granted by an administrator for dates.
/// </summary>
public sealed class DelegationRgs : Entity, IStructureOwned
{
    private DelegationRgs()
    {
        Certificat = string.Empty;
    }

    public DelegationRgs(Guid structureId, Guid utilisateurId, string certificat, DateOnly du, DateOnly au, Guid accordeePar, DateTimeOffset accordeeLe)
    {
        if (au < du)
        {
            throw new BusinessRuleException("ALLOC-13", "La fin de la délégation précède son début : corrigez les dates.", "Au");
        }

        StructureId = structureId;
        UtilisateurId = utilisateurId;
        Certificat = certificat;
        Du = du;
        Au = au;
        AccordeePar = accordeePar;
        AccordeeLe = accordeeLe;
    }

    public Guid StructureId { get; private set; }

    public Guid UtilisateurId { get; private set; }

    /// <summary>The RGS certificate delegated (its reference or serial number).</summary>
    public string Certificat { get; private set; }

    public DateOnly Du { get; private set; }

    public DateOnly Au { get; private set; }

    public Guid AccordeePar { get; private set; }

    public DateTimeOffset AccordeeLe { get; private set; }

    public DateOnly? RevoqueeLe { get; private set; }

    public bool Active(DateOnly jour) => Du <= jour && jour <= Au && (RevoqueeLe is null || jour < RevoqueeLe);

    public void Revoquer(DateOnly le) => RevoqueeLe ??= le;
}

/// <summary>ALLOC-11: the state of a batch: proposed (requests reserved), sent (file written), abandoned (released).</summary>
public enum EtatLot
{
    Propose = 1,
    Envoye = 2,
    Abandonne = 3,
}

/// <summary>ALLOC-11: a batch of validated requests of one dispositif type sent to the ASP as one file.</summary>
public sealed class LotAsp : Entity, IStructureOwned, IVersionnee
{
    private LotAsp()
    {
        TypeCode = string.Empty;
    }

    public LotAsp(Guid structureId, string typeCode, int numero, DateOnly dateLot, Guid? proposePar, DateTimeOffset proposeLe)
    {
        StructureId = structureId;
        TypeCode = typeCode;
        Numero = numero;
        DateLot = dateLot;
        ProposePar = proposePar;
        ProposeLe = proposeLe;
        Etat = EtatLot.Propose;
    }

    public Guid StructureId { get; private set; }

    public string TypeCode { get; private set; }

    /// <summary>Numbered per structure, for the file name.</summary>
    public int Numero { get; private set; }

    public DateOnly DateLot { get; private set; }

    public EtatLot Etat { get; private set; }

    /// <summary>Null when the scheduled job proposed it.</summary>
    public Guid? ProposePar { get; private set; }

    public DateTimeOffset ProposeLe { get; private set; }

    public Guid? EnvoyePar { get; private set; }

    public DateTimeOffset? EnvoyeLe { get; private set; }

    public int NombreDemandes { get; private set; }

    public decimal Total { get; private set; }

    public string? NomFichier { get; private set; }

    /// <summary>The file as sent, downloaded again byte for byte.</summary>
    public byte[]? Fichier { get; private set; }

    public int Version { get; private set; }

    public void Compter(int nombre, decimal total) => (NombreDemandes, Total) = (nombre, total);

    /// <summary>ALLOC-11: a validator confirms a proposed batch; the file is kept as sent.</summary>
    public void Envoyer(Guid par, DateTimeOffset le, string nomFichier, byte[] fichier, int nombre, decimal total)
    {
        var etat = CycleLot.Table.Verifier(Etat, EtatLot.Envoye, CycleLot.Envoyer, RefusEnvoi(Etat)).Vers;
        (Etat, EnvoyePar, EnvoyeLe, NomFichier, Fichier, NombreDemandes, Total) = (etat, par, le, nomFichier, fichier, nombre, total);
        Version++;
    }

    /// <summary>ALLOC-11: only a proposed batch is sent.</summary>
    public void VerifierEnvoyable() => CycleLot.Table.Verifier(Etat, EtatLot.Envoye, CycleLot.Envoyer, RefusEnvoi(Etat));

    /// <summary>ALLOC-11: why a batch is not sent again.</summary>
    public static string RefusEnvoi(EtatLot etat) => etat == EtatLot.Envoye ? "Ce lot est déjà envoyé : téléchargez à nouveau son fichier." : "Ce lot est abandonné : préparez un nouveau lot.";

    public void Abandonner()
    {
        Etat = CycleLot.Table.Verifier(Etat, EtatLot.Abandonne, CycleLot.Abandonner, "Seul un lot proposé s'abandonne : un lot envoyé est parti à l'ASP.").Vers;
        Version++;
    }
}

/// <summary>ALLOC-11: an ASP return file imported (kept for the record; a second import of the same file changes nothing).</summary>
public sealed class ImportRetourAsp : Entity, IStructureOwned
{
    private ImportRetourAsp()
    {
        NomFichier = Empreinte = string.Empty;
    }

    public ImportRetourAsp(Guid structureId, string nomFichier, string empreinte, int lignes, int appliquees, int dejaAppliquees, Guid par, DateTimeOffset le)
    {
        StructureId = structureId;
        NomFichier = nomFichier;
        Empreinte = empreinte;
        Lignes = lignes;
        Appliquees = appliquees;
        DejaAppliquees = dejaAppliquees;
        ImportePar = par;
        ImporteLe = le;
    }

    public Guid StructureId { get; private set; }

    public string NomFichier { get; private set; }

    /// <summary>SHA-256 of the file, to show that the same file came again.</summary>
    public string Empreinte { get; private set; }

    public int Lignes { get; private set; }

    public int Appliquees { get; private set; }

    public int DejaAppliquees { get; private set; }

    public Guid ImportePar { get; private set; }

    public DateTimeOffset ImporteLe { get; private set; }
}

/// <summary>CERFA-04: the numbers a request to the ASP carries.</summary>
public static class NumerosAsp
{
    /// <summary>The dispositif number known to the ASP: type, year of entry and the random end of its id (stable, unique).</summary>
    public static string Dispositif(string typeCode, DateOnly debut, Guid id) => $"{typeCode}-{debut.Year}-{id.ToString("N")[^10..].ToUpperInvariant()}";

    /// <summary>The CERFA's reference: the dispositif number and the CERFA-02 number.</summary>
    public static string Cerfa(string numeroDispositif, int numero) => $"{numeroDispositif}/{numero}";
}
