namespace MissionLocale.Application.Common;

/// <summary>
/// A "warn" rule: the operation goes through only after an explicit confirmation, which is recorded.
/// The caller repeats the request with the confirmation flag.
/// </summary>
public sealed class ConfirmationRequiseException : Exception
{
    public ConfirmationRequiseException(string ruleId, string message, IReadOnlyList<JeuneResume> candidats, string champConfirmation = "ConfirmerHomonyme")
        : base(message)
    {
        RuleId = ruleId;
        Candidats = candidats;
        ChampConfirmation = champConfirmation;
    }

    public ConfirmationRequiseException()
        : this("?", "Confirmation requise.", [])
    {
    }

    public ConfirmationRequiseException(string message)
        : this("?", message, [])
    {
    }

    public ConfirmationRequiseException(string message, Exception inner)
        : base(message, inner)
    {
        RuleId = "?";
        Candidats = [];
    }

    public string RuleId { get; }

    public IReadOnlyList<JeuneResume> Candidats { get; }

    /// <summary>The flag to set to true when repeating the request.</summary>
    public string ChampConfirmation { get; } = "ConfirmerHomonyme";
}

/// <summary>A line of a list of jeunes (search, portfolio, duplicates).</summary>
public sealed record JeuneResume(Guid Id, long Numero, string Nom, string Prenom, DateOnly DateNaissance, string? CommuneNom, string? Referent);

/// <summary>A page of a keyset-paginated list: <see cref="Suivant"/> is the cursor of the next page, null at the end.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Suivant);
