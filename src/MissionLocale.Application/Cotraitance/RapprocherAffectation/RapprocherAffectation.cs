using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Cotraitance;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Cotraitance.RapprocherAffectation;

/// <summary>
/// PPAE-01: the gestionnaire attaches the assignment to one of the dossiers proposed (« Rapproché DUDE »): the
/// identifiant France Travail goes onto the dossier, and a PPAE « Non initialisé » is created unless one is not yet ended.
/// </summary>
[Requires(Droit.GererCotraitance)]
public sealed record RapprocherAffectationCommand(Guid AffectationId, int Version, Guid JeuneId) : ICommand<Unit>, ITransactional;

public sealed class RapprocherAffectationHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RapprocherAffectationCommand, Unit>
{
    public async ValueTask<Unit> Handle(RapprocherAffectationCommand c, CancellationToken cancellationToken)
    {
        await db.VerifierGestionnaireAsync(user, cancellationToken);
        var a = await db.AffectationsFt.AVersionAsync(c.AffectationId, c.Version, "Affectation introuvable dans votre Mission Locale.", cancellationToken);
        var jeune = await db.Jeunes.SingleOrDefaultAsync(j => j.Id == c.JeuneId, cancellationToken) ?? throw new NotFoundException();
        a.Rapprocher(jeune.Id, user.UtilisateurId, clock.GetUtcNow());
        jeune.InscrireFranceTravail(a.IdentifiantFt);
        await AttacherPpaeAsync(db, a, jeune.Id, clock.InstantLocal(a.DateAffectation), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    /// <summary>PPAE-01 / PPAE-07: the dossier gets a PPAE « Non initialisé » for the assignment, unless it has one not yet ended.</summary>
    public static async Task AttacherPpaeAsync(IAppDbContext db, AffectationFt a, Guid jeuneId, DateTimeOffset debut, CancellationToken ct)
    {
        if (!await db.Ppaes.AnyAsync(p => p.JeuneId == jeuneId && (p.Etat == EtatPpae.NonInitialise || p.Etat == EtatPpae.EnCours), ct))
        {
            db.Ppaes.Add(Ppae.Creer(a, jeuneId, debut));
        }
    }
}
