using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Reference.ListerChoix;
using MissionLocale.Application.Transferts.ListerPortefeuille;
using MissionLocale.Application.Transferts.TransfererJeunes;
using MissionLocale.Application.Transferts.TransfererReferentEntreprises;
using MissionLocale.Application.Transferts.TransfererReferentOffres;

namespace MissionLocale.Web.Pages.Administration;

/// <summary>USR-09: hand over a portfolio (all or selected jeunes) to another conseiller or lieu de rattachement; companies and offres de service.</summary>
public sealed class TransfertsModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public Guid? Depuis { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Apres { get; set; }

    [BindProperty]
    public Guid? Vers { get; set; }

    [BindProperty]
    public Guid? VersAntenne { get; set; }

    [BindProperty]
    public List<Guid> Jeunes { get; set; } = [];

    [BindProperty]
    public bool Tous { get; set; }

    public PortefeuilleConseiller? Portefeuille { get; private set; }

    /// <summary>Jeunes selected in a list (search results): the page asks where they go.</summary>
    public bool Selection { get; private set; }

    public IReadOnlyList<UtilisateurResume> Conseillers { get; private set; } = [];

    public IReadOnlyList<Choix<Guid>> Antennes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await ChargerAsync(ct);

    public async Task<IActionResult> OnPostJeunesAsync(CancellationToken ct)
    {
        var n = await TenterAsync(() => Mediator.Send(new TransfererJeunesCommand(Tous ? null : Jeunes, Depuis, Vers, VersAntenne, Tous), ct).AsTask(), string.Empty);
        return await ApresAsync($"{MissionLocale.Domain.Common.Libelles.Nombre(n, "dossier transféré", "dossiers transférés")} ; chacun garde la trace du transfert dans son historique.", ct);
    }

    public async Task<IActionResult> OnPostChoisirAsync(CancellationToken ct)
    {
        if (Jeunes.Count == 0)
        {
            ModelState.AddModelError(nameof(Jeunes), "Sélectionnez au moins un jeune dans la liste.");
        }

        Selection = Jeunes.Count > 0;
        await ChargerAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEntreprisesAsync(CancellationToken ct)
    {
        var n = await TenterAsync(() => Mediator.Send(new TransfererReferentEntreprisesCommand(Depuis ?? Guid.Empty, Vers ?? Guid.Empty), ct).AsTask(), string.Empty);
        return await ApresAsync($"{MissionLocale.Domain.Common.Libelles.Nombre(n, "entreprise transférée", "entreprises transférées")}.", ct);
    }

    public async Task<IActionResult> OnPostOffresAsync(CancellationToken ct)
    {
        var n = await TenterAsync(() => Mediator.Send(new TransfererReferentOffresCommand(Depuis ?? Guid.Empty, Vers ?? Guid.Empty), ct).AsTask(), string.Empty);
        return await ApresAsync($"{MissionLocale.Domain.Common.Libelles.Nombre(n, "offre de service transférée", "offres de service transférées")}.", ct);
    }

    private async Task<IActionResult> ApresAsync(string message, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            TempData["Message"] = message;
            return Redirect($"/Administration/Transferts?depuis={Depuis}");
        }

        Selection = Depuis is null && Jeunes.Count > 0;
        await ChargerAsync(ct);
        return Page();
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        Conseillers = await Mediator.Send(new ListerUtilisateursQuery(), ct);
        Antennes = await Mediator.Send(new ListerAntennesQuery(), ct);
        if (Depuis is not null)
        {
            Portefeuille = await Mediator.Send(new ListerPortefeuilleQuery(Depuis, Apres), ct);
        }
    }
}
