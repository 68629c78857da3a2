namespace MissionLocale.Domain.Utilisateurs;

/// <summary>USR-06: a profile is a set of rights.</summary>
public enum Profil
{
    ChargeAccueil = 1,
    Conseiller = 2,
    ValidateurSiege = 3,
    Direction = 4,
    Administrateur = 5,

    /// <summary>DISP-06: changes the national reference data (rule parameters, barème) for every Mission Locale.</summary>
    AdministrateurNational = 6,
}

/// <summary>What a user may do. The matrix below is documented in docs/profils-et-droits.md.</summary>
public enum Droit
{
    EnregistrerPremierAccueil,
    RechercherJeunes,
    ConsulterDossier,
    ModifierDossier,
    JustifierIdentite,
    CertifierNir,
    ChangerReferent,
    ConsulterHistorique,
    GererReferentiels,
    EnregistrerEvenement,
    GererOffres,
    PlanifierRendezVous,
    GererDocuments,
    GererModelesLettre,
    GererDispositifs,

    /// <summary>ALLOC-13: validate CERFA and allocations, build batches, import ASP returns (with an active RGS delegation).</summary>
    ValiderAllocations,

    /// <summary>ALLOC-13: grant and revoke RGS certificate delegations.</summary>
    GererDelegationsRgs,

    /// <summary>ALLOC-06: a "versement hors délai" for a past month of a CEJ.</summary>
    VersementHorsDelai,

    /// <summary>DISP-06: read the national reference data (types, motives, parameters, barème) with their history.</summary>
    ConsulterReferentielNational,

    /// <summary>DISP-06: schedule a new value of national reference data; the national administrator only.</summary>
    GererReferentielNational,

    /// <summary>USR-09: bulk transfers of jeunes (référent, lieu de rattachement), companies and offres de service.</summary>
    TransfererEnMasse,

    /// <summary>USR-06: create Missions Locales with their territory and first administrator; the national administrator only.</summary>
    GererStructures,

    /// <summary>DEM-01..07 (proposal): ask for a dossier of another Mission Locale, accept or refuse a request for one of ours.</summary>
    DemenagerDossiers,

    /// <summary>ENT-01: companies and their contacts.</summary>
    GererEntreprises,

    /// <summary>USR-01..08: the structure's accounts (unlock, forced password reset; creation comes with the administration issue).</summary>
    GererComptes,

    /// <summary>PIL-03: the structure's dashboards, exports and territorial report (direction and conseillers).</summary>
    ConsulterTableauxDeBord,

    /// <summary>PIL-03: the same indicators across all structures, counts only; the national administrator.</summary>
    ConsulterIndicateursNationaux,

    /// <summary>RGPD-03: see the dossiers due for anonymisation and postpone one.</summary>
    GererConservation,

    /// <summary>PPAE-01 / PPAE-02: import, accept or refuse France Travail's assignments, match and assign them; with the gestionnaire de la cotraitance function.</summary>
    GererCotraitance,

    /// <summary>CER-01 to CER-07, EP-01 to EP-06: the RSA référent's work (parcours, CER, saisines EP).</summary>
    GererRsa,

    /// <summary>CER-06, EP-03: the département's validator (with the function of the account): validate or refuse a CER, decide on a saisine.</summary>
    ValiderRsa,
}

public static class MatriceDroits
{
    private static readonly Dictionary<Profil, HashSet<Droit>> Droits = new()
    {
        [Profil.ChargeAccueil] =
        [
            Droit.EnregistrerPremierAccueil, Droit.RechercherJeunes, Droit.ConsulterDossier,
            Droit.ModifierDossier, Droit.JustifierIdentite, Droit.PlanifierRendezVous, Droit.GererDocuments,
        ],
        [Profil.Conseiller] =
        [
            Droit.EnregistrerPremierAccueil, Droit.RechercherJeunes, Droit.ConsulterDossier,
            Droit.ModifierDossier, Droit.JustifierIdentite, Droit.CertifierNir, Droit.ChangerReferent,
            Droit.ConsulterHistorique, Droit.EnregistrerEvenement, Droit.GererOffres, Droit.PlanifierRendezVous, Droit.GererDocuments,
            Droit.GererDispositifs, Droit.GererEntreprises, Droit.DemenagerDossiers, Droit.ConsulterTableauxDeBord,
            Droit.GererCotraitance, Droit.GererRsa,
        ],
        [Profil.ValidateurSiege] =
        [
            Droit.RechercherJeunes, Droit.ConsulterDossier, Droit.ConsulterHistorique, Droit.ValiderAllocations, Droit.ValiderRsa,
        ],
        [Profil.Direction] =
        [
            Droit.RechercherJeunes, Droit.ConsulterDossier, Droit.ModifierDossier, Droit.ChangerReferent,
            Droit.ConsulterHistorique, Droit.GererOffres, Droit.VersementHorsDelai, Droit.TransfererEnMasse, Droit.GererEntreprises, Droit.DemenagerDossiers,
            Droit.ConsulterTableauxDeBord, Droit.GererConservation, Droit.GererCotraitance, Droit.ValiderRsa,
        ],
        [Profil.Administrateur] =
        [
            Droit.RechercherJeunes, Droit.ConsulterDossier, Droit.ConsulterHistorique, Droit.ChangerReferent,
            Droit.GererReferentiels, Droit.GererOffres, Droit.GererModelesLettre, Droit.GererDelegationsRgs, Droit.ConsulterReferentielNational,
            Droit.GererComptes, Droit.TransfererEnMasse, Droit.GererEntreprises,
        ],
        [Profil.AdministrateurNational] =
        [
            Droit.ConsulterReferentielNational, Droit.GererReferentielNational, Droit.GererStructures, Droit.ConsulterIndicateursNationaux,
        ],
    };

    public static bool A(Profil profil, Droit droit) => Droits.TryGetValue(profil, out var d) && d.Contains(droit);

    public static IReadOnlySet<Droit> De(Profil profil) => Droits[profil];

    /// <summary>The profile's label agreed with the person's civilité: "Conseillère", "Chargée d'accueil", "Validatrice siège".</summary>
    public static string Libelle(Profil profil, Jeunes.Civilite? civilite) => civilite != Jeunes.Civilite.Madame ? Libelle(profil) : profil switch
    {
        Profil.ChargeAccueil => "Chargée d'accueil",
        Profil.Conseiller => "Conseillère",
        Profil.ValidateurSiege => "Validatrice siège",
        Profil.Administrateur => "Administratrice",
        Profil.AdministrateurNational => "Administratrice nationale",
        _ => Libelle(profil),
    };

    public static string Libelle(Profil profil) => profil switch
    {
        Profil.ChargeAccueil => "Chargé d'accueil",
        Profil.Conseiller => "Conseiller",
        Profil.ValidateurSiege => "Validateur siège",
        Profil.Direction => "Direction",
        Profil.Administrateur => "Administrateur",
        Profil.AdministrateurNational => "Administrateur national",
        _ => profil.ToString(),
    };
}
