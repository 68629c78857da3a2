namespace MissionLocale.Application.Common;

/// <summary>Local dates and times of the Missions Locales (the clock's zone, Europe/Paris) and the instants stored in UTC.</summary>
public static class TempsLocal
{
    /// <summary>Today in the Missions Locales' local time.</summary>
    public static DateOnly Aujourdhui(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The instant of a local date and time (midnight by default), in UTC.</summary>
    public static DateTimeOffset InstantLocal(this TimeProvider clock, DateOnly jour, TimeOnly heure = default)
    {
        var local = jour.ToDateTime(heure);
        return new DateTimeOffset(local, clock.LocalTimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>An instant as the Missions Locales' local time (Europe/Paris), for what is shown or written in a file.</summary>
    public static DateTimeOffset Local(this TimeProvider clock, DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, clock.LocalTimeZone);

    private static readonly System.Globalization.CultureInfo Fr = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>A date in words as a careful French writer puts it: "lundi 1er décembre 2026" (1er, never 1).</summary>
    public static string EnLettres(DateTime d, bool jourSemaine = false, bool annee = true) =>
        (jourSemaine ? d.ToString("dddd ", Fr) : string.Empty) + (d.Day == 1 ? "1er" : d.Day.ToString(Fr)) + d.ToString(" MMMM", Fr) + (annee ? d.ToString(" yyyy", Fr) : string.Empty);
}
