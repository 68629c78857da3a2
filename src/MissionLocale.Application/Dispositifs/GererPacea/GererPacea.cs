using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.OuvrirDispositif;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Dispositifs.GererPacea;

public sealed record PhaseDto(Guid Id, int Numero, string Objectifs, DateOnly DateDebut, DateOnly DateFinPrevue, DateOnly? DateFin, int Prolongations, DecisionBilan? Decision, DateOnly? DateBilan, string? Resultat);

/// <summary>A PACEA's plan d'action (PACEA-05) and its entry/exit records (PACEA-09).</summary>
public sealed record PaceaDto(Guid DispositifId, int Version, DateOnly DateDebut, DateOnly DateFinPrevue, DateOnly? DateFinReelle, DateOnly FinMaximale, IReadOnlyList<PhaseDto> Phases, ReleveParcours? Entree, ReleveParcours? Sortie);

[Requires(Droit.ConsulterDossier)]
public sealed record ConsulterPaceaQuery(Guid DispositifId) : IQuery<PaceaDto>;

public sealed class ConsulterPaceaHandler(IAppDbContext db) : IQueryHandler<ConsulterPaceaQuery, PaceaDto>
{
    public async ValueTask<PaceaDto> Handle(ConsulterPaceaQuery q, CancellationToken cancellationToken)
    {
        var d = await db.Dispositifs.AsNoTracking().Include(x => x.Phases).SingleOrDefaultAsync(x => x.Id == q.DispositifId && x.TypeCode == CodeDispositif.Pacea, cancellationToken)
            ?? throw new NotFoundException("PACEA introuvable.");
        var type = (await db.TypeValideLeAsync(d.TypeCode, d.DateDebut, cancellationToken))!;
        return new PaceaDto(d.Id, d.Version, d.DateDebut, d.DateFinPrevue, d.DateFinReelle, d.FinMaximale(type),
            d.Phases.OrderBy(p => p.Numero).Select(p => new PhaseDto(p.Id, p.Numero, p.Objectifs, p.DateDebut, p.DateFinPrevue, p.DateFin, p.Prolongations, p.Decision, p.DateBilan, p.Resultat)).ToList(),
            d.ReleveEntree, d.ReleveSortie);
    }
}

/// <summary>PACEA-05: a phase of the plan d'action with its objectives.</summary>
[Requires(Droit.GererDispositifs)]
public sealed record OuvrirPhasePaceaCommand(Guid DispositifId, int Version, string Objectifs, DateOnly DateDebut, DateOnly DateFinPrevue) : ICommand<Guid>, ITransactional;

public sealed class OuvrirPhasePaceaValidator : AbstractValidator<OuvrirPhasePaceaCommand>
{
    public OuvrirPhasePaceaValidator()
    {
        RuleFor(x => x.Objectifs).NotEmpty().WithMessage("Décrivez les objectifs de la phase (PACEA-05).").MaximumLength(1000).WithMessage("Les objectifs ne peuvent pas dépasser 1000 caractères.");
        RuleFor(x => x.DateFinPrevue).GreaterThanOrEqualTo(x => x.DateDebut).WithMessage("La fin prévue de la phase ne peut pas précéder son début.");
    }
}

public sealed class OuvrirPhasePaceaHandler(IAppDbContext db) : ICommandHandler<OuvrirPhasePaceaCommand, Guid>
{
    public async ValueTask<Guid> Handle(OuvrirPhasePaceaCommand c, CancellationToken cancellationToken)
    {
        var (d, type, titre) = await db.ChargerPaceaAsync(c.DispositifId, c.Version, cancellationToken);
        var phase = d.OuvrirPhase(c.Objectifs, c.DateDebut, c.DateFinPrevue, type, titre);
        db.PhasesPacea.Add(phase);
        await db.SaveChangesAsync(cancellationToken);
        return phase.Id;
    }
}

/// <summary>PACEA-05: a phase end date may be extended.</summary>
[Requires(Droit.GererDispositifs)]
public sealed record ProlongerPhasePaceaCommand(Guid DispositifId, int Version, Guid PhaseId, DateOnly NouvelleFin) : ICommand<int>, ITransactional;

public sealed class ProlongerPhasePaceaHandler(IAppDbContext db) : ICommandHandler<ProlongerPhasePaceaCommand, int>
{
    public async ValueTask<int> Handle(ProlongerPhasePaceaCommand c, CancellationToken cancellationToken)
    {
        var (d, type, titre) = await db.ChargerPaceaAsync(c.DispositifId, c.Version, cancellationToken);
        d.ProlongerPhase(c.PhaseId, c.NouvelleFin, type, titre);
        await db.SaveChangesAsync(cancellationToken);
        return d.Version;
    }
}

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

/// <summary>PACEA-09: corrects the entry or exit record (the housing, above all, which the dossier does not hold).</summary>
[Requires(Droit.GererDispositifs)]
public sealed record ModifierRelevePaceaCommand(Guid DispositifId, int Version, bool Sortie, string NiveauCep, string Situation, string Logement, string Mobilite, string CouvertureSociale) : ICommand<int>, ITransactional;

public sealed class ModifierRelevePaceaValidator : AbstractValidator<ModifierRelevePaceaCommand>
{
    public ModifierRelevePaceaValidator()
    {
        foreach (var champ in new System.Linq.Expressions.Expression<Func<ModifierRelevePaceaCommand, string>>[] { x => x.NiveauCep, x => x.Situation, x => x.Logement, x => x.Mobilite, x => x.CouvertureSociale })
        {
            RuleFor(champ).NotEmpty().WithMessage("Ce champ du relevé est obligatoire (PACEA-09).").MaximumLength(200).WithMessage("Ce champ ne peut pas dépasser 200 caractères.");
        }
    }
}

public sealed class ModifierRelevePaceaHandler(IAppDbContext db) : ICommandHandler<ModifierRelevePaceaCommand, int>
{
    public async ValueTask<int> Handle(ModifierRelevePaceaCommand c, CancellationToken cancellationToken)
    {
        var (d, _, _) = await db.ChargerPaceaAsync(c.DispositifId, c.Version, cancellationToken);
        ReglesDispositif.VerifierReleve(d, c.Sortie);

        d.CorrigerReleve(new ReleveParcours(c.NiveauCep.Trim(), c.Situation.Trim(), c.Logement.Trim(), c.Mobilite.Trim(), c.CouvertureSociale.Trim()), c.Sortie);
        await db.SaveChangesAsync(cancellationToken);
        return d.Version;
    }
}

internal static class PaceaQueries
{
    /// <summary>The PACEA with its phases at the client's version, the type valid at its start, and the titre de séjour's end (PACEA-03).</summary>
    public static async Task<(Dispositif Pacea, TypeDispositif Type, DateOnly? FinTitre)> ChargerPaceaAsync(this IAppDbContext db, Guid id, int version, CancellationToken ct)
    {
        var d = await db.Dispositifs.Include(x => x.Phases).SingleOrDefaultAsync(x => x.Id == id && x.TypeCode == CodeDispositif.Pacea, ct)
            ?? throw new NotFoundException("PACEA introuvable.");
        if (d.Version != version)
        {
            throw new ConcurrencyConflictException();
        }

        var type = (await db.TypeValideLeAsync(d.TypeCode, d.DateDebut, ct))!;
        var titre = await db.Jeunes.Where(j => j.Id == d.JeuneId && j.Nationalite == Nationalite.HorsUe).Select(j => j.FinTitreSejour).FirstOrDefaultAsync(ct);
        return (d, type, titre);
    }
}
