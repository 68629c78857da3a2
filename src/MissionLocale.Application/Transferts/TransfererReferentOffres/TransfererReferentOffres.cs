using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Transferts.GererTransferts;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Transferts.TransfererReferentOffres;

/// <summary>USR-09: the offres de service of référent A (all, or the selected ones) go to B; an offre is never poured into another offre.</summary>
[Requires(Droit.TransfererEnMasse)]
public sealed record TransfererReferentOffresCommand(Guid DepuisId, Guid VersId, IReadOnlyList<Guid>? OffreIds = null) : ICommand<int>, ITransactional;

public sealed class TransfererReferentOffresValidator : AbstractValidator<TransfererReferentOffresCommand>
{
    public TransfererReferentOffresValidator()
    {
        RuleFor(x => x.DepuisId).NotEmpty().WithMessage("Choisissez le référent qui cède ses offres.");
        RuleFor(x => x.VersId).NotEmpty().WithMessage("Choisissez le référent qui les reprend.");
    }
}

public sealed class TransfererReferentOffresHandler(IAppDbContext db) : ICommandHandler<TransfererReferentOffresCommand, int>
{
    public async ValueTask<int> Handle(TransfererReferentOffresCommand c, CancellationToken cancellationToken) =>
        await TransfertReferent.ExecuterAsync(db, db.Offres, e => e.ReferentId, c.DepuisId, c.VersId, c.OffreIds, "une offre de service dans une autre offre", "offres", cancellationToken);
}
