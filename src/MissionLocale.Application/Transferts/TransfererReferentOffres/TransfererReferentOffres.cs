using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
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
    public async ValueTask<int> Handle(TransfererReferentOffresCommand c, CancellationToken cancellationToken)
    {
        if (await db.Offres.AnyAsync(o => o.Id == c.VersId, cancellationToken))
        {
            ReglesComptes.VerifierPasDeFusion("une offre de service dans une autre offre");
        }

        ReglesComptes.VerifierTransfert(c.DepuisId, c.VersId, await db.Utilisateurs.AnyAsync(u => u.Id == c.VersId && u.Actif, cancellationToken));
        await db.VerrouillerAsync("USR-08:" + c.VersId, cancellationToken);
        var selection = db.Offres.Where(o => o.ReferentId == c.DepuisId);
        if (c.OffreIds is { Count: > 0 } ids)
        {
            selection = selection.Where(o => ids.Contains(o.Id));
        }

        var n = await selection.ExecuteUpdateAsync(s => s.SetProperty(o => o.ReferentId, c.VersId), cancellationToken);
        if (c.OffreIds is { Count: > 0 })
        {
            ReglesComptes.VerifierToutTransfere(c.OffreIds.Distinct().Count(), n, "offres");
        }

        return n;
    }
}
