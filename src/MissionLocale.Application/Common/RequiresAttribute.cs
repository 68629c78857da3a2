using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Common;

/// <summary>The right (USR-06) a request needs; checked by the authorization behavior before the handler runs.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RequiresAttribute(Droit droit) : Attribute
{
    public Droit Droit { get; } = droit;
}

/// <summary>Marks a request that changes data: it runs in one transaction.</summary>
public interface ITransactional
{
}
