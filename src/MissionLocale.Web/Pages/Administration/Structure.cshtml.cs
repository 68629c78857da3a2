using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Structures.AjouterAntenne;
using MissionLocale.Application.Structures.ConsulterStructure;
using MissionLocale.Application.Structures.ModifierAntenne;
using MissionLocale.Application.Structures.ModifierEnTete;

namespace MissionLocale.Web.Pages.Administration;

/// <summary>USR-07: the structure's letterhead (phone, e-mail, logo) and its antennes with the address and hours of their letters.</summary>
public sealed class StructureModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty]
    public string? Telephone { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public IFormFile? Logo { get; set; }

    [BindProperty]
    public bool RetirerLogo { get; set; }

    [BindProperty]
    public AntenneSaisie Antenne { get; set; } = new();

    public StructureDto? Structure { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Structure = await Mediator.Send(new ConsulterStructureQuery(), ct);
        Telephone = Structure.Telephone;
        Email = Structure.Email;
    }

    public async Task<IActionResult> OnPostEnTeteAsync(CancellationToken ct)
    {
        byte[]? octets = null;
        if (Logo is { Length: > 0 })
        {
            using var flux = new MemoryStream();
            await Logo.CopyToAsync(flux, ct);
            octets = flux.ToArray();
        }

        await TenterAsync(async () => await Mediator.Send(new ModifierEnTeteCommand(Telephone, Email, octets, RetirerLogo), ct), string.Empty);
        return await ApresAsync("En-tête des lettres enregistré.", ct);
    }

    public async Task<IActionResult> OnPostAntenneAsync(CancellationToken ct)
    {
        var a = Antenne;
        if (a.Id is { } id)
        {
            await TenterAsync(async () => await Mediator.Send(new ModifierAntenneCommand(id, a.Version, a.Nom, a.AdresseVoie, a.CodePostal, a.CommuneInsee, a.Telephone, a.Horaires), ct), nameof(Antenne));
        }
        else
        {
            await TenterAsync(() => Mediator.Send(new AjouterAntenneCommand(a.Nom, a.AdresseVoie, a.CodePostal, a.CommuneInsee, a.Telephone, a.Horaires), ct).AsTask(), nameof(Antenne));
        }

        return await ApresAsync(a.Id is null ? "Antenne ajoutée." : "Antenne modifiée.", ct);
    }

    private async Task<IActionResult> ApresAsync(string message, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            TempData["Message"] = message;
            return RedirectToPage();
        }

        Structure = await Mediator.Send(new ConsulterStructureQuery(), ct);
        return Page();
    }

    public sealed class AntenneSaisie
    {
        public Guid? Id { get; set; }

        public int Version { get; set; }

        public string? Nom { get; set; }

        public string? AdresseVoie { get; set; }

        public string? CodePostal { get; set; }

        public string? CommuneInsee { get; set; }

        public string? Telephone { get; set; }

        public string? Horaires { get; set; }
    }
}
