using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs;
using MissionLocale.Application.Insertion;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Insertion;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Situations;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Pilotage.ConsulterAlertes;

/// <summary>An alert of the portal (PIL-01): its code, label, rule, and how many dossiers it concerns in the portfolio and in the structure.</summary>
public sealed record Alerte(string Code, string Libelle, string RuleId, int MesJeunes, int Structure);

/// <summary>A dossier an alert concerns.</summary>
public sealed record JeuneAlerte(Guid JeuneId, string Nom, string Prenom, DateOnly DateNaissance, string Detail);

/// <summary>The alerts of PIL-01 (PPAE non initialisé comes with the PPAE cotraitance), counted for "Mes jeunes" and "Ma structure".</summary>
[Requires(Droit.RechercherJeunes)]
public sealed record ConsulterAlertesQuery : IQuery<IReadOnlyList<Alerte>>;

/// <summary>The dossiers of one alert, for the user's portfolio or the whole structure.</summary>
[Requires(Droit.RechercherJeunes)]
public sealed record ListerJeunesAlerteQuery(string Code, bool Structure = false) : IQuery<IReadOnlyList<JeuneAlerte>>;

/// <summary>
/// Each alert is a set of (jeune, référent, detail) computed in SQL, except CEJ under 15 h which counts last week's hours
/// (CEJ-02) in memory from three set-based queries.
/// </summary>
public sealed class Alertes(IAppDbContext db, TimeProvider clock)
{
    public static readonly (string Code, string Libelle, string RuleId)[] Definitions =
    [
        ("pacea-sans-contact", "PACEA sans contact depuis 2 mois : contactez le jeune", "PACEA-08"),
        ("pacea-sans-entretien", "PACEA sans entretien individuel ce mois-ci", "PACEA-08"),
        ("cej-sous-seuil", "CEJ sous 15 h d'activité la semaine dernière", "CEJ-02"),
        ("anniversaire-26", "26 ans dans les 30 jours en PACEA ou CEJ ouvert : préparez la sortie", "PACEA-07"),
        ("diag-plus-un-mois", "Diagnostic approfondi ouvert depuis plus d'un mois", "DIAG-01"),
        ("ppae-non-initialise", "PPAE non initialisé alors que des entretiens ont eu lieu depuis l'affectation", "PPAE-06"),
        ("cer-a-renouveler", "CER validé arrivant à échéance dans le mois : préparez son renouvellement", "CER-07"),
        ("rsa-sans-cer", "Bénéficiaire du RSA en parcours d'insertion sans CER en vigueur", "CER-01"),
        ("cer-en-validation", "CER soumis, en attente de la validation du département", "CER-06"),
        ("cer-refuse", "CER refusé par le département : à reprendre avec le bénéficiaire", "CER-06"),
        ("formation-sans-objectif", "Formation en cours sans objectif général : précisez-le", "CUR-04"),
        ("allocations-a-soumettre", "Demandes d'allocation enregistrées à soumettre au siège", "PIL-01"),
        ("cerfa-non-valide", "CERFA pas encore validé par le siège", "PIL-01"),
        ("sans-contact-un-an", "Dossiers sans contact depuis un an : à sortir des portefeuilles", "PIL-01"),
    ];

    private DateOnly Aujourdhui => clock.Aujourdhui();

