using Mediator;
using Microsoft.AspNetCore.Identity;
using MissionLocale.Application.Accueil.EnregistrerPremierAccueil;
using MissionLocale.Application.Jeunes.AjouterRessource;
using MissionLocale.Application.Jeunes.ChangerAdresse;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Application.Jeunes.ConsulterDossier;
using MissionLocale.Application.Jeunes.ConsulterHistorique;
using MissionLocale.Application.Jeunes.EnregistrerDeces;
using MissionLocale.Application.Jeunes.EnregistrerPermis;
using MissionLocale.Application.Jeunes.JustifierIdentite;
using MissionLocale.Application.Jeunes.ListerMesJeunes;
using MissionLocale.Application.Jeunes.ModifierComplements;
using MissionLocale.Application.Jeunes.ModifierContacts;
using MissionLocale.Application.Jeunes.ModifierIdentite;
using MissionLocale.Application.Jeunes.ModifierMobilite;
using MissionLocale.Application.Jeunes.ModifierNir;
using MissionLocale.Application.Jeunes.ModifierReferent;
using MissionLocale.Application.Jeunes.RechercherJeunes;
using MissionLocale.Application.Reference.RechercherCommunes;
using MissionLocale.Infrastructure.Identity;

namespace MissionLocale.Web.Api;

/// <summary>The JSON API under /api/v1: the same use cases as the pages, with bearer tokens.</summary>
public static class JeunesApi
{
    public static void MapApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter<ProblemeFilter>();

        api.MapPost("/auth/token", ObtenirJetonAsync).AllowAnonymous()
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>(StatusCodes.Status200OK).RequireRateLimiting(MissionLocale.Web.Infrastructure.Connexion.PolitiqueLimite).WithTags("Authentification")
            .WithSummary("Échange login et mot de passe contre un jeton d'accès (Bearer).");

