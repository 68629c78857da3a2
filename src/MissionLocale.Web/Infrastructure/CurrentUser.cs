using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;
using MissionLocale.Infrastructure.Identity;

namespace MissionLocale.Web.Infrastructure;

public static class MlClaims
{
    public const string Structure = "ml:structure";
    public const string Antenne = "ml:antenne";
    public const string Profil = "ml:profil";
    public const string NomComplet = "ml:nom";
    public const string Prenom = "ml:prenom";
    public const string StructureNom = "ml:structure-nom";
    public const string Civilite = "ml:civilite";
}

/// <summary>The user behind the HTTP request, from the claims of the cookie or the bearer token.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool Authentifie => Principal?.Identity?.IsAuthenticated == true && Principal.FindFirst(MlClaims.Structure) is not null;

    public Guid UtilisateurId => Guid.Parse(Principal!.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public Guid StructureId => Guid.Parse(Principal!.FindFirstValue(MlClaims.Structure)!);

    public Guid? AntenneId => Principal?.FindFirstValue(MlClaims.Antenne) is { Length: > 0 } a ? Guid.Parse(a) : null;

    public string Login => Principal?.FindFirstValue(ClaimTypes.Name) ?? string.Empty;

    public Profil Profil => Enum.Parse<Profil>(Principal!.FindFirstValue(MlClaims.Profil)!);
}

/// <summary>Puts the structure, antenne and profile in the principal: isolation and rights need them on every request.</summary>
public sealed class ClaimsFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options, IAppDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(MlClaims.Structure, user.StructureId.ToString()));
        identity.AddClaim(new Claim(MlClaims.Antenne, user.AntenneId?.ToString() ?? string.Empty));
        identity.AddClaim(new Claim(MlClaims.Profil, user.Profil.ToString()));
        identity.AddClaim(new Claim(MlClaims.NomComplet, string.Create(CultureInfo.InvariantCulture, $"{user.Prenom} {user.Nom}")));
        identity.AddClaim(new Claim(MlClaims.Prenom, user.Prenom));
        identity.AddClaim(new Claim(MlClaims.Civilite, user.Civilite?.ToString() ?? string.Empty));
        identity.AddClaim(new Claim(DeuxFacteursRequis.Claim, user.TwoFactorEnabled ? "1" : "0"));
        identity.AddClaim(new Claim(DeuxFacteursRequis.ClaimRequis, user.DeuxFacteursObligatoires ? "1" : "0"));
        var structure = db.Structures.Where(s => s.Id == user.StructureId).Select(s => s.Nom).FirstOrDefault() ?? string.Empty;
        identity.AddClaim(new Claim(MlClaims.StructureNom, structure));
        return identity;
    }
}
