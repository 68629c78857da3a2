using System.Text;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionLocale.Application.RendezVous.ExporterAgenda;

namespace MissionLocale.Web.Pages.RendezVous;

/// <summary>The user's agenda as an iCalendar file.</summary>
public sealed class AgendaModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        File(Encoding.UTF8.GetBytes(await mediator.Send(new ExporterAgendaQuery(), ct)), "text/calendar; charset=utf-8", "agenda.ics");
}
