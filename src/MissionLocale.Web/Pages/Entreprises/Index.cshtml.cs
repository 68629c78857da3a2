using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Entreprises.GererEntreprises;
using MissionLocale.Application.Entreprises.RechercherEntreprises;

namespace MissionLocale.Web.Pages.Entreprises;

/// <summary>ENT-01: the structure's companies, by name, SIRET or SIREN.</summary>
public sealed class IndexModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Commune { get; set; }

    public IReadOnlyList<EntrepriseLigne> Liste { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Liste = await Mediator.Send(new RechercherEntreprisesQuery(Q, string.IsNullOrWhiteSpace(Commune) ? null : Commune.Trim()), ct);
}
