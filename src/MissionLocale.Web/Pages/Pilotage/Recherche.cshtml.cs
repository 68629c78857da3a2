using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Pilotage.ExporterDossiers;
using MissionLocale.Application.Pilotage.ListerRecherches;
using MissionLocale.Application.Pilotage.RechercherDossiers;
using MissionLocale.Application.Pilotage.SauvegarderRecherche;
using MissionLocale.Application.Reference.ListerChoix;
using MissionLocale.Domain.Pilotage;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Web.Pages.Pilotage;

/// <summary>PIL-02: the search builder, its filtered list with the bulk actions, and the saved searches.</summary>
public sealed class RechercheModel(IMediator mediator, ICurrentUser user, IExporteur exporteur) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public CriteresRecherche Criteres { get; set; } = new();

    /// <summary>A saved search to open.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Apres { get; set; }

    [BindProperty]
    public string? Nom { get; set; }

    [BindProperty]
    public bool Partagee { get; set; }

    /// <summary>The version of the author's search the form was loaded at.</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public List<Guid> Jeunes { get; set; } = [];

    public RechercheAvecComptes? Ouverte { get; private set; }

    public ResultatRecherche? Resultat { get; private set; }

    public IReadOnlyList<RechercheAvecComptes> Recherches { get; private set; } = [];

    public IReadOnlyList<Choix<string>> Dispositifs { get; private set; } = [];

    public IReadOnlyList<Choix<string>> Motifs { get; private set; } = [];

    public IReadOnlyList<UtilisateurResume> Conseillers { get; private set; } = [];

    public IReadOnlyList<Choix<Guid>> Antennes { get; private set; } = [];

    public bool PeutConvoquer => MatriceDroits.A(user.Profil, Droit.PlanifierRendezVous);

    public bool PeutTransferer => MatriceDroits.A(user.Profil, Droit.TransfererEnMasse);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            try
            {
                Ouverte = await Mediator.Send(new ConsulterRechercheQuery(id), ct);
            }
            catch (NotFoundException)
            {
                return NotFound();
            }

            Criteres = Ouverte.Criteres;
            Nom = Ouverte.Nom;
            Partagee = Ouverte.Partagee;
        }

        await ChargerAsync(rechercher: !Criteres.EstVide, ct);
        return Page();
    }

    /// <summary>PIL-03: the whole filtered list as CSV or XLSX, streamed.</summary>
    public async Task<IActionResult> OnGetExportAsync(FormatExport format, CancellationToken ct) => await ExporterAsync(format, null, ct);

    /// <summary>The ticked dossiers only.</summary>
    public async Task<IActionResult> OnPostExportAsync(FormatExport format, CancellationToken ct) => await ExporterAsync(format, Jeunes, ct);

    public async Task<IActionResult> OnPostSauvegarderAsync(CancellationToken ct)
    {
        // The author's own search is modified at the version the form was loaded at (optimistic concurrency); else a new one.
        Guid? cree = Id is { } id
            ? (await TenterAsync(() => Mediator.Send(new ModifierRechercheCommand(id, Version, Nom ?? string.Empty, Partagee, Criteres), ct).AsTask(), string.Empty) > 0 ? id : null)
            : await TenterAsync(() => Mediator.Send(new SauvegarderRechercheCommand(Nom ?? string.Empty, Partagee, Criteres), ct).AsTask(), string.Empty) is var r && r != Guid.Empty ? r : null;

        if (cree is { } ok)
        {
            TempData["Message"] = $"Recherche « {Nom?.Trim()} » enregistrée{(Partagee ? " et partagée avec la structure" : string.Empty)}.";
            return Redirect($"/Pilotage/Recherche?id={ok}");
        }

        await ChargerAsync(rechercher: !Criteres.EstVide, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSupprimerAsync(Guid rechercheId, CancellationToken ct)
    {
        await TenterAsync(async () => await Mediator.Send(new SupprimerRechercheCommand(rechercheId), ct), string.Empty);
        if (ModelState.IsValid)
        {
            TempData["Message"] = "Recherche supprimée.";
            return Redirect("/Pilotage/Recherche");
        }

        await ChargerAsync(rechercher: false, ct);
        return Page();
    }

    private async Task<IActionResult> ExporterAsync(FormatExport format, IReadOnlyList<Guid>? selection, CancellationToken ct)
    {
        if (!Enum.IsDefined(format))
        {
            return BadRequest();
        }

        var table = await TenterAsync(() => Mediator.Send(new ExporterDossiersQuery(Criteres, selection), ct).AsTask(), nameof(Criteres));
        if (table is null)
        {
            await ChargerAsync(rechercher: false, ct);
            return Page();
        }

        var extension = format == FormatExport.Csv ? "csv" : "xlsx";
        Response.ContentType = format == FormatExport.Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        Response.Headers.ContentDisposition = $"attachment; filename=\"dossiers-{Horloge.GetLocalNow():yyyy-MM-dd-HHmm}.{extension}\"";
        await exporteur.EcrireAsync(table, format, Response.Body, ct);
        return new EmptyResult();
    }

    private async Task ChargerAsync(bool rechercher, CancellationToken ct)
    {
        if (rechercher && ModelState.IsValid)
        {
            Resultat = await TenterAsync(() => Mediator.Send(new RechercherDossiersQuery(Criteres, Apres), ct).AsTask(), nameof(Criteres));
        }

        Recherches = await Mediator.Send(new ListerRecherchesQuery(AvecComptes: false), ct);
        var aujourdhui = DateOnly.FromDateTime(Horloge.GetLocalNow().DateTime);
        Dispositifs = await Mediator.Send(new ListerTypesDispositifQuery(aujourdhui), ct);
        Motifs = (await Mediator.Send(new ListerMotifsSortieQuery(null, Criteres.Dispositif), ct)).DistinctBy(m => m.Valeur).ToList();
        Conseillers = await Mediator.Send(new ListerUtilisateursQuery(Profil.Conseiller), ct);
        Antennes = await Mediator.Send(new ListerAntennesQuery(), ct);
    }

    /// <summary>The current criteria as a query string (pagination, exports, the save form).</summary>
    public string Requete(string? apres = null)
    {
        var valeurs = new List<string>();
        foreach (var p in typeof(CriteresRecherche).GetProperties().Where(p => p.CanWrite))
        {
            var v = p.GetValue(Criteres);
            if (v is null || v is false || (v is string s && string.IsNullOrWhiteSpace(s)))
            {
                continue;
            }

            var texte = v switch
            {
                DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => v.ToString(),
            };
            valeurs.Add($"Criteres.{p.Name}={Uri.EscapeDataString(texte ?? string.Empty)}");
        }

        if (apres is not null)
        {
            valeurs.Add($"apres={Uri.EscapeDataString(apres)}");
        }

        return string.Join('&', valeurs);
    }
}
