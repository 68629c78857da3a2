using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionLocale.Infrastructure.Identity;
using MissionLocale.Web.Infrastructure;

namespace MissionLocale.Web.Pages.Account;

/// <summary>
/// The user's own security: change of password, two-factor authentication (TOTP, any authenticator app) with recovery
/// codes. Required for validateurs siège and administrators: until they enrol, every page leads here (DeuxFacteursRequis).
/// </summary>
public sealed class SecuriteModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) : PageModel
{
    public const string Emetteur = "Mission Locale";

    [BindProperty]
    public string? MotDePasseActuel { get; set; }

    [BindProperty]
    public string? NouveauMotDePasse { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public bool DeuxFacteursActifs { get; private set; }

    public bool DeuxFacteursObligatoires { get; private set; }

    public string? Cle { get; private set; }

    public string? QrSvg { get; private set; }

    public string? Uri { get; private set; }

    public int CodesDeSecoursRestants { get; private set; }

    public IReadOnlyList<string> NouveauxCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await ChargerAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostMotDePasseAsync()
    {
        var user = await ChargerAsync();
        if (user is null)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(MotDePasseActuel))
        {
            ModelState.AddModelError(nameof(MotDePasseActuel), "Le mot de passe actuel est obligatoire.");
        }

        if (string.IsNullOrEmpty(NouveauMotDePasse))
        {
            ModelState.AddModelError(nameof(NouveauMotDePasse), "Le nouveau mot de passe est obligatoire.");
        }
        else
        {
            foreach (var validateur in users.PasswordValidators)
            {
                foreach (var e in (await validateur.ValidateAsync(users, user, NouveauMotDePasse)).Errors)
                {
                    ModelState.AddModelError(nameof(NouveauMotDePasse), e.Description);
                }
            }
        }

        if (string.IsNullOrEmpty(Confirmation))
        {
            ModelState.AddModelError(nameof(Confirmation), "La confirmation est obligatoire.");
        }
        else if (NouveauMotDePasse is not null && Confirmation != NouveauMotDePasse)
        {
            ModelState.AddModelError(nameof(Confirmation), "La confirmation ne reprend pas le nouveau mot de passe.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var r = await users.ChangePasswordAsync(user, MotDePasseActuel!, NouveauMotDePasse!);
        if (!r.Succeeded)
        {
            ModelState.AddModelError(nameof(MotDePasseActuel), r.Errors.Any(e => e.Code == "PasswordMismatch") ? "Le mot de passe actuel n'est pas le bon." : string.Join(" ", r.Errors.Select(e => e.Description)));
            return Page();
        }

        // Other sessions and API tokens end (new stamp); this one continues.
        SessionRevocable.Oublier(HttpContext.RequestServices, user.Id);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "Mot de passe changé : vos autres sessions sont fermées.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostActiverAsync()
    {
        var user = await ChargerAsync();
        if (user is null)
        {
            return Challenge();
        }

        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Le code est obligatoire.");
            return Page();
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "Ce code n'est pas valable : saisissez les 6 chiffres affichés en ce moment par l'application, après avoir ajouté le compte.");
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        NouveauxCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        SessionRevocable.Oublier(HttpContext.RequestServices, user.Id);
        await signIn.RefreshSignInAsync(user);
        await ChargerAsync();
        TempData["Message"] = "Double authentification activée.";
        return Page();
    }

    public async Task<IActionResult> OnPostCodesAsync()
    {
        var user = await ChargerAsync();
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            NouveauxCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
            await ChargerAsync();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDesactiverAsync()
    {
        var user = await ChargerAsync();
        if (user is null)
        {
            return Challenge();
        }

        if (user.DeuxFacteursObligatoires)
        {
            ModelState.AddModelError(string.Empty, "La double authentification est obligatoire pour votre profil (validation des paiements, gestion des comptes) : elle ne se désactive pas.");
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        SessionRevocable.Oublier(HttpContext.RequestServices, user.Id);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "Double authentification désactivée.";
        return RedirectToPage();
    }

    private async Task<ApplicationUser?> ChargerAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return null;
        }

        DeuxFacteursActifs = user.TwoFactorEnabled;
        DeuxFacteursObligatoires = user.DeuxFacteursObligatoires;
        if (user.TwoFactorEnabled)
        {
            CodesDeSecoursRestants = await users.CountRecoveryCodesAsync(user);
            return user;
        }

        var cle = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(cle))
        {
            // A first key is stored without ResetAuthenticatorKeyAsync: that one also renews the security stamp, which would
            // end this very session while the person scans the code.
            cle = users.GenerateNewAuthenticatorKey();
            await users.SetAuthenticationTokenAsync(user, JetonsIdentity.Fournisseur, JetonsIdentity.CleAuthentificateur, cle);
        }

        Cle = Grouper(cle!);
        Uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{System.Uri.EscapeDataString(Emetteur)}:{System.Uri.EscapeDataString(user.UserName!)}?secret={cle}&issuer={System.Uri.EscapeDataString(Emetteur)}&digits=6");
        using var generateur = new QRCoder.QRCodeGenerator();
        using var donnees = generateur.CreateQrCode(Uri, QRCoder.QRCodeGenerator.ECCLevel.M);
        QrSvg = new QRCoder.SvgQRCode(donnees).GetGraphic(4);
        return user;
    }

    private static string Grouper(string cle)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < cle.Length; i += 4)
        {
            sb.Append(cle.AsSpan(i, Math.Min(4, cle.Length - i))).Append(' ');
        }

        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}
