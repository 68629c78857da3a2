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

    /// <summary>USR-03: the nom lower case without accents nor punctuation, computed by PostgreSQL, indexed for the national search.</summary>
    public string NomCle { get; private set; } = string.Empty;

    public Profil Profil { get; set; }

    /// <summary>Agrees the profile's label ("Conseillère") and the user's function on letters.</summary>
    public MissionLocale.Domain.Jeunes.Civilite? Civilite { get; set; }

    public bool Actif { get; set; } = true;

    /// <summary>USR-06: conseiller référent, prescripteur, référent de dispositif.</summary>
    public FonctionsCompte Fonctions { get; set; }

    /// <summary>USR-08: set once, for good; the account can no longer log in and its name reads "Donnée anonymisée".</summary>
    public DateTimeOffset? DesabonneLe { get; set; }

    /// <summary>Set at creation and at a forced reset: the person has not chosen a password yet.</summary>
    public DateTimeOffset? CreeLe { get; set; }

    /// <summary>Validateurs siège and administrators must use a second factor (they validate payments and manage accounts).</summary>
    public bool DeuxFacteursObligatoires => Profil is Profil.ValidateurSiege or Profil.Administrateur or Profil.AdministrateurNational;

    /// <summary>The name shown on événements, propositions and lists (USR-08).</summary>
    public string NomAffiche => DesabonneLe is null ? $"{Prenom} {Nom}" : ReglesComptes.DonneeAnonymisee;
}
