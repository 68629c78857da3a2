using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Jeunes.EnregistrerDeces;

/// <summary>JEU-07: a death exits every open dispositif with motif "Décès"; afterwards no letter or SMS goes out.</summary>
[Requires(Droit.GererDispositifs)]
public sealed record EnregistrerDecesCommand(Guid JeuneId, int Version, DateOnly Date) : ICommand<DossierModifie>, ITransactional, IModificationDossier;

public sealed class EnregistrerDecesHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<EnregistrerDecesCommand, DossierModifie>
{
    public async ValueTask<DossierModifie> Handle(EnregistrerDecesCommand c, CancellationToken cancellationToken)
    {
        var aujourdhui = clock.Aujourdhui();
        var jeune = await db.ChargerPourModificationAsync(c.JeuneId, c.Version, cancellationToken);
        jeune.EnregistrerDeces(c.Date, aujourdhui);
        var ouverts = await db.Dispositifs.Include(d => d.Phases).Where(d => d.JeuneId == c.JeuneId && d.DateFinReelle == null).ToListAsync(cancellationToken);
        foreach (var d in ouverts)
        {
            var type = (await db.TypeValideLeAsync(d.TypeCode, d.DateDebut, cancellationToken))!;
            var deces = ReglesDispositif.MotifDeces(await db.MotifsSortie.AsNoTracking().FirstOrDefaultAsync(m => m.TypeCode == d.TypeCode && m.Libelle == "Décès", cancellationToken), type);
            d.Clore(c.Date < d.DateDebut ? d.DateDebut : c.Date, deces, type, aujourdhui);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new DossierModifie(jeune.Id, jeune.Version);
    }
}
