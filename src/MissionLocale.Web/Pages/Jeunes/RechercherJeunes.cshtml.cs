using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.RechercherJeunes;

namespace MissionLocale.Web.Pages.Jeunes;

/// <summary>JEU-12: search among the structure's dossiers.</summary>
public sealed class RechercherJeunesModel(IMediator mediator) : MlPageModel(mediator)
{
    /// <summary>USR-09: direction and administrators may select results for a bulk transfer.</summary>
    public bool PeutTransferer => Enum.TryParse<MissionLocale.Domain.Utilisateurs.Profil>(User.FindFirst(MissionLocale.Web.Infrastructure.MlClaims.Profil)?.Value, out var p)
        && MissionLocale.Domain.Utilisateurs.MatriceDroits.A(p, MissionLocale.Domain.Utilisateurs.Droit.TransfererEnMasse);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? DateNaissance { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? IdentifiantFt { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Nir { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Apres { get; set; }

    public Page<JeuneResume>? Resultats { get; private set; }

    public bool Recherche => !string.IsNullOrWhiteSpace(Q) || DateNaissance is not null || !string.IsNullOrWhiteSpace(IdentifiantFt) || !string.IsNullOrWhiteSpace(Nir);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Recherche && ModelState.IsValid)
        {
            Resultats = await TenterAsync(() => Mediator.Send(new RechercherJeunesQuery(Q, DateNaissance, IdentifiantFt, Nir, null, Apres), ct).AsTask(), string.Empty);
        }

        // htmx asks only for the results while typing.
        return Request.Headers.ContainsKey("HX-Request") ? Partial("_ResultatsJeunes", this) : Page();
    }

    public string LienSuivant() =>
        $"?q={Uri.EscapeDataString(Q ?? string.Empty)}&dateNaissance={DateNaissance:yyyy-MM-dd}&identifiantFt={Uri.EscapeDataString(IdentifiantFt ?? string.Empty)}&nir={Uri.EscapeDataString(Nir ?? string.Empty)}&apres={Resultats?.Suivant}";
}
