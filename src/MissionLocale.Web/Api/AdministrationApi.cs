using Mediator;
using Microsoft.AspNetCore.Identity;
using MissionLocale.Application.Comptes.CreerCompte;
using MissionLocale.Application.Comptes.DesabonnerCompte;
using MissionLocale.Application.Comptes.DesactiverCompte;
using MissionLocale.Application.Comptes.DeverrouillerCompte;
using MissionLocale.Application.Comptes.ListerComptes;
using MissionLocale.Application.Comptes.ModifierCompte;
using MissionLocale.Application.Comptes.RattacherCompte;
using MissionLocale.Application.Comptes.ReactiverCompte;
using MissionLocale.Application.Comptes.RechercherComptesNational;
using MissionLocale.Application.Comptes.ReinitialiserMotDePasse;
using MissionLocale.Application.Comptes.RenommerCompte;
using MissionLocale.Application.Demenagements.AccepterDemenagement;
using MissionLocale.Application.Demenagements.AnnulerDemenagement;
using MissionLocale.Application.Demenagements.DemanderDemenagement;
using MissionLocale.Application.Demenagements.ListerDemenagements;
using MissionLocale.Application.Demenagements.RechercherDossierAilleurs;
using MissionLocale.Application.Demenagements.RefuserDemenagement;
using MissionLocale.Application.Entreprises.AjouterContactEntreprise;
using MissionLocale.Application.Entreprises.ConsulterEntreprise;
using MissionLocale.Application.Entreprises.CreerEntreprise;
using MissionLocale.Application.Entreprises.ModifierEntreprise;
using MissionLocale.Application.Entreprises.RechercherEntreprises;
using MissionLocale.Application.Reference.AnnulerFusion;
using MissionLocale.Application.Reference.ListerFusions;
using MissionLocale.Application.Reference.ProgrammerFusion;
using MissionLocale.Application.Reference.SupprimerElementReferentiel;
using MissionLocale.Application.Structures.AjouterAntenne;
using MissionLocale.Application.Structures.ConsulterStructure;
using MissionLocale.Application.Structures.CreerStructure;
using MissionLocale.Application.Structures.ListerStructures;
using MissionLocale.Application.Structures.ModifierAntenne;
using MissionLocale.Application.Structures.ModifierEnTete;
using MissionLocale.Application.Transferts.TransfererJeunes;
using MissionLocale.Application.Transferts.TransfererReferentEntreprises;
using MissionLocale.Application.Transferts.TransfererReferentOffres;

namespace MissionLocale.Web.Api;

