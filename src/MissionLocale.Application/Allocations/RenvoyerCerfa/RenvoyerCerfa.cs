using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.GererCerfa;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.RenvoyerCerfa;

/// <summary>
/// CERFA-05: the siège sends a signed CERFA back to the conseiller with a motive; it returns to Générée, its first
/// allocation stays Enregistrée, and the history keeps the back-and-forth.
/// </summary>
[Requires(Droit.ValiderAllocations)]
public sealed record RenvoyerCerfaCommand(Guid CerfaId, int Version, string Motif) : ICommand<CerfaDto>, ITransactional;

public sealed class RenvoyerCerfaValidator : AbstractValidator<RenvoyerCerfaCommand>
{
    public RenvoyerCerfaValidator()
    {
        RuleFor(x => x.Motif).NotEmpty().WithMessage("Le motif du renvoi est obligatoire : dites au conseiller ce qui ne va pas (scan illisible, signature manquante…).")
            .MaximumLength(Cerfa.LongueurMotifRenvoiMax).WithMessage($"Le motif ne peut pas dépasser {Cerfa.LongueurMotifRenvoiMax} caractères.");
    }
}

public sealed class RenvoyerCerfaHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RenvoyerCerfaCommand, CerfaDto>
{
    public async ValueTask<CerfaDto> Handle(RenvoyerCerfaCommand c, CancellationToken cancellationToken)
    {
        var cerfa = await db.Cerfas.AVersionAsync(c.CerfaId, c.Version, "CERFA introuvable.", cancellationToken);

        cerfa.Renvoyer(c.Motif, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var debut = await db.Dispositifs.Where(x => x.Id == cerfa.DispositifId).Select(x => x.DateDebut).SingleAsync(cancellationToken);
        return CerfaQueries.VersDto(cerfa, debut);
    }
}