    /// <summary>
    /// The jeunes an alert concerns, as a query (counted in SQL for the portal, listed on the alert's page); null for
    /// CEJ under 15 h, counted in memory, and for an unknown code. Each starts from the open dispositifs (a few thousand
    /// rows in a 30k-jeune structure) so the planner drives from the small side.
    /// </summary>
    private IQueryable<Jeune>? Requete(string code, DateOnly aujourdhui)
    {
        var jeunes = db.Jeunes.AsNoTracking();
        var paceas = db.Dispositifs.AsNoTracking()
            .Where(d => d.TypeCode == CodeDispositif.Pacea && d.DateFinReelle == null && d.DateDebut <= aujourdhui).Select(d => d.JeuneId);
        switch (code)
        {
            case "pacea-sans-contact":
                {
                    // PACEA-08: no contact (any événement with the jeune; interne/administratif is not a contact) for 2 months.
                    var depuis = clock.InstantLocal(aujourdhui.AddMonths(-2));
                    return jeunes.Where(j => paceas.Contains(j.Id)
                        && !db.Evenements.Any(e => e.JeuneId == j.Id && e.Date >= depuis && e.Nature != NatureEvenement.InterneAdministratif));
                }

            case "pacea-sans-entretien":
                {
                    // PACEA-08: at least one entretien individuel per calendar month.
                    var mois = clock.InstantLocal(new DateOnly(aujourdhui.Year, aujourdhui.Month, 1));
                    return jeunes.Where(j => paceas.Contains(j.Id)
                        && !db.Evenements.Any(e => e.JeuneId == j.Id && e.Date >= mois && e.Nature == NatureEvenement.EntretienIndividuel));
                }

            case "anniversaire-26":
                {
                    // PACEA-07: reaching 26 is an exit case; birthday within the next 30 days.
                    var de = aujourdhui.AddYears(-26);
                    var a = aujourdhui.AddDays(30).AddYears(-26);
                    return jeunes.Where(j => j.DateNaissance >= de && j.DateNaissance <= a
                        && db.Dispositifs.Any(d => d.JeuneId == j.Id && (d.TypeCode == CodeDispositif.Pacea || d.TypeCode == CodeDispositif.Cej) && d.DateFinReelle == null));
                }

            case "diag-plus-un-mois":
                {
                    // DIAG-01: one month is the recommendation.
                    var limite = aujourdhui.AddMonths(-1);
                    return jeunes.Where(j => db.Dispositifs.Any(d => d.JeuneId == j.Id && d.TypeCode == CodeDispositif.Diag && d.DateFinReelle == null && d.DateDebut < limite));
                }

            case "ppae-non-initialise":
                // The vigilance list (PPAE-06): assigned by France Travail, seen in entretien since, still not started.
                return jeunes.Where(j => db.Ppaes.Any(p => p.JeuneId == j.Id && p.Etat == Domain.Cotraitance.EtatPpae.NonInitialise
                    && db.Evenements.Any(e => e.JeuneId == j.Id && e.Nature == NatureEvenement.EntretienIndividuel && e.Date >= p.DebutAffectation)));

            case "cer-a-renouveler":
                return jeunes.FiltrerCer(ListeCer.ARenouvelerDansLeMois, db, aujourdhui);

            case "rsa-sans-cer":
                return jeunes.FiltrerCer(ListeCer.SansCerEnVigueur, db, aujourdhui);

            case "cer-en-validation":
                return jeunes.FiltrerCer(ListeCer.EnValidation, db, aujourdhui);

            case "cer-refuse":
                return jeunes.FiltrerCer(ListeCer.Refuse, db, aujourdhui);

            case "formation-sans-objectif":
                // CUR-04: a formation not finished (nor interrupted) without its objectif général.
                return jeunes.Where(j => db.Situations.Any(s => s.JeuneId == j.Id && s.Type == TypeSituation.Formation && s.DateFin >= aujourdhui
                    && s.DateInterruption == null && s.ObjectifGeneral == null));

            case "allocations-a-soumettre":
                // ALLOC: recorded by the conseiller, not yet submitted to the siège.
                return jeunes.Where(j => db.DemandesAllocation.Any(d => d.JeuneId == j.Id && d.Etat == EtatDemande.Enregistree));

            case "cerfa-non-valide":
                return jeunes.Where(j => db.Cerfas.Any(c => c.JeuneId == j.Id && (c.Etat == EtatCerfa.Generee || c.Etat == EtatCerfa.Signee)));

            case "sans-contact-un-an":
                {
                    // No contact (événement with the jeune) for a year, and a dossier older than that.
                    var depuis = clock.InstantLocal(aujourdhui.AddYears(-1));
                    return jeunes.Where(j => j.CreeLe < depuis && j.DateDeces == null
                        && !db.Evenements.Any(e => e.JeuneId == j.Id && e.Date >= depuis && e.Nature != NatureEvenement.InterneAdministratif));
                }

            default:
                return null;
        }
    }

