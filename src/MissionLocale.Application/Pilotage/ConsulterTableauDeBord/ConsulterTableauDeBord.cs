using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Cursus;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Pilotage.ConsulterTableauDeBord;

/// <summary>PIL-03: entries and exits of a dispositif in a month.</summary>
public sealed record LigneEntreesSorties(int Annee, int Mois, string Dispositif, int Entrees, int Sorties, int SortiesPositives);

/// <summary>PIL-03: the sortie positive rate of a dispositif over the period (exits with a positive motive / exits).</summary>
public sealed record TauxSortie(string Dispositif, int Sorties, int Positives)
{
    public double? Taux => Sorties == 0 ? null : (double)Positives / Sorties;
}

/// <summary>A count of jeunes under a key (commune, EPCI, QPV, niveau).</summary>
public sealed record Repartition(string Cle, string Libelle, int Jeunes);

/// <summary>PIL-03: what a conseiller did in the period.</summary>
public sealed record ActiviteConseiller(Guid ConseillerId, string Conseiller, int Entretiens, int Ateliers, int InformationsCollectives, int Propositions);

/// <summary>
/// PIL-03: the dashboard of a period. "Jeunes en contact" are those with at least one événement (not interne) in the
/// period; the territorial and level breakdowns count them by their current address and niveau (CUR-05).
/// </summary>
public sealed record TableauDeBord(
    DateOnly Du,
    DateOnly Au,
    Guid? AntenneId,
    DateTimeOffset CalculeLe,
    int FraicheurMinutes,
    int JeunesEnContact,
    int PremiersAccueils,
    IReadOnlyList<LigneEntreesSorties> EntreesSorties,
    IReadOnlyList<TauxSortie> Taux,
    IReadOnlyList<Repartition> Communes,
    IReadOnlyList<Repartition> Epci,
    IReadOnlyList<Repartition> Qpv,
    IReadOnlyList<Repartition> Niveaux,
    IReadOnlyList<ActiviteConseiller>? Activite);

/// <summary>PIL-03: the structure's dashboard (direction and conseillers), filtered by period and antenne.</summary>
[Requires(Droit.ConsulterTableauxDeBord)]
public sealed record ConsulterTableauDeBordQuery(DateOnly Du, DateOnly Au, Guid? AntenneId = null) : IQuery<TableauDeBord>;

/// <summary>PIL-03: the same indicators across every structure, counts only (no names): the national administrator.</summary>
[Requires(Droit.ConsulterIndicateursNationaux)]
public sealed record ConsulterIndicateursNationauxQuery(DateOnly Du, DateOnly Au) : IQuery<TableauDeBord>;

/// <summary>How long computed dashboards are kept (the page says how old its figures are).</summary>
public sealed class OptionsTableauDeBord
{
    public int CacheMinutes { get; set; } = 5;
}

public sealed class PeriodeTableauValidator : AbstractValidator<ConsulterTableauDeBordQuery>
{
    public PeriodeTableauValidator()
    {
        RuleFor(x => x.Du).NotEmpty().WithMessage("Le début de la période est obligatoire.");
        RuleFor(x => x.Au).NotEmpty().WithMessage("La fin de la période est obligatoire.")
            .GreaterThanOrEqualTo(x => x.Du).WithMessage("La fin de la période doit suivre son début.")
            .Must((q, au) => au <= q.Du.AddYears(3)).WithMessage("Une période couvre au plus 3 ans.");
    }
}

public sealed class PeriodeNationaleValidator : AbstractValidator<ConsulterIndicateursNationauxQuery>
{
    public PeriodeNationaleValidator()
    {
        RuleFor(x => x.Au).GreaterThanOrEqualTo(x => x.Du).WithMessage("La fin de la période doit suivre son début.")
            .Must((q, au) => au <= q.Du.AddYears(3)).WithMessage("Une période couvre au plus 3 ans.");
    }
}

