using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionLocale.Infrastructure.Identity;

namespace MissionLocale.Web.Pages.Account;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(MissionLocale.Web.Infrastructure.Connexion.PolitiqueLimite)]
public sealed class LoginModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users) : PageModel
{
    [BindProperty]
    public string Identifiant { get; set; } = string.Empty;

    [BindProperty]
    public string MotDePasse { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Erreur { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await MissionLocale.Web.Infrastructure.Connexion.TrouverAsync(users, Identifiant, MotDePasse);
        if (user is null)
        {
            Erreur = "Identifiant ou mot de passe incorrect.";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, MotDePasse, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            Erreur = "Compte verrouillé après plusieurs essais infructueux : réessayez dans 15 minutes ou contactez votre administrateur.";
            return Page();
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/DeuxFacteurs", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/" });
        }

        if (!result.Succeeded)
        {
            Erreur = "Identifiant ou mot de passe incorrect.";
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
