using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Domain.Common;

/// <summary>
/// One allowed step of a workflow: from a state to another, by an action (named after the request that performs it),
/// with the right (USR-06) it needs and the rule (ID) that refuses any other step.
/// </summary>
public sealed record Transition<TEtat>(TEtat De, TEtat Vers, string Action, Droit Droit, string Regle)
    where TEtat : struct, Enum;

/// <summary>
/// A workflow as a transition table: the one place that says which state may follow which, with one French label per
/// state used by pages, the dossier's history and files. Domain methods check their step here; set-based SQL takes its
/// source states from here (<see cref="Sources"/>), and a test proves both agree.
/// </summary>
public sealed class Workflow<TEtat> : IWorkflow
    where TEtat : struct, Enum
{
    private readonly IReadOnlyDictionary<TEtat, string> _libelles;

    public Workflow(string nom, string regle, TEtat initial, IReadOnlyDictionary<TEtat, string> libelles, IReadOnlyList<Transition<TEtat>> transitions)
    {
        var sansLibelle = Enum.GetValues<TEtat>().Where(e => !libelles.ContainsKey(e)).ToList();
        if (sansLibelle.Count > 0)
        {
            throw new ArgumentException($"{nom}: état(s) sans libellé : {string.Join(", ", sansLibelle)}", nameof(libelles));
        }

        Nom = nom;
        Regle = regle;
        Initial = initial;
        _libelles = libelles;
        Transitions = transitions;
    }

    public string Nom { get; }

    /// <summary>The rule that states the workflow (ALLOC-02, CERFA-03...), cited when no transition applies.</summary>
    public string Regle { get; }

    public TEtat Initial { get; }

    public IReadOnlyList<Transition<TEtat>> Transitions { get; }

    public Type TypeEtat => typeof(TEtat);

    public IEnumerable<TEtat> Etats => Enum.GetValues<TEtat>();

    /// <summary>States nothing follows.</summary>
    public IEnumerable<TEtat> Finaux => Etats.Where(e => !Transitions.Any(t => t.De.Equals(e)));

    /// <summary>The state's label; a value outside the enum (bad input) reads as its number, never an error.</summary>
    public string Libelle(TEtat etat) => _libelles.TryGetValue(etat, out var l) ? l : etat.ToString();

    public string? Libelle(Enum etat) => etat is TEtat e && _libelles.TryGetValue(e, out var l) ? l : null;

    public bool Permet(TEtat de, TEtat vers) => Transitions.Any(t => t.De.Equals(de) && t.Vers.Equals(vers));

    public bool Permet(TEtat de, string action) => Transitions.Any(t => t.De.Equals(de) && t.Action == action);

    public bool Permet(TEtat de, TEtat vers, string action) => Transitions.Any(t => t.De.Equals(de) && t.Vers.Equals(vers) && t.Action == action);

    /// <summary>The states an action starts from: what a set-based statement may update.</summary>
    public IReadOnlyList<TEtat> Sources(string action) => Transitions.Where(t => t.Action == action).Select(t => t.De).Distinct().ToList();

    /// <summary>The states reachable from <paramref name="depuis"/>, itself included.</summary>
    public IReadOnlyList<TEtat> Atteignables(TEtat depuis)
    {
        var vus = new List<TEtat> { depuis };
        for (var i = 0; i < vus.Count; i++)
        {
            foreach (var t in Transitions.Where(t => t.De.Equals(vus[i]) && !vus.Contains(t.Vers)))
            {
                vus.Add(t.Vers);
            }
        }

        return vus;
    }

    /// <summary>The states from which <paramref name="etat"/> can no longer be reached nor is current: the states before it.</summary>
    public IReadOnlyList<TEtat> Avant(TEtat etat)
    {
        var apres = Atteignables(etat);
        return Etats.Where(e => !apres.Contains(e) && Atteignables(e).Contains(etat)).ToList();
    }

    /// <summary>The states an action leads to.</summary>
    public IReadOnlyList<TEtat> Cibles(string action) => Transitions.Where(t => t.Action == action).Select(t => t.Vers).Distinct().ToList();

    /// <summary>The states an action starts from, as the integers stored in the database.</summary>
    public int[] SourcesSql(string action) => Sources(action).Select(e => Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>
    /// The step <paramref name="action"/> from <paramref name="de"/> to <paramref name="vers"/>, or the refusal with the
    /// transition's rule (or the workflow's) and <paramref name="refus"/> (default: what the state allows), about
    /// the input field <paramref name="champ"/> when given.
    /// </summary>
    public Transition<TEtat> Verifier(TEtat de, TEtat vers, string action, string? refus = null, string? champ = null) =>
        Transitions.FirstOrDefault(t => t.De.Equals(de) && t.Vers.Equals(vers) && t.Action == action) ?? throw Refus(de, action, refus, champ);

    /// <summary>The only target of <paramref name="action"/> from <paramref name="de"/>, or the refusal.</summary>
    public TEtat Appliquer(TEtat de, string action, string? refus = null) =>
        (Transitions.FirstOrDefault(t => t.De.Equals(de) && t.Action == action) ?? throw Refus(de, action, refus, null)).Vers;

    private BusinessRuleException Refus(TEtat de, string action, string? refus, string? champ) =>
        new(Transitions.FirstOrDefault(t => t.Action == action)?.Regle ?? Regle, refus ?? RefusParDefaut(de, action), champ);

    private string RefusParDefaut(TEtat de, string action)
    {
        var sources = Sources(action);
        var attendu = sources.Count == 0 ? string.Empty : $" : possible seulement depuis l'état {string.Join(" ou ", sources.Select(s => $"« {Libelle(s)} »"))}";
        return $"{Nom} est « {Libelle(de)} »{attendu}.";
    }

    IEnumerable<(string De, string Vers, string Action, Droit Droit, string Regle)> IWorkflow.Lignes =>
        Transitions.Select(t => (Libelle(t.De), Libelle(t.Vers), t.Action, t.Droit, t.Regle));
}

/// <summary>A workflow whatever its state type, for the catalogue of workflows and their documentation.</summary>
public interface IWorkflow
{
    string Nom { get; }

    string Regle { get; }

    Type TypeEtat { get; }

    string? Libelle(Enum etat);

    IEnumerable<(string De, string Vers, string Action, Droit Droit, string Regle)> Lignes { get; }
}
