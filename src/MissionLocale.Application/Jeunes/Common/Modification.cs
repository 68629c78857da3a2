namespace MissionLocale.Application.Jeunes.Common;

/// <summary>Every change of a dossier part carries the version the user saw (optimistic concurrency).</summary>
public interface IModificationDossier
{
    Guid JeuneId { get; }

    int Version { get; }
}

/// <summary>Answer to a change: the new version to send with the next change.</summary>
public sealed record DossierModifie(Guid JeuneId, int Version, string? QpvCode = null, string? QpvNom = null);
