using System.Globalization;
using System.Text;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Rgpd.ConsulterJournal;

/// <summary>RGPD-04: one line of the journal: a read or a change of a dossier (who, when, what).</summary>
public sealed record LigneJournal(string Nature, long Id, DateTimeOffset Le, Guid? UtilisateurId, string Utilisateur, Guid JeuneId, string Dossier, string Objet);

/// <summary>RGPD-04: the DPO's view of the reads (RGPD-02) and changes of the structure's dossiers, newest first.</summary>
[Connecte]
public sealed record ConsulterJournalQuery(Guid? JeuneId = null, Guid? UtilisateurId = null, DateOnly? Du = null, DateOnly? Au = null, string? Apres = null, int Taille = 100)
    : IQuery<Page<LigneJournal>>;

/// <summary>RGPD-04: the same journal as a table to export (CSV/XLSX), streamed.</summary>
[Connecte]
public sealed record ExporterJournalQuery(Guid? JeuneId = null, Guid? UtilisateurId = null, DateOnly? Du = null, DateOnly? Au = null) : IQuery<TableExport>;

public sealed class ConsulterJournalValidator : AbstractValidator<ConsulterJournalQuery>
{
    public ConsulterJournalValidator()
    {
        RuleFor(x => x.Au).GreaterThanOrEqualTo(x => x.Du).When(x => x.Du is not null && x.Au is not null).WithMessage("La fin de la période doit suivre son début.");
        RuleFor(x => x.Taille).InclusiveBetween(1, 500).WithMessage("La taille d'une page est comprise entre 1 et 500.");
    }
}

public sealed class ExporterJournalValidator : AbstractValidator<ExporterJournalQuery>
{
    public ExporterJournalValidator()
    {
        RuleFor(x => x.Au).GreaterThanOrEqualTo(x => x.Du).When(x => x.Du is not null && x.Au is not null).WithMessage("La fin de la période doit suivre son début.");
    }
}

/// <summary>
/// Reads and changes as one UNION ALL in PostgreSQL (both logs projected to the same row), ordered by time then
/// nature then id, paginated by keyset; only the structure's data protection officer may read it (RGPD-04).
/// </summary>
public sealed class Journal(IAppDbContext db, ICurrentUser user, TimeProvider clock)
{
    public const string Lecture = "Lecture";
    public const string Modification = "Modification";

    public async Task VerifierDelegueAsync(CancellationToken ct)
    {
        if (!await DelegueProtectionDonnees.EstAsync(db, user.UtilisateurId, ct))
        {
            throw new ForbiddenException("Le journal des accès aux dossiers est réservé au délégué à la protection des données de la structure (RGPD-04).");
        }
    }

    /// <summary>The reads and changes matching the filters, as one UNION ALL (member-initialised rows, so order and keyset translate).</summary>
    public IQueryable<EntreeJournal> Requete(Guid? jeuneId, Guid? utilisateurId, DateOnly? du, DateOnly? au)
    {
        var lectures = db.Consultations.AsNoTracking().Select(c => new EntreeJournal { Nature = Lecture, Id = c.Id, Le = c.Le, UtilisateurId = c.UtilisateurId, Utilisateur = c.Utilisateur, JeuneId = c.JeuneId, Objet = c.Objet });
        var changements = db.Historique.AsNoTracking().Select(h => new EntreeJournal
        {
            Nature = Modification,
            Id = h.Id,
            Le = h.Le,
            UtilisateurId = h.UtilisateurId,
            Utilisateur = h.Utilisateur,
            JeuneId = h.JeuneId,
            Objet = h.Element + " · " + h.Champ + " : " + (h.AncienneValeur ?? "—") + " → " + (h.NouvelleValeur ?? "—"),
        });
        var tout = lectures.Concat(changements);
        if (jeuneId is { } j)
        {
            tout = tout.Where(x => x.JeuneId == j);
        }

        if (utilisateurId is { } u)
        {
            tout = tout.Where(x => x.UtilisateurId == u);
        }

        if (du is { } d)
        {
            var debut = clock.InstantLocal(d);
            tout = tout.Where(x => x.Le >= debut);
        }

        if (au is { } a)
        {
            var fin = clock.InstantLocal(a.AddDays(1));
            tout = tout.Where(x => x.Le < fin);
        }

        return tout;
    }

    public static IOrderedQueryable<EntreeJournal> Trier(IQueryable<EntreeJournal> q) =>
        q.OrderByDescending(x => x.Le).ThenByDescending(x => x.Nature).ThenByDescending(x => x.Id);

    /// <summary>The dossier's name beside each line (a dossier moved to another Mission Locale has none here).</summary>
    public IQueryable<LigneJournal> AvecDossier(IQueryable<EntreeJournal> q) =>
        from x in q
        join jeune in db.Jeunes.AsNoTracking() on x.JeuneId equals jeune.Id into js
        from jeune in js.DefaultIfEmpty()
        select new LigneJournal(x.Nature, x.Id, x.Le, x.UtilisateurId, x.Utilisateur, x.JeuneId,
            jeune == null ? "Dossier supprimé ou transféré" : jeune.NomUsage + " " + jeune.Prenom + " (n° " + jeune.Numero + ")", x.Objet);
}

