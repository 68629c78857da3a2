using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Offres.GererSessions;

/// <summary>EVT-02: a dated session of an offre, with a place and a capacity.</summary>
[Requires(Droit.GererOffres)]
public sealed record AjouterSessionCommand(Guid OffreId, DateTimeOffset Debut, int DureeMinutes, string Lieu, int Capacite) : ICommand<Guid>, ITransactional;

public sealed class AjouterSessionValidator : AbstractValidator<AjouterSessionCommand>
{
    public AjouterSessionValidator()
    {
        RuleFor(x => x.Lieu).NotEmpty().WithMessage("Le lieu de la session est obligatoire.").MaximumLength(200).WithMessage("Le lieu ne peut pas dépasser 200 caractères.");
        RuleFor(x => x.Capacite).InclusiveBetween(1, 10_000).WithMessage("La capacité est comprise entre 1 et 10 000 places.");
        RuleFor(x => x.DureeMinutes).InclusiveBetween(1, 24 * 60).WithMessage("La durée est comprise entre 1 minute et 24 heures.");
    }
}

public sealed class AjouterSessionHandler(IAppDbContext db) : ICommandHandler<AjouterSessionCommand, Guid>
{
    public async ValueTask<Guid> Handle(AjouterSessionCommand c, CancellationToken cancellationToken)
    {
        var offre = await db.Offres.SingleOrDefaultAsync(o => o.Id == c.OffreId, cancellationToken) ?? throw new NotFoundException("Offre introuvable.");
        var session = offre.AjouterSession(c.Debut, c.DureeMinutes, c.Lieu, c.Capacite);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }
}

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

public sealed record ParticipantDto(Guid JeuneId, long Numero, string Nom, string Prenom, DateTimeOffset PositionneLe, bool? Present);

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
