using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Reference.ParametresDispositifs;

namespace MissionLocale.Web.Pages.Reference;

/// <summary>DISP-04: administrators see the dated reference data of the dispositifs and schedule new parameter values.</summary>
public sealed class DispositifsModel(IMediator mediator) : MlPageModel(mediator)
{
    public ReferentielDispositifsDto Referentiel { get; private set; } = null!;

    // A profile without the right gets the French 403 page from the app's error handling (GestionErreurs).
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Referentiel = await Mediator.Send(new ConsulterReferentielDispositifsQuery(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? valeur, DateOnly? dateDebut, CancellationToken ct)
    {
        await TenterAsync(async () => await Mediator.Send(new AjouterVersionParametreCommand(code ?? string.Empty, valeur ?? string.Empty, dateDebut ?? default), ct), string.Empty);
        if (ModelState.IsValid)
        {
            TempData["Message"] = "Nouvelle valeur programmée.";
            return RedirectToPage();
        }

        return await OnGetAsync(ct);
    }
}
