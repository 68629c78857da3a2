using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Allocations.AbandonnerLot;
using MissionLocale.Application.Allocations.ConsulterFilesSiege;
using MissionLocale.Application.Allocations.EnvoyerLot;
using MissionLocale.Application.Allocations.ImporterRetourAsp;
using MissionLocale.Application.Allocations.ListerLots;
using MissionLocale.Application.Allocations.LotsAsp;
using MissionLocale.Application.Allocations.ProposerLot;
using MissionLocale.Application.Allocations.TelechargerLot;
using MissionLocale.Application.Allocations.ValiderAllocations;
using MissionLocale.Application.Allocations.ValiderCerfa;
using MissionLocale.Application.Allocations.ValiderDemande;
using MissionLocale.Application.Reference.ListerChoix;
using MissionLocale.Domain.Common;

namespace MissionLocale.Web.Pages.Allocations;

/// <summary>
/// ALLOC-13 and ALLOC-11: the validators' workspace: queues by state and antenne, CERFA with their scan to validate,
/// submitted requests, batches (prepare, send, download again) and ASP return imports.
/// </summary>
public sealed class SiegeModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public Guid? Antenne { get; set; }

    public FilesSiege Files { get; private set; } = null!;

    public IReadOnlyList<LotDto> Lots { get; private set; } = [];

    public ResultatImportRetour? Import { get; private set; }

    public IReadOnlyList<ImportRetourDto> Imports { get; private set; } = [];

    /// <summary>The structure's antennes, for the queue filter.</summary>
    public IReadOnlyList<(Guid Id, string Nom)> Antennes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await ChargerAsync(ct);

    public async Task<IActionResult> OnPostValiderCerfaAsync(Guid cerfaId, int version, CancellationToken ct) =>
        await ApresAsync(await TenterAsync(() => Mediator.Send(new ValiderCerfaCommand(cerfaId, version), ct).AsTask(), "Cerfa") is null ? null : "CERFA validé, avec sa première allocation.", ct);

    public async Task<IActionResult> OnPostValiderDemandeAsync(Guid demandeId, int version, CancellationToken ct) =>
        await ApresAsync(await TenterAsync(() => Mediator.Send(new ValiderDemandeCommand(demandeId, version), ct).AsTask(), "Demande") is null ? null : "Demande validée.", ct);

    public async Task<IActionResult> OnPostProposerAsync(string typeCode, CancellationToken ct)
    {
        var ok = false;
        LotDto? lot = null;
        await TenterAsync(
            async () =>
            {
                lot = await Mediator.Send(new ProposerLotCommand(typeCode), ct);
                ok = true;
                return lot;
            },
            "Lot");
        return await ApresAsync(!ok ? null : lot is null ? $"Aucune demande {typeCode} validée n'attend de lot." : $"Lot {lot.TypeCode} n° {lot.Numero} préparé : {Libelles.Nombre(lot.NombreDemandes, "demande")}. Vérifiez-le puis envoyez-le.", ct);
    }

    public async Task<IActionResult> OnPostEnvoyerAsync(Guid lotId, int version, CancellationToken ct)
    {
        var lot = await TenterAsync(() => Mediator.Send(new EnvoyerLotCommand(lotId, version), ct).AsTask(), "Lot");
        return await ApresAsync(lot is null ? null : $"Lot n° {lot.Numero} envoyé : {Libelles.Nombre(lot.NombreDemandes, "demande passée")} Envoyée ASP. Téléchargez le fichier pour l'ASP.", ct);
    }

    public async Task<IActionResult> OnPostAbandonnerAsync(Guid lotId, int version, CancellationToken ct) =>
        await ApresAsync(await TenterAsync(async () => (object)await Mediator.Send(new AbandonnerLotCommand(lotId, version), ct), "Lot") is null ? null : "Lot abandonné : ses demandes iront dans le prochain.", ct);

    public async Task<IActionResult> OnGetFichierAsync(Guid lotId, CancellationToken ct)
    {
        var (nom, contenu) = await Mediator.Send(new TelechargerLotQuery(lotId), ct);
        return File(contenu, "text/csv; charset=utf-8", nom);
    }

    public async Task<IActionResult> OnPostImporterAsync(IFormFile? fichier, CancellationToken ct)
    {
        if (fichier is null || fichier.Length == 0)
        {
            ModelState.AddModelError("Import", "Choisissez le fichier de retour de l'ASP (CSV).");
            return await ApresAsync(null, ct);
        }

        using var ms = new MemoryStream();
        await fichier.CopyToAsync(ms, ct);
        Import = await TenterAsync(() => Mediator.Send(new ImporterRetourAspCommand(Path.GetFileName(fichier.FileName), ms.ToArray()), ct).AsTask(), "Import");
        if (Import is { Accepte: true } r)
        {
            return await ApresAsync($"Retour ASP importé : {Libelles.Nombre(r.Lignes, "ligne")}, {Libelles.Nombre(r.Appliquees, "appliquée")}, {Libelles.Nombre(r.DejaAppliquees, "déjà appliquée", "déjà appliquées")}.", ct);
        }

        if (Import is { Accepte: false })
        {
            RegleRefus = "ALLOC-11";
            ModelState.AddModelError("Import", "Fichier rejeté en entier, rien n'a été appliqué : corrigez les lignes ci-dessous.");
        }

        return await ApresAsync(null, ct);
    }

    private async Task<IActionResult> ApresAsync(string? message, CancellationToken ct)
    {
        if (ModelState.IsValid && message is not null)
        {
            TempData["Message"] = message;
            return Redirect("/Allocations/Siege" + (Antenne is null ? string.Empty : $"?antenne={Antenne}"));
        }

        await ChargerAsync(ct);
        return Page();
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        Files = await Mediator.Send(new ConsulterFilesSiegeQuery(Antenne), ct);
        Lots = await Mediator.Send(new ListerLotsQuery(20), ct);
        Imports = await Mediator.Send(new ListerImportsRetourQuery(), ct);
        Antennes = (await Mediator.Send(new ListerAntennesQuery(), ct)).Select(a => (a.Valeur, a.Libelle)).ToList();
    }
}
