namespace MissionLocale.Domain.Common;

/// <summary>
/// A business rule of docs/regles-metier.md: its ID and the French message shown to the user
/// when it blocks. One subclass per rule keeps the ID and the wording together.
/// </summary>
public abstract class BusinessRule
{
    public abstract string Id { get; }

    public abstract string Message { get; }

    /// <summary>The input field the refusal is about, so pages can put the message next to it.</summary>
    public virtual string? Champ => null;

    public abstract bool IsBroken();
}

/// <summary>A refusal: nothing is saved, the user is told why (in French) and by which rule.</summary>
public sealed class BusinessRuleException : Exception
{
    public BusinessRuleException(BusinessRule rule)
        : this(rule.Id, rule.Message, rule.Champ)
    {
    }

    public BusinessRuleException(string ruleId, string message, string? champ = null)
        : base(message)
    {
        RuleId = ruleId;
        Champ = champ;
    }

    public BusinessRuleException()
        : this("?", "Opération refusée.")
    {
    }

    public BusinessRuleException(string message)
        : this("?", message)
    {
    }

    public BusinessRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        RuleId = "?";
    }

    public string RuleId { get; } = "?";

    public string? Champ { get; }

    public static void ThrowIfBroken(BusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleException(rule);
        }
    }
}
