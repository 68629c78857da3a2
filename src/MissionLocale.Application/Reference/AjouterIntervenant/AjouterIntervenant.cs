using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Reference.AjouterIntervenant;

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
