using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Dispositifs.ConsulterHeuresCej;

/// <summary>The weekly hours of the jeune's latest CEJ, newest week first, with the detail of what counted.</summary>
public sealed record HeuresCejDossier(Guid DispositifId, DateOnly Debut, DateOnly? Fin, decimal Seuil, IReadOnlyList<SemaineCej> Semaines);

/// <summary>CEJ-02..04 on a dossier; null when the jeune never had a CEJ.</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ConsulterHeuresCejQuery(Guid JeuneId) : IQuery<HeuresCejDossier?>;

public sealed class ConsulterHeuresCejHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ConsulterHeuresCejQuery, HeuresCejDossier?>
{
    public async ValueTask<HeuresCejDossier?> Handle(ConsulterHeuresCejQuery q, CancellationToken cancellationToken)
    {
        await db.VerifierDossierAsync(q.JeuneId, cancellationToken);

        var cej = await db.Dispositifs.AsNoTracking().Where(d => d.JeuneId == q.JeuneId && d.TypeCode == CodeDispositif.Cej)
            .OrderByDescending(d => d.DateDebut).Select(d => new { d.Id, d.DateDebut, d.DateFinReelle }).FirstOrDefaultAsync(cancellationToken);
        if (cej is null)
        {
            return null;
        }

        var aujourdhui = clock.Aujourdhui();
        var derniere = cej.DateFinReelle is { } f && f < aujourdhui ? f : aujourdhui;
        var semaines = await db.HeuresCejAsync(clock, [new PeriodeCej(q.JeuneId, cej.DateDebut, cej.DateFinReelle)],
            HeuresCej.Lundi(cej.DateDebut), HeuresCej.Lundi(derniere < cej.DateDebut ? cej.DateDebut : derniere), cancellationToken);
        var liste = semaines[q.JeuneId];
        var seuil = await db.ParametreAsync(BaremeHeuresCej.CodeSeuil, aujourdhui, cancellationToken);
        return new HeuresCejDossier(cej.Id, cej.DateDebut, cej.DateFinReelle,
            seuil is null ? 0 : decimal.Parse(seuil, System.Globalization.CultureInfo.InvariantCulture),
            liste.OrderByDescending(s => s.Lundi).ToList());
    }
}

/// <summary>A jeune of the portfolio in CEJ during the week, with the week's hours (CEJ-02).</summary>
public sealed record HeuresCejJeune(Guid JeuneId, string Nom, string Prenom, decimal Heures, bool SemaineComplete, bool SousSeuil, int NbActivites);

public sealed record HeuresCejPortefeuille(DateOnly Lundi, IReadOnlyList<HeuresCejJeune> Jeunes);

/// <summary>
/// CEJ-02: the week's hours of the conseiller's CEJ jeunes (the generalist référent stays responsible even with a CRE);
/// default week: the last complete one.
/// </summary>
[Requires(Droit.RechercherJeunes)]
public sealed record ListerHeuresCejQuery(DateOnly? Semaine = null) : IQuery<HeuresCejPortefeuille>;

public sealed class ListerHeuresCejHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListerHeuresCejQuery, HeuresCejPortefeuille>
{
    public async ValueTask<HeuresCejPortefeuille> Handle(ListerHeuresCejQuery q, CancellationToken cancellationToken)
    {
        var lundi = HeuresCej.Lundi(q.Semaine ?? clock.Aujourdhui().AddDays(-7));
        var dimanche = lundi.AddDays(6);
        var jeunes = await (
                from d in db.Dispositifs.AsNoTracking()
                join j in db.Jeunes.AsNoTracking() on d.JeuneId equals j.Id
                where d.TypeCode == CodeDispositif.Cej && j.ConseillerReferentId == user.UtilisateurId
                    && d.DateDebut <= dimanche && (d.DateFinReelle == null || d.DateFinReelle >= lundi)
                select new { j.Id, j.NomUsage, j.Prenom, d.DateDebut, d.DateFinReelle })
            .ToListAsync(cancellationToken);

        // A CEJ closed and another opened in the same week: the latest one counts.
        jeunes = jeunes.GroupBy(j => j.Id).Select(g => g.OrderByDescending(x => x.DateDebut).First()).ToList();
        var heures = await db.HeuresCejAsync(clock, jeunes.Select(j => new PeriodeCej(j.Id, j.DateDebut, j.DateFinReelle)).ToList(), lundi, lundi, cancellationToken);
        var lignes = jeunes.Select(j =>
            {
                var s = heures[j.Id].Single();
                return new HeuresCejJeune(j.Id, j.NomUsage, j.Prenom, s.Heures, s.SemaineComplete, s.SousSeuil, s.Detail.Count);
            })
            .OrderByDescending(l => l.SousSeuil).ThenBy(l => l.Heures).ThenBy(l => l.Nom, StringComparer.Ordinal)
            .ToList();
        return new HeuresCejPortefeuille(lundi, lignes);
    }
}
