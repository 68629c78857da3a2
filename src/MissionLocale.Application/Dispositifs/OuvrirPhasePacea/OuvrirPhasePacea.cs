using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.GererPacea;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Dispositifs.OuvrirPhasePacea;

/// <summary>PACEA-05: a phase of the plan d'action with its objectives.</summary>
[Requires(Droit.GererDispositifs)]
public sealed record OuvrirPhasePaceaCommand(Guid DispositifId, int Version, string Objectifs, DateOnly DateDebut, DateOnly DateFinPrevue) : ICommand<Guid>, ITransactional;

public sealed class OuvrirPhasePaceaValidator : AbstractValidator<OuvrirPhasePaceaCommand>
{
    public OuvrirPhasePaceaValidator()
    {
        RuleFor(x => x.Objectifs).NotEmpty().WithMessage("Décrivez les objectifs de la phase (PACEA-05).").MaximumLength(1000).WithMessage("Les objectifs ne peuvent pas dépasser 1000 caractères.");
        RuleFor(x => x.DateFinPrevue).GreaterThanOrEqualTo(x => x.DateDebut).WithMessage("La fin prévue de la phase ne peut pas précéder son début.");
    }
}

public sealed class OuvrirPhasePaceaHandler(IAppDbContext db) : ICommandHandler<OuvrirPhasePaceaCommand, Guid>
{
    public async ValueTask<Guid> Handle(OuvrirPhasePaceaCommand c, CancellationToken cancellationToken)
    {
        var (d, type, titre) = await db.ChargerPaceaAsync(c.DispositifId, c.Version, cancellationToken);
        var phase = d.OuvrirPhase(c.Objectifs, c.DateDebut, c.DateFinPrevue, type, titre);
        db.PhasesPacea.Add(phase);
        await db.SaveChangesAsync(cancellationToken);
        return phase.Id;
    }
}
