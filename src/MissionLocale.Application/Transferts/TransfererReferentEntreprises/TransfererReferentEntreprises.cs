using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Transferts.GererTransferts;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Transferts.TransfererReferentEntreprises;

/// <summary>USR-09: the companies followed by A (all, or the selected ones) get B as référent, all or nothing.</summary>
[Requires(Droit.TransfererEnMasse)]
public sealed record TransfererReferentEntreprisesCommand(Guid DepuisId, Guid VersId, IReadOnlyList<Guid>? EntrepriseIds = null) : ICommand<int>, ITransactional;

public sealed class TransfererReferentEntreprisesValidator : AbstractValidator<TransfererReferentEntreprisesCommand>
{
    public TransfererReferentEntreprisesValidator()
    {
        RuleFor(x => x.DepuisId).NotEmpty().WithMessage("Choisissez le référent qui cède ses entreprises.");
        RuleFor(x => x.VersId).NotEmpty().WithMessage("Choisissez le référent qui les reprend.");
    }
}

public sealed class TransfererReferentEntreprisesHandler(IAppDbContext db) : ICommandHandler<TransfererReferentEntreprisesCommand, int>
{
    public async ValueTask<int> Handle(TransfererReferentEntreprisesCommand c, CancellationToken cancellationToken) =>
        await TransfertReferent.ExecuterAsync(db, db.Entreprises, e => e.ReferentId, c.DepuisId, c.VersId, c.EntrepriseIds, "une entreprise dans une autre entreprise", "entreprises", cancellationToken);
}
