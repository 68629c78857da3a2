using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Cotraitance.ReparerRapprochement;

namespace MissionLocale.Web.Pages.Cotraitance;

/// <summary>PPAE-07: repair a wrong match: the partial dossier A and the right dossier B side by side, then the repair.</summary>
public sealed class ReparerModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Numero { get; set; }

    public ComparaisonDossiers? Comparaison { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Numero is not null)
        {
            try
            {
                Comparaison = await Mediator.Send(new ComparerDossiersQuery(Id, Guid.Empty, Numero), ct);
            }
            catch (NotFoundException e) when (e.Message.StartsWith("Dossier B", StringComparison.Ordinal))
            {
                ModelState.AddModelError(nameof(Numero), e.Message);
            }
        }
    }

    public async Task<IActionResult> OnPostAsync(int version, Guid dossierB, CancellationToken ct)
    {
        await TenterAsync(async () => await Mediator.Send(new ReparerRapprochementCommand(Id, version, dossierB), ct), string.Empty);
        if (ModelState.IsValid)
        {
            TempData["Message"] = "Rapprochement réparé : l'affectation est sur le bon dossier, le dossier partiel est supprimé.";
            return Redirect($"/Jeunes/Dossier/{dossierB}/ppae");
        }

        Comparaison = Numero is null ? null : await Mediator.Send(new ComparerDossiersQuery(Id, Guid.Empty, Numero), ct);
        return Page();
    }
}
