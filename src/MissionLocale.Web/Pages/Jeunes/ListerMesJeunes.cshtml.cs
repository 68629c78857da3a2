using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.ListerMesJeunes;

namespace MissionLocale.Web.Pages.Jeunes;

/// <summary>The conseiller's portfolio.</summary>
public sealed class ListerMesJeunesModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public string? Apres { get; set; }

    public Page<JeuneResume> Resultats { get; private set; } = new([], null);

    public async Task OnGetAsync(CancellationToken ct) =>
        Resultats = await TenterAsync(() => Mediator.Send(new ListerMesJeunesQuery(Apres), ct).AsTask(), string.Empty) ?? new([], null);
}
