using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Cotraitance.ArreterPpae;
using MissionLocale.Application.Cotraitance.ConsulterPpae;
using MissionLocale.Application.Cotraitance.InitialiserPpae;
using MissionLocale.Application.Cotraitance.TerminerPpae;
using MissionLocale.Application.Jeunes.ConsulterEntete;
using MissionLocale.Domain.Cotraitance;

namespace MissionLocale.Web.Pages.Jeunes;

/// <summary>PPAE-03 to PPAE-05: the dossier's PPAE tab: its state, what its start needs, stop or exit, the flows sent to France Travail.</summary>
public sealed class PpaeModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public DateOnly? DateEntree { get; set; }

    [BindProperty]
    public bool AcceptationJeune { get; set; }

    [BindProperty]
    public bool Consentement { get; set; }

    [BindProperty]
    public MotifArretPpae? MotifArret { get; set; }

    [BindProperty]
    public DateOnly? DateSortie { get; set; }

    [BindProperty]
    public string? MotifSortie { get; set; }

    public EnteteDossier Entete { get; private set; } = null!;

    public VuePpae Vue { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ChargerAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostInitialiserAsync(Guid ppaeId, int version, CancellationToken ct) =>
        EnvoyerAsync(async () => await Mediator.Send(new InitialiserPpaeCommand(ppaeId, version, DateEntree, AcceptationJeune, Consentement), ct), "PPAE en cours : France Travail en est informé.", ct);

    public Task<IActionResult> OnPostArreterAsync(Guid ppaeId, int version, CancellationToken ct) =>
        EnvoyerAsync(async () => await Mediator.Send(new ArreterPpaeCommand(ppaeId, version, MotifArret), ct), "PPAE arrêté et supprimé : France Travail en est informé.", ct);

    public Task<IActionResult> OnPostTerminerAsync(Guid ppaeId, int version, CancellationToken ct) =>
        EnvoyerAsync(async () => await Mediator.Send(new TerminerPpaeCommand(ppaeId, version, DateSortie, MotifSortie), ct), "Sortie du PPAE enregistrée et transmise à France Travail.", ct);

    private async Task<IActionResult> EnvoyerAsync(Func<Task<Mediator.Unit>> action, string message, CancellationToken ct)
    {
        await TenterAsync(action, string.Empty);
        if (ModelState.IsValid)
        {
            TempData["Message"] = message;
            return Redirect($"/Jeunes/Dossier/{Id}/ppae");
        }

        return await ChargerAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        try
        {
            Entete = await Mediator.Send(new ConsulterEnteteQuery(Id, "Consultation du PPAE"), ct);
            Vue = await Mediator.Send(new ConsulterPpaeQuery(Id), ct);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
