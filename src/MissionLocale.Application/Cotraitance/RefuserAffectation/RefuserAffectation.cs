using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Cotraitance;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Cotraitance.RefuserAffectation;

/// <summary>PPAE-01: refuses an assignment with the motive that applies (26 or older, commune outside the territory).</summary>
[Requires(Droit.GererCotraitance)]
public sealed record RefuserAffectationCommand(Guid AffectationId, int Version, MotifRefusAffectation? Motif) : ICommand<Unit>, ITransactional;

public sealed class RefuserAffectationHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RefuserAffectationCommand, Unit>
{
    public async ValueTask<Unit> Handle(RefuserAffectationCommand c, CancellationToken cancellationToken)
    {
        await db.VerifierGestionnaireAsync(user, cancellationToken);
        var a = await db.AffectationsFt.AVersionAsync(c.AffectationId, c.Version, "Affectation introuvable dans votre Mission Locale.", cancellationToken);
        a.Refuser(c.Motif is { } m && Enum.IsDefined(m) ? m : null, await db.TerritoireAsync(user.StructureId, [a.CommuneInsee], cancellationToken),
            await db.AgeLimiteAsync(clock.Aujourdhui(), cancellationToken), user.UtilisateurId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
