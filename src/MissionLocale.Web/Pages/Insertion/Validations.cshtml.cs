using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Insertion.DeciderCer;
using MissionLocale.Application.Insertion.DeciderSaisine;
using MissionLocale.Application.Insertion.ListerValidationsRsa;

namespace MissionLocale.Web.Pages.Insertion;

/// <summary>CER-06 / EP-03: the validateur du département's page: submitted contracts to validate or refuse, saisines to inscribe, refuse or decide.</summary>
public sealed class ValidationsModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty]
    public string? Motif { get; set; }

    [BindProperty]
    public string? Commission { get; set; }

    [BindProperty]
    public DateOnly? DateCommission { get; set; }

    [BindProperty]
    public string? CommentaireValidation { get; set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public bool SanctionActive { get; set; }

    public ValidationsRsa Liste { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ChargerAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostCerAsync(Guid cerId, int version, bool valider, CancellationToken ct) =>
        EnvoyerAsync(() => Mediator.Send(new DeciderCerCommand(cerId, version, valider, Motif), ct).AsTask(),
            valider ? "Contrat validé : le PDF signé est conservé dans le dossier." : "Contrat refusé : le référent le reprendra avec le bénéficiaire.", ct);

    public Task<IActionResult> OnPostSaisineAsync(Guid saisineId, int version, ActionSaisine? action, CancellationToken ct) =>
        EnvoyerAsync(() => Mediator.Send(new DeciderSaisineCommand(saisineId, version, action, Commission, DateCommission, CommentaireValidation, Decision, SanctionActive), ct).AsTask(),
            action switch
            {
                ActionSaisine.Inscrire => "Saisine inscrite en EP.",
                ActionSaisine.Refuser => "Saisine refusée.",
                ActionSaisine.Statuer => "Décision de la commission enregistrée.",
                _ => "Sanction levée.",
            }, ct);

    private async Task<IActionResult> EnvoyerAsync(Func<Task<int>> action, string message, CancellationToken ct)
    {
        await TenterAsync(action, string.Empty);
        if (ModelState.IsValid)
        {
            TempData["Message"] = message;
            return Redirect("/Insertion/Validations");
        }

        await ChargerAsync(ct);
        return Page();
    }

    // Without the validateur's function the query refuses: the 403 page says so.
    private async Task ChargerAsync(CancellationToken ct) => Liste = await Mediator.Send(new ListerValidationsRsaQuery(), ct);
}
