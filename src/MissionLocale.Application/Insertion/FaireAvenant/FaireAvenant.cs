using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Insertion.FaireAvenant;

/// <summary>CER-07: an avenant to a validated CER, its details and actions copied (answers its id); after a sanction it goes to the département (CER-06).</summary>
[Requires(Droit.GererRsa)]
public sealed record FaireAvenantCommand(Guid CerId, int Version, DateOnly? Debut, int? DureeMois, bool ApresSanction) : ICommand<Guid>, ITransactional;

public sealed class FaireAvenantValidator : AbstractValidator<FaireAvenantCommand>
{
    public FaireAvenantValidator()
    {
        RuleFor(x => x.Debut).NotEmpty().WithMessage("La date de début de l'avenant est obligatoire.");
        RuleFor(x => x.DureeMois).NotEmpty().WithMessage("La durée de l'avenant est obligatoire.");
    }
}

public sealed class FaireAvenantHandler(IAppDbContext db) : ICommandHandler<FaireAvenantCommand, Guid>
{
    public async ValueTask<Guid> Handle(FaireAvenantCommand c, CancellationToken cancellationToken)
    {
        // The amended CER is read at its version: an avenant is decided on the contract the référent saw.
        var cer = await db.Cers.AVersionAsync(c.CerId, c.Version, Rsa.Introuvable, cancellationToken);
        var avenant = cer.Avenant(c.Debut!.Value, c.DureeMois!.Value, c.ApresSanction);
        db.Cers.Add(avenant);
        await db.SaveChangesAsync(cancellationToken);
        return avenant.Id;
    }
}
