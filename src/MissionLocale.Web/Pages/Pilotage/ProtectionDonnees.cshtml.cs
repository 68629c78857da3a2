using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.RechercherJeunes;
using MissionLocale.Application.Reference.ListerChoix;
using MissionLocale.Application.Rgpd.Conservation;
using MissionLocale.Application.Rgpd.ConsulterJournal;
using MissionLocale.Application.Rgpd.ExporterDonneesJeune;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Web.Pages.Pilotage;

/// <summary>
/// RGPD-03 and RGPD-04: the DPO's journal of reads and changes, the right of access export (DPO or direction), and the
/// dossiers due for anonymisation (direction). Each part shows only to whoever may use it.
/// </summary>
public sealed class ProtectionDonneesModel(IMediator mediator, ICurrentUser user, IExporteur exporteur, IRapportsPdf pdf) : MlPageModel(mediator)
{
    private static readonly System.Text.Json.JsonSerializerOptions JsonIndente = new() { WriteIndented = true };

    [BindProperty(SupportsGet = true)]
    public long? Numero { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? UtilisateurId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Du { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Au { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Apres { get; set; }

    public Page<LigneJournal>? Journal { get; private set; }

    public bool Delegue { get; private set; }

    public bool PeutExporter => Delegue || user.Profil == Profil.Direction;

    public bool PeutConserver => MatriceDroits.A(user.Profil, Droit.GererConservation);

    public IReadOnlyList<DossierAAnonymiser> AAnonymiser { get; private set; } = [];

    public IReadOnlyList<UtilisateurResume> Utilisateurs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ChargerAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetJournalExportAsync(FormatExport format, CancellationToken ct)
    {
        var jeune = await JeuneAsync(ct);
        var table = await TenterAsync(() => Mediator.Send(new ExporterJournalQuery(jeune, UtilisateurId, Du, Au), ct).AsTask(), string.Empty);
        if (table is null)
        {
            await ChargerAsync(ct);
            return Page();
        }

        var csv = format == FormatExport.Csv;
        Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        Response.Headers.ContentDisposition = $"attachment; filename=\"journal-acces.{(csv ? "csv" : "xlsx")}\"";
        await exporteur.EcrireAsync(table, csv ? FormatExport.Csv : FormatExport.Xlsx, Response.Body, ct);
        return new EmptyResult();
    }

    /// <summary>RGPD-04: everything held about the jeune, as PDF or JSON.</summary>
    public async Task<IActionResult> OnGetDroitAccesAsync(string format, CancellationToken ct)
    {
        var jeune = await JeuneAsync(ct);
        if (jeune is null)
        {
            ModelState.AddModelError(nameof(Numero), Numero is null ? "Le numéro de dossier est obligatoire." : "Aucun dossier de votre Mission Locale ne porte ce numéro.");
            await ChargerAsync(ct);
            return Page();
        }

        var d = await TenterAsync(() => Mediator.Send(new ExporterDonneesJeuneQuery(jeune.Value), ct).AsTask(), string.Empty);
        if (d is null)
        {
            await ChargerAsync(ct);
            return Page();
        }

        var nom = $"donnees-dossier-{d.Numero}";
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return File(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(d.PourJson(), JsonIndente), "application/json", $"{nom}.json");
        }

        var sections = d.Sections.Select(s => new SectionPdf(s.Titre, s.Colonnes, s.Lignes)).ToList();
        var octets = pdf.Rendre($"Données détenues sur {d.Prenom} {d.Nom}",
            $"Dossier n° {d.Numero} · {d.Structure} · extrait le {Local(d.ExtraitLe):dd/MM/yyyy à HH:mm} (droit d'accès, RGPD art. 15)", sections);
        return File(octets, "application/pdf", $"{nom}.pdf");
    }

    public async Task<IActionResult> OnPostConserverAsync(Guid jeuneId, int version, DateOnly? jusquAu, string? motif, CancellationToken ct)
    {
        var r = await TenterAsync(() => Mediator.Send(new ReporterAnonymisationCommand(jeuneId, version, jusquAu ?? default, motif ?? string.Empty), ct).AsTask(), string.Empty);
        if (r is not null)
        {
            TempData["Message"] = $"Dossier conservé jusqu'au {jusquAu:dd/MM/yyyy}.";
            return Redirect("/Pilotage/ProtectionDonnees");
        }

        await ChargerAsync(ct);
        return Page();
    }

    private async Task<Guid?> JeuneAsync(CancellationToken ct)
    {
        if (Numero is not { } n)
        {
            return null;
        }

        var page = await Mediator.Send(new RechercherJeunesQuery(Numero: n), ct);
        return page.Items.Count > 0 ? page.Items[0].Id : null;
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        Delegue = await Mediator.Send(new EstDelegueQuery(), ct);
        if (Delegue)
        {
            var jeune = await JeuneAsync(ct);
            if (Numero is not null && jeune is null)
            {
                ModelState.AddModelError(nameof(Numero), "Aucun dossier de votre Mission Locale ne porte ce numéro.");
            }
            else
            {
                Journal = await TenterAsync(() => Mediator.Send(new ConsulterJournalQuery(jeune, UtilisateurId, Du, Au, Apres, 50), ct).AsTask(), string.Empty);
            }

            Utilisateurs = await Mediator.Send(new ListerUtilisateursQuery(), ct);
        }

        if (PeutConserver)
        {
            AAnonymiser = await Mediator.Send(new ListerDossiersAAnonymiserQuery(), ct);
        }
    }

    public string Filtres => $"numero={Numero}&utilisateurId={UtilisateurId}&du={Du:yyyy-MM-dd}&au={Au:yyyy-MM-dd}";
}
