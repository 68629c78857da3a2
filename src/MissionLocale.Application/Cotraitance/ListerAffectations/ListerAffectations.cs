using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Cotraitance;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Cotraitance.ListerAffectations;

/// <summary>PPAE-01: the gestionnaire's tabs: to accept, the three lists of accepted assignments, the refused ones.</summary>
public enum OngletCotraitance
{
    AAccepter = 1,
    DeNonConnus = 2,
    RapprochementsPossibles = 3,
    Reaffectations = 4,
    Refusees = 5,
}

public sealed record DossierPropose(Guid JeuneId, long Numero, string Nom, string Prenom, DateOnly DateNaissance, string? IdentifiantFt);

public sealed record LigneAffectationFt(
    Guid Id, int Version, string IdentifiantFt, string Nom, string Prenom, DateOnly DateNaissance, string CommuneInsee, string? Commune, DateOnly DateAffectation,
    EtatAffectation Etat, string EtatLibelle, IReadOnlyList<string> MotifsDeRefus, string? MotifRefus, Guid? JeuneId, long? Numero, string? Marque, string? Conseiller,
    IReadOnlyList<DossierPropose> Candidats);

public sealed record ListeAffectations(OngletCotraitance Onglet, IReadOnlyDictionary<OngletCotraitance, int> Comptes, IReadOnlyList<LigneAffectationFt> Lignes, bool Tronquee);

/// <summary>PPAE-01 / PPAE-02: one tab of the gestionnaire's lists, 200 lines at most (oldest assignments first), with the counts of every tab.</summary>
[Requires(Droit.GererCotraitance)]
public sealed record ListerAffectationsQuery(OngletCotraitance Onglet = OngletCotraitance.AAccepter, bool AussiClotures = false) : IQuery<ListeAffectations>;

public sealed class ListerAffectationsHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListerAffectationsQuery, ListeAffectations>
{
    public const int Taille = 200;

    public async ValueTask<ListeAffectations> Handle(ListerAffectationsQuery q, CancellationToken cancellationToken)
    {
        await db.VerifierGestionnaireAsync(user, cancellationToken);
        var comptes = (await db.AffectationsFt.AsNoTracking()
                .Where(a => a.Etat == EtatAffectation.AAccepter || a.Etat == EtatAffectation.Refusee || (q.AussiClotures ? a.Etat != EtatAffectation.AAccepter : CycleAffectation.EnCours.Contains(a.Etat)))
                .GroupBy(a => new { a.Etat, a.Liste }).Select(g => new { g.Key.Etat, g.Key.Liste, N = g.Count() }).ToListAsync(cancellationToken))
            .GroupBy(x => Onglet(x.Etat, x.Liste)).ToDictionary(g => g.Key, g => g.Sum(x => x.N));
        foreach (var o in Enum.GetValues<OngletCotraitance>())
        {
            comptes.TryAdd(o, 0);
        }

        var requete = db.AffectationsFt.AsNoTracking();
        requete = q.Onglet switch
        {
            OngletCotraitance.AAccepter => requete.Where(a => a.Etat == EtatAffectation.AAccepter),
            OngletCotraitance.Refusees => requete.Where(a => a.Etat == EtatAffectation.Refusee),
            _ => requete.Where(a => a.Liste == Liste(q.Onglet) && (q.AussiClotures ? a.Etat != EtatAffectation.Refusee : CycleAffectation.EnCours.Contains(a.Etat))),
        };
        var lignes = await requete.OrderBy(a => a.DateAffectation).ThenBy(a => a.Nom).ThenBy(a => a.Id).Take(Taille + 1)
            .Select(a => new
            {
                A = a,
                Numero = db.Jeunes.Where(j => j.Id == a.JeuneId).Select(j => (long?)j.Numero).FirstOrDefault(),
                Conseiller = db.Utilisateurs.Where(u => u.Id == a.ConseillerId).Select(u => u.NomAffiche).FirstOrDefault(),
                Commune = db.Communes.Where(c => c.CodeInsee == a.CommuneInsee).Select(c => c.Nom).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var candidatsIds = lignes.SelectMany(l => l.A.Candidats).Distinct().ToList();
        var candidats = candidatsIds.Count == 0 ? [] : await db.Jeunes.AsNoTracking().Where(j => candidatsIds.Contains(j.Id))
            .Select(j => new DossierPropose(j.Id, j.Numero, j.NomUsage, j.Prenom, j.DateNaissance, j.IdentifiantFt)).ToDictionaryAsync(j => j.JeuneId, cancellationToken);
        var territoire = q.Onglet == OngletCotraitance.AAccepter ? await db.TerritoireAsync(user.StructureId, lignes.Select(l => l.A.CommuneInsee), cancellationToken) : new HashSet<string>();
        var age = await db.AgeLimiteAsync(clock.Aujourdhui(), cancellationToken);
        return new ListeAffectations(q.Onglet, comptes, lignes.Take(Taille).Select(l => new LigneAffectationFt(
            l.A.Id, l.A.Version, l.A.IdentifiantFt, l.A.Nom, l.A.Prenom, l.A.DateNaissance, l.A.CommuneInsee, l.Commune, l.A.DateAffectation, l.A.Etat, CycleAffectation.Table.Libelle(l.A.Etat),
            q.Onglet == OngletCotraitance.AAccepter ? l.A.MotifsDeRefus(territoire, age).Select(Ppae01MotifRefus.Libelle).ToList() : [],
            l.A.MotifRefus is { } m ? Ppae01MotifRefus.Libelle(m) : null, l.A.JeuneId, l.Numero,
            AffectationFt.Libelle(l.A.Marque), l.Conseiller,
            l.A.Etat == EtatAffectation.ARapprocher ? l.A.Candidats.Where(candidats.ContainsKey).Select(c => candidats[c]).ToList() : [])).ToList(), lignes.Count > Taille);
    }

    private static OngletCotraitance Onglet(EtatAffectation etat, ListeCotraitance? liste) => etat switch
    {
        EtatAffectation.AAccepter => OngletCotraitance.AAccepter,
        EtatAffectation.Refusee => OngletCotraitance.Refusees,
        _ => liste switch
        {
            ListeCotraitance.DeNonConnus => OngletCotraitance.DeNonConnus,
            ListeCotraitance.RapprochementsPossibles => OngletCotraitance.RapprochementsPossibles,
            _ => OngletCotraitance.Reaffectations,
        },
    };

    private static ListeCotraitance Liste(OngletCotraitance o) => o switch
    {
        OngletCotraitance.DeNonConnus => ListeCotraitance.DeNonConnus,
        OngletCotraitance.RapprochementsPossibles => ListeCotraitance.RapprochementsPossibles,
        _ => ListeCotraitance.ReaffectationsFranceTravail,
    };
}
