using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Common;

/// <summary>The right (USR-06) a request needs; checked by the authorization behavior before the handler runs.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RequiresAttribute(Droit droit) : Attribute
{
    public Droit Droit { get; } = droit;
}

/// <summary>
/// A request open to any signed-in user, about their own work or national public data (their agenda, their portal, the
/// commune list): declared explicitly, so that a request without a declared right is a mistake (architecture test).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ConnecteAttribute : Attribute
{
}

/// <summary>Marks a request that changes data: it runs in one transaction.</summary>
public interface ITransactional
{
}
