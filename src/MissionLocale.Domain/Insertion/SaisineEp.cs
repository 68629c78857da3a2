using MissionLocale.Domain.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Domain.Insertion;

/// <summary>EP-01: why the référent refers the beneficiary to the équipe pluridisciplinaire.</summary>
public enum MotifSaisine
{
    AbsenceCer = 1,
    AbsenceRenouvellementCer = 2,
    CessationInscriptionFranceTravail = 3,
    NonRespectCer = 4,
    PasActualisationPpae = 5,
    PasDePpae = 6,
    RadiationFranceTravail = 7,
    Reorientation = 8,
}

/// <summary>EP-03: À valider → Inscrit en EP → Commission EP réalisée | Refusée.</summary>
public enum EtatSaisine
{
    AValider = 1,
    InscritEnEp = 2,
    CommissionRealisee = 3,
    Refusee = 4,
}

/// <summary>EP-03 / EP-04: the one place that says which state of a saisine may follow which.</summary>
public static class CycleSaisine
{
    // Each action is the request that performs the step: the département's decisions are one request (DeciderSaisine).
    public const string Commenter = "CommenterSaisine";
    public const string Decider = "DeciderSaisine";

    public static Workflow<EtatSaisine> Table { get; } = new(
        "Cette saisine", "EP-03", EtatSaisine.AValider,
        new Dictionary<EtatSaisine, string>
        {
            [EtatSaisine.AValider] = "À valider",
            [EtatSaisine.InscritEnEp] = "Inscrit en EP",
            [EtatSaisine.CommissionRealisee] = "Commission EP réalisée",
            [EtatSaisine.Refusee] = "Refusée",
        },
        [
            new(EtatSaisine.AValider, EtatSaisine.AValider, Commenter, Droit.GererRsa, "EP-04"),
            new(EtatSaisine.InscritEnEp, EtatSaisine.InscritEnEp, Commenter, Droit.GererRsa, "EP-04"),
            new(EtatSaisine.AValider, EtatSaisine.InscritEnEp, Decider, Droit.ValiderRsa, "EP-03"),
            new(EtatSaisine.AValider, EtatSaisine.Refusee, Decider, Droit.ValiderRsa, "EP-03"),
            new(EtatSaisine.InscritEnEp, EtatSaisine.CommissionRealisee, Decider, Droit.ValiderRsa, "EP-03"),
            new(EtatSaisine.CommissionRealisee, EtatSaisine.CommissionRealisee, Decider, Droit.ValiderRsa, "EP-05"),
        ]);

    /// <summary>EP-06: an absence at the first rendez-vous of a contract's elaboration (F) or renewal (H) proposes this saisine.</summary>
    public static MotifSaisine? ProposeeApresAbsence(RendezVous.NatureRendezVous nature) => nature switch
    {
        RendezVous.NatureRendezVous.RsaElaborationPremierContrat1 => MotifSaisine.AbsenceCer,
        RendezVous.NatureRendezVous.RsaRenouvellement1 => MotifSaisine.AbsenceRenouvellementCer,
        _ => null,
    };
}

/// <summary>
/// EP-01 to EP-05: a saisine of the équipe pluridisciplinaire with its proposed decision, its committee and its
/// outcome; its states follow <see cref="CycleSaisine"/>.
/// </summary>
public sealed class SaisineEp : Entity, IStructureOwned, IDossierPart, IVersionnee
{
    public const string ReductionNiveau1 = "Réduction niveau 1";

    public const int LongueurCommentaireMax = 2000;

    public const int LongueurStructureMax = 200;

    private SaisineEp()
    {
        DecisionProposee = string.Empty;
    }

