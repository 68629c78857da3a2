using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.Common;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.DeclarerRessources;

public sealed record RessourcesDto(Guid Id, DateOnly Mois, SaisieRessources Saisie, CalculRessources Calcul, IReadOnlyList<Guid> Justificatifs, int Version);

/// <summary>
/// ALLOC-08..10: the resources of a month (M-1) with their supporting documents (documents of the dossier). Declaring
/// the same month again corrects it (optimistic concurrency on <see cref="Version"/>); one declaration per jeune and month.
/// </summary>
[Requires(Droit.GererDispositifs)]
public sealed record DeclarerRessourcesCommand(Guid JeuneId, DateOnly Mois, SaisieRessources Saisie, IReadOnlyList<Guid>? Justificatifs = null, int? Version = null) : ICommand<RessourcesDto>, ITransactional;

public sealed class DeclarerRessourcesValidator : AbstractValidator<DeclarerRessourcesCommand>
{
    public DeclarerRessourcesValidator(TimeProvider clock)
    {
        RuleFor(x => x.Mois).Must(m => new DateOnly(m.Year, m.Month, 1) <= clock.Aujourdhui()).WithMessage("Les ressources se déclarent pour un mois écoulé ou en cours (le mois M-1 de l'allocation).");
        RuleFor(x => x.Saisie).NotNull().WithMessage("Saisissez les ressources du mois.");

        // Each amount of a month is bounded, so their sum always fits the total (numeric(10,2)): no overflow, no 500.
        foreach (var (champ, montant) in new (string, Func<SaisieRessources, decimal?>)[]
                 {
                     (nameof(SaisieRessources.NetAPayer), s => s.NetAPayer), (nameof(SaisieRessources.AvanceHorsNet), s => s.AvanceHorsNet),
                     (nameof(SaisieRessources.RevenuEcologique), s => s.RevenuEcologique), (nameof(SaisieRessources.RemunerationStagiaire), s => s.RemunerationStagiaire),
                     (nameof(SaisieRessources.ChiffreAffaires), s => s.ChiffreAffaires), (nameof(SaisieRessources.AutresRessources), s => s.AutresRessources),
                     (nameof(SaisieRessources.AllocationCejRecue), s => s.AllocationCejRecue),
                 })
        {
            RuleFor(x => montant(x.Saisie)).InclusiveBetween(0m, MontantMaximal).When(x => x.Saisie is not null)
                .WithName(champ).OverridePropertyName($"{nameof(DeclarerRessourcesCommand.Saisie)}.{champ}")
                .WithMessage("Saisissez un montant entre 0,00 € et 99 999,99 €.");
        }
    }

    public const decimal MontantMaximal = 99_999.99m;
}

public sealed class DeclarerRessourcesHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<DeclarerRessourcesCommand, RessourcesDto>
{
    public async ValueTask<RessourcesDto> Handle(DeclarerRessourcesCommand c, CancellationToken cancellationToken)
    {
        await db.VerifierDossierAsync(c.JeuneId, cancellationToken);

        var mois = new DateOnly(c.Mois.Year, c.Mois.Month, 1);
        var justificatifs = (c.Justificatifs ?? []).Distinct().ToList();
        ReglesAllocation.VerifierJustificatifs(justificatifs.Count,
            justificatifs.Count == 0 ? 0 : await db.Documents.CountAsync(d => justificatifs.Contains(d.Id) && d.JeuneId == c.JeuneId, cancellationToken));

        var declaration = await db.DeclarationsRessources.SingleOrDefaultAsync(d => d.JeuneId == c.JeuneId && d.Mois == mois, cancellationToken);
        if (declaration is null)
        {
            declaration = new DeclarationRessources(user.StructureId, c.JeuneId, mois);
            db.DeclarationsRessources.Add(declaration);
        }
        else if (c.Version != declaration.Version)
        {
            throw new ConcurrencyConflictException();
        }

        var calcul = declaration.Declarer(c.Saisie, await db.BaremeRessourcesAsync(mois, cancellationToken), justificatifs);
        await db.SaveChangesAsync(cancellationToken);
        return new RessourcesDto(declaration.Id, mois, declaration.Saisie, calcul, declaration.Justificatifs, declaration.Version);
    }
}

/// <summary>The declared months of a dossier, newest first, with their calculation.</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ListerRessourcesQuery(Guid JeuneId) : IQuery<IReadOnlyList<RessourcesDto>>;

public sealed class ListerRessourcesHandler(IAppDbContext db) : IQueryHandler<ListerRessourcesQuery, IReadOnlyList<RessourcesDto>>
{
    public async ValueTask<IReadOnlyList<RessourcesDto>> Handle(ListerRessourcesQuery q, CancellationToken cancellationToken)
    {
        await db.VerifierDossierAsync(q.JeuneId, cancellationToken);

        var declarations = await db.DeclarationsRessources.AsNoTracking().Where(d => d.JeuneId == q.JeuneId).OrderByDescending(d => d.Mois).Take(24).ToListAsync(cancellationToken);
        var parametres = await db.ParametresAllocationAsync(cancellationToken);
        return declarations.Select(d => new RessourcesDto(d.Id, d.Mois, d.Saisie, RessourcesMensuelles.Calculer(d.Saisie, parametres.BaremeRessources(d.Mois)), d.Justificatifs, d.Version)).ToList();
    }
}

public static class BaremeRessourcesQueries
{
    /// <summary>ALLOC-08/09: the allowances and the PACEA ceiling valid for the month (dated reference data).</summary>
    public static async Task<BaremeRessources> BaremeRessourcesAsync(this IAppDbContext db, DateOnly mois, CancellationToken ct) =>
        (await db.ParametresAllocationAsync(ct)).BaremeRessources(mois);
}