        var jeunes = api.MapGroup("/jeunes").WithTags("Jeunes")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());

        jeunes.MapPost("/", async (EnregistrerPremierAccueilCommand command, IMediator m, CancellationToken ct) =>
            {
                var r = await m.Send(command, ct);
                return TypedResults.Created($"/api/v1/jeunes/{r.JeuneId}", new JeuneCree(r.JeuneId, r.Numero, r.QpvCode, r.QpvNom));
            })
            .WithSummary("Premier accueil : crée le dossier (JEU-11, RGPD-01) ; homonyme → 409 sauf confirmerHomonyme (JEU-02).")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem();

        jeunes.MapGet("/", async ([AsParameters] RechercheParametres p, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RechercherJeunesQuery(p.Q, p.DateNaissance, p.IdentifiantFt, p.Nir, null, p.Apres, p.Taille ?? 20), ct)))
            .WithSummary("Recherche (JEU-12) : nom et prénom partiels sans accents ni casse, date de naissance, identifiant FT, NIR ; pagination par curseur.");

        jeunes.MapGet("/mes-jeunes", async (string? apres, int? taille, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListerMesJeunesQuery(apres, taille ?? 50), ct)))
            .WithSummary("Portefeuille du conseiller connecté.");

        jeunes.MapGet("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ConsulterDossierQuery(id, "Consultation du dossier (API)"), ct)))
            .WithSummary("Dossier complet ; chaque lecture est journalisée (RGPD-02).").ProducesProblem(StatusCodes.Status404NotFound);

        jeunes.MapGet("/{id:guid}/historique", async (Guid id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ConsulterHistoriqueQuery(id), ct)))
            .WithSummary("Historique des modifications du dossier (RGPD-02).");

        Modification<ModifierIdentiteCommand>(jeunes, "PUT", "/{id:guid}/identite", (c, id) => c with { JeuneId = id }, "Identité (JEU-01, JEU-03).");
        Modification<JustifierIdentiteCommand>(jeunes, "POST", "/{id:guid}/justification", (c, id) => c with { JeuneId = id }, "Justification d'identité (JEU-03).");
        Modification<ModifierNirCommand>(jeunes, "PUT", "/{id:guid}/nir", (c, id) => c with { JeuneId = id }, "NIR (JEU-04).");
        Modification<CertifierNirCommand>(jeunes, "POST", "/{id:guid}/nir/certification", (c, id) => c with { JeuneId = id }, "Certification du NIR (JEU-04).");
        Modification<ModifierContactsCommand>(jeunes, "PUT", "/{id:guid}/contacts", (c, id) => c with { JeuneId = id }, "Coordonnées (JEU-05).");
        Modification<ChangerAdresseCommand>(jeunes, "POST", "/{id:guid}/adresses", (c, id) => c with { JeuneId = id }, "Nouvelle adresse, déménagement hors territoire, SDF (JEU-05, JEU-06).");
        Modification<MarquerNpaiCommand>(jeunes, "PUT", "/{id:guid}/adresses/npai", (c, id) => c with { JeuneId = id }, "NPAI de l'adresse courante (JEU-05).");
        Modification<ModifierComplementsCommand>(jeunes, "PUT", "/{id:guid}/complements", (c, id) => c with { JeuneId = id }, "Compléments (JEU-08).");
        Modification<AjouterRessourceCommand>(jeunes, "POST", "/{id:guid}/ressources", (c, id) => c with { JeuneId = id }, "Ressources historisées (JEU-08).");
        Modification<ModifierReferentCommand>(jeunes, "PUT", "/{id:guid}/referent", (c, id) => c with { JeuneId = id }, "Référent et lieu de rattachement (JEU-09).");
        Modification<ModifierMobiliteCommand>(jeunes, "PUT", "/{id:guid}/mobilite", (c, id) => c with { JeuneId = id }, "Mobilité (JEU-10).");
        Modification<EnregistrerDecesCommand>(jeunes, "POST", "/{id:guid}/deces", (c, id) => c with { JeuneId = id }, "Décès : clôture les dispositifs ouverts avec le motif « Décès » ; plus aucun courrier ni SMS (JEU-07).");
        Modification<EnregistrerPermisCommand>(jeunes, "POST", "/{id:guid}/permis", (c, id) => c with { JeuneId = id }, "Permis de conduire (JEU-10).");

        // CUR-01 to CUR-05: the cursus.
        jeunes.MapGet("/{id:guid}/cursus", async (Guid id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new MissionLocale.Application.Cursus.ConsulterCursus.ConsulterCursusQuery(id), ct)))
            .WithSummary("Cursus : scolarité, diplômes, formations et niveau de qualification calculé (CUR-01 à CUR-05) ; lecture journalisée (RGPD-02).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        Modification<MissionLocale.Application.Cursus.ModifierScolarite.ModifierScolariteCommand>(jeunes, "PUT", "/{id:guid}/cursus/scolarite", (c, id) => c with { JeuneId = id }, "Scolarité (CUR-01).");
        Modification<MissionLocale.Application.Cursus.AjouterDiplome.AjouterDiplomeCommand>(jeunes, "POST", "/{id:guid}/cursus/diplomes", (c, id) => c with { JeuneId = id }, "Diplôme ou titre obtenu avec son niveau (CUR-02) ; le niveau de qualification suit (CUR-05).");
        jeunes.MapDelete("/{id:guid}/cursus/diplomes/{diplomeId:guid}", async (Guid id, Guid diplomeId, int version, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new MissionLocale.Application.Cursus.AjouterDiplome.RetirerDiplomeCommand(id, version, diplomeId), ct)))
            .WithSummary("Retire un diplôme saisi par erreur (CUR-02) ; l'historique le garde. Envoyer la version lue dans ?version=.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem();
        api.MapGet("/nomenclatures/cursus", async (IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new MissionLocale.Application.Cursus.ConsulterCursus.ListerNomenclaturesCursusQuery(), ct)))
            .WithTags("Référentiels").WithSummary("Classes, niveaux, diplômes et objectifs généraux en vigueur (CUR-01, CUR-02, CUR-04).")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());

        api.MapGet("/communes", async (string? codePostal, string? nom, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RechercherCommunesQuery(codePostal, nom), ct)))
            .WithTags("Référentiels")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
    }

    private static void Modification<TCommand>(RouteGroupBuilder group, string verbe, string route, Func<TCommand, Guid, TCommand> avecId, string resume)
        where TCommand : ICommand<DossierModifie>
    {
        group.MapMethods(route, [verbe], async (Guid id, TCommand command, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(avecId(command, id), ct)))
            .WithSummary(resume + " Envoyer la version lue ; 409 si le dossier a changé depuis.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesValidationProblem();
    }

    private static async Task<IResult> ObtenirJetonAsync(DemandeJeton demande, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, MissionLocale.Web.Infrastructure.OptionsSecurite securite)
    {
        var user = await MissionLocale.Web.Infrastructure.Connexion.TrouverAsync(users, demande.Login, demande.Password);
        if (user is null)
        {
            return Results.Problem(title: "Identifiants invalides", detail: "Login ou mot de passe incorrect.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, demande.Password ?? string.Empty, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Results.Problem(title: "Compte verrouillé", detail: "Trop d'essais infructueux : réessayez dans 15 minutes.", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (!result.Succeeded)
        {
            return Results.Problem(title: "Identifiants invalides", detail: "Login ou mot de passe incorrect.", statusCode: StatusCodes.Status401Unauthorized);
        }

        // The second factor, as on the login page: the code of the authenticator app (or a recovery code) in "code".
        if (user.TwoFactorEnabled)
        {
            var code = (demande.Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
            var valide = code.Length > 0 && (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
                || (await users.RedeemTwoFactorRecoveryCodeAsync(user, code)).Succeeded);
            if (!valide)
            {
                await users.AccessFailedAsync(user);
                return Results.Problem(title: "Code de double authentification requis", detail: "Ce compte utilise la double authentification : envoyez dans « code » les 6 chiffres affichés par l'application d'authentification (ou un code de secours).", statusCode: StatusCodes.Status401Unauthorized);
            }
        }
        else if (securite.DeuxFacteursObligatoires && user.DeuxFacteursObligatoires)
        {
            return Results.Problem(title: "Double authentification à activer", detail: "Votre profil valide des paiements ou gère des comptes : activez d'abord la double authentification dans l'application (Mon compte › Sécurité).", statusCode: StatusCodes.Status403Forbidden);
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return Results.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    public sealed record RechercheParametres(string? Q, DateOnly? DateNaissance, string? IdentifiantFt, string? Nir, string? Apres, int? Taille);
}
