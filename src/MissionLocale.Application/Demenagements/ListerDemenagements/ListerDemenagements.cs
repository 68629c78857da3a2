using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Demenagements;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Demenagements.ListerDemenagements;

/// <summary>DEM-02: the requests received (for our dossiers: the jeune's name shown) and sent (the other side's name only until accepted).</summary>
[Requires(Droit.DemenagerDossiers)]
public sealed record ListerDemenagementsQuery : IQuery<Demenagements>;

public sealed record Demenagements(IReadOnlyList<DemenagementLigne> Recues, IReadOnlyList<DemenagementLigne> Envoyees);

public sealed record DemenagementLigne(Guid Id, int Version, string AutreStructure, string? Jeune, string Motif, bool ReprendreDispositifs, string DemandeePar, DateTimeOffset DemandeeLe,
    EtatDemenagement Etat, string? MotifRefus, DateTimeOffset? DecideeLe)
{
    public string EtatLibelle => CycleDemenagement.Table.Libelle(Etat);
}

public sealed class ListerDemenagementsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListerDemenagementsQuery, Demenagements>
{
    public async ValueTask<Demenagements> Handle(ListerDemenagementsQuery q, CancellationToken cancellationToken)
    {
        var s = user.StructureId;
        var lignes = await db.Demenagements.AsNoTracking().Where(d => d.StructureCedanteId == s || d.StructureDemandeuseId == s)
            .OrderBy(d => d.Etat).ThenByDescending(d => d.DemandeeLe).Take(200)
            .Select(d => new
            {
                D = d,
                Autre = db.Structures.Where(x => x.Id == (d.StructureCedanteId == s ? d.StructureDemandeuseId : d.StructureCedanteId)).Select(x => x.Nom).First(),

                // The structure filter shows the jeune only to the side that holds the dossier now.
                Jeune = db.Jeunes.Where(j => j.Id == d.JeuneId).Select(j => j.Prenom + " " + j.NomUsage).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var parCote = lignes.ToLookup(x => x.D.StructureCedanteId == s,
            x => new DemenagementLigne(x.D.Id, x.D.Version, x.Autre, x.Jeune, x.D.Motif, x.D.ReprendreDispositifs, x.D.DemandeePar, x.D.DemandeeLe, x.D.Etat, x.D.MotifRefus, x.D.DecideeLe));
        return new Demenagements([.. parCote[true]], [.. parCote[false]]);
    }
}
