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

/// <summary>
/// A recorded contact (EVT-01). The foundation only creates the premier accueil entretien (JEU-11);
/// propositions and the rest of EVT come with the follow-up issue.
/// </summary>
public sealed class Evenement : Entity, IStructureOwned, IDossierPart
{
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
}
