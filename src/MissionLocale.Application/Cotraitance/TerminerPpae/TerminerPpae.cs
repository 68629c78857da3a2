using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs;
using MissionLocale.Domain.Cotraitance;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Cotraitance.TerminerPpae;

/// <summary>PPAE-05: the exit (déménagement, abandon, radiation…) is sent to France Travail; nothing is sent after it.</summary>
[Requires(Droit.GererDispositifs)]
public sealed record TerminerPpaeCommand(Guid PpaeId, int Version, DateOnly? DateSortie, string? Motif) : ICommand<Unit>, ITransactional;

public sealed class TerminerPpaeValidator : AbstractValidator<TerminerPpaeCommand>
{
    public TerminerPpaeValidator()
    {
        RuleFor(x => x.DateSortie).NotEmpty().WithMessage("La date de sortie est obligatoire.");
    }
}

public sealed class TerminerPpaeHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<TerminerPpaeCommand, Unit>
{
    public async ValueTask<Unit> Handle(TerminerPpaeCommand c, CancellationToken cancellationToken)
    {
        var ppae = await db.Ppaes.AVersionAsync(c.PpaeId, c.Version, "PPAE introuvable dans votre Mission Locale.", cancellationToken);
        var aujourdhui = clock.Aujourdhui();
        ppae.Terminer(c.DateSortie!.Value, c.Motif?.Trim(), await db.ParametreListeAsync(Cotraitance.CodeMotifsSortie, c.DateSortie.Value, cancellationToken), aujourdhui);
        var affectation = await db.AffectationsFt.SingleAsync(a => a.Id == ppae.AffectationId, cancellationToken);
        affectation.Suivre(CycleAffectation.Terminer);
        await db.AjouterFluxPpaeAsync(ppae, TypeFluxDude.SortiePpae, c.DateSortie.Value, ppae.MotifSortie, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
