using MissionLocale.Domain.Common;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Domain.Cotraitance;

/// <summary>PPAE-01 / PPAE-02: where an assignment of France Travail is in the gestionnaire's work.</summary>
public enum EtatAffectation
{
    AAccepter = 1,
    Refusee = 2,
    ARapprocher = 3,
    AAffecter = 4,
    AttentePlanification = 5,
    EnAttenteEntretien = 6,
    PriseEnCharge = 7,
    Close = 8,
}

/// <summary>PPAE-01: how the dossier of an assignment was found; PPAE-07 cancels only a rapprochement.</summary>
public enum MarqueDude
{
    /// <summary>A partial dossier created from the assignment (« Importé DUDE »).</summary>
    ImporteDude = 1,

    /// <summary>An existing dossier the gestionnaire attached (« Rapproché DUDE »).</summary>
    RapprocheDude = 2,
}

/// <summary>
/// PPAE-01, PPAE-02, PPAE-07: the gestionnaire's work on an assignment, one transition table. The PPAE's own life
/// (PPAE-03 to PPAE-05) is <see cref="CyclePpae"/>; its start and end move the assignment here too.
/// </summary>
public static class CycleAffectation
{
    public const string Accepter = "AccepterAffectations";
    public const string Refuser = "RefuserAffectation";
    public const string Rapprocher = "RapprocherAffectation";
    public const string AnnulerRapprochement = "AnnulerRapprochement";
    public const string Reparer = "ReparerRapprochement";
    public const string Affecter = "AffecterAffectations";
    public const string Planifier = "PlanifierRendezVous";
    public const string Initialiser = "InitialiserPpae";
    public const string Arreter = "ArreterPpae";
    public const string Terminer = "TerminerPpae";

    public static Workflow<EtatAffectation> Table { get; } = new(
        "Cette affectation France Travail", "PPAE-01", EtatAffectation.AAccepter,
        new Dictionary<EtatAffectation, string>
        {
            [EtatAffectation.AAccepter] = "À accepter",
            [EtatAffectation.Refusee] = "Refusée",
            [EtatAffectation.ARapprocher] = "À rapprocher d'un dossier",
            [EtatAffectation.AAffecter] = "À affecter à un conseiller",
            [EtatAffectation.AttentePlanification] = "Attente planification de rendez-vous",
            [EtatAffectation.EnAttenteEntretien] = "En attente d'entretien",
            [EtatAffectation.PriseEnCharge] = "PPAE en cours",
            [EtatAffectation.Close] = "Close",
        },
        [
            new(EtatAffectation.AAccepter, EtatAffectation.Refusee, Refuser, Droit.GererCotraitance, "PPAE-01"),
            new(EtatAffectation.AAccepter, EtatAffectation.AAffecter, Accepter, Droit.GererCotraitance, "PPAE-01"),
            new(EtatAffectation.AAccepter, EtatAffectation.ARapprocher, Accepter, Droit.GererCotraitance, "PPAE-01"),
            new(EtatAffectation.ARapprocher, EtatAffectation.AAffecter, Rapprocher, Droit.GererCotraitance, "PPAE-01"),
            new(EtatAffectation.AAffecter, EtatAffectation.ARapprocher, AnnulerRapprochement, Droit.GererCotraitance, "PPAE-07"),
            new(EtatAffectation.AAffecter, EtatAffectation.AAffecter, Reparer, Droit.GererCotraitance, "PPAE-07"),
            new(EtatAffectation.AttentePlanification, EtatAffectation.AttentePlanification, Reparer, Droit.GererCotraitance, "PPAE-07"),
            new(EtatAffectation.EnAttenteEntretien, EtatAffectation.EnAttenteEntretien, Reparer, Droit.GererCotraitance, "PPAE-07"),
            new(EtatAffectation.AAffecter, EtatAffectation.AttentePlanification, Affecter, Droit.GererCotraitance, "PPAE-02"),
            new(EtatAffectation.AttentePlanification, EtatAffectation.AttentePlanification, Affecter, Droit.GererCotraitance, "PPAE-02"),
            new(EtatAffectation.EnAttenteEntretien, EtatAffectation.EnAttenteEntretien, Affecter, Droit.GererCotraitance, "PPAE-02"),
            new(EtatAffectation.AttentePlanification, EtatAffectation.EnAttenteEntretien, Planifier, Droit.PlanifierRendezVous, "PPAE-02"),
            new(EtatAffectation.AAffecter, EtatAffectation.PriseEnCharge, Initialiser, Droit.GererDispositifs, "PPAE-03"),
            new(EtatAffectation.AttentePlanification, EtatAffectation.PriseEnCharge, Initialiser, Droit.GererDispositifs, "PPAE-03"),
            new(EtatAffectation.EnAttenteEntretien, EtatAffectation.PriseEnCharge, Initialiser, Droit.GererDispositifs, "PPAE-03"),
            new(EtatAffectation.AAffecter, EtatAffectation.Close, Arreter, Droit.GererDispositifs, "PPAE-04"),
            new(EtatAffectation.AttentePlanification, EtatAffectation.Close, Arreter, Droit.GererDispositifs, "PPAE-04"),
            new(EtatAffectation.EnAttenteEntretien, EtatAffectation.Close, Arreter, Droit.GererDispositifs, "PPAE-04"),
            new(EtatAffectation.PriseEnCharge, EtatAffectation.Close, Terminer, Droit.GererDispositifs, "PPAE-05"),
        ]);

