using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Reference.GererIntervenants;

public sealed record IntervenantDto(Guid Id, FonctionIntervenant Fonction, string Nom, Guid? UtilisateurId, bool Actif);

/// <summary>USR-07: the structure's prescripteurs or référents de dispositif (active ones for the selection lists).</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ListerIntervenantsQuery(FonctionIntervenant? Fonction = null, bool ActifsSeulement = true) : IQuery<IReadOnlyList<IntervenantDto>>;

public sealed class ListerIntervenantsHandler(IAppDbContext db) : IQueryHandler<ListerIntervenantsQuery, IReadOnlyList<IntervenantDto>>
{
    public async ValueTask<IReadOnlyList<IntervenantDto>> Handle(ListerIntervenantsQuery q, CancellationToken cancellationToken) =>
        await db.Intervenants.AsNoTracking()
            .Where(i => (q.Fonction == null || i.Fonction == q.Fonction) && (!q.ActifsSeulement || i.Actif))
            .OrderBy(i => i.Fonction).ThenBy(i => i.Nom)
            .Select(i => new IntervenantDto(i.Id, i.Fonction, i.Nom, i.UtilisateurId, i.Actif))
            .ToListAsync(cancellationToken);
}

/// <summary>USR-07: adds a user (or, for a prescripteur, a partner) to a function's table.</summary>
[Requires(Droit.GererReferentiels)]
public sealed record AjouterIntervenantCommand(FonctionIntervenant Fonction, Guid? UtilisateurId, string? Nom) : ICommand<Guid>, ITransactional;

public sealed class AjouterIntervenantValidator : AbstractValidator<AjouterIntervenantCommand>
{
    public AjouterIntervenantValidator()
    {
        RuleFor(x => x.Fonction).IsInEnum().WithMessage("Choisissez la fonction.");
        RuleFor(x => x.Nom).NotEmpty().When(x => x.UtilisateurId is null).WithMessage("Choisissez un utilisateur ou indiquez le nom du partenaire.");
        RuleFor(x => x.Nom).MaximumLength(150).WithMessage("Le nom ne peut pas dépasser 150 caractères.");
    }
}

public sealed class AjouterIntervenantHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<AjouterIntervenantCommand, Guid>
{
    public async ValueTask<Guid> Handle(AjouterIntervenantCommand c, CancellationToken cancellationToken)
    {
        var nom = c.Nom;
        if (c.UtilisateurId is { } u)
        {
            nom = ReglesDispositif.CompteActif(await db.Utilisateurs.Where(x => x.Id == u && x.Actif).Select(x => x.Prenom + " " + x.Nom).FirstOrDefaultAsync(cancellationToken));
        }

        var existant = await db.Intervenants.FirstOrDefaultAsync(
            i => i.Fonction == c.Fonction && (c.UtilisateurId != null ? i.UtilisateurId == c.UtilisateurId : i.Nom == nom!.Trim()), cancellationToken);
        if (existant is not null)
        {
            ReglesDispositif.VerifierAbsentDeLaTable(existant, c.Fonction);

            existant.Reactiver();
            await db.SaveChangesAsync(cancellationToken);
            return existant.Id;
        }

        var intervenant = new Intervenant(user.StructureId, c.Fonction, nom!, c.UtilisateurId);
        db.Intervenants.Add(intervenant);
        await db.SaveChangesAsync(cancellationToken);
        return intervenant.Id;
    }
}

/// <summary>USR-07: takes an element out of the selection lists (dispositifs already entered keep it).</summary>
[Requires(Droit.GererReferentiels)]
public sealed record RetirerIntervenantCommand(Guid Id) : ICommand<Unit>, ITransactional;

public sealed class RetirerIntervenantHandler(IAppDbContext db) : ICommandHandler<RetirerIntervenantCommand, Unit>
{
    public async ValueTask<Unit> Handle(RetirerIntervenantCommand c, CancellationToken cancellationToken)
    {
        var i = await db.Intervenants.SingleOrDefaultAsync(x => x.Id == c.Id, cancellationToken) ?? throw new NotFoundException("Intervenant introuvable.");
        i.Desactiver();
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
