namespace MissionLocale.Infrastructure.Identity;

/// <summary>Where ASP.NET Identity's user store keeps the second factor (its internal token provider and token names).</summary>
public static class JetonsIdentity
{
    public const string Fournisseur = "[AspNetUserStore]";

    public const string CleAuthentificateur = "AuthenticatorKey";

    public const string CodesDeSecours = "RecoveryCodes";
}
