using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using MissionLocale.Infrastructure.Identity;

namespace MissionLocale.Web.Pages.Account;

/// <summary>Issue 10: the user chooses a new password from the single-use link an administrator had sent.</summary>
public sealed class NouveauMotDePasseModel(UserManager<ApplicationUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Compte { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Jeton { get; set; }

    [BindProperty]
    public string? MotDePasse { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(MotDePasse))
        {
            ModelState.AddModelError(nameof(MotDePasse), "Le mot de passe est obligatoire.");
        }

        if (string.IsNullOrEmpty(Confirmation))
        {
            ModelState.AddModelError(nameof(Confirmation), "La confirmation est obligatoire.");
        }
        else if (MotDePasse is not null && Confirmation != MotDePasse)
        {
            ModelState.AddModelError(nameof(Confirmation), "La confirmation ne reprend pas le mot de passe.");
        }

        // All the errors at once: the password rules are checked even when the confirmation differs (with the account's
        // login and names when the link names a real account).
        var compte = Compte == Guid.Empty ? null : await users.FindByIdAsync(Compte.ToString());
        if (!string.IsNullOrEmpty(MotDePasse))
        {
            foreach (var validateur in users.PasswordValidators)
            {
                var r = await validateur.ValidateAsync(users, compte ?? new ApplicationUser(), MotDePasse);
                foreach (var e in r.Errors)
                {
                    ModelState.AddModelError(nameof(MotDePasse), Traduire(e));
                }
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = compte;
        string? jeton = null;
        try
        {
            jeton = Jeton is null ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Jeton));
        }
        catch (FormatException)
        {
            jeton = null;
        }

        var resultat = user is null || jeton is null || !user.Actif || user.DesabonneLe is not null
            ? IdentityResult.Failed(new IdentityError { Code = "InvalidToken" })
            : await users.ResetPasswordAsync(user, jeton, MotDePasse!);
        if (!resultat.Succeeded)
        {
            foreach (var e in resultat.Errors)
            {
                ModelState.AddModelError(e.Code == "InvalidToken" ? string.Empty : nameof(MotDePasse), Traduire(e));
            }

            return Page();
        }

        MissionLocale.Web.Infrastructure.SessionRevocable.Oublier(HttpContext.RequestServices, user!.Id);
        await users.ResetAccessFailedCountAsync(user!);
        await users.SetLockoutEndDateAsync(user!, null);
        if (!user!.EmailConfirmed)
        {
            // The link reached the person: their e-mail is the right one.
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }

        TempData["Message"] = "Votre mot de passe est enregistré : connectez-vous avec.";
        return Redirect("/Account/Login");
    }

    /// <summary>Identity's reasons in French, saying what to do.</summary>
    private static string Traduire(IdentityError e) => e.Code switch
    {
        ValidateurMotDePasse.Code => e.Description,
        "InvalidToken" => "Ce lien n'est plus valable (déjà utilisé, expiré après 24 heures, ou remplacé par un plus récent) : demandez-en un nouveau avec « Mot de passe oublié » ou à votre administrateur.",
        "PasswordTooShort" => "Le mot de passe doit compter au moins 12 caractères : une phrase de plusieurs mots est plus sûre et plus facile à retenir.",
        "PasswordRequiresNonAlphanumeric" => "Le mot de passe doit contenir au moins un caractère spécial (espace, ponctuation…).",
        "PasswordRequiresDigit" => "Le mot de passe doit contenir au moins un chiffre.",
        "PasswordRequiresUpper" => "Le mot de passe doit contenir au moins une majuscule.",
        "PasswordRequiresLower" => "Le mot de passe doit contenir au moins une minuscule.",
        "PasswordRequiresUniqueChars" => "Le mot de passe doit contenir des caractères plus variés.",
        _ => "Ce mot de passe ne peut pas être enregistré : choisissez-en un autre.",
    };
}
