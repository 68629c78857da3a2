using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Cotraitance;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Cotraitance.InitialiserPpae;

/// <summary>
/// PPAE-03: the PPAE becomes « En cours » with an entretien individuel since the assignment, a justified dossier and the
/// jeune's acceptance (and, for a dossier imported from France Travail, the consent RGPD-01 collected at that entretien).
/// The start goes to France Travail, and so do the événements already recorded since the (possibly backdated) entry.
/// </summary>
[Requires(Droit.GererDispositifs)]
public sealed record InitialiserPpaeCommand(Guid PpaeId, int Version, DateOnly? DateEntree, bool AcceptationJeune, bool Consentement = false) : ICommand<Unit>, ITransactional;

public sealed class InitialiserPpaeValidator : AbstractValidator<InitialiserPpaeCommand>
{
    public InitialiserPpaeValidator()
    {
        RuleFor(x => x.DateEntree).NotEmpty().WithMessage("La date d'entrée est obligatoire.");
    }
}

public sealed class InitialiserPpaeHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<InitialiserPpaeCommand, Unit>
{
    public async ValueTask<Unit> Handle(InitialiserPpaeCommand c, CancellationToken cancellationToken)
    {
        var ppae = await db.Ppaes.AVersionAsync(c.PpaeId, c.Version, "PPAE introuvable dans votre Mission Locale.", cancellationToken);
        var jeune = await db.Jeunes.SingleAsync(j => j.Id == ppae.JeuneId, cancellationToken);
        var entretien = await db.DernierEntretienDepuisAffectationAsync(clock, ppae, cancellationToken);
        ppae.Initialiser(c.DateEntree!.Value, clock.Aujourdhui(), entretien, jeune.Justifie, c.AcceptationJeune);
        jeune.RecueillirConsentement(c.Consentement, user.UtilisateurId, clock.GetUtcNow());
        var affectation = await db.AffectationsFt.SingleAsync(a => a.Id == ppae.AffectationId, cancellationToken);
        affectation.Suivre(CycleAffectation.Initialiser);
        await db.AjouterFluxPpaeAsync(ppae, TypeFluxDude.DebutPpae, c.DateEntree.Value, null, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // PPAE-05: a backdated entry: what happened since then goes to France Travail too, once.
        var entree = clock.InstantLocal(c.DateEntree.Value);
        var evenements = await db.Evenements.Include(e => e.Propositions).Where(e => e.JeuneId == ppae.JeuneId && e.Date >= entree).ToListAsync(cancellationToken);
        await db.ProduireFluxAsync(clock, evenements, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
