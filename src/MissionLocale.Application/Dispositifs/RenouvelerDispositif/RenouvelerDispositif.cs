using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Dispositifs.RenouvelerDispositif;

/// <summary>DISP-04: renewal according to the type's policy (RE-02, DIAG-02, PACEA-04, CEJ-07).</summary>
[Requires(Droit.GererDispositifs)]
public sealed record RenouvelerDispositifCommand(Guid DispositifId, int Version, DateOnly NouvelleFinPrevue) : ICommand<int>, ITransactional;

public sealed class RenouvelerDispositifHandler(IAppDbContext db) : ICommandHandler<RenouvelerDispositifCommand, int>
{
    public async ValueTask<int> Handle(RenouvelerDispositifCommand c, CancellationToken cancellationToken)
    {
        var d = await db.Dispositifs.AVersionAsync(c.DispositifId, c.Version, "Dispositif introuvable.", cancellationToken);

        var type = (await db.TypeValideLeAsync(d.TypeCode, d.DateDebut, cancellationToken))!;
        d.Renouveler(c.NouvelleFinPrevue, type);
        await db.SaveChangesAsync(cancellationToken);
        return d.Version;
    }
}
