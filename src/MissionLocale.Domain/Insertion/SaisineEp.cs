using MissionLocale.Domain.Common;

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

/// <summary>
/// EP-01 to EP-05 (groundwork for issue 15, not yet used by any use case): a saisine of the équipe pluridisciplinaire
/// with its proposed decision, its committee and its outcome.
/// </summary>
public sealed class SaisineEp
{
    public const string ReductionNiveau1 = "Réduction niveau 1";

    public SaisineEp(MotifSaisine motif, TypeAccompagnement? typeCible, Guid? structureCible, string? commentaireInsertion, IEnumerable<SaisineEp> autres)
    {
        BusinessRuleException.ThrowIfBroken(new Ep02DecisionProposee(motif, typeCible, structureCible));
        BusinessRuleException.ThrowIfBroken(new Ep05PasDeReorientationSousSanction(motif, autres));
        Motif = motif;
        TypeCible = motif == MotifSaisine.Reorientation ? typeCible : null;
        StructureCible = motif == MotifSaisine.Reorientation ? structureCible : null;
        DecisionProposee = motif == MotifSaisine.Reorientation ? $"Réorientation {typeCible}" : ReductionNiveau1;
        CommentaireInsertion = commentaireInsertion;
        Etat = EtatSaisine.AValider;
    }

    public MotifSaisine Motif { get; }

    public string DecisionProposee { get; }

    public TypeAccompagnement? TypeCible { get; }

    public Guid? StructureCible { get; }

    public string? CommentaireInsertion { get; private set; }

    public EtatSaisine Etat { get; private set; }

    public string? Commission { get; private set; }

    public DateOnly? DateCommission { get; private set; }

    public string? Decision { get; private set; }

    public bool SanctionActive { get; private set; }

    public string? CommentaireValidation { get; private set; }

    /// <summary>EP-05: a sanction for non-contractualisation or non-respect of the CER.</summary>
    public bool EstSanctionContrat => Motif is MotifSaisine.AbsenceCer or MotifSaisine.AbsenceRenouvellementCer or MotifSaisine.NonRespectCer;

    /// <summary>EP-04: only the référent's opinion changes, until the committee sits.</summary>
    public void CommenterInsertion(string? commentaire)
    {
        if (Etat is EtatSaisine.CommissionRealisee or EtatSaisine.Refusee)
        {
            throw new BusinessRuleException("EP-04", "La commission a statué : la saisine ne se modifie plus.", "CommentaireInsertion");
        }

        CommentaireInsertion = commentaire;
    }

    /// <summary>EP-03: validated: inscribed for a committee on a date; or refused with a comment.</summary>
    public void Inscrire(string commission, DateOnly date)
    {
        Exiger(EtatSaisine.AValider, "Seule une saisine à valider s'inscrit en commission.");
        Commission = commission;
        DateCommission = date;
        Etat = EtatSaisine.InscritEnEp;
    }

    public void Refuser(string? commentaire)
    {
        Exiger(EtatSaisine.AValider, "Seule une saisine à valider se refuse.");
        if (string.IsNullOrWhiteSpace(commentaire))
        {
            throw new BusinessRuleException("EP-03", "Le commentaire de validation est obligatoire pour refuser une saisine.", "CommentaireValidation");
        }

        CommentaireValidation = commentaire.Trim();
        Etat = EtatSaisine.Refusee;
    }

    /// <summary>EP-03: the committee's decision; a sanction stays active.</summary>
    public void Statuer(string decision, bool sanctionActive)
    {
        Exiger(EtatSaisine.InscritEnEp, "La commission statue sur une saisine inscrite en EP.");
        Decision = decision;
        SanctionActive = sanctionActive;
        Etat = EtatSaisine.CommissionRealisee;
    }

    private void Exiger(EtatSaisine etat, string message)
    {
        if (Etat != etat)
        {
            throw new BusinessRuleException("EP-03", message, "Etat");
        }
    }
}

/// <summary>EP-02: a sanction proposes « Réduction niveau 1 »; a réorientation a type (neither Orientation nor Inconnu) and a structure.</summary>
public sealed class Ep02DecisionProposee(MotifSaisine motif, TypeAccompagnement? typeCible, Guid? structureCible) : BusinessRule
{
    public override string Id => "EP-02";

    public override string Champ => typeCible is null or TypeAccompagnement.Orientation or TypeAccompagnement.Inconnu ? "TypeCible" : "StructureCible";

    public override string Message => typeCible is null or TypeAccompagnement.Orientation or TypeAccompagnement.Inconnu
        ? "Une réorientation propose un type d'accompagnement : professionnel, social ou socio-professionnel."
        : "Une réorientation propose la structure vers laquelle réorienter le bénéficiaire.";

    public override bool IsBroken() => motif == MotifSaisine.Reorientation
        && (typeCible is null or TypeAccompagnement.Orientation or TypeAccompagnement.Inconnu || structureCible is null);
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
