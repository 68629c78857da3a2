using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Offres.PositionnerJeune;

/// <summary>EVT-02: positions a jeune on a session; a full session refuses (the capacity is also a database check).</summary>
[Requires(Droit.EnregistrerEvenement)]
public sealed record PositionnerJeuneCommand(Guid SessionId, Guid JeuneId) : ICommand<Unit>, ITransactional;

public sealed class PositionnerJeuneHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<PositionnerJeuneCommand, Unit>
{
    public async ValueTask<Unit> Handle(PositionnerJeuneCommand c, CancellationToken cancellationToken)
    {
        await db.VerifierDossierAsync(c.JeuneId, cancellationToken);

        // Simultaneous positionnements on one session wait for each other instead of failing on the session's version.
        await db.VerrouillerAsync($"EVT-02:session:{c.SessionId}", cancellationToken);
        var session = await db.Sessions.Include(s => s.Participants).SingleOrDefaultAsync(s => s.Id == c.SessionId, cancellationToken)
            ?? throw new NotFoundException("Session introuvable.");
        session.Positionner(c.JeuneId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
