using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.AttacherScanCerfa;
using MissionLocale.Application.Allocations.DeclarerRessources;
using MissionLocale.Application.Allocations.DemanderAllocation;
using MissionLocale.Application.Allocations.EnregistrerCoordonneesBancaires;
using MissionLocale.Application.Allocations.GenererCerfa;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.CloreDispositif;
using MissionLocale.Application.Dispositifs.CreerParrain;
using MissionLocale.Application.Dispositifs.OuvrirDispositif;
using MissionLocale.Application.Documents;
using MissionLocale.Application.Documents.DeposerDocument;
using MissionLocale.Application.Evenements.EnregistrerEvenement;
using MissionLocale.Application.Jeunes.ConsulterDossier;
using MissionLocale.Application.Jeunes.JustifierIdentite;
using MissionLocale.Application.Jeunes.ModifierComplements;
using MissionLocale.Application.Offres.AjouterSession;
using MissionLocale.Application.Offres.CreerOffre;
using MissionLocale.Application.Offres.PositionnerJeune;
using MissionLocale.Application.RendezVous.PlanifierRendezVous;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Offres;
using MissionLocale.Infrastructure.Identity;

namespace MissionLocale.Web.Infrastructure;

/// <summary>
/// Demo data of issue 5, made through the real use cases as the first conseiller of each demo structure (so every rule
/// applies): three jeunes of the portfolio in a CEJ with their identity justified, bank details, last month's resources,
/// the CERFA and the month's first allocation; two CERFA signed (waiting for the siège), one still to sign. Then what
/// shows the product on the first morning (issue 10): a catalogue of offres with sessions to come, the conseiller's
/// rendez-vous of the day, a PACEA after its diagnostic, a parrainage with its parrain.
/// </summary>
public static partial class DemoAllocations
{
    private static readonly string[] Ibans = ["FR7630006000011234567890189", "FR1420041010050500013M02606", "FR7630001007941234567890185"];

