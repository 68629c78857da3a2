using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionLocale.Application.Documents.GenererConvocation;

namespace MissionLocale.Web.Pages.RendezVous;

/// <summary>RDV-03: the day's convocations of the user as one PDF.</summary>
public sealed class ConvocationsModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(DateOnly? jour, CancellationToken ct)
    {
        // Without "jour" (a bookmark, a shared link): today's convocations, today in Europe/Paris.
        var horloge = HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var date = jour ?? DateOnly.FromDateTime(horloge.GetLocalNow().DateTime);
        var lot = await mediator.Send(new ImprimerConvocationsDuJourQuery(date), ct);
        if (lot.Ecartees.Count > 0)
        {
            Response.Headers["X-Convocations-Ecartees"] = lot.Ecartees.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return File(lot.Pdf, "application/pdf", $"convocations-{date:yyyy-MM-dd}.pdf");
    }
}
