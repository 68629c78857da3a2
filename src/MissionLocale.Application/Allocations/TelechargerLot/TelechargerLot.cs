using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.TelechargerLot;

/// <summary>ALLOC-11: the file of a sent batch, exactly as it was sent.</summary>
[Requires(Droit.ValiderAllocations)]
public sealed record TelechargerLotQuery(Guid LotId) : IQuery<(string Nom, byte[] Contenu)>;

public sealed class TelechargerLotHandler(IAppDbContext db) : IQueryHandler<TelechargerLotQuery, (string Nom, byte[] Contenu)>
{
    public async ValueTask<(string Nom, byte[] Contenu)> Handle(TelechargerLotQuery q, CancellationToken cancellationToken)
    {
        var lot = await db.LotsAsp.AsNoTracking().Where(l => l.Id == q.LotId).Select(l => new { l.NomFichier, l.Fichier }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Lot introuvable.");
        return (lot.NomFichier!, ReglesAllocation.FichierDuLot(lot.Fichier));
    }
}
