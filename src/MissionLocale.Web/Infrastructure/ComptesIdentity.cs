using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Comptes.GererComptes;
using MissionLocale.Application.Rappels;
using MissionLocale.Domain.Utilisateurs;
using MissionLocale.Infrastructure.Identity;
using MissionLocale.Infrastructure.Persistence;

namespace MissionLocale.Web.Infrastructure;

/// <summary>
/// The structure's accounts through ASP.NET Identity. Every query is restricted to the administrator's structure: an
/// id of another Mission Locale is "introuvable". The reset link is built on the configured public URL (UrlPublique):
/// in production it must be set, as a forged Host header would otherwise put a phishing link in our e-mail; without it
/// (development) the administrator's own address is used.
/// </summary>
public sealed class ComptesIdentity(UserManager<ApplicationUser> users, IEnvoiEmail email, IConfiguration configuration, IHttpContextAccessor http, TimeProvider clock, IServiceProvider services, AppDbContext db) : IComptes
{
    public async Task<IReadOnlyList<CompteDto>> ListerAsync(Guid structureId, CancellationToken ct) =>
        await Projeter(users.Users.AsNoTracking().Where(u => u.StructureId == structureId).OrderBy(u => u.DesabonneLe != null).ThenBy(u => u.Nom).ThenBy(u => u.Prenom)).ToListAsync(ct);

    public async Task<CompteDto?> TrouverAsync(Guid structureId, Guid compteId, CancellationToken ct) =>
        await Projeter(users.Users.AsNoTracking().Where(u => u.StructureId == structureId && u.Id == compteId)).SingleOrDefaultAsync(ct);

    private static IQueryable<CompteDto> Projeter(IQueryable<ApplicationUser> q) =>
        q.Select(u => new CompteDto(u.Id, u.UserName!, u.Prenom, u.Nom, u.Profil, u.Actif, u.LockoutEnd, u.AccessFailedCount, u.Email, u.Civilite)
        {
            AntenneId = u.AntenneId,
            Fonctions = u.Fonctions,
            Desabonne = u.DesabonneLe != null,
            DeuxFacteurs = u.TwoFactorEnabled,
            EnAttentePremiereConnexion = u.PasswordHash == null && u.DesabonneLe == null,
        });

    public async Task<IReadOnlyList<CompteNational>> RechercherNationalAsync(Guid structureId, string nom, string prenom, CancellationToken ct)
    {
        // USR-03: the same person whatever the accents, case or hyphens; compared in memory on the few accounts with
        // the same normalised name (the user table holds thousands of rows at most per deployment: docs/performance.md).
        var cleNom = MissionLocale.Domain.Common.Texte.Cle(nom);
        var clePrenom = MissionLocale.Domain.Common.Texte.Cle(prenom);
        var candidats = await users.Users.AsNoTracking().Where(u => u.DesabonneLe == null && u.NomCle == cleNom)
            .Join(db.Structures, u => u.StructureId, s => s.Id, (u, s) => new { u.Id, u.UserName, u.Prenom, u.Nom, Structure = s.Nom, u.Actif, u.StructureId })
            .ToListAsync(ct);
        return candidats.Where(c => MissionLocale.Domain.Common.Texte.Cle(c.Prenom) == clePrenom)
            .Select(c => new CompteNational(c.Id, c.UserName!, c.Prenom, c.Nom, c.Structure, c.Actif, c.StructureId == structureId)).ToList();
    }

    public async Task<CompteNational?> RechercherParIdAsync(Guid structureId, Guid compteId, CancellationToken ct) =>
        await users.Users.AsNoTracking().Where(u => u.Id == compteId && u.DesabonneLe == null)
            .Join(db.Structures, u => u.StructureId, s => s.Id, (u, s) => new CompteNational(u.Id, u.UserName!, u.Prenom, u.Nom, s.Nom, u.Actif, u.StructureId == structureId))
            .SingleOrDefaultAsync(ct);

    public async Task<string?> DirectionAsync(Guid structureId, Guid? sauf, CancellationToken ct) =>
        await users.Users.AsNoTracking().Where(u => u.StructureId == structureId && u.Profil == Profil.Direction && u.DesabonneLe == null && u.Id != sauf)
            .Select(u => u.Prenom + " " + u.Nom).FirstOrDefaultAsync(ct);

