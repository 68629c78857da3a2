using System.Reflection;
using Microsoft.AspNetCore.Identity;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Infrastructure.Identity;

/// <summary>The password policy of <see cref="PolitiqueMotDePasse"/> for ASP.NET Identity, with the list of common passwords shipped in the assembly.</summary>
public sealed class ValidateurMotDePasse : IPasswordValidator<ApplicationUser>
{
    public const string Code = "PolitiqueMotDePasse";

    private static readonly Lazy<HashSet<string>> Courants = new(Charger);

    public static IReadOnlySet<string> MotsDePasseCourants => Courants.Value;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        var erreurs = PolitiqueMotDePasse.Verifier(password ?? string.Empty, Courants.Value, user.UserName, user.Nom, user.Prenom);
        return Task.FromResult(erreurs.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed(erreurs.Select(e => new IdentityError { Code = Code, Description = e }).ToArray()));
    }

    private static HashSet<string> Charger()
    {
        using var flux = Assembly.GetExecutingAssembly().GetManifestResourceStream("MissionLocale.Infrastructure.Identity.mots-de-passe-courants.txt")
            ?? throw new InvalidOperationException("Liste des mots de passe courants absente de l'assemblage.");
        using var lecteur = new StreamReader(flux);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (lecteur.ReadLine() is { } ligne)
        {
            if (ligne.Length > 0 && ligne[0] != '#')
            {
                set.Add(MissionLocale.Domain.Common.Texte.Cle(ligne).Replace(" ", string.Empty, StringComparison.Ordinal));
            }
        }

        return set;
    }
}
