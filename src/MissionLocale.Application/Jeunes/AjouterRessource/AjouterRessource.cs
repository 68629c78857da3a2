using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Jeunes.AjouterRessource;

/// <summary>JEU-08: the jeune's own resources, historised.</summary>
[Requires(Droit.ModifierDossier)]
public sealed record AjouterRessourceCommand(Guid JeuneId, int Version, TypeRessource Type, decimal MontantMensuel, DateOnly DateDebut, DateOnly? DateFin)
    : ICommand<DossierModifie>, ITransactional, IModificationDossier;

public sealed class AjouterRessourceValidator : AbstractValidator<AjouterRessourceCommand>
{
    public AjouterRessourceValidator()
    {
        RuleFor(x => x.Type).IsInEnum().WithMessage("Type de ressource inconnu.");
        RuleFor(x => x.MontantMensuel).InclusiveBetween(0m, 99_999_999.99m).WithMessage("Le montant mensuel est compris entre 0 et 99 999 999,99 €.")
            .Must(m => decimal.Round(m, 2) == m).WithMessage("Le montant a au plus 2 décimales.");
        RuleFor(x => x.DateDebut).Must(d => d != default).WithMessage("La date de début est obligatoire.");
        RuleFor(x => x.DateFin).GreaterThanOrEqualTo(x => x.DateDebut).When(x => x.DateFin is not null)
            .WithMessage("La date de fin ne peut pas précéder la date de début.");
    }
}

public sealed class AjouterRessourceHandler(IAppDbContext db) : ICommandHandler<AjouterRessourceCommand, DossierModifie>
{
    public async ValueTask<DossierModifie> Handle(AjouterRessourceCommand command, CancellationToken cancellationToken)
    {
        var jeune = await db.ChargerPourModificationAsync(command.JeuneId, command.Version, cancellationToken);
        jeune.AjouterRessource(command.Type, command.MontantMensuel, command.DateDebut, command.DateFin);
        await db.SaveChangesAsync(cancellationToken);
        return new DossierModifie(jeune.Id, jeune.Version);
    }
}
