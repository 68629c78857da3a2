using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Allocations.ConsulterCerfa;
using MissionLocale.Application.Allocations.RenvoyerCerfa;
using MissionLocale.Application.Allocations.ValiderAllocations;
using MissionLocale.Application.Allocations.ValiderCerfa;
using MissionLocale.Application.Common;

namespace MissionLocale.Web.Pages.Allocations;

/// <summary>ALLOC-13 / CERFA-03: the validator reads the signed scan beside the dossier's data, then validates.</summary>
public sealed class CerfaModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public CerfaDetail Cerfa { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ChargerAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int version, CancellationToken ct)
    {
        var r = await TenterAsync(() => Mediator.Send(new ValiderCerfaCommand(Id, version), ct).AsTask(), "Cerfa");
        if (r is not null)
        {
            TempData["Message"] = "CERFA validé, avec sa première allocation.";
            return Redirect("/Allocations/Siege");
        }

        return await ChargerAsync(ct) ? Page() : NotFound();
    }

    /// <summary>CERFA-05: sent back to the conseiller with a motive.</summary>
    public async Task<IActionResult> OnPostRenvoyerAsync(int version, string? motif, CancellationToken ct)
    {
        MotifRenvoi = motif;
        var r = await TenterAsync(() => Mediator.Send(new RenvoyerCerfaCommand(Id, version, motif ?? string.Empty), ct).AsTask(), string.Empty);
        if (r is not null)
        {
            TempData["Message"] = "CERFA renvoyé au conseiller avec le motif indiqué.";
            return Redirect("/Allocations/Siege");
        }

        return await ChargerAsync(ct) ? Page() : NotFound();
    }

    public string? MotifRenvoi { get; private set; }

    public static IReadOnlyList<string> MotifsRenvoi { get; } = ["Scan illisible", "Signature manquante", "Données différentes du dossier"];

    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        try
        {
            Cerfa = await Mediator.Send(new ConsulterCerfaQuery(Id), ct);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
