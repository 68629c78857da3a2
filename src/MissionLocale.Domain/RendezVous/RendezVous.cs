using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.RendezVous;

public enum NatureRendezVous
{
    EntretienIndividuel = 1,
    InformationCollective = 2,
    Atelier = 3,
    Partenaire = 4,

    /// <summary>EP-06: the RSA natures F to J (an absence at F or H proposes a saisine of the équipe pluridisciplinaire).</summary>
    RsaElaborationPremierContrat1 = 5,
    RsaElaborationPremierContrat2 = 6,
    RsaRenouvellement1 = 7,
    RsaRenouvellement2 = 8,
    RsaSuivi = 9,
}

/// <summary>RDV-01.</summary>
public enum Modalite
{
    SurPlace = 1,
    Telephone = 2,
    Visio = 3,
}

/// <summary>RDV-01: Planifié → Présent | Absent | Annulé.</summary>
public enum StatutRendezVous
{
    Planifie = 1,
    Present = 2,
    Absent = 3,
    Annule = 4,
}

/// <summary>RDV-01: an absence needs one of these motives.</summary>
public enum MotifAbsence
{
    Accident = 1,
    Maladie = 2,
    NonExcuse = 3,
    ProblemeTransport = 4,
    Travail = 5,
}

public sealed record SaisieRendezVous(
    NatureRendezVous Nature,
    Modalite Modalite,
    string Objet,
    Guid IntervenantId,
    Guid? AntenneId,
    string? Lieu,
    DateTimeOffset Debut,
    DateTimeOffset Fin,
    string? Commentaire,
    bool RappelEmail,
    bool RappelSms);

/// <summary>RDV-01: a rendez-vous of a jeune with an intervenant.</summary>
public sealed class RendezVous : Entity, IStructureOwned, IDossierPart, IVersionnee
{
    public const int LongueurCommentaireMax = 1000;

    private RendezVous()
    {
        Objet = string.Empty;
    }

    /// <param name="convocationGroupeeId">RDV-03: the bulk convocation that planned it, when sent from a list.</param>
    public RendezVous(Guid structureId, Guid jeuneId, SaisieRendezVous s, Guid? convocationGroupeeId = null)
    {
        StructureId = structureId;
        JeuneId = jeuneId;
        ConvocationGroupeeId = convocationGroupeeId;
        Objet = string.Empty;
        Statut = StatutRendezVous.Planifie;
        Appliquer(s);
    }

    public Guid StructureId { get; private set; }

    public Guid JeuneId { get; private set; }

    public NatureRendezVous Nature { get; private set; }

    public Modalite Modalite { get; private set; }

    public string Objet { get; private set; }

    public Guid IntervenantId { get; private set; }

    public Guid? AntenneId { get; private set; }

    public string? Lieu { get; private set; }

    public DateTimeOffset Debut { get; private set; }

    public DateTimeOffset Fin { get; private set; }

    public string? Commentaire { get; private set; }

    public bool RappelEmail { get; private set; }

    public bool RappelSms { get; private set; }

    public StatutRendezVous Statut { get; private set; }

    public MotifAbsence? MotifAbsence { get; private set; }

    public int Version { get; private set; }

    /// <summary>RDV-03: the rendez-vous planned together by one convocation of a list share this id (one per jeune).</summary>
    public Guid? ConvocationGroupeeId { get; private set; }

    public int DureeMinutes => (int)(Fin - Debut).TotalMinutes;

    /// <summary>RDV-02: past and still Planifié.</summary>
    public bool NonTraite(DateTimeOffset maintenant) => Statut == StatutRendezVous.Planifie && Fin < maintenant;

    public bool Chevauche(DateTimeOffset debut, DateTimeOffset fin) => Debut < fin && debut < Fin;

    public void Replanifier(SaisieRendezVous s)
    {
        Statut = Passer(StatutRendezVous.Planifie, CycleRendezVous.Replanifier);
        Appliquer(s);
        Version++;
    }

    public void MarquerPresent(DateTimeOffset maintenant)
    {
        var statut = Passer(StatutRendezVous.Present, CycleRendezVous.ChangerStatut);
        if (Debut > maintenant)
        {
            throw new BusinessRuleException("RDV-01", "Un rendez-vous à venir ne peut pas être marqué « Présent » : attendez qu'il ait lieu.", "Statut");
        }

        Statut = statut;
        Version++;
    }

    /// <summary>RDV-01: Absent requires a motive.</summary>
    public void MarquerAbsent(MotifAbsence? motif, DateTimeOffset maintenant)
    {
        var statut = Passer(StatutRendezVous.Absent, CycleRendezVous.ChangerStatut);
        if (motif is null)
        {
            throw new BusinessRuleException("RDV-01", "Indiquez le motif de l'absence (accident, maladie, non excusé, problème de transport, travail).", "MotifAbsence");
        }

        if (Debut > maintenant)
        {
            throw new BusinessRuleException("RDV-01", "Un rendez-vous à venir ne peut pas être marqué « Absent » : annulez-le s'il n'aura pas lieu.", "Statut");
        }

        Statut = statut;
        MotifAbsence = motif;
        Version++;
    }

    public void Annuler()
    {
        Statut = Passer(StatutRendezVous.Annule, CycleRendezVous.ChangerStatut);
        Version++;
    }

    private StatutRendezVous Passer(StatutRendezVous vers, string action) =>
        CycleRendezVous.Table.Verifier(Statut, vers, action, $"Ce rendez-vous est déjà « {Libelles.De(Statut)} » : seul un rendez-vous planifié change de statut.", "Statut").Vers;

    private void Appliquer(SaisieRendezVous s)
    {
        if (s.Fin <= s.Debut)
        {
            throw new BusinessRuleException("RDV-01", "La fin du rendez-vous doit être après son début.", "Fin");
        }

        if (s.Fin - s.Debut > TimeSpan.FromHours(12))
        {
            throw new BusinessRuleException("RDV-01", "Un rendez-vous dure au plus 12 heures.", "Fin");
        }

        if (string.IsNullOrWhiteSpace(s.Objet))
        {
            throw new BusinessRuleException("RDV-01", "L'objet du rendez-vous est obligatoire.", "Objet");
        }

        if (s.Commentaire is { Length: > LongueurCommentaireMax })
        {
            throw new BusinessRuleException("RDV-01", $"Le commentaire ne peut pas dépasser {LongueurCommentaireMax} caractères.", "Commentaire");
        }

        Nature = s.Nature;
        Modalite = s.Modalite;
        Objet = s.Objet.Trim();
        IntervenantId = s.IntervenantId;
        AntenneId = s.AntenneId;
        Lieu = string.IsNullOrWhiteSpace(s.Lieu) ? null : s.Lieu.Trim();
        Debut = s.Debut;
        Fin = s.Fin;
        Commentaire = string.IsNullOrWhiteSpace(s.Commentaire) ? null : s.Commentaire.Trim();
        RappelEmail = s.RappelEmail;
        RappelSms = s.RappelSms;
    }
}
