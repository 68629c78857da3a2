using System.Globalization;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Situations;

namespace MissionLocale.Domain.Dispositifs;

/// <summary>
/// The counting rules of CEJ-02..04, read from dated reference data (parametres_regle) valid on the week's Monday:
/// the weekly threshold, the hours a situation counts per weekday, the auto-entrepreneur's 4 h (CEJ-03), Déclic's 7 h (CEJ-04).
/// </summary>
public sealed record BaremeHeuresCej(
    decimal Seuil,
    IReadOnlyDictionary<TypeSituation, decimal> HeuresJourSituation,
    decimal HeuresJourAutoEntrepreneur,
    IReadOnlyList<string> ContratsAutoEntrepreneur,
    decimal HeuresDeclic,
    string MesureDeclic)
{
    public const string CodeSeuil = "CEJ-02.SeuilHebdo";
    public const string PrefixeSituation = "CEJ-02.HeuresJour.";
    public const string CodeAutoEntrepreneur = "CEJ-03.HeuresJour";
    public const string CodeContratsAutoEntrepreneur = "CEJ-03.TypesContrat";
    public const string CodeDeclic = "CEJ-04.HeuresJour";
    public const string CodeMesureDeclic = "CEJ-04.Mesure";

    /// <summary>Builds the scale from the parameters valid on a date (code → value).</summary>
    public static BaremeHeuresCej Depuis(IReadOnlyDictionary<string, string> p)
    {
        decimal D(string code) => p.TryGetValue(code, out var v) ? decimal.Parse(v, CultureInfo.InvariantCulture) : 0m;
        var situations = Enum.GetValues<TypeSituation>().ToDictionary(t => t, t => D(PrefixeSituation + t));
        return new BaremeHeuresCej(
            D(CodeSeuil),
            situations,
            D(CodeAutoEntrepreneur),
            (p.GetValueOrDefault(CodeContratsAutoEntrepreneur) ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            D(CodeDeclic),
            p.GetValueOrDefault(CodeMesureDeclic) ?? string.Empty);
    }
}

/// <summary>An événement of the week (local date).</summary>
public sealed record ActiviteEvenement(DateOnly Jour, NatureEvenement Nature, int DureeMinutes);

/// <summary>A session of an offre the jeune attended (presence recorded).</summary>
public sealed record ActiviteSession(DateOnly Jour, string Libelle, int DureeMinutes);

/// <summary>A situation, with its effective end (interruption or planned end).</summary>
public sealed record ActiviteSituation(TypeSituation Type, DateOnly Debut, DateOnly Fin, string? TypeContrat, string? Mesure);

/// <summary>One line of the detail: what counted, on which day, for how many hours.</summary>
public sealed record LigneHeuresCej(DateOnly Jour, string Libelle, decimal Heures);

/// <summary>A week of a CEJ: hours, whether the CEJ covered the whole week, and the CEJ-02 alert.</summary>
public sealed record SemaineCej(DateOnly Lundi, decimal Heures, bool SemaineComplete, bool SousSeuil, IReadOnlyList<LigneHeuresCej> Detail);

/// <summary>CEJ-02..04: the weekly hours of activity of a jeune in CEJ.</summary>
public static class HeuresCej
{
    /// <summary>The Monday of the week holding a date.</summary>
    public static DateOnly Lundi(DateOnly jour) => jour.AddDays(-(((int)jour.DayOfWeek + 6) % 7));

    /// <summary>
    /// Counts a week (Monday to Sunday) inside the CEJ period [debutCej, finCej]:
    /// entretiens, informations collectives and ateliers for their duration (interne/administratif is work done without the
    /// jeune, and Déclic's generated événement is of that nature, so it is never counted twice); attended sessions for their
    /// duration; situations per weekday by the scale, keeping on a day the largest situation count (two overlapping
    /// situations do not double a day). CEJ-03: auto-entrepreneur 4 h per weekday; CEJ-04: Déclic pour l'action 7 h a day.
    /// </summary>
    public static SemaineCej Calculer(
        DateOnly lundi,
        DateOnly debutCej,
        DateOnly? finCej,
        IEnumerable<ActiviteEvenement> evenements,
        IEnumerable<ActiviteSession> sessions,
        IEnumerable<ActiviteSituation> situations,
        BaremeHeuresCej bareme)
    {
        var dimanche = lundi.AddDays(6);
        var du = debutCej > lundi ? debutCej : lundi;
        var au = finCej is { } f && f < dimanche ? f : dimanche;
        bool Dedans(DateOnly j) => j >= du && j <= au;

        var lignes = new List<LigneHeuresCej>();
        foreach (var e in evenements.Where(e => Dedans(e.Jour) && e.Nature != NatureEvenement.InterneAdministratif))
        {
            lignes.Add(new LigneHeuresCej(e.Jour, Common.Libelles.De(e.Nature), Math.Round(e.DureeMinutes / 60m, 2)));
        }

        foreach (var s in sessions.Where(s => Dedans(s.Jour)))
        {
            lignes.Add(new LigneHeuresCej(s.Jour, $"Session : {s.Libelle}", Math.Round(s.DureeMinutes / 60m, 2)));
        }

        var liste = situations.ToList();
        for (var jour = du; jour <= au; jour = jour.AddDays(1))
        {
            var meilleure = liste.Where(s => s.Debut <= jour && s.Fin >= jour)
                .Select(s => HeuresSituation(s, jour, bareme))
                .Where(x => x.Heures > 0)
                .OrderByDescending(x => x.Heures)
                .FirstOrDefault();
            if (meilleure.Libelle is not null)
            {
                lignes.Add(new LigneHeuresCej(jour, meilleure.Libelle, meilleure.Heures));
            }
        }

        var total = lignes.Sum(l => l.Heures);
        var complete = debutCej <= lundi && (finCej is null || finCej >= dimanche);
        return new SemaineCej(lundi, total, complete, complete && total < bareme.Seuil, lignes.OrderBy(l => l.Jour).ToList());
    }

    private static (string? Libelle, decimal Heures) HeuresSituation(ActiviteSituation s, DateOnly jour, BaremeHeuresCej b)
    {
        // CEJ-04: Déclic pour l'action counts 7 h for each of its days, weekend included (it is a one-day measure).
        if (s.Type == TypeSituation.SituationNonProfessionnelle && string.Equals(s.Mesure, b.MesureDeclic, StringComparison.OrdinalIgnoreCase))
        {
            return ($"{b.MesureDeclic} (CEJ-04)", b.HeuresDeclic);
        }

        if (jour.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return (null, 0m);
        }

        // CEJ-03: an auto-entrepreneur's activity counts 4 h per weekday.
        if (s.Type == TypeSituation.Emploi && s.TypeContrat is { } contrat && b.ContratsAutoEntrepreneur.Contains(contrat, StringComparer.OrdinalIgnoreCase))
        {
            return ("Auto-entrepreneur (CEJ-03)", b.HeuresJourAutoEntrepreneur);
        }

        var heures = b.HeuresJourSituation.GetValueOrDefault(s.Type);
        return ($"Situation : {Common.Libelles.De(s.Type)}", heures);
    }
}
