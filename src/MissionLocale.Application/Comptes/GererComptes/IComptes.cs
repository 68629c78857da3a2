using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Comptes.GererComptes;

/// <summary>
/// The accounts, through ASP.NET Identity (the Web layer implements it: password hashing, tokens, stamps). Every method
/// taking a structure is restricted to it: an account of another Mission Locale is "introuvable" (null / false). The
/// rules (USR-01 to USR-08) are checked by the use cases before calling it.
/// </summary>
public interface IComptes
{
    Task<IReadOnlyList<CompteDto>> ListerAsync(Guid structureId, CancellationToken ct);

    Task<CompteDto?> TrouverAsync(Guid structureId, Guid compteId, CancellationToken ct);

    /// <summary>USR-03: accounts of every structure whose nom and prénom match (accents and case ignored), unsubscribed ones excepted.</summary>
    Task<IReadOnlyList<CompteNational>> RechercherNationalAsync(Guid structureId, string nom, string prenom, CancellationToken ct);

    /// <summary>USR-03: an account of any structure by its id (for attaching it here); null when unknown or unsubscribed.</summary>
    Task<CompteNational?> RechercherParIdAsync(Guid structureId, Guid compteId, CancellationToken ct);

    /// <summary>USR-05: "Prénom Nom" of the structure's Direction other than <paramref name="sauf"/>, deactivated included; null when none.</summary>
    Task<string?> DirectionAsync(Guid structureId, Guid? sauf, CancellationToken ct);

    /// <summary>USR-01/02: creates the account with its login and no password, and e-mails the first-access link.</summary>
    Task<CompteCree> CreerAsync(Guid structureId, NouveauCompte compte, CancellationToken ct);

    /// <summary>USR-03: moves an account (same login, same password) to this structure with a profile there; false when unknown.</summary>
    Task<bool> RattacherAsync(Guid compteId, Guid structureId, Guid? antenneId, Profil profil, FonctionsCompte fonctions, CancellationToken ct);

    /// <summary>Profile, antenne, functions and e-mail; the caller checked USR-05.</summary>
    Task<bool> ModifierAsync(Guid structureId, Guid compteId, Guid? antenneId, Profil profil, FonctionsCompte fonctions, string email, CancellationToken ct);

    /// <summary>USR-04: a change of name of the same person; the login stays.</summary>
    Task<bool> RenommerAsync(Guid structureId, Guid compteId, string nom, CancellationToken ct);

    /// <summary>USR-08: reversible; a deactivated account's sessions and API tokens stop at once.</summary>
    Task<bool> ChangerActivationAsync(Guid structureId, Guid compteId, bool actif, CancellationToken ct);

    /// <summary>USR-08: final; the personal data of the account is erased, its login stays reserved.</summary>
    Task<bool> DesabonnerAsync(Guid structureId, Guid compteId, CancellationToken ct);

    /// <summary>The person lost their phone and recovery codes: the second factor is removed, sessions and tokens end; a required profile enrols again at the next login.</summary>
    Task<bool> ReinitialiserDeuxFacteursAsync(Guid structureId, Guid compteId, CancellationToken ct);

    /// <summary>Ends a lockout now and resets the count of failed attempts; false when the account is not of the structure.</summary>
    Task<bool> DeverrouillerAsync(Guid structureId, Guid compteId, CancellationToken ct);

    /// <summary>
    /// Forces a new password: the current one stops working, every session and token of the account ends, and a
    /// single-use link valid 24 hours is sent to the account's e-mail (the administrator never chooses nor sees a
    /// password). Returns the e-mail the link went to; null when the account is not of the structure.
    /// </summary>
    Task<string?> ForcerReinitialisationAsync(Guid structureId, Guid compteId, CancellationToken ct);
}

/// <summary>What an administrator enters to create an account (USR-01, USR-06).</summary>
public sealed record NouveauCompte(Domain.Jeunes.Civilite? Civilite, string Nom, string Prenom, string Email, Guid? AntenneId, Profil Profil, FonctionsCompte Fonctions);

/// <summary>The account created: its login (USR-02) and where the first-access link went.</summary>
public sealed record CompteCree(Guid Id, string Login, string Email);

/// <summary>USR-03: an existing account found by the national search (no personal data beyond what identifies it).</summary>
public sealed record CompteNational(Guid Id, string Login, string Prenom, string Nom, string Structure, bool Actif, bool DansMaStructure);