public sealed class ConsulterTableauDeBordHandler(ILectureDb lecture, IAppDbContext db, ICurrentUser user, TimeProvider clock, IMemoryCache cache, OptionsTableauDeBord options)
    : IQueryHandler<ConsulterTableauDeBordQuery, TableauDeBord>, IQueryHandler<ConsulterIndicateursNationauxQuery, TableauDeBord>
{
    public ValueTask<TableauDeBord> Handle(ConsulterTableauDeBordQuery q, CancellationToken cancellationToken) =>
        EnCacheAsync($"tdb:{user.StructureId}:{q.Du}:{q.Au}:{q.AntenneId}", () => new Indicateurs(lecture.Db, clock, national: false).CalculerAsync(q.Du, q.Au, q.AntenneId, cancellationToken));

    public ValueTask<TableauDeBord> Handle(ConsulterIndicateursNationauxQuery q, CancellationToken cancellationToken) =>
        EnCacheAsync($"tdb:national:{q.Du}:{q.Au}", () => IndicateursNationaux.LireOuCalculerAsync(lecture.Db, db, clock, q.Du, q.Au, cancellationToken),
            (int)IndicateursNationaux.DureeDeVie.TotalMinutes);

    private async ValueTask<TableauDeBord> EnCacheAsync(string cle, Func<Task<TableauDeBord>> calcul, int? fraicheur = null)
    {
        if (options.CacheMinutes > 0 && cache.TryGetValue(cle, out TableauDeBord? t) && t is not null)
        {
            return t;
        }

        t = await calcul();
        t = t with { FraicheurMinutes = fraicheur ?? options.CacheMinutes };
        if (options.CacheMinutes > 0)
        {
            cache.Set(cle, t, TimeSpan.FromMinutes(options.CacheMinutes));
        }

        return t;
    }
}

/// <summary>
/// PIL-03: the national indicators read a million dossiers (about 3 s): they are kept in the database, computed ahead
/// for the default period (the last twelve months) by a job every 30 minutes on one node, and for any other period at
/// its first request; a stored figure is used while younger than <see cref="DureeDeVie"/>. The page shows when it was
/// computed.
/// </summary>
public static class IndicateursNationaux
{
    public static readonly TimeSpan DureeDeVie = TimeSpan.FromMinutes(60);

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static (DateOnly Du, DateOnly Au) PeriodeParDefaut(DateOnly aujourdhui) => (new DateOnly(aujourdhui.Year, aujourdhui.Month, 1).AddMonths(-11), aujourdhui);

    private static string Cle(DateOnly du, DateOnly au) => $"national:{du:yyyy-MM-dd}:{au:yyyy-MM-dd}";

    public static async Task<TableauDeBord> LireOuCalculerAsync(IAppDbContext lecture, IAppDbContext db, TimeProvider clock, DateOnly du, DateOnly au, CancellationToken ct)
    {
        var cle = Cle(du, au);
        var limite = clock.GetUtcNow() - DureeDeVie;
        var stocke = await lecture.IndicateursPrecalcules.AsNoTracking().Where(i => i.Cle == cle && i.CalculeLe > limite).Select(i => i.Contenu).FirstOrDefaultAsync(ct);
        if (stocke is not null && System.Text.Json.JsonSerializer.Deserialize<TableauDeBord>(stocke, Json) is { } t)
        {
            return t;
        }

        return await CalculerEtStockerAsync(lecture, db, clock, du, au, ct);
    }

    private const string CleRapport = "rapport_jeunes";

    /// <param name="rafraichir">The job refreshes the reporting rows each time; a request only when they are older than <see cref="DureeDeVie"/>.</param>
    public static async Task<TableauDeBord> CalculerEtStockerAsync(IAppDbContext lecture, IAppDbContext db, TimeProvider clock, DateOnly du, DateOnly au, CancellationToken ct, bool rafraichir = false)
    {
        await RafraichirRapportAsync(db, clock, rafraichir, ct);
        var t = await new Indicateurs(lecture, clock, national: true).CalculerAsync(du, au, null, ct);
        await StockerAsync(db, Cle(du, au), t.CalculeLe, System.Text.Json.JsonSerializer.Serialize(t, Json), ct);
        return t;
    }

