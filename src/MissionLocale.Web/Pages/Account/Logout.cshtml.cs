using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionLocale.Infrastructure.Identity;

namespace MissionLocale.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp revokes every cookie of this session, a copied one included (checked at each request).
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            MissionLocale.Web.Infrastructure.SessionRevocable.Oublier(HttpContext.RequestServices, user.Id);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
