using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionLocale.Infrastructure.Identity;

namespace MissionLocale.Web.Pages.Account;

/// <summary>The second step of the login for an account with two-factor authentication: a code of the authenticator app, or a recovery code.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(MissionLocale.Web.Infrastructure.Connexion.PolitiqueLimite)]
public sealed class DeuxFacteursModel(SignInManager<ApplicationUser> signIn) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public bool CodeDeSecours { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            TempData["Message"] = "La connexion a expiré : saisissez à nouveau votre identifiant et votre mot de passe.";
            return Redirect("/Account/Login");
        }

        // Recovery codes keep their hyphen (XXXXX-XXXXX); the app's code is digits only.
        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Le code est obligatoire.");
            return Page();
        }

        var result = CodeDeSecours
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code.Replace("-", string.Empty, StringComparison.Ordinal), isPersistent: false, rememberClient: false);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(nameof(Code), "Compte verrouillé après plusieurs essais infructueux : réessayez dans 15 minutes ou contactez votre administrateur.");
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Code), CodeDeSecours
                ? "Ce code de secours n'est pas valable (chacun ne sert qu'une fois) : vérifiez-le."
                : "Ce code n'est pas valable : saisissez les 6 chiffres affichés en ce moment par votre application d'authentification.");
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
