using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Dispositifs.ImprimerSortiesPacea;

namespace MissionLocale.Web.Pages.Dispositifs;

/// <summary>PACEA-10: the weekly list of PACEA exits "Réorientation anticipée autre dispositif", on screen and as a PDF.</summary>
public sealed class SortiesPaceaModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Semaine { get; set; }

    [BindProperty(SupportsGet = true)]
    public TriSortiesPacea Tri { get; set; } = TriSortiesPacea.DateSortie;

    public ListeSortiesPacea Liste { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Liste = await Mediator.Send(new ImprimerSortiesPaceaQuery(Semaine, Tri), ct);

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        var liste = await Mediator.Send(new ImprimerSortiesPaceaQuery(Semaine, Tri), ct);
        return File(liste.Pdf, "application/pdf", $"sorties-pacea-{liste.Lundi:yyyy-MM-dd}.pdf");
    }
}
