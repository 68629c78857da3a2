namespace MissionLocale.Domain.Common;

/// <summary>An entity edited with optimistic concurrency: every change bumps its version, every edit sends the one it read.</summary>
public interface IVersionnee
{
    Guid Id { get; }

    int Version { get; }
}