/// <summary>Administration under /api/v1: accounts (USR-01 to USR-08), bulk transfers (USR-09), companies (ENT-01).</summary>
public static class AdministrationApi
{
    public static void MapAdministrationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter<ProblemeFilter>()
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());

        var comptes = api.MapGroup("/comptes").WithTags("Comptes");
        comptes.MapGet("/", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListerComptesQuery(), ct)))
            .WithSummary("Comptes de la structure (USR-06).");
        comptes.MapGet("/recherche-nationale", async (string? nom, string? prenom, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new RechercherComptesNationalQuery(nom, prenom), ct)))
            .WithSummary("Comptes de toutes les structures portant ces nom et prénom, avant une création (USR-03).");
        comptes.MapPost("/", async (CreerCompteCommand c, IMediator m, CancellationToken ct) =>
            {
                var r = await m.Send(c, ct);
                return TypedResults.Created($"/api/v1/comptes/{r.Id}", r);
            })
            .WithSummary("Crée un compte nominatif (USR-01) ; identifiant selon USR-02 ; lien de première connexion envoyé par e-mail ; 409 si un compte existe déjà pour ces nom et prénom, sauf creerMalgreHomonymes (USR-03).")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesValidationProblem();
        comptes.MapPost("/{id:guid}/rattachement", async (Guid id, RattacherCompteCommand c, IMediator m, CancellationToken ct) =>
                { await m.Send(c with { CompteId = id }, ct); return TypedResults.NoContent(); })
            .WithSummary("Rattache à votre structure le compte existant d'une personne, même identifiant (USR-03).");
        comptes.MapPut("/{id:guid}", async (Guid id, ModifierCompteCommand c, IMediator m, CancellationToken ct) =>
                { await m.Send(c with { CompteId = id }, ct); return TypedResults.NoContent(); })
            .WithSummary("Profil, antenne, fonctions, e-mail ; Direction unique (USR-05).");
        comptes.MapPut("/{id:guid}/nom", async (Guid id, RenommerCompteCommand c, IMediator m, CancellationToken ct) =>
                { await m.Send(c with { CompteId = id }, ct); return TypedResults.NoContent(); })
            .WithSummary("Changement de nom de la même personne (USR-04).");
        comptes.MapPost("/{id:guid}/desactivation", async (Guid id, IMediator m, CancellationToken ct) =>
                { await m.Send(new DesactiverCompteCommand(id), ct); return TypedResults.NoContent(); })
            .WithSummary("Désactivation réversible ; sessions et jetons arrêtés (USR-08, USR-05).");
        comptes.MapPost("/{id:guid}/reactivation", async (Guid id, IMediator m, CancellationToken ct) =>
                { await m.Send(new ReactiverCompteCommand(id), ct); return TypedResults.NoContent(); })
            .WithSummary("Réactivation d'un compte désactivé (USR-08).");
        comptes.MapPost("/{id:guid}/desabonnement", async (Guid id, IMediator m, CancellationToken ct) =>
                { await m.Send(new DesabonnerCompteCommand(id), ct); return TypedResults.NoContent(); })
            .WithSummary("Désabonnement définitif, refusé tant que la personne est référente (USR-08).");
        comptes.MapPost("/{id:guid}/deux-facteurs/reinitialisation", async (Guid id, IMediator m, CancellationToken ct) =>
                { await m.Send(new MissionLocale.Application.Comptes.ReinitialiserDeuxFacteurs.ReinitialiserDeuxFacteursCommand(id), ct); return TypedResults.NoContent(); })
            .WithSummary("Retire la double authentification d'une personne qui a perdu téléphone et codes de secours ; elle s'enrôle à nouveau.");
        comptes.MapPost("/{id:guid}/deverrouillage", async (Guid id, IMediator m, CancellationToken ct) =>
                { await m.Send(new DeverrouillerCompteCommand(id), ct); return TypedResults.NoContent(); })
            .WithSummary("Fin du verrouillage après des essais infructueux.");
        comptes.MapPost("/{id:guid}/reinitialisation", async (Guid id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new { email = await m.Send(new ReinitialiserMotDePasseCommand(id), ct) }))
            .WithSummary("Réinitialisation forcée : lien à usage unique par e-mail (USR-01).");

        var transferts = api.MapGroup("/transferts").WithTags("Transferts");
        transferts.MapPost("/jeunes", async (TransfererJeunesCommand c, IMediator m, CancellationToken ct) => TypedResults.Ok(new Transferes(await m.Send(c, ct))))
            .WithSummary("Transfert en masse de jeunes vers un conseiller et/ou un lieu de rattachement, tout ou rien, historisé (USR-09).");
        transferts.MapPost("/entreprises", async (TransfererReferentEntreprisesCommand c, IMediator m, CancellationToken ct) => TypedResults.Ok(new Transferes(await m.Send(c, ct))))
            .WithSummary("Référent des entreprises de A vers B (USR-09).");
        transferts.MapPost("/offres", async (TransfererReferentOffresCommand c, IMediator m, CancellationToken ct) => TypedResults.Ok(new Transferes(await m.Send(c, ct))))
            .WithSummary("Référent des offres de service de A vers B ; jamais une offre dans une autre (USR-09).");

        var structures = api.MapGroup("/").WithTags("Structures");
        structures.MapGet("/structures", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListerStructuresQuery(), ct)))
            .WithSummary("Missions Locales du déploiement, sans donnée nominative (administrateur national, USR-06).");
        structures.MapPost("/structures", async (CreerStructureCommand c, IMediator m, CancellationToken ct) =>
            {
                var r = await m.Send(c, ct);
                return TypedResults.Created($"/api/v1/structures/{r.Id}", r);
            })
            .WithSummary("Crée une Mission Locale avec son territoire (communes), une antenne « Siège » et son premier administrateur, qui reçoit son lien par e-mail (USR-06).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesValidationProblem();
        structures.MapGet("/structure", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ConsulterStructureQuery(), ct)))
            .WithSummary("Sa structure : en-tête des lettres, antennes, territoire (USR-07).");
        structures.MapPut("/structure/en-tete", async (EnTeteDemande d, IMediator m, CancellationToken ct) =>
            {
                byte[]? logo = null;
                if (!string.IsNullOrEmpty(d.LogoBase64))
                {
                    try
                    {
                        logo = Convert.FromBase64String(d.LogoBase64);
                    }
                    catch (FormatException)
                    {
                        return Results.ValidationProblem(new Dictionary<string, string[]> { ["logoBase64"] = ["Le logo doit être envoyé en base64."] });
                    }
                }

                await m.Send(new ModifierEnTeteCommand(d.Telephone, d.Email, logo, d.RetirerLogo), ct);
                return Results.NoContent();
            })
            .WithSummary("Téléphone, e-mail et logo (PNG ou JPEG, 500 Ko) de l'en-tête des lettres (USR-07).")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesValidationProblem();
        structures.MapPost("/structure/antennes", async (AjouterAntenneCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Created("/api/v1/structure", new Cree(await m.Send(c, ct))))
            .WithSummary("Ajoute une antenne avec son adresse et ses horaires, imprimés sur ses lettres (USR-07).");
        structures.MapPut("/structure/antennes/{id:guid}", async (Guid id, ModifierAntenneCommand c, IMediator m, CancellationToken ct) =>
                { await m.Send(c with { AntenneId = id }, ct); return TypedResults.NoContent(); })
            .WithSummary("Modifie une antenne ; envoyer la version lue (USR-07).");

        var fusions = api.MapGroup("/referentiels/fusions").WithTags("Référentiels de la structure");
        fusions.MapGet("/", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListerFusionsQuery(), ct)));
        fusions.MapPost("/", async (ProgrammerFusionCommand c, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(c, ct)))
            .WithSummary("Programme la fusion d'un élément dans un autre, exécutée la nuit suivante à 4h (Europe/Paris) ; la source reste (USR-10).");
        fusions.MapPost("/{id:guid}/annulation", async (Guid id, IMediator m, CancellationToken ct) =>
                { await m.Send(new AnnulerFusionCommand(id), ct); return TypedResults.NoContent(); })
            .WithSummary("Annule une fusion pas encore exécutée (USR-10).");
        api.MapDelete("/referentiels/{table}/{cle}", async (MissionLocale.Domain.Reference.TableFusionnable table, string cle, IMediator m, CancellationToken ct) =>
                { await m.Send(new SupprimerElementReferentielCommand(table, cle), ct); return TypedResults.NoContent(); })
            .WithTags("Référentiels de la structure").WithSummary("Supprime un élément que plus rien n'utilise (USR-10).");

        var demenagements = api.MapGroup("/demenagements").WithTags("Déménagements de dossiers");
        demenagements.MapGet("/recherche", async (string? nom, string? prenom, DateOnly? dateNaissance, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RechercherDossierAilleursQuery(nom, prenom, dateNaissance), ct)))
            .WithSummary("Un dossier existe-t-il dans une autre Mission Locale pour cette identité ? Seulement où, jamais son contenu (DEM-01, proposition).");
        demenagements.MapGet("/", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListerDemenagementsQuery(), ct)))
            .WithSummary("Demandes reçues et envoyées (DEM-02).");
        demenagements.MapPost("/", async (DemanderDemenagementCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Created("/api/v1/demenagements", new Cree(await m.Send(c, ct))))
            .WithSummary("Demande le dossier à la Mission Locale qui le détient, avec l'accord du jeune (DEM-01, DEM-07).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesValidationProblem();
        demenagements.MapPost("/{id:guid}/acceptation", async (Guid id, VersionLue v, IMediator m, CancellationToken ct) =>
                { await m.Send(new AccepterDemenagementCommand(id, v.Version), ct); return TypedResults.NoContent(); })
            .WithSummary("Accepte : le dossier part avec son historique ; dispositifs ouverts clos « Déménagement » sauf reprise ; la comptabilité reste (DEM-03 à DEM-07).");
        demenagements.MapPost("/{id:guid}/refus", async (Guid id, RefusDemenagement r, IMediator m, CancellationToken ct) =>
                { await m.Send(new RefuserDemenagementCommand(id, r.Version, r.MotifRefus), ct); return TypedResults.NoContent(); })
            .WithSummary("Refuse avec un motif (DEM-02).");
        demenagements.MapPost("/{id:guid}/annulation", async (Guid id, VersionLue v, IMediator m, CancellationToken ct) =>
                { await m.Send(new AnnulerDemenagementCommand(id, v.Version), ct); return TypedResults.NoContent(); })
            .WithSummary("Retire une demande avant la réponse (DEM-02).");

        var entreprises = api.MapGroup("/entreprises").WithTags("Entreprises");
        entreprises.MapGet("/", async (string? q, string? commune, Guid? referent, int? taille, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RechercherEntreprisesQuery(q, commune, referent, taille ?? 50), ct)))
            .WithSummary("Recherche par nom, SIRET ou SIREN, commune, référent (ENT-01).");
        entreprises.MapGet("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ConsulterEntrepriseQuery(id), ct)));
        entreprises.MapPost("/", async (CreerEntrepriseCommand c, IMediator m, CancellationToken ct) =>
            {
                var id = await m.Send(c, ct);
                return TypedResults.Created($"/api/v1/entreprises/{id}", new Cree(id));
            })
            .WithSummary("Crée une entreprise ; SIRET et SIREN contrôlés (Luhn, exception La Poste), une seule par SIRET (ENT-01).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesValidationProblem();
        entreprises.MapPut("/{id:guid}", async (Guid id, ModifierEntrepriseCommand c, IMediator m, CancellationToken ct) =>
                { await m.Send(c with { EntrepriseId = id }, ct); return TypedResults.NoContent(); })
            .WithSummary("Modifie l'entreprise ; envoyer la version lue, 409 si elle a changé (ENT-01).");
        entreprises.MapPost("/{id:guid}/contacts", async (Guid id, AjouterContactEntrepriseCommand c, IMediator m, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/entreprises/{id}", new Cree(await m.Send(c with { EntrepriseId = id }, ct))))
            .WithSummary("Ajoute un contact ; envoyer la version lue de l'entreprise.");
    }

    public sealed record Transferes(int Nombre);

    public sealed record VersionLue(int Version);

    public sealed record RefusDemenagement(int Version, string? MotifRefus);

    public sealed record EnTeteDemande(string? Telephone, string? Email, string? LogoBase64, bool RetirerLogo = false);
}