    /// <summary>The states an assignment is still being worked on (the three lists show them).</summary>
    public static IReadOnlyList<EtatAffectation> EnCours { get; } =
        [EtatAffectation.ARapprocher, EtatAffectation.AAffecter, EtatAffectation.AttentePlanification, EtatAffectation.EnAttenteEntretien];
}

/// <summary>
/// PPAE-01: one assignment of a jeune by France Travail, imported from the DUDE (docs/ppae-exchange.md): waits to be
/// accepted or refused, then is matched to a dossier (three lists) and assigned to a conseiller (PPAE-02).
/// </summary>
public sealed class AffectationFt : Entity, IStructureOwned, IVersionnee
{
    private AffectationFt()
    {
        IdentifiantFt = Nom = Prenom = CommuneInsee = string.Empty;
        Candidats = [];
    }

    public Guid StructureId { get; private set; }

    public string IdentifiantFt { get; private set; }

    public Civilite Civilite { get; private set; }

    public Nationalite Nationalite { get; private set; }

    public string Nom { get; private set; }

    public string Prenom { get; private set; }

    public DateOnly DateNaissance { get; private set; }

    public string CommuneInsee { get; private set; }

    public DateOnly DateAffectation { get; private set; }

    /// <summary>PPAE-03: the PPAE's entry may not precede the last entretien already in the DUDE.</summary>
    public DateOnly? DernierEntretienDude { get; private set; }

    public DateTimeOffset ImporteeLe { get; private set; }

    public string Fichier { get; private set; } = string.Empty;

    public EtatAffectation Etat { get; private set; }

    public MotifRefusAffectation? MotifRefus { get; private set; }

    public ListeCotraitance? Liste { get; private set; }

    /// <summary>PPAE-01: the dossiers the assignment may be about (homonyms: the gestionnaire chooses).</summary>
    public List<Guid> Candidats { get; private set; }

    /// <summary>The dossier the assignment is about, once known.</summary>
    public Guid? JeuneId { get; private set; }

    public MarqueDude? Marque { get; private set; }

    /// <summary>The conseiller the gestionnaire assigned (PPAE-02).</summary>
    public Guid? ConseillerId { get; private set; }

    public DateTimeOffset? DecideeLe { get; private set; }

    public Guid? DecideePar { get; private set; }

    public int Version { get; private set; }

    /// <summary>PPAE-01: the mark shown on the dossier and in the lists.</summary>
    public static string? Libelle(MarqueDude? marque) => marque switch
    {
        MarqueDude.ImporteDude => "Importé DUDE",
        MarqueDude.RapprocheDude => "Rapproché DUDE",
        _ => null,
    };

    public static AffectationFt Importer(Guid structureId, string identifiantFt, Civilite civilite, Nationalite nationalite, string nom, string prenom, DateOnly naissance,
        string commune, DateOnly dateAffectation, DateOnly? dernierEntretien, string fichier, DateTimeOffset le) => new()
        {
            StructureId = structureId,
            IdentifiantFt = identifiantFt,
            Civilite = civilite,
            Nationalite = nationalite,
            Nom = nom,
            Prenom = prenom,
            DateNaissance = naissance,
            CommuneInsee = commune,
            DateAffectation = dateAffectation,
            DernierEntretienDude = dernierEntretien,
            Fichier = fichier,
            ImporteeLe = le,
            Etat = EtatAffectation.AAccepter,
        };

