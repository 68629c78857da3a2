using Mediator;
using MissionLocale.Application.Dispositifs.ConsulterHeuresCej;

namespace MissionLocale.Web.Pages.Dispositifs;

/// <summary>CEJ-02: the week's hours of the conseiller's CEJ jeunes.</summary>
public sealed class HeuresCejModel(IMediator mediator) : MlPageModel(mediator)
{
    public HeuresCejPortefeuille Resultat { get; private set; } = null!;

    public async Task OnGetAsync(DateOnly? semaine, CancellationToken ct) =>
        Resultat = await Mediator.Send(new ListerHeuresCejQuery(semaine), ct);
}
