using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Cotraitance;

/// <summary>PPAE-05: where a flow to France Travail is: waiting, delivered (by HTTP or in the day's file), or given up after retries.</summary>
public enum StatutFlux
{
    EnAttente = 1,
    Transmis = 2,
    Abandonne = 3,
}

/// <summary>
/// PPAE-04 / PPAE-05: one thing France Travail must know about a jeune in cotraitance, persisted with the change that
/// caused it (an outbox). (<see cref="SourceId"/>, <see cref="Type"/>) is unique: an événement or a proposition makes
/// one flow, never two. The identity is kept as sent. Delivered by HTTP to the partner (retried) or in the day's file.
/// </summary>
public sealed class FluxDude : Entity, IStructureOwned
{
    public const int TentativesMax = 8;

    private FluxDude()
    {
        IdentifiantFt = Nom = Prenom = string.Empty;
    }

    public FluxDude(Guid structureId, Guid jeuneId, Guid ppaeId, TypeFluxDude type, Guid sourceId, DateOnly date, string? objet,
        string identifiantFt, string nom, string prenom, DateOnly dateNaissance, DateTimeOffset creeLe)
    {
        StructureId = structureId;
        JeuneId = jeuneId;
        PpaeId = ppaeId;
        Type = type;
        SourceId = sourceId;
        Date = date;
        Objet = objet is { Length: > 200 } ? objet[..200] : objet;
        IdentifiantFt = identifiantFt;
        Nom = nom;
        Prenom = prenom;
        DateNaissance = dateNaissance;
        CreeLe = creeLe;
        ProchaineTentative = creeLe;
        Statut = StatutFlux.EnAttente;
    }

    public Guid StructureId { get; private set; }

    public Guid JeuneId { get; private set; }

    /// <summary>The PPAE it is about (no foreign key: an arrêt anticipé deletes the PPAE and sends its flow).</summary>
    public Guid PpaeId { get; private set; }

    public TypeFluxDude Type { get; private set; }

    /// <summary>The événement, proposition or PPAE that caused the flow.</summary>
    public Guid SourceId { get; private set; }

    public DateOnly Date { get; private set; }

    public string? Objet { get; private set; }

    public string IdentifiantFt { get; private set; }

    public string Nom { get; private set; }

    public string Prenom { get; private set; }

    public DateOnly DateNaissance { get; private set; }

    public DateTimeOffset CreeLe { get; private set; }

    public StatutFlux Statut { get; private set; }

    public int Tentatives { get; private set; }

    public DateTimeOffset ProchaineTentative { get; private set; }

    public DateTimeOffset? TransmisLe { get; private set; }

    /// <summary>The day of the outgoing file it went in, when delivered by file.</summary>
    public DateOnly? Fichier { get; private set; }

    public string? DerniereErreur { get; private set; }

    public void Transmis(DateTimeOffset le, DateOnly? fichier = null)
    {
        Statut = StatutFlux.Transmis;
        TransmisLe = le;
        Fichier = fichier;
        Tentatives++;
        DerniereErreur = null;
    }

    /// <summary>The partner did not take it: retried later (1, 2, 4… minutes, at most an hour apart), given up after <see cref="TentativesMax"/>.</summary>
    public void Echec(DateTimeOffset le, string erreur)
    {
        Tentatives++;
        DerniereErreur = erreur.Length > 500 ? erreur[..500] : erreur;
        if (Tentatives >= TentativesMax)
        {
            Statut = StatutFlux.Abandonne;
            return;
        }

        ProchaineTentative = le.AddMinutes(Math.Min(60, 1 << (Tentatives - 1)));
    }

    /// <summary>A flow given up is sent again on demand (after the partner's outage).</summary>
    public void Relancer(DateTimeOffset le)
    {
        if (Statut == StatutFlux.Abandonne)
        {
            Statut = StatutFlux.EnAttente;
            Tentatives = 0;
            ProchaineTentative = le;
        }
    }

    public static string Libelle(StatutFlux s) => s switch
    {
        StatutFlux.EnAttente => "En attente d'envoi",
        StatutFlux.Transmis => "Transmis",
        _ => "Abandonné après échecs",
    };
}