    /// <summary>
    /// The reporting rows (level, current commune and QPV of each jeune) are refreshed on the primary by the job every
    /// 30 minutes, or here when older than an hour (jobs off, a new database): national counts use attributes at most
    /// that old, the contacts themselves are always read live.
    /// </summary>
    private static async Task RafraichirRapportAsync(IAppDbContext db, TimeProvider clock, bool force, CancellationToken ct)
    {
        var maintenant = clock.GetUtcNow();
        if (!force && await db.IndicateursPrecalcules.AnyAsync(i => i.Cle == CleRapport && i.CalculeLe > maintenant - DureeDeVie, ct))
        {
            return;
        }

        await db.RafraichirRapportJeunesAsync(ct);
        await StockerAsync(db, CleRapport, maintenant, "{}", ct);
    }

    /// <summary>Writes a stored figure (or the refresh mark); two nodes writing the same key at once: either is as good.</summary>
    private static async Task StockerAsync(IAppDbContext db, string cle, DateTimeOffset calculeLe, string contenu, CancellationToken ct)
    {
        var existant = await db.IndicateursPrecalcules.SingleOrDefaultAsync(i => i.Cle == cle, ct);
        if (existant is null)
        {
            db.IndicateursPrecalcules.Add(new Domain.Pilotage.IndicateursPrecalcules(cle, calculeLe, contenu));
        }
        else
        {
            existant.Remplacer(calculeLe, contenu);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
        }
    }
}

/// <summary>
/// The indicators, each one GROUP BY in PostgreSQL over indexed columns (evenements by structure and date, dispositifs
/// by structure and dates): nothing is read row by row. National: the structure filter is lifted and names are left out.
/// </summary>
public sealed class Indicateurs(IAppDbContext db, TimeProvider clock, bool national)
{
    private const int MaxLignes = 50;

    private IQueryable<T> Ens<T>(IQueryable<T> q)
        where T : class => national ? q.IgnoreQueryFilters() : q;

