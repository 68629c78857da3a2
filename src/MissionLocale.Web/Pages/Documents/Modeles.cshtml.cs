using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Documents;
using MissionLocale.Application.Documents.GererModeles;
using MissionLocale.Application.Documents.ListerModeles;
using MissionLocale.Application.Documents.ModifierModele;
using MissionLocale.Application.Documents.PrevisualiserModele;

namespace MissionLocale.Web.Pages.Documents;

/// <summary>RDV-03: letter templates, edited by an administrator, with a PDF preview.</summary>
public sealed class ModelesModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty]
    public Guid ModeleId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string Titre { get; set; } = string.Empty;

    [BindProperty]
    public string Corps { get; set; } = string.Empty;

    public IReadOnlyList<ModeleDto> Modeles { get; private set; } = [];

    public static IReadOnlyList<string> Champs => Publipostage.Champs;

    public async Task OnGetAsync(CancellationToken ct) => Modeles = await Mediator.Send(new ListerModelesQuery(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var v = await TenterAsync(() => Mediator.Send(new ModifierModeleCommand(ModeleId, Version, Titre, Corps), ct).AsTask(), string.Empty);
        if (v > 0)
        {
            TempData["Message"] = "Modèle enregistré.";
            return RedirectToPage();
        }

        Modeles = await Mediator.Send(new ListerModelesQuery(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostApercuAsync(CancellationToken ct)
    {
        var pdf = await TenterAsync(() => Mediator.Send(new PrevisualiserModeleQuery(Titre, Corps), ct).AsTask(), string.Empty);
        if (pdf is not null)
        {
            return File(pdf, "application/pdf", "apercu.pdf");
        }

        Modeles = await Mediator.Send(new ListerModelesQuery(), ct);
        return Page();
    }
}