    /// <summary>PPAE-01: the motives to refuse, from the assignment's facts.</summary>
    public IReadOnlyList<MotifRefusAffectation> MotifsDeRefus(IReadOnlySet<string> territoire, int ageLimite) =>
        Affectations.MotifsDeRefus(DateNaissance, DateAffectation, CommuneInsee, territoire, ageLimite);

    /// <summary>PPAE-01: refused with a motive that applies.</summary>
    public void Refuser(MotifRefusAffectation? motif, IReadOnlySet<string> territoire, int ageLimite, Guid par, DateTimeOffset le)
    {
        BusinessRuleException.ThrowIfBroken(new Ppae01MotifRefus(motif, MotifsDeRefus(territoire, ageLimite)));
        Etat = CycleAffectation.Table.Verifier(Etat, EtatAffectation.Refusee, CycleAffectation.Refuser).Vers;
        MotifRefus = motif;
        Decider(par, le);
    }

    /// <summary>PPAE-01: accepted (no motive to refuse) and matched: a partial dossier created, or dossiers to choose from.</summary>
    public void Accepter(IReadOnlySet<string> territoire, int ageLimite, Rapprochement rapprochement, Guid? dossierCree, Guid par, DateTimeOffset le)
    {
        BusinessRuleException.ThrowIfBroken(new Ppae01Acceptable(MotifsDeRefus(territoire, ageLimite)));
        Liste = rapprochement.Liste;
        if (rapprochement.Liste == ListeCotraitance.DeNonConnus)
        {
            Etat = CycleAffectation.Table.Verifier(Etat, EtatAffectation.AAffecter, CycleAffectation.Accepter).Vers;
            JeuneId = dossierCree ?? throw new ArgumentNullException(nameof(dossierCree));
            Marque = MarqueDude.ImporteDude;
        }
        else
        {
            Etat = CycleAffectation.Table.Verifier(Etat, EtatAffectation.ARapprocher, CycleAffectation.Accepter).Vers;
            Candidats = [.. rapprochement.Dossiers];
        }

        Decider(par, le);
    }

    /// <summary>PPAE-01: the gestionnaire attaches one of the proposed dossiers (« Rapproché DUDE »).</summary>
    public void Rapprocher(Guid jeuneId, Guid par, DateTimeOffset le)
    {
        if (Etat == EtatAffectation.ARapprocher && !Candidats.Contains(jeuneId))
        {
            throw new BusinessRuleException("PPAE-01", "Ce dossier n'est pas parmi ceux que le rapprochement propose : choisissez l'un d'eux, ou réparez le rapprochement une fois fait.", "JeuneId");
        }

        Etat = CycleAffectation.Table.Verifier(Etat, EtatAffectation.AAffecter, CycleAffectation.Rapprocher).Vers;
        JeuneId = jeuneId;
        Marque = MarqueDude.RapprocheDude;
        Decider(par, le);
    }

    /// <summary>PPAE-07: a rapprochement can be cancelled; a partial dossier created from the assignment cannot (repair it instead).</summary>
    public Guid AnnulerRapprochement(Guid par, DateTimeOffset le)
    {
        BusinessRuleException.ThrowIfBroken(new Ppae07Annulable(Marque));
        var ancien = JeuneId!.Value;
        Etat = CycleAffectation.Table.Verifier(Etat, EtatAffectation.ARapprocher, CycleAffectation.AnnulerRapprochement).Vers;
        if (!Candidats.Contains(ancien))
        {
            Candidats.Add(ancien);
        }

        JeuneId = null;
        Marque = null;
        ConseillerId = null;
        Decider(par, le);
        return ancien;
    }

    /// <summary>PPAE-07: the assignment moves from the wrong dossier A to the right dossier B (A is deleted by the caller).</summary>
    public void Reparer(Guid dossierB, Guid par, DateTimeOffset le)
    {
        if (Marque != MarqueDude.ImporteDude)
        {
            throw new BusinessRuleException("PPAE-07", "Seul un dossier créé par l'import (« Importé DUDE ») se répare ainsi : pour un dossier rapproché, annulez le rapprochement puis choisissez le bon dossier.", "DossierB");
        }

        if (dossierB == JeuneId)
        {
            throw new BusinessRuleException("PPAE-07", "Choisissez un autre dossier que celui de l'affectation.", "DossierB");
        }

        Etat = CycleAffectation.Table.Verifier(Etat, Etat, CycleAffectation.Reparer, "Le rapprochement ne se répare plus une fois le PPAE commencé ou clos.").Vers;
        JeuneId = dossierB;
        Marque = MarqueDude.RapprocheDude;
        Liste = ListeCotraitance.RapprochementsPossibles;
        Decider(par, le);
    }

