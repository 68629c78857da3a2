using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Allocations.AccorderDelegationRgs;
using MissionLocale.Application.Allocations.GererDelegationsRgs;
using MissionLocale.Application.Allocations.ListerDelegationsRgs;
using MissionLocale.Application.Allocations.RevoquerDelegationRgs;
using MissionLocale.Application.Reference.ListerChoix;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Web.Pages.Reference;

/// <summary>ALLOC-13: administrators grant and revoke dated RGS certificate delegations to validators.</summary>
public sealed class DelegationsRgsModel(IMediator mediator) : MlPageModel(mediator)
{
    public IReadOnlyList<DelegationDto> Delegations { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Nom)> Validateurs { get; private set; } = [];

    [BindProperty]
    public Saisie Nouvelle { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Nouvelle.Du = DateOnly.FromDateTime(Local(Horloge.GetUtcNow()));
        await ChargerAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await TenterAsync(() => Mediator.Send(new AccorderDelegationRgsCommand(Nouvelle.UtilisateurId ?? Guid.Empty, Nouvelle.Certificat ?? string.Empty, Nouvelle.Du ?? default, Nouvelle.Au ?? default), ct).AsTask(), nameof(Nouvelle));
        if (ModelState.IsValid)
        {
            TempData["Message"] = "Délégation RGS accordée.";
            return Redirect("/Reference/DelegationsRgs");
        }

        await ChargerAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevoquerAsync(Guid id, CancellationToken ct)
    {
        await TenterAsync(async () => (object)await Mediator.Send(new RevoquerDelegationRgsCommand(id), ct), nameof(Nouvelle));
        if (ModelState.IsValid)
        {
            TempData["Message"] = "Délégation révoquée à compter d'aujourd'hui.";
            return Redirect("/Reference/DelegationsRgs");
        }

        await ChargerAsync(ct);
        return Page();
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        Delegations = await Mediator.Send(new ListerDelegationsRgsQuery(), ct);
        Validateurs = (await Mediator.Send(new ListerUtilisateursQuery(Profil.ValidateurSiege), ct)).Select(u => (u.Id, $"{u.Prenom} {u.Nom}")).ToList();
    }

    public sealed class Saisie
    {
        public Guid? UtilisateurId { get; set; }

        public string? Certificat { get; set; }

        public DateOnly? Du { get; set; }

        public DateOnly? Au { get; set; }
    }
}
