using System.Text;
using System.Text.RegularExpressions;

namespace MissionLocale.Web.Tests;

/// <summary>
/// docs/regles-metier.md, the rule catalogue of the repository: every rule ID the code enforces, what the code says of
/// it (its doc comments and refusal messages), where it is enforced and which tests cite it. Generated from the code
/// and the tests; this test fails when the file is stale (rerun it with MISSIONLOCALE_ECRIRE_CATALOGUE=1 to rewrite it)
/// or when a rule the code enforces has no test citing it.
/// </summary>
public sealed partial class CatalogueReglesTests
{
    private static readonly string Racine = Depot.Racine;

    private static IEnumerable<string> Fichiers(string dossier) =>
        Directory.EnumerateFiles(Path.Combine(Racine, dossier), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/Migrations/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string Relatif(string f) => Path.GetRelativePath(Racine, f).Replace('\\', '/');

    public static string Generer()
    {
        var appliquees = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var descriptions = new Dictionary<string, string>();
        var messages = new Dictionary<string, string>();
        foreach (var f in Fichiers("src"))
        {
            var texte = File.ReadAllText(f);
            foreach (Match m in IdLitteral().Matches(texte))
            {
                Ajouter(appliquees, m.Groups[1].Value, Relatif(f));
            }

            foreach (Match m in Resume().Matches(texte))
            {
                descriptions.TryAdd(m.Groups[1].Value, m.Groups[2].Value.Trim());
            }

            foreach (Match m in Refus().Matches(texte))
            {
                // Interpolated parts read as "…" (the catalogue says what the rule is, not one case of it).
                messages.TryAdd(m.Groups[1].Value, Trou().Replace(m.Groups[2].Value.Trim(), "…"));
            }
        }

        var testees = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var f in Fichiers("tests"))
        {
            foreach (Match m in Trait().Matches(File.ReadAllText(f)))
            {
                Ajouter(testees, m.Groups[1].Value, Relatif(f));
            }
        }

        var sb = new StringBuilder();
        sb.AppendLine("# Règles métier : le catalogue du projet");
        sb.AppendLine();
        sb.AppendLine("Every business rule the code enforces, by ID: what the code says of it (its French refusal message, or the doc");
        sb.AppendLine("comment that names it), where it is enforced, and the test files that cite it (`[Trait(\"Rule\", \"ID\")]`).");
        sb.AppendLine("A refusal carries its ID in the API error body (`rule`) and discreetly in the page (`réf. ID`).");
        sb.AppendLine();
        sb.AppendLine("Generated from the code and the tests by `tests/MissionLocale.Web.Tests/CatalogueReglesTests.cs`, which fails");
        sb.AppendLine("when this file is stale or a rule has no test: `MISSIONLOCALE_ECRIRE_CATALOGUE=1 dotnet test --filter CatalogueRegles`");
        sb.AppendLine("rewrites it. Area documents (`dispositifs.md`, `allocations.md`, `suivi.md`, `profils-et-droits.md`) explain the choices.");
        sb.AppendLine();
        foreach (var groupe in appliquees.GroupBy(r => r.Key.Split('-')[0]))
        {
            sb.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"## {groupe.Key}");
            sb.AppendLine();
            sb.AppendLine("| rule | what the code says | enforced in | tested in |");
            sb.AppendLine("|---|---|---|---|");
            foreach (var (id, fichiers) in groupe)
            {
                var dit = messages.TryGetValue(id, out var msg) ? msg : descriptions.TryGetValue(id, out var d) ? d : "—";
                var tests = testees.TryGetValue(id, out var t) ? string.Join("<br>", t.Select(x => $"`{x.Replace("tests/MissionLocale.", string.Empty, StringComparison.Ordinal)}`")) : "**none**";
                sb.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"| {id} | {Cellule(dit)} | {string.Join("<br>", fichiers.Select(x => $"`{x.Replace("src/MissionLocale.", string.Empty, StringComparison.Ordinal)}`"))} | {tests} |");
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    private static string Cellule(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static void Ajouter(IDictionary<string, SortedSet<string>> d, string id, string fichier)
    {
        if (!d.TryGetValue(id, out var s))
        {
            d[id] = s = new SortedSet<string>(StringComparer.Ordinal);
        }

        s.Add(fichier);
    }

    [Fact]
    public void Le_catalogue_des_regles_est_a_jour_et_chaque_regle_appliquee_est_testee()
    {
        var chemin = Path.Combine(Racine, "docs", "regles-metier.md");
        var attendu = Generer();
        if (Environment.GetEnvironmentVariable("MISSIONLOCALE_ECRIRE_CATALOGUE") == "1")
        {
            File.WriteAllText(chemin, attendu);
        }

        Assert.True(File.Exists(chemin) && File.ReadAllText(chemin) == attendu,
            "docs/regles-metier.md n'est plus à jour : MISSIONLOCALE_ECRIRE_CATALOGUE=1 dotnet test --filter CatalogueRegles");
        var sansTest = Regex.Matches(attendu, "^\\| ([A-Z]+-\\d{2}) \\|.*\\*\\*none\\*\\* \\|$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.True(sansTest.Count == 0, "Règles appliquées sans test qui les cite : " + string.Join(", ", sansTest));
    }

    [Fact]
    public void Le_depot_ne_renvoie_jamais_hors_de_lui_meme()
    {
        var dehors = Directory.EnumerateFiles(Racine, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".sh", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/.git/", StringComparison.Ordinal) && !f.Contains("node_modules", StringComparison.Ordinal))
            .Where(f => HorsDepot().IsMatch(File.ReadAllText(f)))
            .Select(Relatif).ToList();
        Assert.True(dehors.Count == 0, "Références à des fichiers hors du dépôt : " + string.Join(", ", dehors));
    }

    [GeneratedRegex("\"([A-Z]{2,6}-\\d{2})\"")]
    private static partial Regex IdLitteral();

    [GeneratedRegex("/// <summary>\\s*([A-Z]{2,6}-\\d{2})[^:]*:\\s*(.+?)(?:</summary>|\\r?\\n)")]
    private static partial Regex Resume();

    [GeneratedRegex("BusinessRuleException\\(\\s*\"([A-Z]{2,6}-\\d{2})\",\\s*\\$?\"((?:[^\"\\\\]|\\\\.){10,400})\"")]
    private static partial Regex Refus();

    [GeneratedRegex("Trait\\(\"Rule\", \"([A-Z]{2,6}-\\d{2})\"\\)")]
    private static partial Regex Trait();

    [GeneratedRegex("\\{[^}]*\\}")]
    private static partial Regex Trou();

    [GeneratedRegex("\\.\\./shared|RULES\\.md|STACK\\.md")]
    private static partial Regex HorsDepot();
}