    /// <summary>CEJ-02: the jeunes in CEJ for the whole of last week with fewer hours than the threshold, and their hours.</summary>
    private async Task<List<(Guid JeuneId, Guid? ReferentId, string Detail)>> CejSousSeuilAsync(Guid? referent, CancellationToken ct)
    {
        var lundi = HeuresCej.Lundi(Aujourdhui.AddDays(-7));
        var dimanche = lundi.AddDays(6);
        var jeunes = referent is { } r ? db.Jeunes.AsNoTracking().Where(j => j.ConseillerReferentId == r) : db.Jeunes.AsNoTracking();
        var cej = await (from d in db.Dispositifs.AsNoTracking()
                         join j in jeunes on d.JeuneId equals j.Id
                         where d.TypeCode == CodeDispositif.Cej && d.DateDebut <= lundi && (d.DateFinReelle == null || d.DateFinReelle >= dimanche)
                         select new { j.Id, j.ConseillerReferentId, d.DateDebut, d.DateFinReelle }).ToListAsync(ct);
        var uniques = cej.DistinctBy(c => c.Id).ToList();
        var heures = await db.HeuresCejAsync(clock, uniques.Select(c => new PeriodeCej(c.Id, c.DateDebut, c.DateFinReelle)).ToList(), lundi, lundi, ct);
        return uniques.Select(c => (c, s: heures[c.Id].Single())).Where(x => x.s.SousSeuil)
            .Select(x => (x.c.Id, x.c.ConseillerReferentId, $"{x.s.Heures:0.##} h la semaine du {lundi:dd/MM/yyyy}")).ToList();
    }

    /// <summary>The référent of each jeune an alert concerns in the structure (counted per user); null when the code is unknown.</summary>
    public async Task<List<Guid?>?> ReferentsAsync(string code, CancellationToken ct)
    {
        if (code == "cej-sous-seuil")
        {
            return (await CejSousSeuilAsync(null, ct)).Select(j => j.ReferentId).ToList();
        }

        var q = Requete(code, Aujourdhui);
        return q is null ? null : await q.Select(j => j.ConseillerReferentId).ToListAsync(ct);
    }

    /// <summary>(jeune, référent, detail) of an alert, for a portfolio or the structure; null when the code is unknown.</summary>
    public async Task<List<(Guid JeuneId, Guid? ReferentId, string Detail)>?> JeunesAsync(string code, Guid? referent, CancellationToken ct)
    {
        if (code == "cej-sous-seuil")
        {
            return await CejSousSeuilAsync(referent, ct);
        }

        var aujourdhui = Aujourdhui;
        var q = Requete(code, aujourdhui);
        if (q is null)
        {
            return null;
        }

        if (referent is { } r)
        {
            q = q.Where(j => j.ConseillerReferentId == r);
        }

        var lignes = await q.Select(j => new
        {
            j.Id,
            j.ConseillerReferentId,
            j.DateNaissance,
            Contact = db.Evenements.Where(e => e.JeuneId == j.Id && e.Nature != NatureEvenement.InterneAdministratif).Max(e => (DateTimeOffset?)e.Date),
            FinCer = code == "cer-a-renouveler" ? db.Cers.Where(c => c.JeuneId == j.Id && c.Etat == EtatCer.Valide).Max(c => (DateOnly?)c.FinPrevue) : null,
            Debut = db.Dispositifs.Where(d => d.JeuneId == j.Id && d.DateFinReelle == null && (d.TypeCode == (code == "diag-plus-un-mois" ? CodeDispositif.Diag : CodeDispositif.Pacea)))
                .Select(d => (DateOnly?)d.DateDebut).FirstOrDefault(),
        }).ToListAsync(ct);
        return lignes.Select(x => (x.Id, x.ConseillerReferentId, code switch
        {
            "pacea-sans-contact" => x.Contact is { } dd ? $"Dernier contact le {TimeZoneInfo.ConvertTime(dd, clock.LocalTimeZone):dd/MM/yyyy}" : "Aucun contact",
            "pacea-sans-entretien" => $"PACEA depuis le {x.Debut:dd/MM/yyyy}",
            "anniversaire-26" => $"26 ans le {x.DateNaissance.AddYears(26):dd/MM/yyyy}",
            "sans-contact-un-an" => x.Contact is { } dc ? $"Dernier contact le {TimeZoneInfo.ConvertTime(dc, clock.LocalTimeZone):dd/MM/yyyy}" : "Aucun contact enregistré",
            "formation-sans-objectif" => "Formation sans objectif général",
            "allocations-a-soumettre" => "Demande enregistrée, non soumise",
            "cerfa-non-valide" => "CERFA en attente de validation",
            "cer-a-renouveler" => $"CER en vigueur jusqu'au {x.FinCer:dd/MM/yyyy}",
            "rsa-sans-cer" => "Aucun CER validé ne couvre aujourd'hui",
            "cer-en-validation" => "CER soumis au département",
            "cer-refuse" => "CER refusé : à reprendre",
            _ => $"Ouvert le {x.Debut:dd/MM/yyyy}",
        })).ToList();
    }

}

