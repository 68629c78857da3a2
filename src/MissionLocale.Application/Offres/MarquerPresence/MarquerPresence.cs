using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Offres.MarquerPresence;

/// <summary>EVT-02: attendance of a participant.</summary>
[Requires(Droit.EnregistrerEvenement)]
public sealed record MarquerPresenceCommand(Guid SessionId, Guid JeuneId, bool Present) : ICommand<Unit>, ITransactional;

public sealed class MarquerPresenceHandler(IAppDbContext db) : ICommandHandler<MarquerPresenceCommand, Unit>
{
    public async ValueTask<Unit> Handle(MarquerPresenceCommand c, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.Include(s => s.Participants).SingleOrDefaultAsync(s => s.Id == c.SessionId, cancellationToken)
            ?? throw new NotFoundException("Session introuvable.");
        session.MarquerPresence(c.JeuneId, c.Present);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
