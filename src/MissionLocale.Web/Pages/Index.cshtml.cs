using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionLocale.Application.Common;
using MissionLocale.Application.Pilotage.ConsulterAlertes;
using MissionLocale.Application.Reference.ListerChoix;
using MissionLocale.Application.RendezVous.ConsulterPortail;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Web.Pages;

public sealed class IndexModel(ICurrentUser user, IMediator mediator, TimeProvider clock) : PageModel
{
    public string Prenom { get; private set; } = string.Empty;

    public string Structure { get; private set; } = string.Empty;

    public bool PeutAccueillir { get; private set; }

    public int? MesJeunes { get; private set; }

    /// <summary>RDV-02: my rendez-vous.</summary>
    public Portail? Portail { get; private set; }

    /// <summary>PIL-01 (first part): alerts with counts for my portfolio and my structure (inline only when asked).</summary>
    public IReadOnlyList<Alerte>? Alertes { get; private set; }

    /// <summary>The user's profile has the alerts; they load after the page.</summary>
    public bool AlertesDisponibles { get; private set; }

    public DateTime Local(DateTimeOffset d) => TimeZoneInfo.ConvertTime(d, clock.LocalTimeZone).DateTime;

    public DateOnly Aujourdhui => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The alerts as a fragment, for htmx.</summary>
    public async Task<IActionResult> OnGetAlertesAsync(CancellationToken ct) =>
        user.Profil is Profil.Conseiller or Profil.Direction
            ? Partial("_AlertesPortail", await mediator.Send(new ConsulterAlertesQuery(), ct))
            : NotFound();

    /// <summary>PIL-02: the saved searches with their two counts, as a fragment loaded after the page.</summary>
    public async Task<IActionResult> OnGetRecherchesAsync(CancellationToken ct) =>
        MatriceDroits.A(user.Profil, Droit.RechercherJeunes)
            ? Partial("_RecherchesPortail", await mediator.Send(new MissionLocale.Application.Pilotage.ListerRecherches.ListerRecherchesQuery(), ct))
            : NotFound();

    /// <summary>PIL-02, inline when asked (without JavaScript).</summary>
    public IReadOnlyList<MissionLocale.Application.Pilotage.ListerRecherches.RechercheAvecComptes>? Recherches { get; private set; }

    public bool RecherchesDisponibles { get; private set; }

    public async Task OnGetAsync(bool alertes, bool recherches, CancellationToken ct)
    {
        RecherchesDisponibles = MatriceDroits.A(user.Profil, Droit.RechercherJeunes);
        if (RecherchesDisponibles && recherches)
        {
            Recherches = await mediator.Send(new MissionLocale.Application.Pilotage.ListerRecherches.ListerRecherchesQuery(), ct);
        }

        // From the session's claims: no query for what does not change during a session.
        Prenom = User.FindFirst(MissionLocale.Web.Infrastructure.MlClaims.Prenom)?.Value ?? string.Empty;
        Structure = User.FindFirst(MissionLocale.Web.Infrastructure.MlClaims.StructureNom)?.Value ?? string.Empty;
        PeutAccueillir = MatriceDroits.A(user.Profil, Droit.EnregistrerPremierAccueil);
        if (MatriceDroits.A(user.Profil, Droit.PlanifierRendezVous))
        {
            Portail = await mediator.Send(new ConsulterPortailQuery(10), ct);
        }

        AlertesDisponibles = user.Profil is Profil.Conseiller or Profil.Direction;
        if (AlertesDisponibles && alertes)
        {
            Alertes = await mediator.Send(new ConsulterAlertesQuery(), ct);
        }

        if (user.Profil == Profil.Conseiller)
        {
            MesJeunes = await mediator.Send(new CompterMesJeunesQuery(), ct);
        }
    }
}
