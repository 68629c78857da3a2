using MissionLocale.Domain.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Domain.Insertion;

/// <summary>CER-01 / EP-02: the type d'accompagnement of an RSA beneficiary (the last two only as read from the département's orientation).</summary>
public enum TypeAccompagnement
{
    Inconnu = 0,
    Professionnel = 1,
    Social = 2,
    SocioProfessionnel = 3,
    Orientation = 4,
}

/// <summary>CER-02: the five types of contrat d'engagement réciproque.</summary>
public enum TypeCer
{
    PremierContrat = 1,
    Renouvellement = 2,
    Avenant = 3,
    RepriseVersement = 4,
    ReouvertureDroit = 5,
}

/// <summary>The RSA référent's lists (alerts and search criterion): what the contracts of a beneficiary call for.</summary>
public enum ListeCer
{
    /// <summary>CER-07: the validated CER ends within a month and no successor is being prepared.</summary>
    ARenouvelerDansLeMois = 1,

    /// <summary>CER-01: in parcours d'insertion, no validated CER covers today.</summary>
    SansCerEnVigueur = 2,

    /// <summary>CER-06: submitted, waiting for the département.</summary>
    EnValidation = 3,

    /// <summary>CER-06: refused by the département, not yet taken up.</summary>
    Refuse = 4,
}

/// <summary>CER-04: Vide → En saisie → Signé → En validation → Validé | Refusé; Clôturé when renewed.</summary>
public enum EtatCer
{
    Vide = 1,
    EnSaisie = 2,
    Signe = 3,
    EnValidation = 4,
    Valide = 5,
    Refuse = 6,
    Cloture = 7,
}

/// <summary>CER-04, CER-06, CER-07: the one place that says which state of a CER may follow which.</summary>
public static class CycleCer
{
    // Each action is the request that performs the step (ValiderCer validates or submits; an avenant validated closes the amended CER).
    public const string Saisir = "SaisirCer";
    public const string Signer = "SignerCer";
    public const string Valider = "ValiderCer";
    public const string Decider = "DeciderCer";
    public const string Renouveler = "RenouvelerCer";
    public const string Reprendre = "ReprendreCer";

    public static Workflow<EtatCer> Table { get; } = new(
        "Ce contrat", "CER-04", EtatCer.Vide,
        new Dictionary<EtatCer, string>
        {
            [EtatCer.Vide] = "Vide",
            [EtatCer.EnSaisie] = "En saisie",
            [EtatCer.Signe] = "Signé",
            [EtatCer.EnValidation] = "En validation",
            [EtatCer.Valide] = "Validé",
            [EtatCer.Refuse] = "Refusé",
            [EtatCer.Cloture] = "Clôturé",
        },
        [
            new(EtatCer.Vide, EtatCer.EnSaisie, Saisir, Droit.GererRsa, "CER-04"),
            new(EtatCer.EnSaisie, EtatCer.EnSaisie, Saisir, Droit.GererRsa, "CER-04"),
            new(EtatCer.EnSaisie, EtatCer.Signe, Signer, Droit.GererRsa, "CER-06"),
            new(EtatCer.Signe, EtatCer.Valide, Valider, Droit.GererRsa, "CER-06"),
            new(EtatCer.Signe, EtatCer.EnValidation, Valider, Droit.GererRsa, "CER-06"),
            new(EtatCer.EnValidation, EtatCer.Valide, Decider, Droit.ValiderRsa, "CER-06"),
            new(EtatCer.EnValidation, EtatCer.Refuse, Decider, Droit.ValiderRsa, "CER-06"),
            new(EtatCer.Valide, EtatCer.Cloture, Renouveler, Droit.GererRsa, "CER-07"),
            new(EtatCer.Valide, EtatCer.Cloture, Valider, Droit.GererRsa, "CER-07"),
            new(EtatCer.Valide, EtatCer.Cloture, Decider, Droit.ValiderRsa, "CER-07"),
            new(EtatCer.Refuse, EtatCer.Cloture, Reprendre, Droit.GererRsa, "CER-07"),
        ]);

