using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Pilotage.ConsulterTableauDeBord;
using MissionLocale.Application.Reference.ListerChoix;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Web.Pages.Pilotage;

/// <summary>PIL-03: the structure's dashboard (or the national indicators for the national administrator), with its exports.</summary>
public sealed class TableauDeBordModel(IMediator mediator, ICurrentUser user, IExporteur exporteur) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Du { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Au { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? AntenneId { get; set; }

    public bool National => user.Profil == Profil.AdministrateurNational;

    public TableauDeBord? Tableau { get; private set; }

    public IReadOnlyList<Choix<Guid>> Antennes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ChargerAsync(ct);
        return Page();
    }

    /// <summary>XLSX: every table as a sheet; CSV: the table asked for.</summary>
    public async Task<IActionResult> OnGetExportAsync(FormatExport format, string? table, CancellationToken ct)
    {
        await ChargerAsync(ct);
        if (Tableau is null)
        {
            return Page();
        }

        var nom = $"tableau-de-bord-{Tableau.Du:yyyy-MM-dd}-{Tableau.Au:yyyy-MM-dd}";
        if (format == FormatExport.Xlsx)
        {
            Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            Response.Headers.ContentDisposition = $"attachment; filename=\"{nom}.xlsx\"";
            await exporteur.EcrireClasseurAsync(TablesTableauDeBord.Tables(Tableau), Response.Body, ct);
            return new EmptyResult();
        }

        if (format != FormatExport.Csv || TablesTableauDeBord.Table(Tableau, table ?? string.Empty) is not { } t)
        {
            return NotFound();
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{nom}-{table}.csv\"";
        await exporteur.EcrireAsync(t, FormatExport.Csv, Response.Body, ct);
        return new EmptyResult();
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        // Default: the last twelve whole months up to today.
        var aujourdhui = DateOnly.FromDateTime(Horloge.GetLocalNow().DateTime);
        var (du, au) = MissionLocale.Application.Pilotage.ConsulterTableauDeBord.IndicateursNationaux.PeriodeParDefaut(aujourdhui);
        Au ??= au;
        Du ??= du;
        if (!National)
        {
            Antennes = await Mediator.Send(new ListerAntennesQuery(), ct);
        }

        Tableau = National
            ? await TenterAsync(() => Mediator.Send(new ConsulterIndicateursNationauxQuery(Du.Value, Au.Value), ct).AsTask(), string.Empty)
            : await TenterAsync(() => Mediator.Send(new ConsulterTableauDeBordQuery(Du.Value, Au.Value, AntenneId), ct).AsTask(), string.Empty);
    }

    public string Requete => $"du={Du:yyyy-MM-dd}&au={Au:yyyy-MM-dd}{(AntenneId is { } a ? $"&antenneId={a}" : string.Empty)}";
}