    public async Task<CompteCree> CreerAsync(Guid structureId, NouveauCompte compte, CancellationToken ct)
    {
        // USR-02, on every account ever made (unsubscribed included: a login is never given twice).
        var login = Login.Proposer(compte.Prenom, compte.Nom, l => users.Users.Any(u => u.UserName == l));
        var user = new ApplicationUser
        {
            UserName = login,
            Email = compte.Email.ToLowerInvariant(),
            EmailConfirmed = false,
            Nom = compte.Nom,
            Prenom = compte.Prenom,
            Civilite = compte.Civilite,
            Profil = compte.Profil,
            Fonctions = compte.Fonctions,
            StructureId = structureId,
            AntenneId = compte.AntenneId,
            CreeLe = clock.GetUtcNow(),
        };
        Verifier(await users.CreateAsync(user));
        await EnvoyerLienAsync(user, "Mission Locale : votre compte est créé",
            $"Un compte a été créé pour vous dans l'application de la Mission Locale. Votre identifiant : {user.UserName}.\n", ct);
        return new CompteCree(user.Id, login, user.Email);
    }

    public async Task<bool> RattacherAsync(Guid compteId, Guid structureId, Guid? antenneId, Profil profil, FonctionsCompte fonctions, CancellationToken ct)
    {
        var user = await users.Users.SingleOrDefaultAsync(u => u.Id == compteId && u.DesabonneLe == null, ct);
        if (user is null)
        {
            return false;
        }

        // The account leaves its former structure: its sessions end (their claims name that structure).
        user.StructureId = structureId;
        user.AntenneId = antenneId;
        user.Profil = profil;
        user.Fonctions = fonctions;
        user.Actif = true;
        Verifier(await users.UpdateAsync(user));
        await RevoquerAsync(user);
        if (!string.IsNullOrWhiteSpace(user.Email))
        {
            await email.EnvoyerAsync(user.Email, "Mission Locale : votre compte change de structure",
                $"Bonjour {user.Prenom},\n\nVotre compte {user.UserName} est désormais rattaché à une nouvelle Mission Locale. Connectez-vous avec le même identifiant et le même mot de passe.", Guid.NewGuid().ToString(), ct);
        }

        return true;
    }

    public async Task<bool> ModifierAsync(Guid structureId, Guid compteId, Guid? antenneId, Profil profil, FonctionsCompte fonctions, string adresse, CancellationToken ct)
    {
        var user = await ChargerAsync(structureId, compteId, ct);
        if (user is null)
        {
            return false;
        }

        var droitsChanges = user.Profil != profil || user.AntenneId != antenneId;
        user.AntenneId = antenneId;
        user.Profil = profil;
        user.Fonctions = fonctions;
        user.Email = adresse.ToLowerInvariant();
        Verifier(await users.UpdateAsync(user));
        if (droitsChanges)
        {
            // The profile is in the session's claims: the person logs in again with the new rights.
            await RevoquerAsync(user);
        }

        return true;
    }

    public async Task<bool> RenommerAsync(Guid structureId, Guid compteId, string nom, CancellationToken ct)
    {
        var user = await ChargerAsync(structureId, compteId, ct);
        if (user is null)
        {
            return false;
        }

        user.Nom = nom;
        Verifier(await users.UpdateAsync(user));
        return true;
    }

    public async Task<bool> ChangerActivationAsync(Guid structureId, Guid compteId, bool actif, CancellationToken ct)
    {
        var user = await ChargerAsync(structureId, compteId, ct);
        if (user is null)
        {
            return false;
        }

        user.Actif = actif;
        Verifier(await users.UpdateAsync(user));
        if (!actif)
        {
            await RevoquerAsync(user);
        }

        return true;
    }

