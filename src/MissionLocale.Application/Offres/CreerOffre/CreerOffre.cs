using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Offres;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Offres.CreerOffre;

/// <summary>EVT-02: an offre of the structure's catalogue (workshops, forums, job days, company visits...).</summary>
[Requires(Droit.GererOffres)]
public sealed record CreerOffreCommand(string DomaineCode, TypeOffre Type, string Libelle, string? Description) : ICommand<Guid>, ITransactional;

public sealed class CreerOffreValidator : AbstractValidator<CreerOffreCommand>
{
    public CreerOffreValidator(IAppDbContext db)
    {
        RuleFor(x => x.Libelle).NotEmpty().WithMessage("Le libellé de l'offre est obligatoire.").MaximumLength(200).WithMessage("Le libellé ne peut pas dépasser 200 caractères.");
        RuleFor(x => x.Description).MaximumLength(2000).WithMessage("La description ne peut pas dépasser 2000 caractères.");
        RuleFor(x => x.Type).IsInEnum().WithMessage("Type d'offre inconnu.");
        RuleFor(x => x.DomaineCode).MustAsync(async (c, ct) => await db.DomainesProposition.AnyAsync(d => d.Code == c, ct)).WithMessage("Domaine inconnu dans votre structure.");
    }
}

public sealed class CreerOffreHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<CreerOffreCommand, Guid>
{
    public async ValueTask<Guid> Handle(CreerOffreCommand c, CancellationToken cancellationToken)
    {
        var offre = new OffreDeService(user.StructureId, c.DomaineCode, c.Type, c.Libelle, c.Description, user.UtilisateurId);
        db.Offres.Add(offre);
        await db.SaveChangesAsync(cancellationToken);
        return offre.Id;
    }
}

public sealed record SessionDto(Guid Id, DateTimeOffset Debut, int DureeMinutes, string Lieu, int Capacite, int Inscrits);

public sealed record OffreDto(Guid Id, string DomaineCode, TypeOffre Type, string Libelle, string? Description, bool Active, IReadOnlyList<SessionDto> Sessions);

/// <summary>The structure's catalogue with the sessions to come.</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ListerOffresQuery(bool SessionsPassees = false) : IQuery<IReadOnlyList<OffreDto>>;

public sealed class ListerOffresHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ListerOffresQuery, IReadOnlyList<OffreDto>>
{
    public async ValueTask<IReadOnlyList<OffreDto>> Handle(ListerOffresQuery q, CancellationToken cancellationToken)
    {
        var depuis = q.SessionsPassees ? DateTimeOffset.MinValue : clock.GetUtcNow().AddDays(-1);
        return await db.Offres.AsNoTracking().OrderBy(o => o.Libelle)
            .Select(o => new OffreDto(o.Id, o.DomaineCode, o.Type, o.Libelle, o.Description, o.Active,
                o.Sessions.Where(s => s.Debut >= depuis).OrderBy(s => s.Debut)
                    .Select(s => new SessionDto(s.Id, s.Debut, s.DureeMinutes, s.Lieu, s.Capacite, s.Inscrits)).ToList()))
            .ToListAsync(cancellationToken);
    }
}