    /// <summary>The states of a CER still being prepared (one at a time per parcours).</summary>
    public static readonly EtatCer[] EnPreparation = [EtatCer.Vide, EtatCer.EnSaisie, EtatCer.Signe, EtatCer.EnValidation];

    public static string Libelle(TypeCer type) => type switch
    {
        TypeCer.PremierContrat => "RSA 1er contrat",
        TypeCer.Renouvellement => "RSA renouvellement",
        TypeCer.Avenant => "RSA avenant",
        TypeCer.RepriseVersement => "RSA reprise versement",
        TypeCer.ReouvertureDroit => "RSA réouverture droit",
        _ => type.ToString(),
    };
}

/// <summary>CER-05: what the beneficiary and the référent write together, each field at most 1000 characters.</summary>
public sealed record ContenuCer(string? Perspectives, string? Atouts, string? Defis, string? Observation, string? Engagements, string? RythmeRencontres)
{
    public const int LongueurMax = 1000;

    public IEnumerable<(string Champ, string? Valeur)> Champs =>
        [(nameof(Perspectives), Perspectives), (nameof(Atouts), Atouts), (nameof(Defis), Defis), (nameof(Observation), Observation), (nameof(Engagements), Engagements), (nameof(RythmeRencontres), RythmeRencontres)];
}

/// <summary>
/// CER-05: an action d'insertion of the nomenclature, with its start and échéance (6 months later by default), and
/// optionally the service proposed on a session of the catalogue (its id and what the contract prints of it).
/// </summary>
public sealed record ActionInsertion(string Code, string Libelle, DateOnly Debut, DateOnly Echeance, string Statut = "Initialisé", Guid? SessionId = null, string? Session = null);

/// <summary>
/// CER-01 to CER-08: the contrat d'engagement réciproque of an RSA beneficiary; its states follow <see cref="CycleCer"/>.
/// Once signed nothing of it changes (the database refuses it too); the validated one is kept as a PDF whose SHA-256
/// the dossier's document holds.
/// </summary>
public sealed class Cer : Entity, IStructureOwned, IDossierPart, IVersionnee
{
    public static readonly int[] DureesProposees = [3, 6, 9, 12];

    /// <summary>CER-06: a drawn signature is a PNG image of at most this size.</summary>
    public const int TailleSignatureMax = 200_000;

    private static readonly byte[] EntetePng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private List<ActionInsertion> _actions = [];

    private Cer()
    {
    }

    public Cer(TypeCer type, DateOnly debut, int dureeMois, bool apresSanction = false)
    {
        BusinessRuleException.ThrowIfBroken(new Cer03Duree(dureeMois));
        Type = type;
        Debut = debut;
        DureeMois = dureeMois;
        FinPrevue = debut.AddMonths(dureeMois).AddDays(-1);
        ApresSanction = apresSanction;
        Etat = EtatCer.Vide;

        // CER-02: these two types lock themselves and pre-tick the levée.
        LeveeSuspension = type == TypeCer.RepriseVersement;
        LeveeRadiation = type == TypeCer.ReouvertureDroit;
    }

    public Guid StructureId { get; private set; }

    public Guid JeuneId { get; private set; }

    public Guid? ParcoursId { get; private set; }

    public int Version { get; private set; }

    public TypeCer Type { get; private set; }

    public EtatCer Etat { get; private set; }

    public DateOnly Debut { get; private set; }

    public int DureeMois { get; private set; }

    /// <summary>CER-03: the planned end, computed (stored for the référent's lists): the day before the same date <see cref="DureeMois"/> months later.</summary>
    public DateOnly FinPrevue { get; private set; }

    public bool LeveeSuspension { get; private set; }

    public bool LeveeRadiation { get; private set; }

    /// <summary>CER-06: an avenant after a sanction is submitted for validation.</summary>
    public bool ApresSanction { get; private set; }

