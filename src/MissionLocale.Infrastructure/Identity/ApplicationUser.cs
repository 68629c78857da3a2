using Microsoft.AspNetCore.Identity;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Infrastructure.Identity;

/// <summary>A physical person (USR-01) working in one Mission Locale. UserName is the login of USR-02.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public Guid StructureId { get; set; }

    public Guid? AntenneId { get; set; }

    public string Nom { get; set; } = string.Empty;

    public string Prenom { get; set; } = string.Empty;

    public Profil Profil { get; set; }

    /// <summary>Agrees the profile's label ("Conseillère") and the user's function on letters.</summary>
    public MissionLocale.Domain.Jeunes.Civilite? Civilite { get; set; }

    public bool Actif { get; set; } = true;
}
