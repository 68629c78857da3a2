using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionLocale.Application.Common;
using MissionLocale.Application.Documents.TelechargerDocument;

namespace MissionLocale.Web.Pages.Jeunes;

/// <summary>Download of a dossier document (logged by the use case); <c>apercu</c> shows a PDF or an image in the page
/// (the siège reads a signed CERFA's scan beside its data, ALLOC-13).</summary>
public sealed class DocumentModel(IMediator mediator) : PageModel
{
    private static readonly string[] Affichables = ["application/pdf", "image/png", "image/jpeg"];

    public async Task<IActionResult> OnGetAsync(Guid id, bool apercu, CancellationToken ct)
    {
        try
        {
            var f = await mediator.Send(new TelechargerDocumentQuery(id), ct);
            if (apercu && Affichables.Contains(f.TypeMime))
            {
                Response.Headers.ContentDisposition = $"inline; filename*=UTF-8''{Uri.EscapeDataString(f.Nom)}";
                Response.Headers.XContentTypeOptions = "nosniff";
                return File(f.Contenu, f.TypeMime);
            }

            return File(f.Contenu, f.TypeMime, f.Nom);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
