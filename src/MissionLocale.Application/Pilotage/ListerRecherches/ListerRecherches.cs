using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Pilotage.Common;
using MissionLocale.Domain.Pilotage;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Pilotage.ListerRecherches;

/// <summary>PIL-02: a saved search with its two counts, « Ma structure » and « Mes dossiers ».</summary>
public sealed record RechercheAvecComptes(Guid Id, int Version, string Nom, bool Partagee, bool MaRecherche, string Auteur, CriteresRecherche Criteres, int MaStructure, int MesDossiers);

/// <summary>PIL-02: my searches and those shared in my structure, with their counts (read from the reporting connection).</summary>
[Requires(Droit.RechercherJeunes)]
public sealed record ListerRecherchesQuery(bool AvecComptes = true) : IQuery<IReadOnlyList<RechercheAvecComptes>>;

/// <summary>One saved search (to open its list).</summary>
[Requires(Droit.RechercherJeunes)]
public sealed record ConsulterRechercheQuery(Guid Id) : IQuery<RechercheAvecComptes>;

public sealed class ListerRecherchesHandler(IAppDbContext db, ILectureDb lecture, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListerRecherchesQuery, IReadOnlyList<RechercheAvecComptes>>
{
    public async ValueTask<IReadOnlyList<RechercheAvecComptes>> Handle(ListerRecherchesQuery q, CancellationToken cancellationToken)
    {
        var moi = user.UtilisateurId;
        var recherches = await Visibles(db, moi).ToListAsync(cancellationToken);
        var aujourdhui = clock.Aujourdhui();
        var lignes = new List<RechercheAvecComptes>();
        foreach (var r in recherches.OrderByDescending(r => r.ProprietaireId == moi).ThenBy(r => r.Nom, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)))
        {
            var (structure, mes) = q.AvecComptes ? await CompterAsync(lecture.Db, r.Criteres, moi, aujourdhui, clock, cancellationToken) : (0, 0);
            lignes.Add(new RechercheAvecComptes(r.Id, r.Version, r.Nom, r.Partagee, r.ProprietaireId == moi, r.Auteur ?? string.Empty, r.Criteres, structure, mes));
        }

        return lignes;
    }

    /// <summary>My searches and the shared ones (or the one asked for), with their author's name; filtered before the projection so it translates.</summary>
    internal static IQueryable<RechercheVue> Visibles(IAppDbContext db, Guid moi, Guid? id = null) =>
        db.RecherchesSauvegardees.AsNoTracking().Where(r => (r.ProprietaireId == moi || r.Partagee) && (id == null || r.Id == id))
            .Select(r => new RechercheVue(r.Id, r.Version, r.Nom, r.Partagee, r.ProprietaireId, r.Criteres, db.Utilisateurs.Where(u => u.Id == r.ProprietaireId).Select(u => u.NomAffiche).FirstOrDefault()));

    internal sealed record RechercheVue(Guid Id, int Version, string Nom, bool Partagee, Guid ProprietaireId, CriteresRecherche Criteres, string? Auteur);

    /// <summary>Both counts in one statement: count(*) and count(*) FILTER (référent = me).</summary>
    internal static async Task<(int Structure, int Mes)> CompterAsync(IAppDbContext db, CriteresRecherche c, Guid moi, DateOnly aujourdhui, TimeProvider clock, CancellationToken ct)
    {
        var r = await db.Jeunes.AsNoTracking().Filtrer(c, db, aujourdhui, clock)
            .GroupBy(_ => 1)
            .Select(g => new { Structure = g.Count(), Mes = g.Count(j => j.ConseillerReferentId == moi) })
            .SingleOrDefaultAsync(ct);
        return r is null ? (0, 0) : (r.Structure, r.Mes);
    }
}

public sealed class ConsulterRechercheHandler(IAppDbContext db, ILectureDb lecture, ICurrentUser user, TimeProvider clock) : IQueryHandler<ConsulterRechercheQuery, RechercheAvecComptes>
{
    public async ValueTask<RechercheAvecComptes> Handle(ConsulterRechercheQuery q, CancellationToken cancellationToken)
    {
        var moi = user.UtilisateurId;
        var r = await ListerRecherchesHandler.Visibles(db, moi, q.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Recherche introuvable.");
        var (structure, mes) = await ListerRecherchesHandler.CompterAsync(lecture.Db, r.Criteres, moi, clock.Aujourdhui(), clock, cancellationToken);
        return new RechercheAvecComptes(r.Id, r.Version, r.Nom, r.Partagee, r.ProprietaireId == moi, r.Auteur ?? string.Empty, r.Criteres, structure, mes);
    }
}