    /// <summary>CER-07: the CER this avenant amends (closed when the avenant is validated).</summary>
    public Guid? AmendeId { get; private set; }

    public string? Perspectives { get; private set; }

    public string? Atouts { get; private set; }

    public string? Defis { get; private set; }

    public string? Observation { get; private set; }

    public string? Engagements { get; private set; }

    public string? RythmeRencontres { get; private set; }

    public ContenuCer Contenu
    {
        get => new(Perspectives, Atouts, Defis, Observation, Engagements, RythmeRencontres);
        private set => (Perspectives, Atouts, Defis, Observation, Engagements, RythmeRencontres) = (value.Perspectives, value.Atouts, value.Defis, value.Observation, value.Engagements, value.RythmeRencontres);
    }

    public IReadOnlyList<ActionInsertion> Actions => _actions;

    public DateOnly? SigneBeneficiaireLe { get; private set; }

    public DateOnly? SigneReferentLe { get; private set; }

    /// <summary>CER-06: the signatures drawn on screen (PNG), beneficiary then référent.</summary>
    public byte[]? SignatureBeneficiaire { get; private set; }

    public byte[]? SignatureReferent { get; private set; }

    /// <summary>CER-06: « signé sur papier »: the scanned copy signed by both, in the dossier's documents.</summary>
    public Guid? ScanSignePapierId { get; private set; }

    public Guid? ReferentSignataireId { get; private set; }

    /// <summary>CER-08: the PDF of the validated CER in the dossier's documents (never replaced).</summary>
    public Guid? DocumentId { get; private set; }

    public DateOnly? DecideLe { get; private set; }

    public Guid? DecidePar { get; private set; }

    public DateOnly? ClotureLe { get; private set; }

    public string? MotifRefus { get; private set; }

    /// <summary>CER-01: the empty « RSA 1er contrat » of a new parcours d'insertion.</summary>
    internal static Cer PremierContrat(ParcoursInsertion p) => new(TypeCer.PremierContrat, p.DateDebut, 6) { StructureId = p.StructureId, JeuneId = p.JeuneId, ParcoursId = p.Id };

    internal static Cer Nouveau(ParcoursInsertion p, TypeCer type, DateOnly debut, int dureeMois) => new(type, debut, dureeMois) { StructureId = p.StructureId, JeuneId = p.JeuneId, ParcoursId = p.Id };

    /// <summary>CER-02: the type is locked for a reprise de versement or a réouverture de droit.</summary>
    public bool TypeVerrouille => Type is TypeCer.RepriseVersement or TypeCer.ReouvertureDroit;

    /// <summary>CER-06: reprise versement, réouverture droit and an avenant after a sanction go to the département's validator.</summary>
    public bool ValidationRequise => TypeVerrouille || (Type == TypeCer.Avenant && ApresSanction);

    /// <summary>CER-08: a CER in force on a day: validated and covering it.</summary>
    public bool EnVigueur(DateOnly jour) => Etat == EtatCer.Valide && Debut <= jour && jour <= FinPrevue;

    /// <summary>
    /// CER-02 to CER-05: the type (unless locked), start, duration and content, while not signed; each field at most
    /// 1000 characters.
    /// </summary>
    public void Saisir(ContenuCer contenu, IEnumerable<ActionInsertion> actions, TypeCer? type = null, DateOnly? debut = null, int? dureeMois = null)
    {
        BusinessRuleException.ThrowIfBroken(new Cer04NonModifiable(Etat));
        var etat = CycleCer.Table.Verifier(Etat, EtatCer.EnSaisie, CycleCer.Saisir).Vers;
        BusinessRuleException.ThrowIfBroken(new Cer05Longueurs(contenu));
        var duree = dureeMois ?? DureeMois;
        BusinessRuleException.ThrowIfBroken(new Cer03Duree(duree));
        if (type is { } t && t != Type)
        {
            if (TypeVerrouille || t is TypeCer.RepriseVersement or TypeCer.ReouvertureDroit || !Enum.IsDefined(t))
            {
                throw new BusinessRuleException("CER-02", "Le type de ce contrat est verrouillé : une reprise de versement ou une réouverture de droit se crée comme telle, et garde son type.", "Type");
            }

            Type = t;
        }

        Debut = debut ?? Debut;
        DureeMois = duree;
        FinPrevue = Debut.AddMonths(duree).AddDays(-1);
        Contenu = contenu;
        _actions = [.. actions];
        Etat = etat;
        Version++;
    }

