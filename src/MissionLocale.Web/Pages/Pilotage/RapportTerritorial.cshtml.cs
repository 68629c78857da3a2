using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Pilotage.ProduireRapportTerritorial;

namespace MissionLocale.Web.Pages.Pilotage;

/// <summary>PIL-03: the yearly territorial activity report, shown and exported as XLSX and PDF.</summary>
public sealed class RapportTerritorialModel(IMediator mediator, IExporteur exporteur, IRapportsPdf pdf) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public int? Annee { get; set; }

    /// <summary>INSEE codes separated by commas, spaces or line breaks.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Communes { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Epci { get; set; }

    public RapportTerritorial? Rapport { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Annee ??= Horloge.GetLocalNow().Year - 1;
        Rapport = await TenterAsync(() => Mediator.Send(Requete(), ct).AsTask(), string.Empty);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string format, CancellationToken ct)
    {
        Annee ??= Horloge.GetLocalNow().Year - 1;
        Rapport = await TenterAsync(() => Mediator.Send(Requete(), ct).AsTask(), string.Empty);
        if (Rapport is not { } r)
        {
            return Page();
        }

        var nom = $"rapport-territorial-{r.Annee}";
        if (string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase))
        {
            var sections = new List<SectionPdf>
            {
                Section("Par commune", [.. r.Communes, r.Total]),
                Section("Par quartier prioritaire de la politique de la ville", r.Quartiers),
            };
            var octets = pdf.Rendre($"Rapport territorial d'activité {r.Annee}", $"{r.Perimetre} · jeunes ayant eu au moins un contact du 1er janvier au 31 décembre {r.Annee}", sections);
            return File(octets, "application/pdf", $"{nom}.pdf");
        }

        Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{nom}.xlsx\"";
        await exporteur.EcrireClasseurAsync(
        [
            TableExport.EnMemoire("Communes", TablesRapportTerritorial.Colonnes, r.Communes.Append(r.Total).Select(TablesRapportTerritorial.Cellules)),
            TableExport.EnMemoire("Quartiers QPV", TablesRapportTerritorial.Colonnes, r.Quartiers.Select(TablesRapportTerritorial.Cellules)),
        ], Response.Body, ct);
        return new EmptyResult();
    }

    private static SectionPdf Section(string titre, IReadOnlyList<LigneTerritoriale> lignes) =>
        new(titre, TablesRapportTerritorial.Colonnes, lignes.Select(l => TablesRapportTerritorial.Cellules(l).Select(c => c?.ToString()).ToArray()).ToList());

    private ProduireRapportTerritorialQuery Requete() => new(
        Annee ?? 0,
        (Communes ?? string.Empty).Split([',', ';', ' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        string.IsNullOrWhiteSpace(Epci) ? null : Epci);

    public string Lien(string format) =>
        $"/Pilotage/RapportTerritorial?handler=Export&format={format}&annee={Annee}&communes={Uri.EscapeDataString(Communes ?? string.Empty)}&epci={Uri.EscapeDataString(Epci ?? string.Empty)}";
}
