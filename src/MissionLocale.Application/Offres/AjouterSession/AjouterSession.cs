using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Offres.AjouterSession;

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