    /// <summary>CER-05: an action d'insertion's échéance defaults to 6 months after its start.</summary>
    public static ActionInsertion Action(string code, string libelle, DateOnly debut, DateOnly? echeance = null, Guid? sessionId = null, string? session = null) =>
        new(code, libelle, debut, echeance ?? debut.AddMonths(6), SessionId: sessionId, Session: session);

    /// <summary>CER-06: the beneficiary signs first (drawn on screen), once the contract is written.</summary>
    public void SignerBeneficiaire(DateOnly le, byte[]? image = null)
    {
        if (Etat != EtatCer.EnSaisie)
        {
            throw new BusinessRuleException("CER-06", "Le contrat se signe une fois rédigé : saisissez son contenu d'abord.", "Signature");
        }

        if (image is not null)
        {
            VerifierImage(image);
        }

        SigneBeneficiaireLe = le;
        SignatureBeneficiaire = image;
        Version++;
    }

    /// <summary>CER-06: then the référent; both signed: « Signé ».</summary>
    public void SignerReferent(DateOnly le, byte[]? image = null, Guid? referentId = null)
    {
        if (Etat != EtatCer.EnSaisie || SigneBeneficiaireLe is null)
        {
            throw new BusinessRuleException("CER-06", "Le bénéficiaire signe en premier, puis le référent.", "Signature");
        }

        if (image is not null)
        {
            VerifierImage(image);
        }

        Etat = CycleCer.Table.Verifier(Etat, EtatCer.Signe, CycleCer.Signer).Vers;
        SigneReferentLe = le;
        SignatureReferent = image;
        ReferentSignataireId = referentId;
        Version++;
    }

    /// <summary>CER-06: the keyboard alternative: signed by both on paper, the scanned copy kept in the dossier.</summary>
    public void SignerSurPapier(DateOnly le, Guid scanDocumentId, Guid referentId)
    {
        Etat = CycleCer.Table.Verifier(Etat, EtatCer.Signe, CycleCer.Signer, "Le contrat se signe une fois rédigé, et une seule fois.", "Signature").Vers;
        SigneBeneficiaireLe = SigneReferentLe = le;
        SignatureBeneficiaire = SignatureReferent = null;
        ScanSignePapierId = scanDocumentId;
        ReferentSignataireId = referentId;
        Version++;
    }

    /// <summary>CER-06: « Valider » by the référent, unless the type asks for the département's validation.</summary>
    public void Valider(DateOnly le)
    {
        var etat = CycleCer.Table.Verifier(Etat, EtatCer.Valide, CycleCer.Valider, "Seul un contrat signé par les deux parties se valide.", "Etat").Vers;
        if (ValidationRequise)
        {
            throw new BusinessRuleException("CER-06", "Ce contrat (reprise de versement, réouverture de droit ou avenant après sanction) est soumis à la validation du département : soumettez-le.", "Etat");
        }

        Etat = etat;
        DecideLe = le;
        Version++;
    }

    /// <summary>CER-06: submitted to the département's validator.</summary>
    public void Soumettre()
    {
        Etat = CycleCer.Table.Verifier(Etat, EtatCer.EnValidation, CycleCer.Valider, "Seul un contrat signé par les deux parties se soumet à validation.", "Etat").Vers;
        Version++;
    }

