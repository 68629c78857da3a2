using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Demenagements;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Demenagements.AccepterDemenagement;

/// <summary>
/// DEM-03 to DEM-07 (proposal): the holding Mission Locale accepts; in one transaction its open dispositifs are closed
/// with « Déménagement » (unless the asking side takes them over), and the dossier with its history, événements,
/// situations, documents and rendez-vous moves; accounting records and our access log stay.
/// </summary>
[Requires(Droit.DemenagerDossiers)]
public sealed record AccepterDemenagementCommand(Guid DemandeId, int Version) : ICommand<Unit>, ITransactional;

public sealed class AccepterDemenagementHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AccepterDemenagementCommand, Unit>
{
    public async ValueTask<Unit> Handle(AccepterDemenagementCommand c, CancellationToken cancellationToken)
    {
        var demande = await db.Demenagements.Where(d => d.StructureCedanteId == user.StructureId || d.StructureDemandeuseId == user.StructureId)
            .AVersionAsync(c.DemandeId, c.Version, "Demande introuvable.", cancellationToken);
        demande.Decider(CycleDemenagement.Accepter, user.StructureId, user.UtilisateurId, user.Login, clock.GetUtcNow());

        // DEM-07: nothing of a payment is half in each structure.
        var nonReglees = CycleDemande.Table.Etats.Except(CycleDemande.Table.Finaux).ToList();
        ReglesDemenagement.VerifierAllocationsReglees(await db.DemandesAllocation.CountAsync(x => x.JeuneId == demande.JeuneId && nonReglees.Contains(x.Etat), cancellationToken));

        // DEM-04: the open dispositifs, closed today with « Déménagement », unless taken over.
        if (!demande.ReprendreDispositifs)
        {
            var aujourdhui = clock.Aujourdhui();
            foreach (var d in await db.Dispositifs.Include(x => x.Phases).Where(x => x.JeuneId == demande.JeuneId && x.DateFinReelle == null).ToListAsync(cancellationToken))
            {
                var type = (await db.TypeValideLeAsync(d.TypeCode, d.DateDebut, cancellationToken))!;
                var motif = await db.MotifsSortie.AsNoTracking().ValidesLe(aujourdhui).Where(m => m.TypeCode == d.TypeCode && m.Libelle == "Déménagement").FirstOrDefaultAsync(cancellationToken);
                ReglesDemenagement.VerifierMotifDemenagement(motif is not null, type.Libelle);
                d.Clore(aujourdhui, motif!, type, aujourdhui);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.DemenagerDossierAsync(demande, cancellationToken);
        return Unit.Value;
    }
}