/// <summary>A row of either log, shaped alike for the UNION ALL.</summary>
public sealed class EntreeJournal
{
    public string Nature { get; init; } = string.Empty;

    public long Id { get; init; }

    public DateTimeOffset Le { get; init; }

    public Guid? UtilisateurId { get; init; }

    public string Utilisateur { get; init; } = string.Empty;

    public Guid JeuneId { get; init; }

    public string Objet { get; init; } = string.Empty;
}

public sealed class ConsulterJournalHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ConsulterJournalQuery, Page<LigneJournal>>
{
    public async ValueTask<Page<LigneJournal>> Handle(ConsulterJournalQuery q, CancellationToken cancellationToken)
    {
        var journal = new Journal(db, user, clock);
        await journal.VerifierDelegueAsync(cancellationToken);
        var requete = journal.Requete(q.JeuneId, q.UtilisateurId, q.Du, q.Au);
        if (LireCurseur(q.Apres) is var (le, nature, id))
        {
#pragma warning disable CA1309 // Translated to SQL on the keyset's order.
            requete = requete.Where(x => x.Le < le || (x.Le == le && (string.Compare(x.Nature, nature) < 0 || (x.Nature == nature && x.Id < id))));
#pragma warning restore CA1309
        }

        var lignes = await journal.AvecDossier(Journal.Trier(requete).Take(q.Taille + 1)).ToListAsync(cancellationToken);
        lignes = [.. lignes.OrderByDescending(x => x.Le).ThenByDescending(x => x.Nature, StringComparer.Ordinal).ThenByDescending(x => x.Id)];
        var suivant = lignes.Count > q.Taille ? EcrireCurseur(lignes[q.Taille - 1]) : null;
        return new Page<LigneJournal>(lignes.Take(q.Taille).ToList(), suivant);
    }

    private static string EcrireCurseur(LigneJournal l) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{l.Le.UtcTicks}|{l.Nature}|{l.Id}"))).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    private static (DateTimeOffset Le, string Nature, long Id)? LireCurseur(string? c)
    {
        if (string.IsNullOrWhiteSpace(c))
        {
            return null;
        }

        try
        {
            var b64 = c.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
            var p = Encoding.UTF8.GetString(Convert.FromBase64String(b64)).Split('|');
            if (p.Length == 3 && long.TryParse(p[0], CultureInfo.InvariantCulture, out var ticks) && long.TryParse(p[2], CultureInfo.InvariantCulture, out var id))
            {
                return (new DateTimeOffset(ticks, TimeSpan.Zero), p[1], id);
            }
        }
        catch (FormatException)
        {
        }

        throw InvalidInputException.Pour("Apres", "Curseur de pagination invalide : relancez la recherche.");
    }
}

public sealed class ExporterJournalHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ExporterJournalQuery, TableExport>
{
    public async ValueTask<TableExport> Handle(ExporterJournalQuery q, CancellationToken cancellationToken)
    {
        var journal = new Journal(db, user, clock);
        await journal.VerifierDelegueAsync(cancellationToken);
        var lignes = journal.AvecDossier(Journal.Trier(journal.Requete(q.JeuneId, q.UtilisateurId, q.Du, q.Au))).AsAsyncEnumerable();
        return new TableExport("Journal des accès", ["Date et heure (Paris)", "Nature", "Utilisateur", "Dossier", "Objet"], Projeter(lignes, cancellationToken));

        async IAsyncEnumerable<object?[]> Projeter(IAsyncEnumerable<LigneJournal> source, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
        {
            await foreach (var l in source.WithCancellation(ct))
            {
                yield return [TimeZoneInfo.ConvertTime(l.Le, clock.LocalTimeZone).DateTime, l.Nature, l.Utilisateur, l.Dossier, l.Objet];
            }
        }
    }
}

/// <summary>RGPD-04: who holds the data protection officer's function in the structure.</summary>
public static class DelegueProtectionDonnees
{
    public static Task<bool> EstAsync(IAppDbContext db, Guid utilisateurId, CancellationToken ct) =>
        db.Utilisateurs.AnyAsync(u => u.Id == utilisateurId && (u.Fonctions & FonctionsCompte.DelegueProtectionDonnees) != 0, ct);

    public static Task<string?> ExistantAsync(IAppDbContext db, Guid? sauf, CancellationToken ct) =>
        db.Utilisateurs.Where(u => (u.Fonctions & FonctionsCompte.DelegueProtectionDonnees) != 0 && u.Id != sauf).Select(u => u.NomAffiche).FirstOrDefaultAsync(ct);
}

/// <summary>RGPD-04: whether the current user is the structure's data protection officer (pages show the journal to them only).</summary>
[Connecte]
public sealed record EstDelegueQuery : IQuery<bool>;

public sealed class EstDelegueHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<EstDelegueQuery, bool>
{
    public async ValueTask<bool> Handle(EstDelegueQuery q, CancellationToken cancellationToken) =>
        await DelegueProtectionDonnees.EstAsync(db, user.UtilisateurId, cancellationToken);
}
