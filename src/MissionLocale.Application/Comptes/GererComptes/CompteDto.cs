using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Comptes.GererComptes;

/// <summary>An account of the structure as its administrator sees it.</summary>
public sealed record CompteDto(Guid Id, string Login, string Prenom, string Nom, Profil Profil, bool Actif, DateTimeOffset? VerrouilleJusquA, int EchecsConnexion, string? Email, Domain.Jeunes.Civilite? Civilite = null)
{
    public Guid? AntenneId { get; init; }

    public FonctionsCompte Fonctions { get; init; }

    public bool Desabonne { get; init; }

    /// <summary>The second factor is set up (TOTP).</summary>
    public bool DeuxFacteurs { get; init; }

    /// <summary>Created or reset and no password chosen yet.</summary>
    public bool EnAttentePremiereConnexion { get; init; }

    public string Libelle => MatriceDroits.Libelle(Profil, Civilite);
}
