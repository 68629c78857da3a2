using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Evenements;

/// <summary>EVT-01 natures.</summary>
public enum NatureEvenement
{
    EntretienIndividuel = 1,
    InformationCollective = 2,
    Atelier = 3,
    InterneAdministratif = 4,
}

/// <summary>EVT-01: states of a proposition.</summary>
public enum EtatProposition
{
    Proposee = 1,
    Acceptee = 2,
    Refusee = 3,
    Realisee = 4,
    Abandonnee = 5,
}

/// <summary>A proposition made during an événement: a domain, an offre de service of the catalogue (or a free label), a state.</summary>
public sealed class Proposition : Entity, IDossierPart
{
    private Proposition()
    {
        DomaineCode = Libelle = string.Empty;
    }

    internal Proposition(Guid jeuneId, Guid evenementId, string domaineCode, Guid? offreId, string libelle, EtatProposition etat)
    {
        JeuneId = jeuneId;
        EvenementId = evenementId;
        DomaineCode = domaineCode;
        OffreId = offreId;
        Libelle = libelle;
        Etat = etat;
    }

    public Guid JeuneId { get; private set; }

    public Guid EvenementId { get; private set; }

    public string DomaineCode { get; private set; }

    public Guid? OffreId { get; private set; }

    public string Libelle { get; private set; }

    public EtatProposition Etat { get; private set; }

    /// <summary>EVT-01: along <see cref="CycleProposition"/>; asking for the current state changes nothing.</summary>
    public void ChangerEtat(EtatProposition etat)
    {
        if (etat != Etat)
        {
            Etat = CycleProposition.Table.Verifier(Etat, etat, CycleProposition.ChangerEtat,
                $"Cette proposition est « {CycleProposition.Table.Libelle(Etat)} » : elle ne peut pas passer à « {CycleProposition.Table.Libelle(etat)} ».").Vers;
        }
    }
}

/// <summary>A recorded contact (EVT-01): nature, date, duration, conseiller, antenne, comment, propositions.</summary>
public sealed class Evenement : Entity, IStructureOwned, IDossierPart
{
    private readonly List<Proposition> _propositions = [];

    private Evenement()
    {
    }

    public Evenement(Guid structureId, Guid jeuneId, NatureEvenement nature, DateTimeOffset date, int dureeMinutes, Guid conseillerId, Guid antenneId, string? commentaire)
    {
        if (dureeMinutes is <= 0 or > 24 * 60)
        {
            throw new BusinessRuleException("EVT-01", "La durée d'un événement est comprise entre 1 minute et 24 heures.", "DureeMinutes");
        }

        StructureId = structureId;
        JeuneId = jeuneId;
        Nature = nature;
        Date = date;
        DureeMinutes = dureeMinutes;
        ConseillerId = conseillerId;
        AntenneId = antenneId;
        Commentaire = commentaire;
    }

    public Guid StructureId { get; private set; }

    public Guid JeuneId { get; private set; }

    public NatureEvenement Nature { get; private set; }

    public DateTimeOffset Date { get; private set; }

    public int DureeMinutes { get; private set; }

    public Guid ConseillerId { get; private set; }

    public Guid AntenneId { get; private set; }

    public string? Commentaire { get; private set; }

    public IReadOnlyList<Proposition> Propositions => _propositions;

    /// <summary>EVT-01: a proposition has a domain and either an offre of the catalogue or a label.</summary>
    public Proposition Proposer(string domaineCode, Guid? offreId, string libelle, EtatProposition etat = EtatProposition.Proposee)
    {
        if (string.IsNullOrWhiteSpace(domaineCode))
        {
            throw new BusinessRuleException("EVT-01", "Une proposition a un domaine : choisissez-le.", "DomaineCode");
        }

        if (offreId is null && string.IsNullOrWhiteSpace(libelle))
        {
            throw new BusinessRuleException("EVT-01", "Une proposition porte sur une offre de service du catalogue ou a un libellé : renseignez l'un des deux.", "Libelle");
        }

        var p = new Proposition(JeuneId, Id, domaineCode, offreId, libelle.Trim(), etat);
        _propositions.Add(p);
        return p;
    }
}
