using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Reference.ListerChoix;

// The lists behind the forms' drop-downs, read through the mediator so the rights check and logging apply to them too.
// Lists shared by a whole structure are kept a few seconds per structure (a dossier page shows them at every view); the
// server checks every chosen value anyway, so a list a few seconds old never lets a wrong value through.

/// <summary>A choice of a drop-down: the value sent and the label shown.</summary>
public sealed record Choix<T>(T Valeur, string Libelle);

/// <summary>Countries other than France (nationality, birth abroad).</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ListerPaysQuery : IQuery<IReadOnlyList<Choix<string>>>;

/// <summary>The antennes of the user's structure.</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ListerAntennesQuery : IQuery<IReadOnlyList<Choix<Guid>>>;

/// <summary>Active users of the structure, of one profile or all.</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ListerUtilisateursQuery(Profil? Profil = null) : IQuery<IReadOnlyList<UtilisateurResume>>;

/// <summary>DISP-04: the dispositif types valid on a date.</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ListerTypesDispositifQuery(DateOnly Date) : IQuery<IReadOnlyList<Choix<string>>>;

/// <summary>DISP-03: the exit motives valid on a date (without a date: still in force, no end), of one type or all (the type code as the choice's value).</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ListerMotifsSortieQuery(DateOnly? Date, string? TypeCode = null) : IQuery<IReadOnlyList<Choix<string>>>;

/// <summary>EVT-01: the domains of propositions.</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ListerDomainesPropositionQuery(bool ActifsSeulement = true) : IQuery<IReadOnlyList<Choix<string>>>;

/// <summary>DISP-01: the last entretiens individuels of a dossier (a dispositif opens during one).</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ListerEntretiensQuery(Guid JeuneId, int Nombre = 10) : IQuery<IReadOnlyList<EntretienChoix>>;

public sealed record EntretienChoix(Guid Id, DateTimeOffset Date);

/// <summary>The documents of a dossier, newest first (justificatifs, signed scans).</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ListerDocumentsChoixQuery(Guid JeuneId) : IQuery<IReadOnlyList<Choix<Guid>>>;

/// <summary>The number of jeunes whose référent is the current user.</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record CompterMesJeunesQuery : IQuery<int>;

