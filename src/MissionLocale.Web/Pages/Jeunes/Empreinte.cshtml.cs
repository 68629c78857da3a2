using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Documents.VerifierDocument;

namespace MissionLocale.Web.Pages.Jeunes;

/// <summary>CER-08: a stored document's SHA-256, and the check of a copy someone sends back (identical byte for byte, or not).</summary>
public sealed class EmpreinteModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public VerificationDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ChargerAsync(null, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(IFormFile? copie, CancellationToken ct)
    {
        if (copie is not { Length: > 0 })
        {
            ModelState.AddModelError("copie", "Le fichier à vérifier est obligatoire.");
            return await ChargerAsync(null, ct) ? Page() : NotFound();
        }

        using var ms = new MemoryStream();
        await copie.CopyToAsync(ms, ct);
        return await ChargerAsync(ms.ToArray(), ct) ? Page() : NotFound();
    }

    private async Task<bool> ChargerAsync(byte[]? copie, CancellationToken ct)
    {
        try
        {
            Document = await Mediator.Send(new VerifierDocumentQuery(Id, copie), ct);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
