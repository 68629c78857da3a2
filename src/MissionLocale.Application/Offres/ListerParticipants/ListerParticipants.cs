using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Offres.GererSessions;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Offres.ListerParticipants;

/// <summary>EVT-02: the participants of a session.</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ListerParticipantsQuery(Guid SessionId) : IQuery<IReadOnlyList<ParticipantDto>>;

public sealed class ListerParticipantsHandler(IAppDbContext db) : IQueryHandler<ListerParticipantsQuery, IReadOnlyList<ParticipantDto>>
{
    public async ValueTask<IReadOnlyList<ParticipantDto>> Handle(ListerParticipantsQuery q, CancellationToken cancellationToken)
    {
        if (!await db.Sessions.AnyAsync(s => s.Id == q.SessionId, cancellationToken))
        {
            throw new NotFoundException("Session introuvable.");
        }

        return await (from p in db.Positionnements
                      join j in db.Jeunes on p.JeuneId equals j.Id
                      where p.SessionId == q.SessionId
                      orderby j.NomUsage, j.Prenom
                      select new ParticipantDto(j.Id, j.Numero, j.NomUsage, j.Prenom, p.PositionneLe, p.Present)).ToListAsync(cancellationToken);
    }
}
