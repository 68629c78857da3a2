using FluentValidation;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;

namespace MissionLocale.Application.Accueil.EnregistrerPremierAccueil;

public sealed class EnregistrerPremierAccueilValidator : AbstractValidator<EnregistrerPremierAccueilCommand>
{
    public EnregistrerPremierAccueilValidator(IAppDbContext db, TimeProvider clock)
    {
        Include(new IdentiteRules<EnregistrerPremierAccueilCommand>(db, clock));
        Include(new ContactsRules<EnregistrerPremierAccueilCommand>());
        When(x => !x.EstVide(), () => Include(new AdresseRules<EnregistrerPremierAccueilCommand>(db)));
        RuleFor(x => x.ConsentementRgpd).Equal(true)
            .WithMessage("Le consentement du jeune au traitement de ses données doit être recueilli (RGPD-01).");
        RuleFor(x => x.DureeEntretienMinutes).InclusiveBetween(5, 480)
            .WithMessage("La durée de l'entretien est comprise entre 5 minutes et 8 heures.");
        RuleFor(x => x.CommentaireEntretien).MaximumLength(1000).WithMessage("Le commentaire ne peut pas dépasser 1000 caractères.");
    }
}
