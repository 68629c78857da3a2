using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Cursus.AjouterDiplome;
using MissionLocale.Application.Cursus.ConclureFormation;
using MissionLocale.Application.Cursus.ConsulterCursus;
using MissionLocale.Application.Cursus.ModifierScolarite;
using MissionLocale.Application.Jeunes.ConsulterEntete;
using MissionLocale.Domain.Cursus;

namespace MissionLocale.Web.Pages.Jeunes;

/// <summary>The Cursus tab (CUR-01 to CUR-05): scolarité, diplomas, formations and their result, niveau de qualification.</summary>
public sealed class CursusModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public ScolariteSaisie Scolarite { get; set; } = new();

    [BindProperty]
    public DiplomeSaisie Diplome { get; set; } = new();

    public EnteteDossier Entete { get; private set; } = null!;

    public CursusDto Cursus { get; private set; } = null!;

    public NomenclaturesCursus Choix { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct))
        {
            return NotFound();
        }

        Scolarite = new ScolariteSaisie
        {
            DerniereClasse = Choix.Classes.FirstOrDefault(c => c.Libelle == Cursus.DerniereClasse)?.Code,
            Etablissement = Cursus.Etablissement,
            AnneeSortie = Cursus.AnneeSortie,
            Scolarise = Cursus.Scolarise,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostScolariteAsync(CancellationToken ct)
    {
        var r = await TenterAsync(() => Mediator.Send(new ModifierScolariteCommand(Id, Version, Scolarite.DerniereClasse, Scolarite.Etablissement, Scolarite.AnneeSortie, Scolarite.Scolarise), ct).AsTask(), nameof(Scolarite));
        return await Suite(r is not null, "Scolarité enregistrée.", ct);
    }

    public async Task<IActionResult> OnPostDiplomeAsync(CancellationToken ct)
    {
        var r = await TenterAsync(() => Mediator.Send(new AjouterDiplomeCommand(Id, Version, Diplome.Libelle ?? string.Empty, Diplome.Niveau, Diplome.Annee, Diplome.CodeRncp), ct).AsTask(), nameof(Diplome));
        return await Suite(r is not null, "Diplôme ajouté au cursus.", ct);
    }

    public async Task<IActionResult> OnPostRetirerAsync(Guid diplomeId, CancellationToken ct)
    {
        var r = await TenterAsync(() => Mediator.Send(new RetirerDiplomeCommand(Id, Version, diplomeId), ct).AsTask(), string.Empty);
        return await Suite(r is not null, "Diplôme retiré du cursus.", ct);
    }

    public async Task<IActionResult> OnPostResultatAsync(Guid situationId, ResultatFormation? resultat, DateOnly? dateResultat, CancellationToken ct)
    {
        if (resultat is null)
        {
            ModelState.AddModelError("Resultat", "Le résultat est obligatoire : Obtenu ou Échec.");
        }

        if (dateResultat is null)
        {
            ModelState.AddModelError("DateResultat", "La date du résultat est obligatoire.");
        }

        if (!ModelState.IsValid)
        {
            return await ChargerAsync(ct) ? Page() : NotFound();
        }

        var r = await TenterAsync(() => Mediator.Send(new ConclureFormationCommand(situationId, resultat!.Value, dateResultat!.Value), ct).AsTask(), string.Empty);
        return await Suite(r is not null, resultat == ResultatFormation.Obtenu ? "Formation obtenue : la validation est ajoutée au cursus." : "Résultat enregistré.", ct);
    }

    private async Task<IActionResult> Suite(bool ok, string message, CancellationToken ct)
    {
        if (ok)
        {
            TempData["Message"] = message;
            return Redirect($"/Jeunes/Dossier/{Id}/cursus");
        }

        return await ChargerAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        try
        {
            Entete = await Mediator.Send(new ConsulterEnteteQuery(Id, "Cursus"), ct);
        }
        catch (NotFoundException)
        {
            return false;
        }

        Cursus = await Mediator.Send(new ConsulterCursusQuery(Id, Journaliser: false), ct);
        Choix = await Mediator.Send(new ListerNomenclaturesCursusQuery(), ct);
        if (ModelState.IsValid)
        {
            Version = Cursus.Version;
        }

        return true;
    }

    public sealed class ScolariteSaisie
    {
        public string? DerniereClasse { get; set; }

        public string? Etablissement { get; set; }

        public int? AnneeSortie { get; set; }

        public bool Scolarise { get; set; }
    }

    public sealed class DiplomeSaisie
    {
        public string? Libelle { get; set; }

        public int? Niveau { get; set; }

        public int? Annee { get; set; }

        public string? CodeRncp { get; set; }
    }
}
