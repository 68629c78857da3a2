namespace MissionLocale.Web.Tests;

/// <summary>The repository's root (where MissionLocale.sln is), for the tests that read its sources and docs.</summary>
public static class Depot
{
    public static string Racine { get; } = Trouver();

    private static string Trouver()
    {
        var d = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(d, "MissionLocale.sln")))
        {
            d = Path.GetDirectoryName(d) ?? throw new InvalidOperationException("MissionLocale.sln introuvable");
        }

        return d;
    }
}
