using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Offres;

/// <summary>A domain of propositions (EVT-01), reference data of the structure.</summary>
public sealed class DomaineProposition : IStructureOwned
{
    public DomaineProposition(Guid structureId, string code, string libelle)
    {
        StructureId = structureId;
        Code = code;
        Libelle = libelle;
    }

    public Guid StructureId { get; private set; }

    public string Code { get; private set; }

    public string Libelle { get; private set; }

    public bool Actif { get; private set; } = true;

    /// <summary>The domains of EVT-01, seeded for every structure.</summary>
    public static readonly (string Code, string Libelle)[] ParDefaut =
    [
        ("EMPLOI", "Emploi"), ("FORMATION", "Formation"), ("PROJET_PRO", "Projet professionnel"), ("SANTE", "Santé"),
        ("LOGEMENT", "Logement"), ("CITOYENNETE", "Citoyenneté"), ("LOISIRS", "Loisirs, sport, culture"), ("MOBILITE", "Mobilité"),
        ("ACCES_DROITS", "Accès aux droits"),
    ];
}

public enum TypeOffre
{
    Atelier = 1,
    InformationCollective = 2,
    Forum = 3,
    JobDating = 4,
    VisiteEntreprise = 5,
    Formation = 6,
    OffreEmploi = 7,
    Orientation = 8,
    Autre = 9,
}

/// <summary>EVT-02: an offre de service of the structure's catalogue, possibly with sessions.</summary>
public sealed class OffreDeService : Entity, IStructureOwned
{
    private readonly List<Session> _sessions = [];

    private OffreDeService()
    {
        Libelle = DomaineCode = string.Empty;
    }

    public OffreDeService(Guid structureId, string domaineCode, TypeOffre type, string libelle, string? description, Guid? referentId)
    {
        StructureId = structureId;
        DomaineCode = domaineCode;
        Type = type;
        Libelle = libelle.Trim();
        Description = description;
        ReferentId = referentId;
    }

    public Guid StructureId { get; private set; }

    public string DomaineCode { get; private set; }

    public TypeOffre Type { get; private set; }

    public string Libelle { get; private set; }

    public string? Description { get; private set; }

    public Guid? ReferentId { get; private set; }

    public bool Active { get; private set; } = true;

    public IReadOnlyList<Session> Sessions => _sessions;

    public Session AjouterSession(DateTimeOffset debut, int dureeMinutes, string lieu, int capacite)
    {
        if (capacite is < 1 or > 10_000)
        {
            throw new BusinessRuleException("EVT-02", "La capacité d'une session est comprise entre 1 et 10 000 places.", "Capacite");
        }

        if (dureeMinutes is < 1 or > 24 * 60)
        {
            throw new BusinessRuleException("EVT-02", "La durée d'une session est comprise entre 1 minute et 24 heures.", "DureeMinutes");
        }

        var s = new Session(Id, StructureId, debut, dureeMinutes, lieu.Trim(), capacite);
        _sessions.Add(s);
        return s;
    }

    public void Desactiver() => Active = false;
}

/// <summary>A dated session of an offre (EVT-02), with its participants.</summary>
public sealed class Session : Entity, IStructureOwned
{
    private readonly List<Positionnement> _participants = [];

    private Session()
    {
        Lieu = string.Empty;
    }

    internal Session(Guid offreId, Guid structureId, DateTimeOffset debut, int dureeMinutes, string lieu, int capacite)
    {
        OffreId = offreId;
        StructureId = structureId;
        Debut = debut;
        DureeMinutes = dureeMinutes;
        Lieu = lieu;
        Capacite = capacite;
    }

    public Guid OffreId { get; private set; }

    public Guid StructureId { get; private set; }

    public DateTimeOffset Debut { get; private set; }

    public int DureeMinutes { get; private set; }

    public string Lieu { get; private set; }

    public int Capacite { get; private set; }

    /// <summary>Kept equal to the number of participants; the database checks it never exceeds the capacity.</summary>
    public int Inscrits { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<Positionnement> Participants => _participants;

    public bool Complete => Inscrits >= Capacite;

    /// <summary>EVT-02: a jeune is positioned once; a full session refuses.</summary>
    public Positionnement Positionner(Guid jeuneId, DateTimeOffset le)
    {
        if (_participants.Any(p => p.JeuneId == jeuneId))
        {
            throw new BusinessRuleException("EVT-02", "Ce jeune est déjà positionné sur cette session.", "JeuneId");
        }

        if (Complete)
        {
            throw new BusinessRuleException("EVT-02", $"La session est complète ({Capacite} places) : choisissez une autre session ou augmentez la capacité.", "SessionId");
        }

        var p = new Positionnement(Id, jeuneId, le);
        _participants.Add(p);
        Inscrits++;
        Version++;
        return p;
    }

    public void MarquerPresence(Guid jeuneId, bool present)
    {
        var p = _participants.SingleOrDefault(x => x.JeuneId == jeuneId)
            ?? throw new BusinessRuleException("EVT-02", "Ce jeune n'est pas positionné sur cette session.", "JeuneId");
        p.Present = present;
        Version++;
    }
}

/// <summary>A jeune positioned on a session, with attendance once known.</summary>
public sealed class Positionnement : IDossierPart
{
    private Positionnement()
    {
    }

    internal Positionnement(Guid sessionId, Guid jeuneId, DateTimeOffset le)
    {
        SessionId = sessionId;
        JeuneId = jeuneId;
        PositionneLe = le;
    }

    public Guid SessionId { get; private set; }

    public Guid JeuneId { get; private set; }

    public DateTimeOffset PositionneLe { get; private set; }

    public bool? Present { get; internal set; }
}