    public static async Task SemerAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        var accessor = services.GetRequiredService<IHttpContextAccessor>();
        foreach (var login in new[] { "s.debout", "c.roux" })
        {
            await using var scope = services.CreateAsyncScope();
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(login);
            if (user is null)
            {
                continue;
            }

            var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
            accessor.HttpContext = new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider };
            try
            {
                await SemerPortefeuilleAsync(scope.ServiceProvider, user.Id, ct);
            }
            catch (Exception e) when (e is Domain.Common.BusinessRuleException or InvalidInputException or NotFoundException)
            {
                // The demo must start even if a rule changed; the log says what to fix here.
                LogEchec(logger, login, e.Message);
            }
            finally
            {
                accessor.HttpContext = null;
            }
        }
    }

    private static async Task SemerPortefeuilleAsync(IServiceProvider sp, Guid conseiller, CancellationToken ct)
    {
        var mediator = sp.GetRequiredService<IMediator>();
        var db = sp.GetRequiredService<IAppDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var pdf = sp.GetRequiredService<ILettresPdf>();
        var aujourdhui = clock.Aujourdhui();
        var debutMois = new DateOnly(aujourdhui.Year, aujourdhui.Month, 1);
        var tous = await db.Jeunes.AsNoTracking()
            .Where(j => j.ConseillerReferentId == conseiller && j.DateNaissance > aujourdhui.AddYears(-25))
            .OrderBy(j => j.Numero).Select(j => new { j.Id, j.NomUsage, j.Prenom, j.Version }).Take(8).ToListAsync(ct);
        var jeunes = tous.Take(3).ToList();
        for (var i = 0; i < jeunes.Count; i++)
        {
            var j = jeunes[i];

            // CEJ jeunes have their identity justified (JEU-03), as a real dossier would before the CERFA.
            await mediator.Send(new JustifierIdentiteCommand(j.Id, j.Version, PieceJustificative.CarteNationaleIdentite), ct);
            var entree = aujourdhui.AddDays(-35 - (7 * i));
            var entretien = await mediator.Send(new EnregistrerEvenementCommand(j.Id, NatureEvenement.EntretienIndividuel, clock.InstantLocal(entree, new TimeOnly(10, 0)), 45, "Entrée en CEJ"), ct);
            var cej = await mediator.Send(new OuvrirDispositifCommand(j.Id, CodeDispositif.Cej, entree, entree.AddMonths(12).AddDays(-1), entretien, ConfirmerAvertissements: true), ct);
            await mediator.Send(new EnregistrerCoordonneesBancairesCommand(j.Id, Ibans[i], i == 1 ? "PSSTFRPPREN" : "AGRIFRPP", TypeCompte.CompteCourant, $"{j.NomUsage} {j.Prenom}".ToUpperInvariant()), ct);
            await mediator.Send(new DeclarerRessourcesCommand(j.Id, debutMois.AddMonths(-1), new SaisieRessources(NetAPayer: i switch { 0 => 0m, 1 => 412.50m, _ => 180.00m })), ct);
            var cerfa = await mediator.Send(new GenererCerfaCommand(cej), ct);
            await mediator.Send(new DemanderAllocationCommand(j.Id, cej, aujourdhui), ct);
            if (i < 2)
            {
                // The signed scan: here the generated PDF itself, as if printed, signed and scanned back.
                var scan = pdf.Rendre([new Lettre("Scan", $"# CERFA {cerfa.Reference} signé\nSigné par {j.Prenom} {j.NomUsage} et son conseiller (document de démonstration).")]);
                var document = await mediator.Send(new DeposerDocumentCommand(j.Id, CategorieDocument.PieceJustificative, $"CERFA signé {j.NomUsage}.pdf", scan), ct);
                await mediator.Send(new AttacherScanCerfaCommand(cerfa.Id, cerfa.Version, document), ct);
            }
        }

        await SemerCatalogueAsync(mediator, clock, aujourdhui, tous.Select(j => j.Id).ToList(), ct);
        await SemerParcoursAsync(mediator, clock, aujourdhui, tous.Skip(3).Select(j => j.Id).ToList(), ct);
    }

    /// <summary>A catalogue of the structure's offres with sessions to come, two jeunes already positioned.</summary>
    private static async Task SemerCatalogueAsync(IMediator mediator, TimeProvider clock, DateOnly aujourdhui, List<Guid> jeunes, CancellationToken ct)
    {
        var offres = new (string Domaine, TypeOffre Type, string Libelle, string Description, string Lieu, int Capacite, int Jour, int Heure)[]
        {
            ("EMPLOI", TypeOffre.Atelier, "Atelier CV et lettre de motivation", "Mettre à jour son CV, préparer une lettre adaptée à une offre.", "Salle 1", 10, 2, 9),
            ("EMPLOI", TypeOffre.JobDating, "Job dating hôtellerie-restauration", "Rencontrer des employeurs qui recrutent pour la saison.", "Hall d'accueil", 30, 9, 14),
            ("FORMATION", TypeOffre.InformationCollective, "Information collective : les formations du Conseil régional", "Découvrir les formations qualifiantes financées et leurs prérequis.", "Salle 2", 20, 5, 10),
            ("MOBILITE", TypeOffre.Atelier, "Atelier code de la route", "Préparer l'examen du code en groupe.", "Salle 1", 12, 7, 14),
        };
        var premiere = Guid.Empty;
        foreach (var o in offres)
        {
            var id = await mediator.Send(new CreerOffreCommand(o.Domaine, o.Type, o.Libelle, o.Description), ct);
            for (var semaine = 0; semaine < 3; semaine++)
            {
                var session = await mediator.Send(new AjouterSessionCommand(id, clock.InstantLocal(aujourdhui.AddDays(o.Jour + (7 * semaine)), new TimeOnly(o.Heure, 0)), 120, o.Lieu, o.Capacite), ct);
                premiere = premiere == Guid.Empty ? session : premiere;
            }
        }

        foreach (var j in jeunes.Take(2))
        {
            await mediator.Send(new PositionnerJeuneCommand(premiere, j), ct);
        }
    }

    /// <summary>Today's rendez-vous of the conseiller, a PACEA after a diagnostic, a parrainage with its parrain.</summary>
    private static async Task SemerParcoursAsync(IMediator mediator, TimeProvider clock, DateOnly aujourdhui, List<Guid> jeunes, CancellationToken ct)
    {
        var heures = new[] { new TimeOnly(10, 0), new TimeOnly(14, 0), new TimeOnly(16, 30) };
        for (var i = 0; i < Math.Min(jeunes.Count, heures.Length); i++)
        {
            await mediator.Send(new PlanifierRendezVousCommand
            {
                JeuneId = jeunes[i],
                Objet = i == 0 ? "Point sur le projet professionnel" : i == 1 ? "Préparation de l'entretien d'embauche" : "Bilan du parrainage",
                Debut = clock.InstantLocal(aujourdhui, heures[i]),
                DureeMinutes = 45,
                Lieu = "Bureau du conseiller",
                ConfirmerChevauchement = true,
            }, ct);
        }

        if (jeunes.Count >= 1)
        {
            // PACEA (PACEA-01): after a diagnostic closed with the PACEA as its outcome.
            var j = jeunes[0];
            var debutDiag = aujourdhui.AddDays(-60);
            var entretien = await mediator.Send(new EnregistrerEvenementCommand(j, NatureEvenement.EntretienIndividuel, clock.InstantLocal(debutDiag, new TimeOnly(9, 30)), 60, "Diagnostic"), ct);
            var diag = await mediator.Send(new OuvrirDispositifCommand(j, CodeDispositif.Diag, debutDiag, debutDiag.AddMonths(1), entretien, ConfirmerAvertissements: true), ct);
            var finDiag = debutDiag.AddDays(21);
            await mediator.Send(new CloreDispositifCommand(diag, 0, finDiag, CodeDispositif.Pacea, ConfirmerAvertissements: true), ct);

            // Since 1 January 2025 a PACEA needs the France Travail registration (the dossier's other complements kept).
            var d = await mediator.Send(new ConsulterDossierQuery(j), ct);
            await mediator.Send(new ModifierComplementsCommand
            {
                JeuneId = j,
                Version = d.Version,
                CouvertureSociale = d.CouvertureSociale,
                CouvertureComplementaire = d.CouvertureComplementaire,
                Rsa = d.Rsa,
                Rqth = d.Rqth,
                RqthCategorie = d.RqthCategorie,
                InscritFranceTravail = true,
                IdentifiantFt = d.IdentifiantFt ?? "4815162A",
                NumeroAgdref = d.NumeroAgdref,
                FinTitreSejour = d.FinTitreSejour,
            }, ct);
            await mediator.Send(new OuvrirDispositifCommand(j, CodeDispositif.Pacea, finDiag.AddDays(1), finDiag.AddYears(1), entretien, ConfirmerAvertissements: true), ct);
        }

        if (jeunes.Count >= 3)
        {
            // Parrainage (PARR-02): a volunteer parrain, both acceptances, six weeks at least.
            var j = jeunes[2];
            var parrain = await mediator.Send(new CreerParrainCommand("Durand", "Michel", "Boulangerie Durand", "Artisan boulanger", null, null), ct);
            var debut = aujourdhui.AddDays(-20);
            var entretien = await mediator.Send(new EnregistrerEvenementCommand(j, NatureEvenement.EntretienIndividuel, clock.InstantLocal(debut, new TimeOnly(11, 0)), 45, "Présentation du parrain"), ct);
            await mediator.Send(new OuvrirDispositifCommand(j, CodeDispositif.Parr, debut, debut.AddMonths(3), entretien, ParrainId: parrain, AcceptationJeune: debut.AddDays(-2), AcceptationParrain: debut.AddDays(-1)), ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Données de démonstration des allocations incomplètes pour {Login} : {Raison}")]
    private static partial void LogEchec(ILogger logger, string login, string raison);
}
