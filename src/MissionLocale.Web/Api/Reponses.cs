namespace MissionLocale.Web.Api;

/// <summary>The id of what a command created (named, so generated clients get a readable type).</summary>
public sealed record Cree(Guid Id);

/// <summary>The new version of what a command changed, to send with the next change (optimistic concurrency).</summary>
public sealed record VersionModifiee(int Version);

/// <summary>A dossier created at the premier accueil: its id, its number and the QPV of its address (JEU-11).</summary>
public sealed record JeuneCree(Guid Id, long Numero, string? QpvCode, string? QpvNom);