    /// <summary>CER-06: the département's validator validates or refuses with a motive.</summary>
    public void Decider(bool valide, string? motif, DateOnly le, Guid validateur)
    {
        var etat = CycleCer.Table.Verifier(Etat, valide ? EtatCer.Valide : EtatCer.Refuse, CycleCer.Decider, "Ce contrat n'attend pas de validation.", "Etat").Vers;
        if (!valide && string.IsNullOrWhiteSpace(motif))
        {
            throw new BusinessRuleException("CER-06", "Le motif du refus est obligatoire : le référent doit savoir quoi revoir avec le bénéficiaire.", "Motif");
        }

        Etat = etat;
        MotifRefus = valide ? null : motif!.Trim();
        DecideLe = le;
        DecidePar = validateur;
        Version++;
    }

    /// <summary>CER-08: the validated CER's PDF, attached once.</summary>
    public void Archiver(Guid documentId)
    {
        if (Etat != EtatCer.Valide || DocumentId is not null)
        {
            throw new BusinessRuleException("CER-08", "Seul un contrat validé est archivé en PDF, une seule fois.", "Etat");
        }

        DocumentId = documentId;
        Version++;
    }

    /// <summary>CER-07: renewal closes this CER on the date and starts the next one, empty.</summary>
    public Cer Renouveler(DateOnly le, int dureeMois)
    {
        if (Etat != EtatCer.Valide)
        {
            throw new BusinessRuleException("CER-07", "Seul le contrat validé en vigueur se renouvelle.", "Etat");
        }

        BusinessRuleException.ThrowIfBroken(new Cer03Duree(dureeMois));
        Cloturer(le, CycleCer.Renouveler, "Seul le contrat validé en vigueur se renouvelle.");
        return new Cer(TypeCer.Renouvellement, le.AddDays(1), dureeMois) { StructureId = StructureId, JeuneId = JeuneId, ParcoursId = ParcoursId };
    }

    /// <summary>CER-07: a refused CER is closed and taken up again: same type and dates, its content and actions copied, to correct.</summary>
    public Cer Reprendre(DateOnly le)
    {
        // The table lets only a refused CER be taken up (Refusé → Clôturé by ReprendreCer, CER-07).
        Cloturer(le, CycleCer.Reprendre, "Seul un contrat refusé se reprend.");
        var suite = new Cer(Type, Debut, DureeMois, ApresSanction) { StructureId = StructureId, JeuneId = JeuneId, ParcoursId = ParcoursId, AmendeId = AmendeId };
        suite.Saisir(Contenu, _actions);
        return suite;
    }

    /// <summary>CER-07: an avenant copies the details and actions of the CER it amends; that one closes when the avenant is validated.</summary>
    public Cer Avenant(DateOnly debut, int dureeMois, bool apresSanction)
    {
        if (Etat != EtatCer.Valide)
        {
            throw new BusinessRuleException("CER-07", "Un avenant modifie un contrat validé.", "Etat");
        }

        if (debut < Debut)
        {
            throw new BusinessRuleException("CER-07", $"L'avenant commence au plus tôt le {Debut:dd/MM/yyyy}, début du contrat qu'il modifie.", "Debut");
        }

        var avenant = new Cer(TypeCer.Avenant, debut, dureeMois, apresSanction) { StructureId = StructureId, JeuneId = JeuneId, ParcoursId = ParcoursId, AmendeId = Id };
        avenant.Saisir(Contenu, _actions);
        return avenant;
    }

    /// <summary>CER-07: the amended CER closes the day before its validated avenant starts.</summary>
    public void CloturerParAvenant(Cer avenant)
    {
        if (avenant.AmendeId != Id || avenant.Etat != EtatCer.Valide)
        {
            throw new BusinessRuleException("CER-07", "Seul un avenant validé clôt le contrat qu'il modifie.", "Etat");
        }

        Cloturer(avenant.Debut.AddDays(-1) < Debut ? Debut : avenant.Debut.AddDays(-1), avenant.DecidePar is null ? CycleCer.Valider : CycleCer.Decider, "Ce contrat n'est plus en vigueur.");
    }

