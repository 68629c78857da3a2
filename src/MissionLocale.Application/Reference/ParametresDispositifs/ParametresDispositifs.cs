using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Reference.ParametresDispositifs;

public sealed record TypeDispositifDto(string Code, string Libelle, int DureeMinJours, int DureeMaxMois, int RenouvellementsMax, int DureeRenouvellementMaxMois, bool SortiePositive, DateOnly DateDebut, DateOnly? DateFin);

public sealed record MotifSortieDto(string TypeCode, string Libelle, bool Positive, DateOnly DateDebut, DateOnly? DateFin);

public sealed record ParametreDto(string Code, string Valeur, string Description, DateOnly DateDebut, DateOnly? DateFin);

public sealed record ReferentielDispositifsDto(IReadOnlyList<TypeDispositifDto> Types, IReadOnlyList<MotifSortieDto> Motifs, IReadOnlyList<ParametreDto> Parametres);

/// <summary>DISP-04: the dispositif reference data with every version and its validity dates, for administrators.</summary>
[Requires(Droit.GererReferentiels)]
public sealed record ConsulterReferentielDispositifsQuery : IQuery<ReferentielDispositifsDto>;

public sealed class ConsulterReferentielDispositifsHandler(IAppDbContext db) : IQueryHandler<ConsulterReferentielDispositifsQuery, ReferentielDispositifsDto>
{
    public async ValueTask<ReferentielDispositifsDto> Handle(ConsulterReferentielDispositifsQuery q, CancellationToken cancellationToken) => new(
        await db.TypesDispositif.AsNoTracking().OrderBy(t => t.Code).ThenBy(t => t.DateDebut)
            .Select(t => new TypeDispositifDto(t.Code, t.Libelle, t.DureeMinJours, t.DureeMaxMois, t.RenouvellementsMax, t.DureeRenouvellementMaxMois, t.SortiePositive, t.DateDebut, t.DateFin)).ToListAsync(cancellationToken),
        await db.MotifsSortie.AsNoTracking().OrderBy(m => m.TypeCode).ThenBy(m => m.Libelle)
            .Select(m => new MotifSortieDto(m.TypeCode, m.Libelle, m.Positive, m.DateDebut, m.DateFin)).ToListAsync(cancellationToken),
        await db.ParametresRegle.AsNoTracking().OrderBy(p => p.Code).ThenBy(p => p.DateDebut)
            .Select(p => new ParametreDto(p.Code, p.Valeur, p.Description, p.DateDebut, p.DateFin)).ToListAsync(cancellationToken));
}

/// <summary>
/// DISP-04: a new value of a rule parameter from a future date. The version in force ends the day before; decisions
/// dated before keep the old value, so changing a threshold for the future never changes a past decision.
/// </summary>
[Requires(Droit.GererReferentiels)]
public sealed record AjouterVersionParametreCommand(string Code, string Valeur, DateOnly DateDebut) : ICommand<Unit>, ITransactional;

public sealed class AjouterVersionParametreValidator : AbstractValidator<AjouterVersionParametreCommand>
{
    public AjouterVersionParametreValidator()
    {
        RuleFor(x => x.Valeur).NotEmpty().WithMessage("Indiquez la nouvelle valeur.").MaximumLength(200).WithMessage("La valeur ne peut pas dépasser 200 caractères.");
    }
}

public sealed class AjouterVersionParametreHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<AjouterVersionParametreCommand, Unit>
{
    public async ValueTask<Unit> Handle(AjouterVersionParametreCommand c, CancellationToken cancellationToken)
    {
        var aujourdhui = clock.Aujourdhui();
        if (c.DateDebut <= aujourdhui)
        {
            throw new BusinessRuleException("DISP-04", "Une nouvelle valeur s'applique à partir d'une date future : les décisions passées gardent la valeur de leur date.", "DateDebut");
        }

        var versions = await db.ParametresRegle.Where(p => p.Code == c.Code).OrderBy(p => p.DateDebut).ToListAsync(cancellationToken);
        var courante = versions.LastOrDefault() ?? throw new NotFoundException("Paramètre inconnu.");
        if (c.DateDebut <= courante.DateDebut)
        {
            throw new BusinessRuleException("DISP-04", $"La version en vigueur commence le {courante.DateDebut:dd/MM/yyyy} : la nouvelle doit commencer après.", "DateDebut");
        }

        var numerique = decimal.TryParse(courante.Valeur, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _);
        if (numerique && !decimal.TryParse(c.Valeur, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            throw new BusinessRuleException("DISP-04", "Ce paramètre est un nombre : saisissez une valeur numérique (séparateur décimal : point).", "Valeur");
        }

        courante.Terminer(c.DateDebut.AddDays(-1));
        db.ParametresRegle.Add(new ParametreRegle(c.Code, c.Valeur.Trim(), courante.Description, c.DateDebut, null));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
