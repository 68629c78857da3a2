using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Cotraitance;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Cotraitance.AnnulerRapprochement;

/// <summary>
/// PPAE-07: a « Rapproché DUDE » match is cancelled: the assignment goes back to « Rapprochements possibles », the
/// dossier loses the identifiant France Travail it received and the PPAE not initialised created for it. An « Importé
/// DUDE » dossier cannot be cancelled (repair it instead).
/// </summary>
[Requires(Droit.GererCotraitance)]
public sealed record AnnulerRapprochementCommand(Guid AffectationId, int Version) : ICommand<Unit>, ITransactional;

public sealed class AnnulerRapprochementHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AnnulerRapprochementCommand, Unit>
{
    public async ValueTask<Unit> Handle(AnnulerRapprochementCommand c, CancellationToken cancellationToken)
    {
        await db.VerifierGestionnaireAsync(user, cancellationToken);
        var a = await db.AffectationsFt.AVersionAsync(c.AffectationId, c.Version, "Affectation introuvable dans votre Mission Locale.", cancellationToken);
        var ancien = a.AnnulerRapprochement(user.UtilisateurId, clock.GetUtcNow());
        var jeune = await db.Jeunes.SingleAsync(j => j.Id == ancien, cancellationToken);
        jeune.RetirerIdentifiantFt(a.IdentifiantFt);
        var ppae = await db.Ppaes.SingleOrDefaultAsync(p => p.AffectationId == a.Id && p.JeuneId == ancien && p.Etat == EtatPpae.NonInitialise, cancellationToken);
        if (ppae is not null)
        {
            db.Ppaes.Remove(ppae);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
