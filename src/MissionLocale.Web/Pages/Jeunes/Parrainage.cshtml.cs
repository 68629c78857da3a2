using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.ConsulterParrainage;
using MissionLocale.Application.Dispositifs.EnregistrerActionParrainage;
using MissionLocale.Application.Dispositifs.GererParrainage;
using MissionLocale.Application.Dispositifs.ValiderParrainage;
using MissionLocale.Application.Jeunes.ConsulterEntete;

namespace MissionLocale.Web.Pages.Jeunes;

/// <summary>PARR-03: the actions of a parrainage and its validation.</summary>
public sealed class ParrainageModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid DispositifId { get; set; }

    public EnteteDossier Entete { get; private set; } = null!;

    public ParrainageDto Parrainage { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ChargerAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostActionAsync(int version, DateOnly? date, string? domaine, string? libelle, CancellationToken ct) =>
        EnvoyerAsync(() => Mediator.Send(new EnregistrerActionParrainageCommand(DispositifId, version, date ?? default, domaine ?? string.Empty, libelle ?? string.Empty), ct).AsTask(), "Action enregistrée.", ct);

    public Task<IActionResult> OnPostValiderAsync(int version, CancellationToken ct) =>
        EnvoyerAsync(() => Mediator.Send(new ValiderParrainageCommand(DispositifId, version), ct).AsTask(), "Parrainage validé.", ct);

    private async Task<IActionResult> EnvoyerAsync(Func<Task<int>> action, string message, CancellationToken ct)
    {
        await TenterAsync(action, string.Empty);
        if (ModelState.IsValid)
        {
            TempData["Message"] = message;
            return Redirect($"/Jeunes/Dossier/{Id}/parrainage/{DispositifId}");
        }

        return await ChargerAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        try
        {
            Entete = await Mediator.Send(new ConsulterEnteteQuery(Id, "Consultation du parrainage"), ct);
            Parrainage = await Mediator.Send(new ConsulterParrainageQuery(DispositifId), ct);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