    /// <summary>PPAE-07: the dossier A a repair starts from.</summary>
    public Guid DossierAReparer() =>
        JeuneId ?? throw new BusinessRuleException("PPAE-07", "Cette affectation n'a pas encore de dossier : rapprochez-la d'abord.", "DossierB");

    /// <summary>PPAE-02: the gestionnaire assigns each to a conseiller (« Attente planification de rendez-vous », then « En attente d'entretien » once a rendez-vous is set); in bulk, all or none, each refusal said at once.</summary>
    public static void AffecterTout(IReadOnlyList<AffectationFt> affectations, Guid conseillerId, Guid par, DateTimeOffset le)
    {
        var refus = affectations.Where(a => !CycleAffectation.Table.Permet(a.Etat, CycleAffectation.Affecter))
            .Select(a => $"{a.Nom} {a.Prenom} est « {CycleAffectation.Table.Libelle(a.Etat)} » : une affectation se confie à un conseiller une fois son dossier connu et tant que le PPAE n'a pas commencé.")
            .ToList();
        if (refus.Count > 0)
        {
            throw new BusinessRuleException("PPAE-02", string.Join(" ", refus), "Affectations");
        }

        foreach (var a in affectations)
        {
            a.Affecter(conseillerId, par, le);
        }
    }

    /// <summary>PPAE-02: assigned (or reassigned) to a conseiller.</summary>
    public void Affecter(Guid conseillerId, Guid par, DateTimeOffset le)
    {
        Etat = CycleAffectation.Table.Verifier(Etat, Etat == EtatAffectation.AAffecter ? EtatAffectation.AttentePlanification : Etat, CycleAffectation.Affecter,
            $"Cette affectation est « {CycleAffectation.Table.Libelle(Etat)} » : elle s'affecte à un conseiller une fois son dossier connu et tant que le PPAE n'a pas commencé.").Vers;
        ConseillerId = conseillerId;
        Decider(par, le);
    }

    /// <summary>PPAE-02: a rendez-vous is set: « En attente d'entretien ». Other states are left as they are.</summary>
    public bool RendezVousPlanifie()
    {
        if (!CycleAffectation.Table.Permet(Etat, CycleAffectation.Planifier))
        {
            return false;
        }

        Etat = CycleAffectation.Table.Appliquer(Etat, CycleAffectation.Planifier);
        Version++;
        return true;
    }

    /// <summary>PPAE-03, PPAE-04, PPAE-05: the PPAE started, was stopped or ended.</summary>
    public void Suivre(string action)
    {
        Etat = CycleAffectation.Table.Appliquer(Etat, action);
        Version++;
    }

    private void Decider(Guid par, DateTimeOffset le)
    {
        DecideePar = par;
        DecideeLe = le;
        Version++;
    }
}

/// <summary>PPAE-07: only a « Rapproché DUDE » match is cancelled; an « Importé DUDE » dossier was made for the assignment.</summary>
public sealed class Ppae07Annulable(MarqueDude? marque) : BusinessRule
{
    public override string Id => "PPAE-07";

    public override string Message => marque == MarqueDude.ImporteDude
        ? "Ce dossier a été créé par l'import (« Importé DUDE ») : le rapprochement ne s'annule pas. S'il s'agit d'un autre jeune déjà connu, réparez le rapprochement vers le bon dossier."
        : "Cette affectation n'est rapprochée d'aucun dossier.";

    public override bool IsBroken() => marque != MarqueDude.RapprocheDude;
}

/// <summary>PPAE-07: the wrong dossier A is deleted only while none of its entretiens went to the DUDE.</summary>
public sealed class Ppae07AucunEntretienTransmis(int entretiensTransmis) : BusinessRule
{
    public override string Id => "PPAE-07";

    public override string Message => $"{Libelles.Nombre(entretiensTransmis, "entretien")} du dossier A {(entretiensTransmis > 1 ? "sont déjà partis" : "est déjà parti")} vers le DUDE : le dossier ne peut plus être supprimé. Demandez à France Travail de corriger l'affectation.";

    public override bool IsBroken() => entretiensTransmis > 0;
}