    public async Task<bool> DesabonnerAsync(Guid structureId, Guid compteId, CancellationToken ct)
    {
        var user = await ChargerAsync(structureId, compteId, ct);
        if (user is null)
        {
            return false;
        }

        // USR-08: final. The person's data goes (name, e-mail, phone, password, second factor); the login stays reserved
        // so it is never given to someone else (USR-02) and the history keeps who did what under it.
        user.Actif = false;
        user.DesabonneLe = clock.GetUtcNow();
        user.Nom = ReglesComptes.DonneeAnonymisee;
        user.Prenom = string.Empty;
        user.Email = null;
        user.PhoneNumber = null;
        user.Fonctions = FonctionsCompte.Aucune;
        user.PasswordHash = null;
        user.TwoFactorEnabled = false;
        Verifier(await users.UpdateAsync(user));
        await users.RemoveAuthenticationTokenAsync(user, JetonsIdentity.Fournisseur, JetonsIdentity.CleAuthentificateur);
        await users.RemoveAuthenticationTokenAsync(user, JetonsIdentity.Fournisseur, JetonsIdentity.CodesDeSecours);
        await RevoquerAsync(user);
        return true;
    }

    public async Task<bool> ReinitialiserDeuxFacteursAsync(Guid structureId, Guid compteId, CancellationToken ct)
    {
        var user = await ChargerAsync(structureId, compteId, ct);
        if (user is null)
        {
            return false;
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.RemoveAuthenticationTokenAsync(user, JetonsIdentity.Fournisseur, JetonsIdentity.CodesDeSecours);
        await users.ResetAuthenticatorKeyAsync(user);
        SessionRevocable.Oublier(services, user.Id);
        return true;
    }

    public async Task<bool> DeverrouillerAsync(Guid structureId, Guid compteId, CancellationToken ct)
    {
        var user = await ChargerAsync(structureId, compteId, ct);
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
        var user = await ChargerAsync(structureId, compteId, ct);
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

        await RevoquerAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await EnvoyerLienAsync(user, "Mission Locale : choisissez un nouveau mot de passe",
            $"L'administrateur de votre Mission Locale a réinitialisé le mot de passe de votre compte {user.UserName}.\n", ct);
        return user.Email;
    }

    /// <summary>"Mot de passe oublié": the same link, sent only when the login and e-mail match an active account; says nothing either way.</summary>
    public async Task DemanderLienAsync(string? login, string? adresse, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(login?.Trim().ToLowerInvariant() ?? string.Empty);
        if (user is null || !user.Actif || user.DesabonneLe is not null || string.IsNullOrWhiteSpace(user.Email)
            || !string.Equals(user.Email, adresse?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        await EnvoyerLienAsync(user, "Mission Locale : choisissez un nouveau mot de passe",
            $"Vous avez demandé à choisir un nouveau mot de passe pour votre compte {user.UserName}. Votre mot de passe actuel reste valable tant que vous n'en avez pas choisi un autre.\n", ct);
    }

    /// <summary>A single-use link valid 24 hours (the token is bound to the security stamp, which the reset changes).</summary>
    private async Task EnvoyerLienAsync(ApplicationUser user, string sujet, string introduction, CancellationToken ct)
    {
        var jeton = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var lien = $"{Base()}/Account/NouveauMotDePasse?compte={user.Id}&jeton={jeton}";
        var expire = TimeZoneInfo.ConvertTime(clock.GetUtcNow().AddDays(1), clock.LocalTimeZone);
        await email.EnvoyerAsync(user.Email!, sujet,
            $"Bonjour {user.Prenom},\n\n{introduction}"
            + $"Choisissez votre mot de passe avec ce lien, utilisable une seule fois jusqu'au {expire:dd/MM/yyyy} à {expire:HH'h'mm} :\n{lien}\n\n"
            + "Si vous n'êtes pas à l'origine de cette demande, prévenez votre administrateur.", Guid.NewGuid().ToString(), ct);
    }

    /// <summary>Ends every session and API token of the account at once (new security stamp, forgotten by this node's cache).</summary>
    private async Task RevoquerAsync(ApplicationUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        SessionRevocable.Oublier(services, user.Id);
    }

    private static void Verifier(IdentityResult r)
    {
        if (!r.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
        }
    }

    private Task<ApplicationUser?> ChargerAsync(Guid structureId, Guid compteId, CancellationToken ct) =>
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
