using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Insertion.RenouvelerCer;

/// <summary>CER-07: renewal closes the CER in force on the given date and creates the next one, empty (answers its id).</summary>
[Requires(Droit.GererRsa)]
public sealed record RenouvelerCerCommand(Guid CerId, int Version, DateOnly? Le, int? DureeMois) : ICommand<Guid>, ITransactional;

public sealed class RenouvelerCerValidator : AbstractValidator<RenouvelerCerCommand>
{
    public RenouvelerCerValidator()
    {
        RuleFor(x => x.Le).NotEmpty().WithMessage("La date de clôture du contrat en cours est obligatoire.");
        RuleFor(x => x.DureeMois).NotEmpty().WithMessage("La durée du nouveau contrat est obligatoire.");
    }
}

public sealed class RenouvelerCerHandler(IAppDbContext db) : ICommandHandler<RenouvelerCerCommand, Guid>
{
    public async ValueTask<Guid> Handle(RenouvelerCerCommand c, CancellationToken cancellationToken)
    {
        var cer = await db.Cers.AVersionAsync(c.CerId, c.Version, Rsa.Introuvable, cancellationToken);
        var suivant = cer.Renouveler(c.Le!.Value, c.DureeMois!.Value);
        db.Cers.Add(suivant);
        await db.SaveChangesAsync(cancellationToken);
        return suivant.Id;
    }
}
