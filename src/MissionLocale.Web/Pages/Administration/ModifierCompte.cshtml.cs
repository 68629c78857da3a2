using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Comptes.ConsulterCompte;
using MissionLocale.Application.Comptes.GererComptes;
using MissionLocale.Application.Comptes.ModifierCompte;
using MissionLocale.Application.Comptes.RenommerCompte;
using MissionLocale.Application.Reference.ListerChoix;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Web.Pages.Administration;

/// <summary>USR-04 to USR-06: profile, antenne, functions, e-mail of an account; a change of name of the same person.</summary>
public sealed class ModifierCompteModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid? AntenneId { get; set; }

    [BindProperty]
    public Profil? Profil { get; set; }

    [BindProperty]
    public List<FonctionsCompte> Fonctions { get; set; } = [];

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? NouveauNom { get; set; }

    public CompteDto? Compte { get; private set; }

    public IReadOnlyList<Choix<Guid>> Antennes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct))
        {
            return NotFound();
        }

        AntenneId = Compte!.AntenneId;
        Profil = Compte.Profil;
        Email = Compte.Email;
        Fonctions = [.. Enum.GetValues<FonctionsCompte>().Where(f => f != FonctionsCompte.Aucune && Compte.Fonctions.HasFlag(f))];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var fonctions = Fonctions.Aggregate(FonctionsCompte.Aucune, (a, f) => a | f);
        await TenterAsync(async () => await Mediator.Send(new ModifierCompteCommand(Id, AntenneId, Profil, fonctions, Email), ct), string.Empty);
        return await ApresAsync("Compte modifié. Si son profil ou son antenne a changé, la personne se reconnecte pour en disposer.", ct);
    }

    public async Task<IActionResult> OnPostRenommerAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct))
        {
            return NotFound();
        }

        await TenterAsync(async () => await Mediator.Send(new RenommerCompteCommand(Id, Compte!.Prenom, Compte.Civilite, NouveauNom), ct), string.Empty);
        return await ApresAsync("Nom modifié ; l'identifiant ne change pas.", ct);
    }

    private async Task<IActionResult> ApresAsync(string message, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            TempData["Message"] = message;
            return Redirect("/Administration/Comptes");
        }

        return await ChargerAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        try
        {
            Compte = await Mediator.Send(new ConsulterCompteQuery(Id), ct);
        }
        catch (NotFoundException)
        {
            Compte = null;
        }

        Compte = Compte is { Desabonne: false } ? Compte : null;
        Antennes = await Mediator.Send(new ListerAntennesQuery(), ct);
        return Compte is not null;
    }
}
