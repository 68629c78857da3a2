using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionLocale.Application.Common;
using MissionLocale.Application.Documents.GererDocuments;

namespace MissionLocale.Web.Pages.Jeunes;

/// <summary>Download of a dossier document (logged by the use case).</summary>
public sealed class DocumentModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var f = await mediator.Send(new TelechargerDocumentQuery(id), ct);
            return File(f.Contenu, f.TypeMime, f.Nom);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
