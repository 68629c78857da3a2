using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Documents.DeposerDocument;
using MissionLocale.Application.Documents.GererDocuments;
using MissionLocale.Application.Documents.ListerDocuments;
using MissionLocale.Domain.Documents;

namespace MissionLocale.Web.Pages.Jeunes;

/// <summary>The dossier's documents: list, upload (type checked by content), download (logged).</summary>
public sealed class DocumentsModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public CategorieDocument Categorie { get; set; } = CategorieDocument.PieceJustificative;

    [BindProperty]
    public IFormFile? Fichier { get; set; }

    public MissionLocale.Application.Jeunes.ConsulterEntete.EnteteDossier Entete { get; private set; } = null!;

    public IReadOnlyList<DocumentDto> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ChargerAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Fichier is null)
        {
            ModelState.AddModelError(nameof(Fichier), "Choisissez un fichier.");
        }
        else
        {
            using var ms = new MemoryStream();
            await Fichier.CopyToAsync(ms, ct);
            var id = await TenterAsync(() => Mediator.Send(new DeposerDocumentCommand(Id, Categorie, Fichier.FileName, ms.ToArray()), ct).AsTask(), string.Empty);
            if (id != Guid.Empty)
            {
                TempData["Message"] = "Document déposé.";
                return Redirect($"/Jeunes/Dossier/{Id}/documents");
            }
        }

        return await ChargerAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        try
        {
            Entete = await Mediator.Send(new MissionLocale.Application.Jeunes.ConsulterEntete.ConsulterEnteteQuery(Id, "Consultation des documents"), ct);
            Documents = await Mediator.Send(new ListerDocumentsQuery(Id), ct);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
