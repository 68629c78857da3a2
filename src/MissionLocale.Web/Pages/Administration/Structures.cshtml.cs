using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Structures.CreerStructure;
using MissionLocale.Application.Structures.ListerStructures;
using MissionLocale.Domain.Jeunes;

namespace MissionLocale.Web.Pages.Administration;

/// <summary>USR-06: the national administrator's list of Missions Locales and the creation of a new one.</summary>
public sealed class StructuresModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Nom { get; set; }

    [BindProperty]
    public string? AdresseVoie { get; set; }

    [BindProperty]
    public string? CodePostal { get; set; }

    [BindProperty]
    public string? CommuneInsee { get; set; }

    /// <summary>The territory's INSEE codes, separated by spaces, commas or lines.</summary>
    [BindProperty]
    public string? Communes { get; set; }

    [BindProperty]
    public Civilite? AdministrateurCivilite { get; set; }

    [BindProperty]
    public string? AdministrateurNom { get; set; }

    [BindProperty]
    public string? AdministrateurPrenom { get; set; }

    [BindProperty]
    public string? AdministrateurEmail { get; set; }

    public IReadOnlyList<StructureLigne> Liste { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Liste = await Mediator.Send(new ListerStructuresQuery(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var communes = (Communes ?? string.Empty).Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var r = await TenterAsync(() => Mediator.Send(new CreerStructureCommand(Code, Nom, AdresseVoie, CodePostal, CommuneInsee, communes,
            AdministrateurCivilite, AdministrateurNom, AdministrateurPrenom, AdministrateurEmail), ct).AsTask(), string.Empty);
        if (ModelState.IsValid && r is not null)
        {
            TempData["Message"] = $"Mission Locale {r.Code} créée avec {MissionLocale.Domain.Common.Libelles.Nombre(communes.Distinct().Count(), "commune")} ; son administrateur ({r.AdministrateurLogin}) a reçu par e-mail un lien pour choisir son mot de passe.";
            return RedirectToPage();
        }

        Liste = await Mediator.Send(new ListerStructuresQuery(), ct);
        return Page();
    }
}
