using MissionLocale.Domain.Common;

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

/// <summary>CER-05: what the beneficiary and the référent write together, each field at most 1000 characters.</summary>
public sealed record ContenuCer(string? Perspectives, string? Atouts, string? Defis, string? Observation, string? Engagements, string? RythmeRencontres)
{
    public const int LongueurMax = 1000;

    public IEnumerable<(string Champ, string? Valeur)> Champs =>
        [(nameof(Perspectives), Perspectives), (nameof(Atouts), Atouts), (nameof(Defis), Defis), (nameof(Observation), Observation), (nameof(Engagements), Engagements), (nameof(RythmeRencontres), RythmeRencontres)];
}

/// <summary>CER-05: an action d'insertion of the nomenclature, with its start and échéance (6 months later by default).</summary>
public sealed record ActionInsertion(string Code, string Libelle, DateOnly Debut, DateOnly Echeance, string Statut = "Initialisé");

/// <summary>
/// CER-01 to CER-07 (groundwork for issue 15, not yet used by any use case): the contrat d'engagement réciproque of an
/// RSA beneficiary, with its rules checked in memory. Persistence, signatures' images, validation by the
/// département and the PDF come with the use cases.
/// </summary>
public sealed class Cer : Entity, IStructureOwned, IDossierPart, IVersionnee
{
    public static readonly int[] DureesProposees = [3, 6, 9, 12];

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

    /// <summary>CER-03: the planned end, computed: the day before the same date <see cref="DureeMois"/> months later.</summary>
    public DateOnly FinPrevue => Debut.AddMonths(DureeMois).AddDays(-1);

    public bool LeveeSuspension { get; private set; }

    public bool LeveeRadiation { get; private set; }

    /// <summary>CER-06: an avenant after a sanction is submitted for validation.</summary>
    public bool ApresSanction { get; private set; }

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

    public DateOnly? ClotureLe { get; private set; }

    public string? MotifRefus { get; private set; }

    /// <summary>CER-01: the empty « RSA 1er contrat » of a new parcours d'insertion.</summary>
    internal static Cer PremierContrat(ParcoursInsertion p) => new(TypeCer.PremierContrat, p.DateDebut, 6) { StructureId = p.StructureId, JeuneId = p.JeuneId, ParcoursId = p.Id };

    /// <summary>CER-02: the type is locked for a reprise de versement or a réouverture de droit.</summary>
    public bool TypeVerrouille => Type is TypeCer.RepriseVersement or TypeCer.ReouvertureDroit;

    /// <summary>CER-06: reprise versement, réouverture droit and an avenant after a sanction go to the département's validator.</summary>
    public bool ValidationRequise => TypeVerrouille || (Type == TypeCer.Avenant && ApresSanction);

    /// <summary>CER-04 / CER-05: the content, while not signed; each field at most 1000 characters.</summary>
    public void Saisir(ContenuCer contenu, IEnumerable<ActionInsertion> actions)
    {
        BusinessRuleException.ThrowIfBroken(new Cer04NonModifiable(Etat));
        BusinessRuleException.ThrowIfBroken(new Cer05Longueurs(contenu));
        Contenu = contenu;
        _actions = [.. actions];
        Etat = EtatCer.EnSaisie;
        Version++;
    }

    /// <summary>CER-05: an action d'insertion's échéance defaults to 6 months after its start.</summary>
    public static ActionInsertion Action(string code, string libelle, DateOnly debut, DateOnly? echeance = null) => new(code, libelle, debut, echeance ?? debut.AddMonths(6));

    /// <summary>CER-06: the beneficiary signs first, then the référent; both signed: « Signé ».</summary>
    public void SignerBeneficiaire(DateOnly le)
    {
        if (Etat != EtatCer.EnSaisie)
        {
            throw new BusinessRuleException("CER-06", "Le contrat se signe une fois rédigé : saisissez son contenu d'abord.", "Signature");
        }

        SigneBeneficiaireLe = le;
        Version++;
    }

    public void SignerReferent(DateOnly le)
    {
        if (Etat != EtatCer.EnSaisie || SigneBeneficiaireLe is null)
        {
            throw new BusinessRuleException("CER-06", "Le bénéficiaire signe en premier, puis le référent.", "Signature");
        }

        SigneReferentLe = le;
        Etat = EtatCer.Signe;
        Version++;
    }

    /// <summary>CER-06: « Valider » by the référent, unless the type asks for the département's validation.</summary>
    public void Valider()
    {
        if (Etat != EtatCer.Signe)
        {
            throw new BusinessRuleException("CER-04", "Seul un contrat signé par les deux parties se valide.", "Etat");
        }

        if (ValidationRequise)
        {
            throw new BusinessRuleException("CER-06", "Ce contrat (reprise de versement, réouverture de droit ou avenant après sanction) est soumis à la validation du département : soumettez-le.", "Etat");
        }

        Etat = EtatCer.Valide;
        Version++;
    }

    /// <summary>CER-06: submitted to the département's validator.</summary>
    public void Soumettre()
    {
        if (Etat != EtatCer.Signe)
        {
            throw new BusinessRuleException("CER-04", "Seul un contrat signé par les deux parties se soumet à validation.", "Etat");
        }

        Etat = EtatCer.EnValidation;
        Version++;
    }

    /// <summary>CER-06: the département's validator validates or refuses with a motive.</summary>
    public void Decider(bool valide, string? motif)
    {
        if (Etat != EtatCer.EnValidation)
        {
            throw new BusinessRuleException("CER-04", "Ce contrat n'attend pas de validation.", "Etat");
        }

        if (!valide && string.IsNullOrWhiteSpace(motif))
        {
            throw new BusinessRuleException("CER-06", "Le motif du refus est obligatoire : le référent doit savoir quoi revoir avec le bénéficiaire.", "Motif");
        }

        Etat = valide ? EtatCer.Valide : EtatCer.Refuse;
        MotifRefus = valide ? null : motif!.Trim();
        Version++;
    }

    /// <summary>CER-07: renewal closes this CER on the date and starts the next one, empty.</summary>
    public Cer Renouveler(DateOnly le, int dureeMois)
    {
        if (Etat != EtatCer.Valide)
        {
            throw new BusinessRuleException("CER-07", "Seul le contrat validé en vigueur se renouvelle.", "Etat");
        }

        Etat = EtatCer.Cloture;
        ClotureLe = le;
        Version++;
        return new Cer(TypeCer.Renouvellement, le.AddDays(1), dureeMois) { StructureId = StructureId, JeuneId = JeuneId, ParcoursId = ParcoursId };
    }

    /// <summary>CER-07: an avenant copies the details and actions of the CER it amends.</summary>
    public Cer Avenant(DateOnly debut, int dureeMois, bool apresSanction)
    {
        if (Etat != EtatCer.Valide)
        {
            throw new BusinessRuleException("CER-07", "Un avenant modifie un contrat validé.", "Etat");
        }

        var avenant = new Cer(TypeCer.Avenant, debut, dureeMois, apresSanction) { Contenu = Contenu, StructureId = StructureId, JeuneId = JeuneId, ParcoursId = ParcoursId };
        avenant._actions.AddRange(_actions);
        return avenant;
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
