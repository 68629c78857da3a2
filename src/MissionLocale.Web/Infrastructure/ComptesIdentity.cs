using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Comptes.GererComptes;
using MissionLocale.Application.Rappels;
using MissionLocale.Infrastructure.Identity;

namespace MissionLocale.Web.Infrastructure;

/// <summary>
/// The structure's accounts through ASP.NET Identity. Every query is restricted to the administrator's structure: an
/// id of another Mission Locale is "introuvable". The reset link is built on the configured public URL (UrlPublique):
/// in production it must be set, as a forged Host header would otherwise put a phishing link in our e-mail; without it
/// (development) the administrator's own address is used.
/// </summary>
public sealed class ComptesIdentity(UserManager<ApplicationUser> users, IEnvoiEmail email, IConfiguration configuration, IHttpContextAccessor http, TimeProvider clock, IServiceProvider services) : IComptes
{
    public async Task<IReadOnlyList<CompteDto>> ListerAsync(Guid structureId, CancellationToken ct) =>
        await users.Users.AsNoTracking().Where(u => u.StructureId == structureId).OrderBy(u => u.Nom).ThenBy(u => u.Prenom)
            .Select(u => new CompteDto(u.Id, u.UserName!, u.Prenom, u.Nom, u.Profil, u.Actif, u.LockoutEnd, u.AccessFailedCount, u.Email, u.Civilite))
            .ToListAsync(ct);

    public async Task<bool> DeverrouillerAsync(Guid structureId, Guid compteId, CancellationToken ct)
    {
        var user = await TrouverAsync(structureId, compteId, ct);
        if (user is null)
        {
            return false;
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return true;
    }

    public async Task<string?> ForcerReinitialisationAsync(Guid structureId, Guid compteId, CancellationToken ct)
    {
        var user = await TrouverAsync(structureId, compteId, ct);
        if (user is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(user.Email))
        {
            throw new MissionLocale.Domain.Common.BusinessRuleException("USR-01", $"Le compte {user.UserName} n'a pas d'adresse e-mail : le lien de réinitialisation ne peut pas lui être envoyé. Renseignez-la d'abord.");
        }

        // The old password stops working and every session ends (new security stamp); the token is made last, on the
        // final stamp, and becomes invalid as soon as it is used (the reset changes the stamp again).
        if (await users.HasPasswordAsync(user))
        {
            await users.RemovePasswordAsync(user);
        }

        await users.UpdateSecurityStampAsync(user);
        SessionRevocable.Oublier(services, user.Id);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        var jeton = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var lien = $"{Base()}/Account/NouveauMotDePasse?compte={user.Id}&jeton={jeton}";
        var expire = TimeZoneInfo.ConvertTime(clock.GetUtcNow().AddDays(1), clock.LocalTimeZone);
        await email.EnvoyerAsync(user.Email, "Mission Locale : choisissez un nouveau mot de passe",
            $"Bonjour {user.Prenom},\n\nL'administrateur de votre Mission Locale a réinitialisé le mot de passe de votre compte {user.UserName}.\n"
            + $"Choisissez-en un nouveau avec ce lien, utilisable une seule fois jusqu'au {expire:dd/MM/yyyy} à {expire:HH'h'mm} :\n{lien}\n\n"
            + "Si vous n'êtes pas à l'origine de cette demande, prévenez votre administrateur.", Guid.NewGuid().ToString(), ct);
        return user.Email;
    }

    private Task<ApplicationUser?> TrouverAsync(Guid structureId, Guid compteId, CancellationToken ct) =>
        users.Users.SingleOrDefaultAsync(u => u.Id == compteId && u.StructureId == structureId, ct);

    private string Base()
    {
        var configuree = configuration["UrlPublique"];
        if (!string.IsNullOrWhiteSpace(configuree))
        {
            return configuree.TrimEnd('/');
        }

        // Development only: without a configured URL, the address the administrator is using.
        var r = http.HttpContext?.Request;
        return r is null ? "http://localhost:5000" : $"{r.Scheme}://{r.Host}{r.PathBase}";
    }
}
