using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.CloreDispositif;
using MissionLocale.Application.Dispositifs.GererPacea;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Dispositifs.EnregistrerBilanPhase;

/// <summary>
/// PACEA-05: the bilan de phase (entretien individuel) decides the next phase (its objectives and end are given), an
/// extension (new end), or the exit (motive of PACEA-06; the PACEA is closed in the same transaction, PACEA-09 exit record).
/// </summary>
[Requires(Droit.GererDispositifs)]
public sealed record EnregistrerBilanPhaseCommand(
    Guid DispositifId,
    int Version,
    Guid PhaseId,
    DateOnly Date,
    Guid EvenementId,
    DecisionBilan Decision,
    string? Resultat = null,
    DateOnly? NouvelleFin = null,
    string? ObjectifsPhaseSuivante = null,
    DateOnly? FinPhaseSuivante = null,
    string? MotifSortie = null,
    string? LogementSortie = null) : ICommand<int>, ITransactional;

public sealed class EnregistrerBilanPhaseValidator : AbstractValidator<EnregistrerBilanPhaseCommand>
{
    public EnregistrerBilanPhaseValidator()
    {
        RuleFor(x => x.Decision).IsInEnum().WithMessage("Choisissez la décision du bilan.");
        RuleFor(x => x.Resultat).MaximumLength(1000).WithMessage("Le résultat ne peut pas dépasser 1000 caractères.");
        RuleFor(x => x.NouvelleFin).NotNull().When(x => x.Decision == DecisionBilan.Prolongation).WithMessage("Indiquez la nouvelle fin prévue de la phase.");
        RuleFor(x => x.ObjectifsPhaseSuivante).NotEmpty().When(x => x.Decision == DecisionBilan.PhaseSuivante).WithMessage("Décrivez les objectifs de la phase suivante (PACEA-05).");
        RuleFor(x => x.FinPhaseSuivante).NotNull().When(x => x.Decision == DecisionBilan.PhaseSuivante).WithMessage("Indiquez la fin prévue de la phase suivante.");
        RuleFor(x => x.MotifSortie).NotEmpty().When(x => x.Decision == DecisionBilan.Sortie).WithMessage("Choisissez le motif de sortie du PACEA (PACEA-06).");
        RuleFor(x => x.LogementSortie).MaximumLength(100).WithMessage("Le logement ne peut pas dépasser 100 caractères.");
    }
}

public sealed class EnregistrerBilanPhaseHandler(IAppDbContext db, IMediator mediator) : ICommandHandler<EnregistrerBilanPhaseCommand, int>
{
    public async ValueTask<int> Handle(EnregistrerBilanPhaseCommand c, CancellationToken cancellationToken)
    {
        var (d, type, titre) = await db.ChargerPaceaAsync(c.DispositifId, c.Version, cancellationToken);
        var nature = await db.Evenements.Where(e => e.Id == c.EvenementId && e.JeuneId == d.JeuneId).Select(e => (NatureEvenement?)e.Nature).FirstOrDefaultAsync(cancellationToken);
        d.BilanDePhase(c.PhaseId, c.Date, c.EvenementId, nature == NatureEvenement.EntretienIndividuel, c.Decision, c.Resultat, c.NouvelleFin, type, titre);
        if (c.Decision == DecisionBilan.PhaseSuivante)
        {
            db.PhasesPacea.Add(d.OuvrirPhase(c.ObjectifsPhaseSuivante!, c.Date.AddDays(1), c.FinPhaseSuivante!.Value, type, titre));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (c.Decision == DecisionBilan.Sortie)
        {
            // The exit itself: same rules and records as a closing from the list (DISP-03, PACEA-03, PACEA-06, PACEA-09).
            await mediator.Send(new CloreDispositifCommand(d.Id, d.Version, c.Date, c.MotifSortie!, c.LogementSortie), cancellationToken);
        }

        return d.Version;
    }
}
