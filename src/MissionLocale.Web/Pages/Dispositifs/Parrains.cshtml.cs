using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Dispositifs.ConsulterBilanParrainages;
using MissionLocale.Application.Dispositifs.CreerParrain;
using MissionLocale.Application.Dispositifs.GererParrainage;
using MissionLocale.Application.Dispositifs.ListerParrains;

namespace MissionLocale.Web.Pages.Dispositifs;

/// <summary>PARR-01 volunteers, and the PARR-04 figures of the year.</summary>
public sealed class ParrainsModel(IMediator mediator, TimeProvider clock) : MlPageModel(mediator)
{
    public IReadOnlyList<ParrainDto> Parrains { get; private set; } = [];

    public BilanParrainages Bilan { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => await ChargerAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? nom, string? prenom, string? entreprise, string? metier, string? email, CancellationToken ct)
    {
        await TenterAsync(() => Mediator.Send(new CreerParrainCommand(nom ?? string.Empty, prenom ?? string.Empty, entreprise, metier, email, null), ct).AsTask(), string.Empty);
        if (ModelState.IsValid)
        {
            TempData["Message"] = "Bénévole enregistré.";
            return RedirectToPage();
        }

        await ChargerAsync(ct);
        return Page();
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        Parrains = await Mediator.Send(new ListerParrainsQuery(false), ct);
        Bilan = await Mediator.Send(new ConsulterBilanParrainagesQuery(clock.GetLocalNow().Year), ct);
    }
}
