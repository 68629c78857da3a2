using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Pilotage.ConsulterAlertes;

/// <summary>An alert of the portal (PIL-01): its code, label, rule, and how many dossiers it concerns in the portfolio and in the structure.</summary>
public sealed record Alerte(string Code, string Libelle, string RuleId, int MesJeunes, int Structure);

/// <summary>A dossier an alert concerns.</summary>
public sealed record JeuneAlerte(Guid JeuneId, string Nom, string Prenom, DateOnly DateNaissance, string Detail);

/// <summary>The alerts of issue 4 (first part of PIL-01), counted for "Mes jeunes" and "Ma structure".</summary>
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
    ];

    private DateOnly Aujourdhui => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>(jeune, référent) of an alert; null when the code is unknown.</summary>
    public async Task<List<(Guid JeuneId, Guid? ReferentId, string Detail)>?> JeunesAsync(string code, Guid? referent, CancellationToken ct)
    {
        var aujourdhui = Aujourdhui;
        var jeunes = referent is { } r ? db.Jeunes.AsNoTracking().Where(j => j.ConseillerReferentId == r) : db.Jeunes.AsNoTracking();
        IQueryable<Dispositif> Ouverts(string type) => db.Dispositifs.AsNoTracking().Where(d => d.TypeCode == type && d.DateFinReelle == null && d.DateDebut <= aujourdhui);
        switch (code)
        {
            case "pacea-sans-contact":
                {
                    // PACEA-08: no contact (any événement with the jeune; interne/administratif is not a contact) for 2 months.
                    var depuis = Debut(aujourdhui.AddMonths(-2));
                    var q = from d in Ouverts("PACEA")
                            join j in jeunes on d.JeuneId equals j.Id
                            where !db.Evenements.Any(e => e.JeuneId == j.Id && e.Date >= depuis && e.Nature != NatureEvenement.InterneAdministratif)
                            select new { j.Id, j.ConseillerReferentId, Dernier = db.Evenements.Where(e => e.JeuneId == j.Id && e.Nature != NatureEvenement.InterneAdministratif).Max(e => (DateTimeOffset?)e.Date) };
                    return (await q.ToListAsync(ct)).Select(x => (x.Id, x.ConseillerReferentId, x.Dernier is { } dd ? $"Dernier contact le {TimeZoneInfo.ConvertTime(dd, clock.LocalTimeZone):dd/MM/yyyy}" : "Aucun contact")).ToList();
                }

            case "pacea-sans-entretien":
                {
                    // PACEA-08: at least one entretien individuel per calendar month.
                    var mois = Debut(new DateOnly(aujourdhui.Year, aujourdhui.Month, 1));
                    var q = from d in Ouverts("PACEA")
                            join j in jeunes on d.JeuneId equals j.Id
                            where !db.Evenements.Any(e => e.JeuneId == j.Id && e.Date >= mois && e.Nature == NatureEvenement.EntretienIndividuel)
                            select new { j.Id, j.ConseillerReferentId, d.DateDebut };
                    return (await q.ToListAsync(ct)).Select(x => (x.Id, x.ConseillerReferentId, $"PACEA depuis le {x.DateDebut:dd/MM/yyyy}")).ToList();
                }

            case "cej-sous-seuil":
                {
                    var lundi = HeuresCej.Lundi(aujourdhui.AddDays(-7));
                    var dimanche = lundi.AddDays(6);
                    var cej = await (from d in db.Dispositifs.AsNoTracking()
                                     join j in jeunes on d.JeuneId equals j.Id
                                     where d.TypeCode == "CEJ" && d.DateDebut <= lundi && (d.DateFinReelle == null || d.DateFinReelle >= dimanche)
                                     select new { j.Id, j.ConseillerReferentId, d.DateDebut, d.DateFinReelle }).ToListAsync(ct);
                    var heures = await db.HeuresCejAsync(clock, cej.DistinctBy(c => c.Id).Select(c => new PeriodeCej(c.Id, c.DateDebut, c.DateFinReelle)).ToList(), lundi, lundi, ct);
                    return cej.DistinctBy(c => c.Id).Select(c => (c, s: heures[c.Id].Single())).Where(x => x.s.SousSeuil)
                        .Select(x => (x.c.Id, x.c.ConseillerReferentId, $"{x.s.Heures:0.##} h la semaine du {lundi:dd/MM/yyyy}")).ToList();
                }

            case "anniversaire-26":
                {
                    // PACEA-07: reaching 26 is an exit case; birthday within the next 30 days.
                    var de = aujourdhui.AddYears(-26);
                    var a = aujourdhui.AddDays(30).AddYears(-26);
                    var q = from j in jeunes
                            where j.DateNaissance >= de && j.DateNaissance <= a
                                && db.Dispositifs.Any(d => d.JeuneId == j.Id && (d.TypeCode == "PACEA" || d.TypeCode == "CEJ") && d.DateFinReelle == null)
                            select new { j.Id, j.ConseillerReferentId, j.DateNaissance };
                    return (await q.ToListAsync(ct)).Select(x => (x.Id, x.ConseillerReferentId, $"26 ans le {x.DateNaissance.AddYears(26):dd/MM/yyyy}")).ToList();
                }

            case "diag-plus-un-mois":
                {
                    // DIAG-01: one month is the recommendation.
                    var limite = aujourdhui.AddMonths(-1);
                    var q = from d in Ouverts("DIAG")
                            join j in jeunes on d.JeuneId equals j.Id
                            where d.DateDebut < limite
                            select new { j.Id, j.ConseillerReferentId, d.DateDebut };
                    return (await q.ToListAsync(ct)).Select(x => (x.Id, x.ConseillerReferentId, $"Ouvert le {x.DateDebut:dd/MM/yyyy}")).ToList();
                }

            default:
                return null;
        }
    }

    private DateTimeOffset Debut(DateOnly jour)
    {
        var local = jour.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.LocalTimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}

public sealed class ConsulterAlertesHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ConsulterAlertesQuery, IReadOnlyList<Alerte>>
{
    public async ValueTask<IReadOnlyList<Alerte>> Handle(ConsulterAlertesQuery q, CancellationToken cancellationToken)
    {
        var alertes = new Alertes(db, clock);
        var resultat = new List<Alerte>();
        foreach (var (code, libelle, regle) in Alertes.Definitions)
        {
            var jeunes = (await alertes.JeunesAsync(code, null, cancellationToken))!;
            resultat.Add(new Alerte(code, libelle, regle, jeunes.Count(j => j.ReferentId == user.UtilisateurId), jeunes.Count));
        }

        return resultat;
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
            .OrderBy(j => j.NomUsage).ThenBy(j => j.Prenom)
            .Select(j => new { j.Id, j.NomUsage, j.Prenom, j.DateNaissance }).ToListAsync(cancellationToken);
        return identites.Select(j => new JeuneAlerte(j.Id, j.NomUsage, j.Prenom, j.DateNaissance, details[j.Id])).ToList();
    }
}
