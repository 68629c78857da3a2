using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Insertion;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Insertion.OuvrirParcours;

/// <summary>CER-01: the parcours d'insertion of an RSA beneficiary, created with its empty « RSA 1er contrat » (answers the CER's id).</summary>
[Requires(Droit.GererRsa)]
public sealed record OuvrirParcoursCommand(Guid JeuneId, TypeAccompagnement TypeAccompagnement, Guid? IntervenantPrincipalId, DateOnly? DateDebut) : ICommand<Guid>, ITransactional;

public sealed class OuvrirParcoursValidator : AbstractValidator<OuvrirParcoursCommand>
{
    public OuvrirParcoursValidator(IAppDbContext db)
    {
        RuleFor(x => x.DateDebut).NotEmpty().WithMessage("La date de début est obligatoire.");
        RuleFor(x => x.IntervenantPrincipalId).UtilisateurDeLaStructure(db);
    }
}

public sealed class OuvrirParcoursHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<OuvrirParcoursCommand, Guid>
{
    public async ValueTask<Guid> Handle(OuvrirParcoursCommand c, CancellationToken cancellationToken)
    {
        await db.VerifierDossierAsync(c.JeuneId, cancellationToken);
        var (parcours, cer) = ParcoursInsertion.Ouvrir(user.StructureId, c.JeuneId, c.TypeAccompagnement, c.IntervenantPrincipalId ?? user.UtilisateurId, c.DateDebut!.Value,
            await db.ParcoursInsertion.AnyAsync(p => p.JeuneId == c.JeuneId, cancellationToken));
        db.ParcoursInsertion.Add(parcours);
        db.Cers.Add(cer);
        await db.SaveChangesAsync(cancellationToken);
        return cer.Id;
    }
}
