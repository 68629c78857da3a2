using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Cotraitance;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Cotraitance.ArreterPpae;

/// <summary>PPAE-04: the jeune never came or refuses: arrêt anticipé, the PPAE is deleted and France Travail informed (it may reassign).</summary>
[Requires(Droit.GererDispositifs)]
public sealed record ArreterPpaeCommand(Guid PpaeId, int Version, MotifArretPpae? Motif) : ICommand<Unit>, ITransactional;

public sealed class ArreterPpaeHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<ArreterPpaeCommand, Unit>
{
    public async ValueTask<Unit> Handle(ArreterPpaeCommand c, CancellationToken cancellationToken)
    {
        var ppae = await db.Ppaes.AVersionAsync(c.PpaeId, c.Version, "PPAE introuvable dans votre Mission Locale.", cancellationToken);
        var motif = ppae.Arreter(c.Motif);
        var affectation = await db.AffectationsFt.SingleAsync(a => a.Id == ppae.AffectationId, cancellationToken);
        affectation.Suivre(CycleAffectation.Arreter);
        await db.AjouterFluxPpaeAsync(ppae, TypeFluxDude.ArretPpae, clock.Aujourdhui(), CyclePpae.Libelle(motif), clock.GetUtcNow(), cancellationToken);
        db.Ppaes.Remove(ppae);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
