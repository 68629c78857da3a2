using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Cursus;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Cursus.ConclureFormation;

/// <summary>
/// CUR-03: the result of a formation situation. "Obtenu" adds the validation préparée, with its level, to the cursus
/// (once); turning it into "Échec" takes that diploma out again. The niveau de qualification follows (CUR-05).
/// </summary>
[Requires(Droit.EnregistrerEvenement)]
public sealed record ConclureFormationCommand(Guid SituationId, ResultatFormation Resultat, DateOnly Date) : ICommand<DossierModifie>, ITransactional;

public sealed class ConclureFormationValidator : AbstractValidator<ConclureFormationCommand>
{
    public ConclureFormationValidator(TimeProvider clock)
    {
        RuleFor(x => x.Resultat).IsInEnum().WithMessage("Le résultat est obligatoire : Obtenu ou Échec.");
        RuleFor(x => x.Date).NotEmpty().WithMessage("La date du résultat est obligatoire.")
            .Must(d => d <= clock.Aujourdhui()).WithMessage("La date du résultat ne peut pas être dans le futur.");
    }
}

public sealed class ConclureFormationHandler(IAppDbContext db) : ICommandHandler<ConclureFormationCommand, DossierModifie>
{
    public async ValueTask<DossierModifie> Handle(ConclureFormationCommand c, CancellationToken cancellationToken)
    {
        var situation = await db.Situations.SingleOrDefaultAsync(s => s.Id == c.SituationId, cancellationToken) ?? throw new NotFoundException("Situation introuvable.");
        var jeune = await db.ChargerDossierAsync(situation.JeuneId, cancellationToken);
        situation.Conclure(c.Resultat, c.Date);
        if (c.Resultat == ResultatFormation.Obtenu)
        {
            jeune.AjouterDiplome(situation.ValidationPreparee!, situation.NiveauValidation!.Value, c.Date.Year, null, situation.Id);
        }
        else
        {
            jeune.RetirerDiplome(null, situation.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new DossierModifie(jeune.Id, jeune.Version);
    }
}