    public SaisineEp(MotifSaisine motif, TypeAccompagnement? typeCible, string? structureCible, string? commentaireInsertion, IEnumerable<SaisineEp> autres)
    {
        if (!Enum.IsDefined(motif))
        {
            throw new BusinessRuleException("EP-01", "Choisissez le motif de la saisine dans la liste.", "Motif");
        }

        BusinessRuleException.ThrowIfBroken(new Ep02DecisionProposee(motif, typeCible, structureCible));
        BusinessRuleException.ThrowIfBroken(new Ep05PasDeReorientationSousSanction(motif, autres));
        Motif = motif;
        TypeCible = motif == MotifSaisine.Reorientation ? typeCible : null;
        StructureCible = motif == MotifSaisine.Reorientation ? structureCible?.Trim() : null;
        DecisionProposee = motif == MotifSaisine.Reorientation ? $"Réorientation {Libelles.De(typeCible!.Value).ToLowerInvariant()}" : ReductionNiveau1;
        CommentaireInsertion = Nettoyer(commentaireInsertion);
        Etat = EtatSaisine.AValider;
    }

    /// <summary>The saisine of a beneficiary of this structure.</summary>
    public static SaisineEp Creer(Guid structureId, Guid jeuneId, bool parcoursOuvert, MotifSaisine motif, TypeAccompagnement? typeCible, string? structureCible, string? commentaire, IEnumerable<SaisineEp> autres, DateOnly le, Guid par)
    {
        if (!parcoursOuvert)
        {
            throw new BusinessRuleException("EP-01", "Une saisine de l'équipe pluridisciplinaire concerne un bénéficiaire du RSA suivi en parcours d'insertion : ouvrez d'abord son parcours.", "Motif");
        }

        return new(motif, typeCible, structureCible, commentaire, autres) { StructureId = structureId, JeuneId = jeuneId, CreeLe = le, CreePar = par };
    }

    public Guid StructureId { get; private set; }

    public Guid JeuneId { get; private set; }

    public int Version { get; private set; }

    public DateOnly CreeLe { get; private set; }

    public Guid CreePar { get; private set; }

    public MotifSaisine Motif { get; private set; }

    public string DecisionProposee { get; private set; }

    public TypeAccompagnement? TypeCible { get; private set; }

    public string? StructureCible { get; private set; }

    public string? CommentaireInsertion { get; private set; }

    public EtatSaisine Etat { get; private set; }

    public string? Commission { get; private set; }

    public DateOnly? DateCommission { get; private set; }

    public string? Decision { get; private set; }

    public bool SanctionActive { get; private set; }

    public string? CommentaireValidation { get; private set; }

    /// <summary>The notice of the saisine sent to the beneficiary, in the dossier's documents.</summary>
    public Guid? AvisDocumentId { get; private set; }

    /// <summary>EP-05: a sanction for non-contractualisation or non-respect of the CER.</summary>
    public bool EstSanctionContrat => Motif is MotifSaisine.AbsenceCer or MotifSaisine.AbsenceRenouvellementCer or MotifSaisine.NonRespectCer;

    /// <summary>EP-04: only the référent's opinion changes, until the committee sits.</summary>
    public void CommenterInsertion(string? commentaire)
    {
        CycleSaisine.Table.Verifier(Etat, Etat, CycleSaisine.Commenter, "La commission a statué : la saisine ne se modifie plus.", "CommentaireInsertion");
        CommentaireInsertion = Nettoyer(commentaire);
        Version++;
    }

    /// <summary>EP-03: validated: inscribed for a committee on a date; or refused with a comment.</summary>
    public void Inscrire(string? commission, DateOnly? date)
    {
        var etat = CycleSaisine.Table.Verifier(Etat, EtatSaisine.InscritEnEp, CycleSaisine.Decider, "Seule une saisine à valider s'inscrit en commission.", "Etat").Vers;
        if (string.IsNullOrWhiteSpace(commission) || date is null)
        {
            throw new BusinessRuleException("EP-03", "Indiquez la commission et sa date pour inscrire la saisine en EP.", string.IsNullOrWhiteSpace(commission) ? "Commission" : "DateCommission");
        }

        Commission = commission.Trim();
        DateCommission = date;
        Etat = etat;
        Version++;
    }

