using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Comptes.DesabonnerCompte;
using MissionLocale.Application.Comptes.DesactiverCompte;
using MissionLocale.Application.Comptes.DeverrouillerCompte;
using MissionLocale.Application.Comptes.GererComptes;
using MissionLocale.Application.Comptes.ListerComptes;
using MissionLocale.Application.Comptes.ReactiverCompte;
using MissionLocale.Application.Comptes.ReinitialiserMotDePasse;

namespace MissionLocale.Web.Pages.Administration;

/// <summary>Issue 10: the structure's accounts; an administrator unlocks a locked account or forces a password reset.</summary>
public sealed class ComptesModel(IMediator mediator) : MlPageModel(mediator)
{
    public IReadOnlyList<CompteDto> Comptes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Comptes = await Mediator.Send(new ListerComptesQuery(), ct);

    public bool Verrouille(CompteDto c) => c.VerrouilleJusquA is { } fin && fin > Horloge.GetUtcNow();

    public async Task<IActionResult> OnPostDeverrouillerAsync(Guid id, CancellationToken ct)
    {
        await TenterAsync(async () => (object)await Mediator.Send(new DeverrouillerCompteCommand(id), ct), string.Empty);
        if (ModelState.IsValid)
        {
            TempData["Message"] = "Compte déverrouillé : la personne peut se connecter à nouveau.";
            return Redirect("/Administration/Comptes");
        }

        Comptes = await Mediator.Send(new ListerComptesQuery(), ct);
        return Page();
    }

    public Task<IActionResult> OnPostDesactiverAsync(Guid id, CancellationToken ct) =>
        ActionAsync(() => Mediator.Send(new DesactiverCompteCommand(id), ct).AsTask(), "Compte désactivé : la personne ne peut plus se connecter, ses sessions et jetons d'API sont arrêtés. Vous pourrez le réactiver.", ct);

    public Task<IActionResult> OnPostReactiverAsync(Guid id, CancellationToken ct) =>
        ActionAsync(() => Mediator.Send(new ReactiverCompteCommand(id), ct).AsTask(), "Compte réactivé.", ct);

    public Task<IActionResult> OnPostDeuxFacteursAsync(Guid id, CancellationToken ct) =>
        ActionAsync(() => Mediator.Send(new MissionLocale.Application.Comptes.ReinitialiserDeuxFacteurs.ReinitialiserDeuxFacteursCommand(id), ct).AsTask(), "Double authentification retirée : la personne l'active à nouveau à sa prochaine connexion (obligatoire pour son profil s'il valide des paiements ou gère des comptes).", ct);

    public Task<IActionResult> OnPostDesabonnerAsync(Guid id, CancellationToken ct) =>
        ActionAsync(() => Mediator.Send(new DesabonnerCompteCommand(id), ct).AsTask(), "Compte désabonné définitivement : son nom apparaît désormais comme « Donnée anonymisée ».", ct);

    private async Task<IActionResult> ActionAsync(Func<Task<Unit>> action, string message, CancellationToken ct)
    {
        await TenterAsync(async () => (object)await action(), string.Empty);
        if (ModelState.IsValid)
        {
            TempData["Message"] = message;
            return Redirect("/Administration/Comptes");
        }

        Comptes = await Mediator.Send(new ListerComptesQuery(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReinitialiserAsync(Guid id, CancellationToken ct)
    {
        string? email = null;
        await TenterAsync(async () => email = await Mediator.Send(new ReinitialiserMotDePasseCommand(id), ct), string.Empty);
        if (ModelState.IsValid)
        {
            TempData["Message"] = $"Mot de passe réinitialisé : l'ancien ne fonctionne plus et un lien pour en choisir un nouveau a été envoyé à {email} (valable 24 heures, une seule fois).";
            return Redirect("/Administration/Comptes");
        }

        Comptes = await Mediator.Send(new ListerComptesQuery(), ct);
        return Page();
    }
}
