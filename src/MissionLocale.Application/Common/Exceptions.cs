namespace MissionLocale.Application.Common;

/// <summary>Unknown, or belonging to another structure: both answer "not found" (isolation).</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException()
        : base("Dossier introuvable.")
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>Shape of the input is wrong: messages per field, in French. Nothing was saved.</summary>
public sealed class InvalidInputException : Exception
{
    public InvalidInputException(IReadOnlyDictionary<string, string[]> erreurs)
        : base("Certaines informations saisies ne sont pas valides.")
    {
        Erreurs = erreurs;
    }

    public InvalidInputException()
        : this(new Dictionary<string, string[]>())
    {
    }

    public InvalidInputException(string message)
        : base(message)
    {
        Erreurs = new Dictionary<string, string[]>();
    }

    public InvalidInputException(string message, Exception inner)
        : base(message, inner)
    {
        Erreurs = new Dictionary<string, string[]>();
    }

    public IReadOnlyDictionary<string, string[]> Erreurs { get; }

    /// <summary>The rule a field's message cites (JEU-04 for a NIR key), returned with the refusal like a business rule's ID.</summary>
    public IReadOnlyDictionary<string, string> Regles { get; init; } = new Dictionary<string, string>();

    public static InvalidInputException Pour(string champ, string message) =>
        new(new Dictionary<string, string[]> { [champ] = [message] });
}

/// <summary>The dossier changed since the user loaded it: the save is refused, the user reloads.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
        : base("Ce dossier a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert. Rechargez la page pour voir la version actuelle, puis refaites votre modification.")
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>The user's profile does not allow the action (USR-06).</summary>
public sealed class ForbiddenException : Exception
{
    public ForbiddenException()
        : base("Votre profil ne permet pas cette action.")
    {
    }

    public ForbiddenException(string message)
        : base(message)
    {
    }

    public ForbiddenException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
