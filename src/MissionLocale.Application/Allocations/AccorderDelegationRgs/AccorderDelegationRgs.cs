using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.AccorderDelegationRgs;

/// <summary>ALLOC-13: an administrator delegates the RGS certificate to a validator of the structure, for dates.</summary>
[Requires(Droit.GererDelegationsRgs)]
public sealed record AccorderDelegationRgsCommand(Guid UtilisateurId, string Certificat, DateOnly Du, DateOnly Au) : ICommand<Guid>, ITransactional;

public sealed class AccorderDelegationRgsValidator : AbstractValidator<AccorderDelegationRgsCommand>
{
    public AccorderDelegationRgsValidator()
    {
        RuleFor(x => x.UtilisateurId).NotEmpty().WithMessage("Choisissez le validateur.");
        RuleFor(x => x.Certificat).NotEmpty().WithMessage("Indiquez la référence du certificat RGS délégué.").MaximumLength(100).WithMessage("La référence du certificat ne dépasse pas 100 caractères.");
        RuleFor(x => x.Au).GreaterThanOrEqualTo(x => x.Du).WithMessage("La fin de la délégation précède son début.");
    }
}

public sealed class AccorderDelegationRgsHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AccorderDelegationRgsCommand, Guid>
{
    public async ValueTask<Guid> Handle(AccorderDelegationRgsCommand c, CancellationToken cancellationToken)
    {
        var profil = await db.Utilisateurs.Where(u => u.Id == c.UtilisateurId && u.Actif).Select(u => (Profil?)u.Profil).SingleOrDefaultAsync(cancellationToken);
        ReglesAllocation.VerifierDelegataire(profil == Profil.ValidateurSiege);

        var d = new DelegationRgs(user.StructureId, c.UtilisateurId, c.Certificat.Trim(), c.Du, c.Au, user.UtilisateurId, clock.GetUtcNow());
        db.DelegationsRgs.Add(d);
        await db.SaveChangesAsync(cancellationToken);
        return d.Id;
    }
}
