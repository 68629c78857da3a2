using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Pilotage.ConsulterAlertes;

namespace MissionLocale.Web.Pages.Pilotage;

/// <summary>The dossiers of one portal alert (PIL-01), for my portfolio or the whole structure.</summary>
public sealed class AlertesModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public bool Structure { get; set; }

    public string Libelle { get; private set; } = string.Empty;

    public string RuleId { get; private set; } = string.Empty;

    public IReadOnlyList<JeuneAlerte> Jeunes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var definition = Alertes.Definitions.FirstOrDefault(d => d.Code == Code);
        if (definition.Code is null)
        {
            return NotFound();
        }

        (Libelle, RuleId) = (definition.Libelle, definition.RuleId);
        Jeunes = await Mediator.Send(new ListerJeunesAlerteQuery(Code, Structure), ct);
        return Page();
    }
}