    public async Task<TableauDeBord> CalculerAsync(DateOnly du, DateOnly au, Guid? antenne, CancellationToken ct)
    {
        var debut = clock.InstantLocal(du);
        var fin = clock.InstantLocal(au.AddDays(1));
        var jeunes = Ens(db.Jeunes.AsNoTracking());
        var evenements = Ens(db.Evenements.AsNoTracking()).Where(e => e.Date >= debut && e.Date < fin);
        var dispositifs = Ens(db.Dispositifs.AsNoTracking());
        if (antenne is { } a)
        {
            jeunes = jeunes.Where(j => j.AntenneId == a);
            evenements = evenements.Where(e => e.AntenneId == a);
            var ids = jeunes.Select(j => j.Id);
            dispositifs = dispositifs.Where(d => ids.Contains(d.JeuneId));
        }

        var contacts = evenements.Where(e => e.Nature != NatureEvenement.InterneAdministratif).Select(e => e.JeuneId).Distinct();
        var enContact = jeunes.Where(j => contacts.Contains(j.Id));

        // National: the narrow reporting rows (64 MB for a million jeunes) instead of the jeunes and their addresses.
        var accueils = national
            ? await db.RapportJeunes.CountAsync(r => r.CreeLe >= debut && r.CreeLe < fin, ct)
            : await jeunes.CountAsync(j => j.CreeLe >= debut && j.CreeLe < fin, ct);

        var entrees = await dispositifs.Where(d => d.DateDebut >= du && d.DateDebut <= au)
            .GroupBy(d => new { d.TypeCode, d.DateDebut.Year, d.DateDebut.Month })
            .Select(g => new { g.Key.TypeCode, g.Key.Year, g.Key.Month, N = g.Count() }).ToListAsync(ct);
        var sorties = await dispositifs.Where(d => d.DateFinReelle >= du && d.DateFinReelle <= au)
            .GroupBy(d => new { d.TypeCode, d.DateFinReelle!.Value.Year, d.DateFinReelle.Value.Month })
            .Select(g => new { g.Key.TypeCode, g.Key.Year, g.Key.Month, N = g.Count(), Positives = g.Count(d => d.SortiePositive == true) }).ToListAsync(ct);
        var lignes = entrees.Select(e => (e.TypeCode, e.Year, e.Month)).Union(sorties.Select(s => (s.TypeCode, s.Year, s.Month)))
            .Select(k => new LigneEntreesSorties(k.Year, k.Month, k.TypeCode,
                entrees.Where(e => (e.TypeCode, e.Year, e.Month) == k).Sum(e => e.N),
                sorties.Where(s => (s.TypeCode, s.Year, s.Month) == k).Sum(s => s.N),
                sorties.Where(s => (s.TypeCode, s.Year, s.Month) == k).Sum(s => s.Positives)))
            .OrderBy(l => l.Annee).ThenBy(l => l.Mois).ThenBy(l => l.Dispositif, StringComparer.Ordinal).ToList();
        var taux = lignes.GroupBy(l => l.Dispositif).Select(g => new TauxSortie(g.Key, g.Sum(l => l.Sorties), g.Sum(l => l.SortiesPositives)))
            .OrderBy(t => t.Dispositif, StringComparer.Ordinal).ToList();

        // One pass over the jeunes in contact (their current address joined, at most one by a unique index), counted in
        // PostgreSQL by level, commune and QPV: a few thousand rows come back, not one per jeune (national: 200,000).
        var attributs = national
            ? db.RapportJeunes.Where(r => contacts.Contains(r.JeuneId)).Select(r => new { r.NiveauQualification, r.CommuneInsee, r.CommuneNom, r.QpvCode })
            : from j in enContact
              from ad in j.Adresses.Where(x => x.DateFin == null).DefaultIfEmpty()
              select new { j.NiveauQualification, CommuneInsee = (string?)ad!.CommuneInsee, CommuneNom = (string?)ad.CommuneNom, QpvCode = (string?)ad.QpvCode };
        var enContactLignes = await attributs.GroupBy(x => new { x.NiveauQualification, x.CommuneInsee, x.CommuneNom, x.QpvCode })
            .Select(g => new { g.Key.NiveauQualification, g.Key.CommuneInsee, g.Key.CommuneNom, g.Key.QpvCode, N = g.Count() })
            .ToListAsync(ct);
        var nbContact = enContactLignes.Sum(x => x.N);
        var communes = enContactLignes.GroupBy(x => (x.CommuneInsee, x.CommuneNom))
            .Select(g => new { g.Key.CommuneInsee, g.Key.CommuneNom, N = g.Sum(x => x.N) }).OrderByDescending(x => x.N).ToList();
        var qpv = enContactLignes.GroupBy(x => x.QpvCode).Select(g => new { g.Key, N = g.Sum(x => x.N) }).ToList();
        var nomsQpv = await db.Qpvs.AsNoTracking().Select(x => new { x.Code, x.Nom }).ToDictionaryAsync(x => x.Code, x => x.Nom, ct);
        var epciCommunes = communes.Where(c => c.CommuneInsee is not null).Select(c => c.CommuneInsee!).ToList();
        var epciDe = await db.Communes.AsNoTracking().Where(c => epciCommunes.Contains(c.CodeInsee) && c.Epci != null)
            .Select(c => new { c.CodeInsee, c.Epci }).ToListAsync(ct);
        var epciParCommune = epciDe.GroupBy(c => c.CodeInsee).ToDictionary(g => g.Key, g => g.First().Epci!);
        var codesEpci = epciParCommune.Values.Distinct().ToList();
        var nomsEpci = await db.Epcis.AsNoTracking().Where(e => codesEpci.Contains(e.Code)).ToDictionaryAsync(e => e.Code, e => e.Nom, ct);
        var epci = communes.GroupBy(c => c.CommuneInsee is not null && epciParCommune.TryGetValue(c.CommuneInsee, out var e) ? e : null)
            .Select(g => new Repartition(g.Key ?? "-", g.Key is null ? "Hors EPCI ou adresse inconnue" : nomsEpci.GetValueOrDefault(g.Key, g.Key), g.Sum(c => c.N)))
            .OrderByDescending(r => r.Jeunes).ToList();

        var niveaux = enContactLignes.GroupBy(j => j.NiveauQualification).Select(g => new { g.Key, N = g.Sum(x => x.N) }).ToList();

        IReadOnlyList<ActiviteConseiller>? activite = null;
        if (!national)
        {
            var parConseiller = await evenements.GroupBy(e => e.ConseillerId)
                .Select(g => new
                {
                    g.Key,
                    Entretiens = g.Count(e => e.Nature == NatureEvenement.EntretienIndividuel),
                    Ateliers = g.Count(e => e.Nature == NatureEvenement.Atelier),
                    Ic = g.Count(e => e.Nature == NatureEvenement.InformationCollective),
                }).ToListAsync(ct);
            var propositions = await (from p in db.Propositions.AsNoTracking()
                                      join e in evenements on p.EvenementId equals e.Id
                                      group p by e.ConseillerId into g
                                      select new { g.Key, N = g.Count() }).ToListAsync(ct);
            var ids = parConseiller.Select(p => p.Key).ToList();
            var noms = await db.Utilisateurs.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.NomAffiche }).ToDictionaryAsync(u => u.Id, u => u.NomAffiche, ct);
            activite = parConseiller.Select(p => new ActiviteConseiller(p.Key, noms.GetValueOrDefault(p.Key, "Compte inconnu"), p.Entretiens, p.Ateliers, p.Ic,
                    propositions.Where(x => x.Key == p.Key).Sum(x => x.N)))
                .OrderBy(a => a.Conseiller, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
        }

