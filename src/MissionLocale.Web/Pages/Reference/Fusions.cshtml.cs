using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Reference.AnnulerFusion;
using MissionLocale.Application.Reference.ListerChoix;
using MissionLocale.Application.Reference.ListerFusions;
using MissionLocale.Application.Reference.ListerIntervenants;
using MissionLocale.Application.Reference.ProgrammerFusion;
using MissionLocale.Application.Reference.SupprimerElementReferentiel;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Reference;

namespace MissionLocale.Web.Pages.Reference;

/// <summary>USR-10: merge an element of a reference table into another (next night, 04:00), then delete it once unused.</summary>
public sealed class FusionsModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public TableFusionnable Table { get; set; } = TableFusionnable.DomaineProposition;

    [BindProperty]
    public string? Source { get; set; }

    [BindProperty]
    public string? Cible { get; set; }

    public IReadOnlyList<(string Cle, string Libelle)> Elements { get; private set; } = [];

    public IReadOnlyList<FusionDto> Fusions { get; private set; } = [];

    public static IReadOnlyList<(TableFusionnable Table, string Libelle)> Tables { get; } =
        [(TableFusionnable.DomaineProposition, "Domaines des propositions"), (TableFusionnable.Prescripteur, "Prescripteurs"), (TableFusionnable.ReferentDispositif, "Référents de dispositif")];

    public static string LibelleTable(TableFusionnable t) => Tables.First(x => x.Table == t).Libelle;

    public async Task OnGetAsync(CancellationToken ct) => await ChargerAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var f = await TenterAsync(() => Mediator.Send(new ProgrammerFusionCommand(Table, Source, Cible), ct).AsTask(), string.Empty);
        return await ApresAsync(f is null ? string.Empty : $"Fusion de « {f.SourceLibelle} » dans « {f.CibleLibelle} » programmée pour la nuit du {Local(f.PrevueLe):dd/MM/yyyy} à {Local(f.PrevueLe):HH'h'mm}.", ct);
    }

    public async Task<IActionResult> OnPostAnnulerAsync(Guid id, CancellationToken ct)
    {
        await TenterAsync(async () => await Mediator.Send(new AnnulerFusionCommand(id), ct), string.Empty);
        return await ApresAsync("Fusion annulée.", ct);
    }

    public async Task<IActionResult> OnPostSupprimerAsync(string cle, CancellationToken ct)
    {
        await TenterAsync(async () => await Mediator.Send(new SupprimerElementReferentielCommand(Table, cle), ct), string.Empty);
        return await ApresAsync("Élément supprimé.", ct);
    }

    private async Task<IActionResult> ApresAsync(string message, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            TempData["Message"] = message;
            return Redirect($"/Reference/Fusions?table={Table}");
        }

        await ChargerAsync(ct);
        return Page();
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        Fusions = await Mediator.Send(new ListerFusionsQuery(), ct);
        Elements = Table == TableFusionnable.DomaineProposition
            ? [.. (await Mediator.Send(new ListerDomainesPropositionQuery(ActifsSeulement: false), ct)).Select(d => (d.Valeur, d.Libelle))]
            : [.. (await Mediator.Send(new ListerIntervenantsQuery(Table == TableFusionnable.Prescripteur ? FonctionIntervenant.Prescripteur : FonctionIntervenant.ReferentDispositif, ActifsSeulement: false), ct))
                .Select(i => (i.Id.ToString(), i.Actif ? i.Nom : $"{i.Nom} (retiré)"))];
    }
}