/// <summary>How long the portal's alert counts of a structure are kept (0: computed at every request).</summary>
public sealed class OptionsAlertes
{
    public int CacheSecondes { get; set; } = 120;
}

/// <summary>
/// The portal's counts. Every user of a structure opens the portal many times a day and the alerts move by the day
/// (2 months, this month, last week, 30 days): the structure's populations are computed once and kept
/// <see cref="OptionsAlertes.CacheSecondes"/> seconds, then each user's counts are read from them. The lists behind
/// the links are always computed live.
/// </summary>
public sealed class ConsulterAlertesHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, IMemoryCache cache, OptionsAlertes options)
    : IQueryHandler<ConsulterAlertesQuery, IReadOnlyList<Alerte>>
{
    public async ValueTask<IReadOnlyList<Alerte>> Handle(ConsulterAlertesQuery q, CancellationToken cancellationToken)
    {
        var cle = $"alertes:{user.StructureId}:{clock.Aujourdhui():yyyy-MM-dd}";
        if (options.CacheSecondes <= 0 || !cache.TryGetValue(cle, out Dictionary<string, List<Guid?>>? populations) || populations is null)
        {
            var alertes = new Alertes(db, clock);
            populations = [];
            foreach (var (code, _, _) in Alertes.Definitions)
            {
                populations[code] = (await alertes.ReferentsAsync(code, cancellationToken))!;
            }

            if (options.CacheSecondes > 0)
            {
                cache.Set(cle, populations, TimeSpan.FromSeconds(options.CacheSecondes));
            }
        }

        return Alertes.Definitions
            .Select(d => new Alerte(d.Code, d.Libelle, d.RuleId, populations[d.Code].Count(r => r == user.UtilisateurId), populations[d.Code].Count))
            .ToList();
    }
}

public sealed class ListerJeunesAlerteHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListerJeunesAlerteQuery, IReadOnlyList<JeuneAlerte>>
{
    public async ValueTask<IReadOnlyList<JeuneAlerte>> Handle(ListerJeunesAlerteQuery q, CancellationToken cancellationToken)
    {
        var jeunes = await new Alertes(db, clock).JeunesAsync(q.Code, q.Structure ? null : user.UtilisateurId, cancellationToken)
            ?? throw new NotFoundException("Alerte inconnue.");
        var details = jeunes.GroupBy(j => j.JeuneId).ToDictionary(g => g.Key, g => g.First().Detail);
        var ids = details.Keys.ToList();
        var identites = await db.Jeunes.AsNoTracking().Where(j => ids.Contains(j.Id))
            .OrderBy(j => j.NomUsage).ThenBy(j => EF.Functions.Collate(j.Prenom, Collations.Francaise))
            .Select(j => new { j.Id, j.NomUsage, j.Prenom, j.DateNaissance }).ToListAsync(cancellationToken);
        return identites.Select(j => new JeuneAlerte(j.Id, j.NomUsage, j.Prenom, j.DateNaissance, details[j.Id])).ToList();
    }
}
