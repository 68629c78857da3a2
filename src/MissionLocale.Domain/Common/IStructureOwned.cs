namespace MissionLocale.Domain.Common;

/// <summary>
/// Data that belongs to one Mission Locale. The data layer filters every query on it by the
/// current user's structure (isolation between Missions Locales), in one place.
/// </summary>
public interface IStructureOwned
{
    Guid StructureId { get; }
}

/// <summary>A row whose changes are recorded in the dossier's history (RGPD-02).</summary>
public interface IDossierPart
{
    Guid JeuneId { get; }
}
