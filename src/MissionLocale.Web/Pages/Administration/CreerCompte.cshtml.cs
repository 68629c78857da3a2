using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Comptes.CreerCompte;
using MissionLocale.Application.Comptes.GererComptes;
using MissionLocale.Application.Comptes.RattacherCompte;
using MissionLocale.Application.Comptes.RechercherComptesNational;
using MissionLocale.Application.Reference.ListerChoix;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Web.Pages.Administration;

/// <summary>USR-01 to USR-03: create the account of a person, after the national search offered to attach an existing one.</summary>
public sealed class CreerCompteModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty]
    public Civilite? Civilite { get; set; }

    [BindProperty]
    public string? Nom { get; set; }

    [BindProperty]
    public string? Prenom { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public Guid? AntenneId { get; set; }

    [BindProperty]
    public Profil? Profil { get; set; }

    [BindProperty]
    public List<FonctionsCompte> Fonctions { get; set; } = [];

    [BindProperty]
    public bool CreerMalgreHomonymes { get; set; }

    public IReadOnlyList<CompteNational> Existants { get; private set; } = [];

    public IReadOnlyList<Choix<Guid>> Antennes { get; private set; } = [];

    public static IReadOnlyList<Profil> Profils { get; } = [Domain.Utilisateurs.Profil.ChargeAccueil, Domain.Utilisateurs.Profil.Conseiller, Domain.Utilisateurs.Profil.ValidateurSiege, Domain.Utilisateurs.Profil.Direction, Domain.Utilisateurs.Profil.Administrateur];

    public static IReadOnlyList<(FonctionsCompte Valeur, string Libelle)> ToutesFonctions { get; } =
        [(FonctionsCompte.ConseillerReferent, "Conseiller référent"), (FonctionsCompte.Prescripteur, "Prescripteur"), (FonctionsCompte.ReferentDispositif, "Référent de dispositif"),
            (FonctionsCompte.DelegueProtectionDonnees, "Délégué à la protection des données"), (FonctionsCompte.GestionnaireCotraitance, "Gestionnaire de la cotraitance France Travail"),
            (FonctionsCompte.ValidateurDepartement, "Validateur du département (CER et saisines EP)")];

    private FonctionsCompte FonctionsChoisies => Fonctions.Aggregate(FonctionsCompte.Aucune, (a, f) => a | f);

    public async Task OnGetAsync(CancellationToken ct) => Antennes = await Mediator.Send(new ListerAntennesQuery(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Antennes = await Mediator.Send(new ListerAntennesQuery(), ct);
        if (!CreerMalgreHomonymes && !string.IsNullOrWhiteSpace(Nom) && !string.IsNullOrWhiteSpace(Prenom))
        {
            // USR-03: the national search comes first; the administrator chooses to attach or to create.
            Existants = await Mediator.Send(new RechercherComptesNationalQuery(Nom, Prenom), ct);
            if (Existants.Count > 0)
            {
                return Page();
            }
        }

        var cree = await TenterAsync(() => Mediator.Send(new CreerCompteCommand(Civilite, Nom, Prenom, Email, AntenneId, Profil, FonctionsChoisies, CreerMalgreHomonymes), ct).AsTask(), string.Empty);
        if (!ModelState.IsValid || cree is null)
        {
            return Page();
        }

        TempData["Message"] = $"Compte créé : identifiant {cree.Login}. Un lien pour choisir son mot de passe a été envoyé à {cree.Email} (valable 24 heures, une seule fois).";
        return Redirect("/Administration/Comptes");
    }

    public async Task<IActionResult> OnPostRattacherAsync(Guid compteId, CancellationToken ct)
    {
        await TenterAsync(async () => await Mediator.Send(new RattacherCompteCommand(compteId, AntenneId, Profil, FonctionsChoisies), ct), string.Empty);
        if (ModelState.IsValid)
        {
            TempData["Message"] = "Compte rattaché à votre structure : la personne se connecte avec le même identifiant et le même mot de passe.";
            return Redirect("/Administration/Comptes");
        }

        Antennes = await Mediator.Send(new ListerAntennesQuery(), ct);
        Existants = await Mediator.Send(new RechercherComptesNationalQuery(Nom, Prenom), ct);
        return Page();
    }
}
