using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.ConsulterPacea;
using MissionLocale.Application.Dispositifs.EnregistrerBilanPhase;
using MissionLocale.Application.Dispositifs.GererPacea;
using MissionLocale.Application.Dispositifs.ModifierRelevePacea;
using MissionLocale.Application.Dispositifs.OuvrirPhasePacea;
using MissionLocale.Application.Jeunes.ConsulterEntete;
using MissionLocale.Application.Reference.ListerChoix;
using MissionLocale.Domain.Dispositifs;

namespace MissionLocale.Web.Pages.Jeunes;

/// <summary>A PACEA's plan d'action (PACEA-05: phases, extension, bilans) and its entry/exit records (PACEA-09).</summary>
public sealed class PaceaModel(IMediator mediator) : MlPageModel(mediator)
{
    /// <summary>Housing values offered (free text stays possible for the records).</summary>
    public static readonly string[] Logements = ["Non renseigné", "Chez les parents", "Logement autonome", "Hébergé par un tiers", "Foyer, résidence sociale", "Hébergement d'urgence", "Sans domicile"];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid DispositifId { get; set; }

    public EnteteDossier Entete { get; private set; } = null!;

    public PaceaDto Pacea { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, DateTimeOffset Date)> Entretiens { get; private set; } = [];

    public IReadOnlyList<string> Motifs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ChargerAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostPhaseAsync(int version, string? objectifs, DateOnly? debut, DateOnly? fin, CancellationToken ct) =>
        EnvoyerAsync(() => Mediator.Send(new OuvrirPhasePaceaCommand(DispositifId, version, objectifs ?? string.Empty, debut ?? default, fin ?? default), ct).AsTask(), "Phase ajoutée.", ct);

    public Task<IActionResult> OnPostBilanAsync(int version, Guid phaseId, DateOnly? date, Guid? evenementId, DecisionBilan decision, string? resultat, string? objectifsSuivants, DateOnly? finSuivante, DateOnly? nouvelleFin, string? motifSortie, string? logementSortie, CancellationToken ct) =>
        EnvoyerAsync(async () => (object)await Mediator.Send(new EnregistrerBilanPhaseCommand(DispositifId, version, phaseId, date ?? default, evenementId ?? Guid.Empty, decision, resultat,
            decision == DecisionBilan.Prolongation ? nouvelleFin : null,
            decision == DecisionBilan.PhaseSuivante ? objectifsSuivants : null,
            decision == DecisionBilan.PhaseSuivante ? finSuivante : null,
            decision == DecisionBilan.Sortie ? motifSortie : null,
            decision == DecisionBilan.Sortie ? logementSortie : null), ct), "Bilan de phase enregistré.", ct);

    public Task<IActionResult> OnPostReleveAsync(int version, bool sortie, string? niveauCep, string? situation, string? logement, string? mobilite, string? couverture, CancellationToken ct) =>
        EnvoyerAsync(async () => (object)await Mediator.Send(new ModifierRelevePaceaCommand(DispositifId, version, sortie, niveauCep ?? string.Empty, situation ?? string.Empty, logement ?? string.Empty, mobilite ?? string.Empty, couverture ?? string.Empty), ct), "Relevé corrigé.", ct);

    private async Task<IActionResult> EnvoyerAsync<T>(Func<Task<T>> action, string message, CancellationToken ct)
    {
        await TenterAsync(action, string.Empty);
        if (ModelState.IsValid)
        {
            TempData["Message"] = message;
            return Redirect($"/Jeunes/Dossier/{Id}/pacea/{DispositifId}");
        }

        return await ChargerAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        try
        {
            Entete = await Mediator.Send(new ConsulterEnteteQuery(Id, "Consultation du plan d'action PACEA"), ct);
            Pacea = await Mediator.Send(new ConsulterPaceaQuery(DispositifId), ct);
        }
        catch (NotFoundException)
        {
            return false;
        }

        Entretiens = (await Mediator.Send(new ListerEntretiensQuery(Id), ct)).Select(e => (e.Id, e.Date)).ToList();
        Motifs = (await Mediator.Send(new ListerMotifsSortieQuery(null, CodeDispositif.Pacea), ct)).Select(m => m.Libelle).ToList();
        return true;
    }
}
