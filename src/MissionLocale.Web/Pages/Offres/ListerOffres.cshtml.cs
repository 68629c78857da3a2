using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Offres.AjouterSession;
using MissionLocale.Application.Offres.CreerOffre;
using MissionLocale.Application.Reference.ListerChoix;
using MissionLocale.Domain.Offres;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Web.Pages.Offres;

/// <summary>EVT-02: the structure's catalogue of offres de service and their sessions.</summary>
public sealed class ListerOffresModel(IMediator mediator, ICurrentUser user) : MlPageModel(mediator)
{
    [BindProperty]
    public NouvelleOffre Offre { get; set; } = new();

    [BindProperty]
    public NouvelleSession Session { get; set; } = new();

    public IReadOnlyList<OffreDto> Offres { get; private set; } = [];

    public IReadOnlyList<(string Code, string Libelle)> Domaines { get; private set; } = [];

    public bool PeutGerer => MatriceDroits.A(user.Profil, Droit.GererOffres);

    public async Task OnGetAsync(CancellationToken ct) => await ChargerAsync(ct);

    public async Task<IActionResult> OnPostOffreAsync(CancellationToken ct)
    {
        var id = await TenterAsync(() => Mediator.Send(new CreerOffreCommand(Offre.DomaineCode ?? string.Empty, Offre.Type, Offre.Libelle ?? string.Empty, Offre.Description), ct).AsTask(), nameof(Offre));
        if (id != Guid.Empty)
        {
            TempData["Message"] = "Offre créée.";
            return RedirectToPage();
        }

        await ChargerAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSessionAsync(CancellationToken ct)
    {
        var debut = Session.Debut is { } d ? Instant(d) : default;
        var id = await TenterAsync(() => Mediator.Send(new AjouterSessionCommand(Session.OffreId, debut, Session.DureeMinutes, Session.Lieu ?? string.Empty, Session.Capacite), ct).AsTask(), nameof(Session));
        if (id != Guid.Empty)
        {
            TempData["Message"] = "Session ajoutée.";
            return RedirectToPage();
        }

        await ChargerAsync(ct);
        return Page();
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        Offres = await Mediator.Send(new ListerOffresQuery(), ct);
        Domaines = (await Mediator.Send(new ListerDomainesPropositionQuery(ActifsSeulement: false), ct)).Select(x => (x.Valeur, x.Libelle)).ToList();
    }

    public sealed class NouvelleOffre
    {
        public string? DomaineCode { get; set; }

        public TypeOffre Type { get; set; } = TypeOffre.Atelier;

        public string? Libelle { get; set; }

        public string? Description { get; set; }
    }

    public sealed class NouvelleSession
    {
        public Guid OffreId { get; set; }

        public DateTime? Debut { get; set; }

        public int DureeMinutes { get; set; } = 120;

        public string? Lieu { get; set; }

        public int Capacite { get; set; } = 12;
    }
}
