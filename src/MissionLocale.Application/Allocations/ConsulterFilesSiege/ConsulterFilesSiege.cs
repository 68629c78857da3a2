using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.Common;
using MissionLocale.Application.Allocations.ValiderAllocations;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.ConsulterFilesSiege;

/// <summary>
/// ALLOC-13: the validators' workspace: requests counted by state and antenne, the signed CERFA to validate (scan beside
/// the data) and the submitted requests, optionally for one antenne.
/// </summary>
[Requires(Droit.ValiderAllocations)]
public sealed record ConsulterFilesSiegeQuery(Guid? AntenneId = null, int Nombre = 100) : IQuery<FilesSiege>;

public sealed class ConsulterFilesSiegeHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ConsulterFilesSiegeQuery, FilesSiege>
{
    public async ValueTask<FilesSiege> Handle(ConsulterFilesSiegeQuery q, CancellationToken cancellationToken)
    {
        var delegation = await db.DelegationRgsActiveAsync(user.UtilisateurId, clock, cancellationToken);
        var demandes = db.DemandesAllocation.AsNoTracking().Where(d => d.RemplaceeParId == null)
            .Join(db.Jeunes, d => d.JeuneId, j => j.Id, (d, j) => new { d, j })
            .Where(x => q.AntenneId == null || x.j.AntenneId == q.AntenneId);
        var compteurs = (await demandes
            .Where(x => CycleDemande.EnCours.Contains(x.d.Etat))
            .GroupBy(x => new { x.j.AntenneId, x.d.Etat }).Select(g => new { g.Key.AntenneId, g.Key.Etat, Nombre = g.Count() })
            .Join(db.Antennes, g => g.AntenneId, a => a.Id, (g, a) => new { g.AntenneId, a.Nom, g.Etat, g.Nombre })
            .ToListAsync(cancellationToken))
            .OrderBy(c => c.Nom).ThenBy(c => c.Etat).Select(c => new CompteFile(c.AntenneId, c.Nom, c.Etat, DemandeAllocation.LibelleEtat(c.Etat), c.Nombre)).ToList();

        var aValider = await demandes.Where(x => x.d.Etat == EtatDemande.Soumise)
            .Join(db.Antennes, x => x.j.AntenneId, a => a.Id, (x, a) => new { x.d, x.j, Antenne = a.Nom })
            .OrderBy(x => x.d.CreeLe).Take(q.Nombre)
            .Select(x => new { x.d.Id, x.d.JeuneId, x.j.NomUsage, x.j.Prenom, x.Antenne, x.d.TypeCode, x.d.Mois, x.d.Ressources, x.d.Montant, x.d.Nature, x.d.CreePar, x.d.Version })
            .ToListAsync(cancellationToken);
        var cerfas = await db.Cerfas.AsNoTracking().Where(c => c.Etat == EtatCerfa.Signee)
            .Join(db.Jeunes, c => c.JeuneId, j => j.Id, (c, j) => new { c, j })
            .Where(x => q.AntenneId == null || x.j.AntenneId == q.AntenneId)
            .Join(db.Antennes, x => x.j.AntenneId, a => a.Id, (x, a) => new { x.c, x.j, Antenne = a.Nom })
            .OrderBy(x => x.c.GenereLe).Take(q.Nombre)
            .Select(x => new
            {
                x.c,
                x.j.NomUsage,
                x.j.Prenom,
                x.j.DateNaissance,
                x.Antenne,
                Premiere = db.DemandesAllocation.Where(d => d.CerfaId == x.c.Id && d.Premiere && d.RemplaceeParId == null).Select(d => new { d.Id, d.Mois, d.Montant }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var noms = await db.Utilisateurs.Select(u => new { u.Id, u.NomAffiche }).ToDictionaryAsync(u => u.Id, u => u.NomAffiche, cancellationToken);
        string Nom(Guid id) => noms.TryGetValue(id, out var n) ? n : "—";
        return new FilesSiege(
            delegation,
            compteurs,
            cerfas.Select(x => new CerfaAValider(x.c.Id, x.c.JeuneId, $"{x.NomUsage} {x.Prenom}", x.DateNaissance, x.Antenne, x.c.TypeCode, x.c.Numero, x.c.DocumentId, x.c.ScanDocumentId,
                x.c.GenereLe, Nom(x.c.GenerePar), x.Premiere?.Id, x.Premiere?.Mois, x.Premiere?.Montant, x.c.Version)).ToList(),
            aValider.Select(x => new DemandeAValider(x.Id, x.JeuneId, $"{x.NomUsage} {x.Prenom}", x.Antenne, x.TypeCode, x.Mois, x.Ressources, x.Montant, x.Nature, Nom(x.CreePar), x.CreePar, x.Version)).ToList());
    }
}