    private void Cloturer(DateOnly le, string action, string refus)
    {
        Etat = CycleCer.Table.Verifier(Etat, EtatCer.Cloture, action, refus, "Etat").Vers;
        ClotureLe = le;
        Version++;
    }

    private static void VerifierImage(byte[] image)
    {
        if (image.Length is 0 or > TailleSignatureMax || !image.AsSpan().StartsWith(EntetePng))
        {
            throw new BusinessRuleException("CER-06", "La signature dessinée n'a pas pu être lue : signez à nouveau dans le cadre, ou choisissez « signé sur papier ».", "Signature");
        }
    }
}

/// <summary>CER-03: 3, 6, 9, 12 or another number of months (1 to 24).</summary>
public sealed class Cer03Duree(int dureeMois) : BusinessRule
{
    public override string Id => "CER-03";

    public override string Champ => "DureeMois";

    public override string Message => "La durée du contrat est de 3, 6, 9 ou 12 mois, ou d'un autre nombre de mois entre 1 et 24.";

    public override bool IsBroken() => dureeMois is < 1 or > 24;
}

/// <summary>CER-04: nothing is editable once signed.</summary>
public sealed class Cer04NonModifiable(EtatCer etat) : BusinessRule
{
    public override string Id => "CER-04";

    public override string Message => "Ce contrat est signé : il ne se modifie plus. Pour le changer, faites un avenant une fois validé.";

    public override bool IsBroken() => etat is not (EtatCer.Vide or EtatCer.EnSaisie);
}

/// <summary>CER-05: each content field at most 1000 characters, all said at once.</summary>
public sealed class Cer05Longueurs(ContenuCer contenu) : BusinessRule
{
    public override string Id => "CER-05";

    public override string Champ => contenu.Champs.FirstOrDefault(c => (c.Valeur?.Length ?? 0) > ContenuCer.LongueurMax).Champ;

    public override string Message => $"Chaque rubrique du contrat compte au plus {ContenuCer.LongueurMax} caractères : raccourcissez {string.Join(", ", contenu.Champs.Where(c => (c.Valeur?.Length ?? 0) > ContenuCer.LongueurMax).Select(c => Libelles.Champ(c.Champ)))}.";

    public override bool IsBroken() => contenu.Champs.Any(c => (c.Valeur?.Length ?? 0) > ContenuCer.LongueurMax);
}

/// <summary>CER-05: the actions d'insertion come from the nomenclature (reference data), each ending on or after its start.</summary>
public sealed class Cer05ActionsDeLaNomenclature(IReadOnlyList<(string Code, DateOnly Debut, DateOnly? Echeance)> actions, IReadOnlyCollection<string> nomenclature) : BusinessRule
{
    public override string Id => "CER-05";

    public override string Champ => "Actions";

    public override string Message => actions.FirstOrDefault(a => !nomenclature.Contains(a.Code.Trim())) is { Code: not null } inconnue
        ? $"L'action « {inconnue.Code} » n'est pas dans la nomenclature des actions d'insertion : choisissez-la dans la liste."
        : "L'échéance d'une action d'insertion suit son début : corrigez la date d'échéance.";

    public override bool IsBroken() => actions.Any(a => !nomenclature.Contains(a.Code.Trim()) || a.Echeance < a.Debut);
}

/// <summary>CER-05: the service proposed with an action is a session of the structure's catalogue.</summary>
public sealed class Cer05SessionDuCatalogue(IReadOnlyCollection<Guid> proposees, IReadOnlyCollection<Guid> connues) : BusinessRule
{
    public override string Id => "CER-05";

    public override string Champ => "Actions";

    public override string Message => "La session proposée n'est pas dans le catalogue de votre Mission Locale : choisissez-en une dans la liste.";

    public override bool IsBroken() => proposees.Any(p => !connues.Contains(p));
}