    public void Refuser(string? commentaire)
    {
        var etat = CycleSaisine.Table.Verifier(Etat, EtatSaisine.Refusee, CycleSaisine.Decider, "Seule une saisine à valider se refuse.", "Etat").Vers;
        if (string.IsNullOrWhiteSpace(commentaire))
        {
            throw new BusinessRuleException("EP-03", "Le commentaire de validation est obligatoire pour refuser une saisine.", "CommentaireValidation");
        }

        CommentaireValidation = Nettoyer(commentaire);
        Etat = etat;
        Version++;
    }

    /// <summary>EP-03: the committee's decision, not before it sat; a sanction stays active.</summary>
    public void Statuer(string? decision, bool sanctionActive, DateOnly aujourdhui)
    {
        var etat = CycleSaisine.Table.Verifier(Etat, EtatSaisine.CommissionRealisee, CycleSaisine.Decider, "La commission statue sur une saisine inscrite en EP.", "Etat").Vers;
        if (string.IsNullOrWhiteSpace(decision))
        {
            throw new BusinessRuleException("EP-03", "La décision de la commission est obligatoire.", "Decision");
        }

        if (DateCommission > aujourdhui)
        {
            throw new BusinessRuleException("EP-03", $"La commission siège le {DateCommission:dd/MM/yyyy} : sa décision s'enregistre à partir de ce jour.", "Decision");
        }

        Decision = decision.Trim();
        SanctionActive = sanctionActive && Motif != MotifSaisine.Reorientation; // a réorientation is not a sanction
        Etat = etat;
        Version++;
    }

    /// <summary>EP-05: the end of an active sanction (a réorientation may then be proposed).</summary>
    public void LeverLaSanction()
    {
        CycleSaisine.Table.Verifier(Etat, Etat, CycleSaisine.Decider, "Seule la sanction décidée par une commission se lève.", "Etat");
        if (!SanctionActive)
        {
            throw new BusinessRuleException("EP-05", "Cette saisine n'a pas de sanction active.", "Etat");
        }

        SanctionActive = false;
        Version++;
    }

    public void Avis(Guid documentId) => AvisDocumentId = documentId;

    private static string? Nettoyer(string? texte) => string.IsNullOrWhiteSpace(texte) ? null : texte.Trim();
}

/// <summary>EP-02: a sanction proposes « Réduction niveau 1 »; a réorientation a type (neither Orientation nor Inconnu) and a structure.</summary>
public sealed class Ep02DecisionProposee(MotifSaisine motif, TypeAccompagnement? typeCible, string? structureCible) : BusinessRule
{
    public override string Id => "EP-02";

    public override string Champ => typeCible is null or TypeAccompagnement.Orientation or TypeAccompagnement.Inconnu ? "TypeCible" : "StructureCible";

    public override string Message => typeCible is null or TypeAccompagnement.Orientation or TypeAccompagnement.Inconnu
        ? "Une réorientation propose un type d'accompagnement : professionnel, social ou socio-professionnel."
        : "Une réorientation propose la structure vers laquelle réorienter le bénéficiaire.";

    public override bool IsBroken() => motif == MotifSaisine.Reorientation
        && (typeCible is null or TypeAccompagnement.Orientation or TypeAccompagnement.Inconnu || string.IsNullOrWhiteSpace(structureCible));
}

/// <summary>EP-05: no réorientation while a sanction saisine for non-contractualisation or non-respect is active.</summary>
public sealed class Ep05PasDeReorientationSousSanction(MotifSaisine motif, IEnumerable<SaisineEp> autres) : BusinessRule
{
    public override string Id => "EP-05";

    public override string Champ => "Motif";

    public override string Message => "Une saisine de sanction pour absence ou non-respect du contrat est en cours ou active : la réorientation attendra sa fin.";

    public override bool IsBroken() => motif == MotifSaisine.Reorientation
        && autres.Any(s => s.EstSanctionContrat && (s.Etat is EtatSaisine.AValider or EtatSaisine.InscritEnEp || (s.Etat == EtatSaisine.CommissionRealisee && s.SanctionActive)));
}
