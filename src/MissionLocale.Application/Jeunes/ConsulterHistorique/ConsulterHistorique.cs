using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Audit;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Jeunes.ConsulterHistorique;

/// <summary>RGPD-02: the dossier's history (who, when, field, old → new), newest first.</summary>
[Requires(Droit.ConsulterHistorique)]
public sealed record ConsulterHistoriqueQuery(Guid JeuneId) : IQuery<IReadOnlyList<LigneHistorique>>;

public sealed record LigneHistorique(DateTimeOffset Le, string Utilisateur, string Element, string Champ, string? AncienneValeur, string? NouvelleValeur);

public sealed class ConsulterHistoriqueHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ConsulterHistoriqueQuery, IReadOnlyList<LigneHistorique>>
{
    public async ValueTask<IReadOnlyList<LigneHistorique>> Handle(ConsulterHistoriqueQuery query, CancellationToken cancellationToken)
    {
        var jeune = await db.Jeunes.Where(j => j.Id == query.JeuneId).Select(j => new { j.Id, j.StructureId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();
        db.Consultations.Add(new ConsultationDossier(jeune.StructureId, jeune.Id, clock.GetUtcNow(), user.UtilisateurId, user.Login, "Consultation de l'historique"));
        await db.SaveChangesAsync(cancellationToken);
        var lignes = await db.Historique.AsNoTracking().Where(h => h.JeuneId == query.JeuneId)
            .OrderByDescending(h => h.Le).ThenByDescending(h => h.Id)
            .Select(h => new { h.Le, h.UtilisateurId, h.Utilisateur, h.Element, h.Champ, h.AncienneValeur, h.NouvelleValeur })
            .ToListAsync(cancellationToken);

        // Who, as a person reads it: the user's name (the login stays stored, for an account since removed).
        var ids = lignes.Where(l => l.UtilisateurId is not null).Select(l => l.UtilisateurId!.Value).Distinct().ToList();
        var noms = await db.Utilisateurs.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.NomAffiche, cancellationToken);
        return lignes.Select(l => new LigneHistorique(l.Le, l.UtilisateurId is { } id && noms.TryGetValue(id, out var nom) ? nom : l.Utilisateur,
            l.Element, l.Champ, l.AncienneValeur, l.NouvelleValeur)).ToList();
    }
}
