using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionLocale.Web.Infrastructure;

namespace MissionLocale.Web.Pages.Account;

/// <summary>
/// "Mot de passe oublié": the login and the e-mail of the account; when both match an active account, the single-use
/// link is e-mailed. The answer is the same either way, so the page tells nobody which logins or addresses exist.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Connexion.PolitiqueLimite)]
public sealed class MotDePasseOublieModel(ComptesIdentity comptes) : PageModel
{
    public const string Reponse = "Si l'identifiant et l'adresse e-mail correspondent à un compte actif, un lien pour choisir un nouveau mot de passe vient d'y être envoyé (valable 24 heures, une seule fois).";

    [BindProperty]
    public string? Identifiant { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public bool Envoye { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Identifiant))
        {
            ModelState.AddModelError(nameof(Identifiant), "L'identifiant est obligatoire.");
        }

        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "L'adresse e-mail est obligatoire.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await comptes.DemanderLienAsync(Identifiant, Email, ct);
        Envoye = true;
        return Page();
    }
}
