using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Cotraitance.AccepterAffectations;
using MissionLocale.Application.Cotraitance.AffecterAffectations;
using MissionLocale.Application.Cotraitance.AnnulerRapprochement;
using MissionLocale.Application.Cotraitance.ImporterAffectations;
using MissionLocale.Application.Cotraitance.ListerAffectations;
using MissionLocale.Application.Cotraitance.RapprocherAffectation;
using MissionLocale.Application.Cotraitance.RefuserAffectation;
using MissionLocale.Application.Cotraitance.TransmettreFlux;
using MissionLocale.Application.Reference.ListerChoix;
using MissionLocale.Domain.Cotraitance;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Web.Pages.Cotraitance;

/// <summary>PPAE-01 / PPAE-02: the gestionnaire de la cotraitance's page: import, accept or refuse, the three lists, assign, the day's flows file.</summary>
public sealed class AffectationsModel(IMediator mediator) : MlPageModel(mediator)
{
    public static readonly (OngletCotraitance Onglet, string Titre)[] Onglets =
    [
        (OngletCotraitance.AAccepter, "À accepter"), (OngletCotraitance.DeNonConnus, "DE non connus"), (OngletCotraitance.RapprochementsPossibles, "Rapprochements possibles"),
        (OngletCotraitance.Reaffectations, "Réaffectations France Travail"), (OngletCotraitance.Refusees, "Refusées"),
    ];

    [BindProperty(SupportsGet = true)]
    public OngletCotraitance Onglet { get; set; } = OngletCotraitance.AAccepter;

    [BindProperty]
    public List<Guid> Selection { get; set; } = [];

    [BindProperty]
    public Guid? ConseillerId { get; set; }

    public ListeAffectations Liste { get; private set; } = null!;

    public IReadOnlyList<Application.Common.UtilisateurResume> Conseillers { get; private set; } = [];

    public ResultatImportAffectations? Import { get; private set; }

    public ResultatAcceptation? Acceptation { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var interdit = await ChargerAsync(ct);
        return interdit ?? Page();
    }

    public async Task<IActionResult> OnPostImporterAsync(IFormFile? fichier, CancellationToken ct)
    {
        byte[] contenu = [];
        if (fichier is not null)
        {
            using var ms = new MemoryStream();
            await fichier.CopyToAsync(ms, ct);
            contenu = ms.ToArray();
        }

        Import = await TenterAsync(() => Mediator.Send(new ImporterAffectationsCommand(fichier?.FileName ?? string.Empty, contenu), ct).AsTask(), string.Empty);
        if (Import is { Accepte: false })
        {
            RegleRefus = "PPAE-01";
            ModelState.AddModelError("fichier", "Fichier rejeté en entier : rien n'a été importé. Corrigez les lignes ci-dessous.");
        }

        Onglet = OngletCotraitance.AAccepter;
        return await ChargerAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAccepterAsync(CancellationToken ct)
    {
        Acceptation = await TenterAsync(() => Mediator.Send(new AccepterAffectationsCommand(Selection), ct).AsTask(), string.Empty);
        return await ChargerAsync(ct) ?? Page();
    }

    public Task<IActionResult> OnPostRefuserAsync(Guid id, int version, MotifRefusAffectation? motif, CancellationToken ct) =>
        ApresAsync(async () => await Mediator.Send(new RefuserAffectationCommand(id, version, motif), ct), "Affectation refusée.", ct);

    public Task<IActionResult> OnPostRapprocherAsync(Guid id, int version, Guid jeuneId, CancellationToken ct) =>
        ApresAsync(async () => await Mediator.Send(new RapprocherAffectationCommand(id, version, jeuneId), ct), "Affectation rattachée au dossier (« Rapproché DUDE »).", ct);

    public Task<IActionResult> OnPostAnnulerAsync(Guid id, int version, CancellationToken ct) =>
        ApresAsync(async () => await Mediator.Send(new AnnulerRapprochementCommand(id, version), ct), "Rapprochement annulé : choisissez le bon dossier.", ct);

    public Task<IActionResult> OnPostAffecterAsync(CancellationToken ct) =>
        ApresAsync(() => Mediator.Send(new AffecterAffectationsCommand(Selection, ConseillerId), ct).AsTask(), "Affectations confiées au conseiller : attente planification de rendez-vous.", ct);

    public async Task<IActionResult> OnPostFluxAsync(CancellationToken ct)
    {
        var f = await TenterAsync(() => Mediator.Send(new ProduireFichierFluxCommand(), ct).AsTask(), string.Empty);
        return f is null ? await ChargerAsync(ct) ?? Page() : File(f.Contenu, "text/csv; charset=utf-8", f.NomFichier);
    }

    private async Task<IActionResult> ApresAsync<T>(Func<Task<T>> action, string message, CancellationToken ct)
    {
        await TenterAsync(action, string.Empty);
        if (ModelState.IsValid)
        {
            TempData["Message"] = message;
            return Redirect($"/Cotraitance/Affectations?onglet={Onglet}");
        }

        return await ChargerAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> ChargerAsync(CancellationToken ct)
    {
        if (!Enum.IsDefined(Onglet))
        {
            Onglet = OngletCotraitance.AAccepter;
        }

        // Without the gestionnaire's function the query refuses: the 403 page says so.
        Liste = await Mediator.Send(new ListerAffectationsQuery(Onglet), ct);
        Conseillers = (await Mediator.Send(new ListerUtilisateursQuery(Profil.Conseiller), ct)).Where(u => u.Actif && (u.Fonctions & FonctionsCompte.ConseillerReferent) != 0).ToList();
        return null;
    }
}
