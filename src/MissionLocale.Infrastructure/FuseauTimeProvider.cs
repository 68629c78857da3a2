namespace MissionLocale.Infrastructure;

/// <summary>System time whose local time zone is the Missions Locales' one (Europe/Paris by default), whatever the server's.</summary>
public sealed class FuseauTimeProvider(TimeZoneInfo fuseau) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => fuseau;

    public static FuseauTimeProvider Depuis(string? id) =>
        new(TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? "Europe/Paris" : id));
}
