using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.GererParrainage;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Dispositifs.EnregistrerActionParrainage;

/// <summary>PARR-03: an action of the parrainage, professional domain only.</summary>
[Requires(Droit.GererDispositifs)]
public sealed record EnregistrerActionParrainageCommand(Guid DispositifId, int Version, DateOnly Date, string DomaineCode, string Libelle) : ICommand<int>, ITransactional;

public sealed class EnregistrerActionParrainageValidator : AbstractValidator<EnregistrerActionParrainageCommand>
{
    public EnregistrerActionParrainageValidator()
    {
        RuleFor(x => x.Libelle).NotEmpty().WithMessage("Décrivez l'action de parrainage.").MaximumLength(200).WithMessage("Le libellé ne peut pas dépasser 200 caractères.");
        RuleFor(x => x.DomaineCode).NotEmpty().WithMessage("Choisissez le domaine de l'action.");
    }
}

public sealed class EnregistrerActionParrainageHandler(IAppDbContext db) : ICommandHandler<EnregistrerActionParrainageCommand, int>
{
    public async ValueTask<int> Handle(EnregistrerActionParrainageCommand c, CancellationToken cancellationToken)
    {
        var d = await db.ChargerParrainageAsync(c.DispositifId, c.Version, cancellationToken);
        var domaines = await db.ParametreListeAsync("PARR-03.Domaines", c.Date, cancellationToken);
        db.ActionsParrainage.Add(d.AjouterActionParrainage(c.Date, c.DomaineCode, c.Libelle, domaines));
        await db.SaveChangesAsync(cancellationToken);
        return d.Version;
    }
}
