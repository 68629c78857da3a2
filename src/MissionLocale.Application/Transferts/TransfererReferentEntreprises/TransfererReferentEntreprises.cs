using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
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
    public async ValueTask<int> Handle(TransfererReferentEntreprisesCommand c, CancellationToken cancellationToken)
    {
        if (await db.Entreprises.AnyAsync(e => e.Id == c.VersId, cancellationToken))
        {
            ReglesComptes.VerifierPasDeFusion("une entreprise dans une autre entreprise");
        }

        ReglesComptes.VerifierTransfert(c.DepuisId, c.VersId, await db.Utilisateurs.AnyAsync(u => u.Id == c.VersId && u.Actif, cancellationToken));
        await db.VerrouillerAsync("USR-08:" + c.VersId, cancellationToken);
        var selection = db.Entreprises.Where(e => e.ReferentId == c.DepuisId);
        if (c.EntrepriseIds is { Count: > 0 } ids)
        {
            selection = selection.Where(e => ids.Contains(e.Id));
        }

        var n = await selection.ExecuteUpdateAsync(s => s.SetProperty(e => e.ReferentId, c.VersId).SetProperty(e => e.Version, e => e.Version + 1), cancellationToken);
        if (c.EntrepriseIds is { Count: > 0 })
        {
            ReglesComptes.VerifierToutTransfere(c.EntrepriseIds.Distinct().Count(), n, "entreprises");
        }

        return n;
    }
}
