namespace MissionLocale.Domain.Cotraitance;

/// <summary>PPAE-04 / PPAE-05: what a Mission Locale tells France Travail about a jeune in cotraitance (docs/ppae-exchange.md).</summary>
public enum TypeFluxDude
{
    DebutPpae = 1,
    EntretienIndividuel = 2,
    InformationCollective = 3,
    Atelier = 4,
    PropositionEmploi = 5,
    PropositionProjet = 6,
    PropositionFormation = 7,
    SortiePpae = 8,
    ArretPpae = 9,
}
