using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Demenagements.AccepterDemenagement;
using MissionLocale.Application.Demenagements.AnnulerDemenagement;
using MissionLocale.Application.Demenagements.DemanderDemenagement;
using MissionLocale.Application.Demenagements.ListerDemenagements;
using MissionLocale.Application.Demenagements.RechercherDossierAilleurs;
using MissionLocale.Application.Demenagements.RefuserDemenagement;

namespace MissionLocale.Web.Pages.Jeunes;

/// <summary>DEM-01 to DEM-07 (proposal): ask another Mission Locale for the dossier of a jeune who moved here; answer the requests for ours.</summary>
public sealed class DemenagementsModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public string? Nom { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Prenom { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? DateNaissance { get; set; }

    [BindProperty]
    public Guid Reference { get; set; }

    [BindProperty]
    public string? Motif { get; set; }

    [BindProperty]
    public bool AccordJeune { get; set; }

    [BindProperty]
    public bool ReprendreDispositifs { get; set; }

    [BindProperty]
    public string? MotifRefus { get; set; }

    public IReadOnlyList<DossierTrouveAilleurs>? Trouves { get; private set; }

    public Demenagements? Demandes { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Nom is not null || Prenom is not null || DateNaissance is not null)
        {
            Trouves = await TenterAsync(() => Mediator.Send(new RechercherDossierAilleursQuery(Nom, Prenom, DateNaissance), ct).AsTask(), string.Empty);
        }

        Demandes = await Mediator.Send(new ListerDemenagementsQuery(), ct);
    }

    public async Task<IActionResult> OnPostDemanderAsync(CancellationToken ct)
    {
        await TenterAsync(() => Mediator.Send(new DemanderDemenagementCommand(Reference, Nom, Prenom, DateNaissance, Motif, AccordJeune, ReprendreDispositifs), ct).AsTask(), string.Empty);
        return await ApresAsync("Demande envoyée : la Mission Locale qui détient le dossier l'accepte ou la refuse ; vous le verrez ici.", ct);
    }

    public async Task<IActionResult> OnPostAccepterAsync(Guid id, int version, CancellationToken ct)
    {
        await TenterAsync(async () => await Mediator.Send(new AccepterDemenagementCommand(id, version), ct), string.Empty);
        return await ApresAsync("Demande acceptée : le dossier est transféré.", ct);
    }

    public async Task<IActionResult> OnPostRefuserAsync(Guid id, int version, CancellationToken ct)
    {
        await TenterAsync(async () => await Mediator.Send(new RefuserDemenagementCommand(id, version, MotifRefus), ct), string.Empty);
        return await ApresAsync("Demande refusée.", ct);
    }

    public async Task<IActionResult> OnPostAnnulerAsync(Guid id, int version, CancellationToken ct)
    {
        await TenterAsync(async () => await Mediator.Send(new AnnulerDemenagementCommand(id, version), ct), string.Empty);
        return await ApresAsync("Demande retirée.", ct);
    }

    private async Task<IActionResult> ApresAsync(string message, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            TempData["Message"] = message;
            return RedirectToPage();
        }

        if (Nom is not null && Prenom is not null && DateNaissance is not null)
        {
            Trouves = await Mediator.Send(new RechercherDossierAilleursQuery(Nom, Prenom, DateNaissance), ct);
        }

        Demandes = await Mediator.Send(new ListerDemenagementsQuery(), ct);
        return Page();
    }
}
