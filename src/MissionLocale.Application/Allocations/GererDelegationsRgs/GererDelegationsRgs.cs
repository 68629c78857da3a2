using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.GererDelegationsRgs;

public sealed record DelegationDto(Guid Id, Guid UtilisateurId, string Utilisateur, string Certificat, DateOnly Du, DateOnly Au, DateOnly? RevoqueeLe, bool Active);

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

/// <summary>ALLOC-13: a delegation ends today (kept for the record).</summary>
[Requires(Droit.GererDelegationsRgs)]
public sealed record RevoquerDelegationRgsCommand(Guid DelegationId) : ICommand<Unit>, ITransactional;

public sealed class RevoquerDelegationRgsHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RevoquerDelegationRgsCommand, Unit>
{
    public async ValueTask<Unit> Handle(RevoquerDelegationRgsCommand c, CancellationToken cancellationToken)
    {
        var d = await db.DelegationsRgs.SingleOrDefaultAsync(x => x.Id == c.DelegationId, cancellationToken) ?? throw new NotFoundException("Délégation introuvable.");
        d.Revoquer(clock.Aujourdhui());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

[Requires(Droit.GererDelegationsRgs)]
public sealed record ListerDelegationsRgsQuery : IQuery<IReadOnlyList<DelegationDto>>;

public sealed class ListerDelegationsRgsHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ListerDelegationsRgsQuery, IReadOnlyList<DelegationDto>>
{
    public async ValueTask<IReadOnlyList<DelegationDto>> Handle(ListerDelegationsRgsQuery q, CancellationToken cancellationToken)
    {
        var jour = clock.Aujourdhui();
        var liste = await db.DelegationsRgs.AsNoTracking().OrderByDescending(d => d.Au).ToListAsync(cancellationToken);
        var noms = await db.Utilisateurs.Select(u => new { u.Id, u.Prenom, u.Nom }).ToDictionaryAsync(u => u.Id, u => $"{u.Prenom} {u.Nom}", cancellationToken);
        return liste.Select(d => new DelegationDto(d.Id, d.UtilisateurId, noms.GetValueOrDefault(d.UtilisateurId, "—"), d.Certificat, d.Du, d.Au, d.RevoqueeLe, d.Active(jour))).ToList();
    }
}