        return new TableauDeBord(du, au, antenne, clock.GetUtcNow(), 0, nbContact, accueils, lignes, taux,
            communes.Take(MaxLignes).Select(c => new Repartition(c.CommuneInsee ?? "-", c.CommuneNom ?? "Adresse inconnue", c.N)).ToList(),
            epci,
            qpv.OrderBy(x => x.Key is null).ThenByDescending(x => x.N)
                .Select(x => new Repartition(x.Key ?? "-", x.Key is null ? "Hors QPV" : $"{nomsQpv.GetValueOrDefault(x.Key, x.Key)} ({x.Key})", x.N)).ToList(),
            niveaux.OrderBy(n => n.Key ?? 99).Select(n => new Repartition(n.Key?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", NiveauQualification.Libelle(n.Key), n.N)).ToList(),
            activite);
    }
}

/// <summary>PIL-03: the dashboard's tables as exports (one sheet each in XLSX, one file per table in CSV).</summary>
public static class TablesTableauDeBord
{
    public static readonly (string Cle, string Titre)[] Noms =
    [
        ("entrees-sorties", "Entrées et sorties"), ("taux", "Sorties positives"), ("communes", "Jeunes par commune"), ("epci", "Jeunes par EPCI"),
        ("qpv", "Jeunes par QPV"), ("niveaux", "Niveau de qualification"), ("activite", "Activité par conseiller"),
    ];

    public static IReadOnlyList<TableExport> Tables(TableauDeBord t) =>
        Noms.Where(n => n.Cle != "activite" || t.Activite is not null).Select(n => Table(t, n.Cle)!).ToList();

    public static TableExport? Table(TableauDeBord t, string cle)
    {
        var titre = Noms.FirstOrDefault(n => n.Cle == cle).Titre;
        return cle switch
        {
            "entrees-sorties" => TableExport.EnMemoire(titre, ["Mois", "Dispositif", "Entrées", "Sorties", "dont sorties positives"],
                t.EntreesSorties.Select(l => new object?[] { $"{l.Mois:00}/{l.Annee}", l.Dispositif, l.Entrees, l.Sorties, l.SortiesPositives })),
            "taux" => TableExport.EnMemoire(titre, ["Dispositif", "Sorties", "Sorties positives", "Taux de sortie positive (%)"],
                t.Taux.Select(x => new object?[] { x.Dispositif, x.Sorties, x.Positives, x.Taux is { } v ? Math.Round(v * 100, 1) : null })),
            "communes" => Repartition(titre, "Commune", t.Communes),
            "epci" => Repartition(titre, "EPCI", t.Epci),
            "qpv" => Repartition(titre, "Quartier", t.Qpv),
            "niveaux" => Repartition(titre, "Niveau de qualification", t.Niveaux),
            "activite" when t.Activite is not null => TableExport.EnMemoire(titre, ["Conseiller", "Entretiens individuels", "Ateliers", "Informations collectives", "Propositions"],
                t.Activite.Select(a => new object?[] { a.Conseiller, a.Entretiens, a.Ateliers, a.InformationsCollectives, a.Propositions })),
            _ => null,
        };
    }

    private static TableExport Repartition(string titre, string colonne, IReadOnlyList<Repartition> lignes) =>
        TableExport.EnMemoire(titre, ["Code", colonne, "Jeunes en contact"], lignes.Select(r => new object?[] { r.Cle, r.Libelle, r.Jeunes }));
}