public sealed class ListerChoixHandler(IAppDbContext db, ICurrentUser user, IMemoryCache cache)
    : IQueryHandler<ListerPaysQuery, IReadOnlyList<Choix<string>>>,
      IQueryHandler<ListerAntennesQuery, IReadOnlyList<Choix<Guid>>>,
      IQueryHandler<ListerUtilisateursQuery, IReadOnlyList<UtilisateurResume>>,
      IQueryHandler<ListerTypesDispositifQuery, IReadOnlyList<Choix<string>>>,
      IQueryHandler<ListerMotifsSortieQuery, IReadOnlyList<Choix<string>>>,
      IQueryHandler<ListerDomainesPropositionQuery, IReadOnlyList<Choix<string>>>,
      IQueryHandler<ListerEntretiensQuery, IReadOnlyList<EntretienChoix>>,
      IQueryHandler<ListerDocumentsChoixQuery, IReadOnlyList<Choix<Guid>>>,
      IQueryHandler<CompterMesJeunesQuery, int>
{
    private static readonly TimeSpan Duree = TimeSpan.FromSeconds(30);

    // The national country list is loaded at start only: the same for everybody.
    public async ValueTask<IReadOnlyList<Choix<string>>> Handle(ListerPaysQuery q, CancellationToken cancellationToken) =>
        await Memoriser("pays", TimeSpan.FromMinutes(10), async () =>
            (IReadOnlyList<Choix<string>>)await db.Pays.AsNoTracking().Where(p => p.Code != "FR").OrderBy(p => p.Nom).Select(p => new Choix<string>(p.Code, p.Nom)).ToListAsync(cancellationToken));

    public async ValueTask<IReadOnlyList<Choix<Guid>>> Handle(ListerAntennesQuery q, CancellationToken cancellationToken) =>
        await Memoriser($"antennes:{user.StructureId}", Duree, async () =>
            (IReadOnlyList<Choix<Guid>>)await db.Antennes.AsNoTracking().OrderBy(a => a.Nom).Select(a => new Choix<Guid>(a.Id, a.Nom)).ToListAsync(cancellationToken));

    public async ValueTask<IReadOnlyList<UtilisateurResume>> Handle(ListerUtilisateursQuery q, CancellationToken cancellationToken) =>
        await Memoriser($"utilisateurs:{user.StructureId}:{q.Profil}", Duree, async () =>
            (IReadOnlyList<UtilisateurResume>)await db.Utilisateurs.Where(u => u.Actif && (q.Profil == null || u.Profil == q.Profil))
                .OrderBy(u => u.Nom).ThenBy(u => u.Prenom).ToListAsync(cancellationToken));

    public async ValueTask<IReadOnlyList<Choix<string>>> Handle(ListerTypesDispositifQuery q, CancellationToken cancellationToken) =>
        await db.TypesDispositif.AsNoTracking().ValidesLe(q.Date)
            .OrderBy(t => t.Libelle).Select(t => new Choix<string>(t.Code, t.Libelle)).ToListAsync(cancellationToken);

    public async ValueTask<IReadOnlyList<Choix<string>>> Handle(ListerMotifsSortieQuery q, CancellationToken cancellationToken) =>
        await db.MotifsSortie.AsNoTracking().Where(m => (m.DateFin == null || (q.Date != null && m.DateFin >= q.Date)) && (q.TypeCode == null || m.TypeCode == q.TypeCode))
            .OrderBy(m => m.Libelle).Select(m => new Choix<string>(m.TypeCode, m.Libelle)).ToListAsync(cancellationToken);

    public async ValueTask<IReadOnlyList<Choix<string>>> Handle(ListerDomainesPropositionQuery q, CancellationToken cancellationToken) =>
        await Memoriser($"domaines:{user.StructureId}:{q.ActifsSeulement}", Duree, async () =>
            (IReadOnlyList<Choix<string>>)await db.DomainesProposition.AsNoTracking().Where(x => !q.ActifsSeulement || x.Actif)
                .OrderBy(x => x.Libelle).Select(x => new Choix<string>(x.Code, x.Libelle)).ToListAsync(cancellationToken));

    public async ValueTask<IReadOnlyList<EntretienChoix>> Handle(ListerEntretiensQuery q, CancellationToken cancellationToken) =>
        await db.Evenements.AsNoTracking().Where(e => e.JeuneId == q.JeuneId && e.Nature == NatureEvenement.EntretienIndividuel)
            .OrderByDescending(e => e.Date).Take(q.Nombre).Select(e => new EntretienChoix(e.Id, e.Date)).ToListAsync(cancellationToken);

    public async ValueTask<IReadOnlyList<Choix<Guid>>> Handle(ListerDocumentsChoixQuery q, CancellationToken cancellationToken) =>
        await db.Documents.AsNoTracking().Where(d => d.JeuneId == q.JeuneId).OrderByDescending(d => d.CreeLe)
            .Select(d => new Choix<Guid>(d.Id, d.Nom)).ToListAsync(cancellationToken);

    public async ValueTask<int> Handle(CompterMesJeunesQuery q, CancellationToken cancellationToken) =>
        await db.Jeunes.CountAsync(j => j.ConseillerReferentId == user.UtilisateurId, cancellationToken);

    private async Task<T> Memoriser<T>(string cle, TimeSpan duree, Func<Task<T>> lire)
        where T : class =>
        await cache.GetOrCreateAsync($"choix:{cle}", e =>
        {
            e.AbsoluteExpirationRelativeToNow = duree;
            return lire();
        }) ?? await lire();
}
