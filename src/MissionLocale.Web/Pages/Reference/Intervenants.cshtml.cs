using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Reference.AjouterIntervenant;
using MissionLocale.Application.Reference.GererIntervenants;
using MissionLocale.Application.Reference.ListerChoix;
using MissionLocale.Application.Reference.ListerIntervenants;
using MissionLocale.Application.Reference.RetirerIntervenant;
using MissionLocale.Domain.Dispositifs;

namespace MissionLocale.Web.Pages.Reference;

/// <summary>USR-07: the administrator's tables of prescripteurs and référents de dispositif.</summary>
public sealed class IntervenantsModel(IMediator mediator) : MlPageModel(mediator)
{
    public IReadOnlyList<IntervenantDto> Liste { get; private set; } = [];

    public IReadOnlyList<UtilisateurResume> Utilisateurs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await ChargerAsync(ct);

    public async Task<IActionResult> OnPostAjouterAsync(FonctionIntervenant fonction, Guid? utilisateurId, string? nom, CancellationToken ct)
    {
        await TenterAsync(() => Mediator.Send(new AjouterIntervenantCommand(fonction, utilisateurId, nom), ct).AsTask(), string.Empty);
        return await ApresAsync("Ajouté à la table.", ct);
    }

    public async Task<IActionResult> OnPostRetirerAsync(Guid id, CancellationToken ct)
    {
        await TenterAsync(async () => await Mediator.Send(new RetirerIntervenantCommand(id), ct), string.Empty);
        return await ApresAsync("Retiré de la table.", ct);
    }

    private async Task<IActionResult> ApresAsync(string message, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            TempData["Message"] = message;
            return RedirectToPage();
        }

        await ChargerAsync(ct);
        return Page();
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        Liste = await Mediator.Send(new ListerIntervenantsQuery(ActifsSeulement: false), ct);
        Utilisateurs = await Mediator.Send(new ListerUtilisateursQuery(), ct);
    }
}
