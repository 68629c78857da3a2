using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Reference.ParametresDispositifs;

public sealed record TypeDispositifDto(string Code, string Libelle, int DureeMinJours, int DureeMaxMois, int RenouvellementsMax, int DureeRenouvellementMaxMois, bool SortiePositive, DateOnly DateDebut, DateOnly? DateFin);

public sealed record MotifSortieDto(string TypeCode, string Libelle, bool Positive, DateOnly DateDebut, DateOnly? DateFin);

public sealed record ParametreDto(string Code, string Valeur, string Description, DateOnly DateDebut, DateOnly? DateFin);

public sealed record HistoriqueReferentielDto(DateTimeOffset Le, string Utilisateur, string Code, string? AncienneValeur, string NouvelleValeur, DateOnly DateEffet);

public sealed record ReferentielDispositifsDto(IReadOnlyList<TypeDispositifDto> Types, IReadOnlyList<MotifSortieDto> Motifs, IReadOnlyList<ParametreDto> Parametres, IReadOnlyList<HistoriqueReferentielDto> Historique);

/// <summary>DISP-04, DISP-06: the national dispositif reference data with every version, its validity dates and its history (read by administrators).</summary>
[Requires(Droit.ConsulterReferentielNational)]
public sealed record ConsulterReferentielDispositifsQuery : IQuery<ReferentielDispositifsDto>;

public sealed class ConsulterReferentielDispositifsHandler(IAppDbContext db) : IQueryHandler<ConsulterReferentielDispositifsQuery, ReferentielDispositifsDto>
{
    public async ValueTask<ReferentielDispositifsDto> Handle(ConsulterReferentielDispositifsQuery q, CancellationToken cancellationToken) => new(
        await db.TypesDispositif.AsNoTracking().OrderBy(t => t.Code).ThenBy(t => t.DateDebut)
            .Select(t => new TypeDispositifDto(t.Code, t.Libelle, t.DureeMinJours, t.DureeMaxMois, t.RenouvellementsMax, t.DureeRenouvellementMaxMois, t.SortiePositive, t.DateDebut, t.DateFin)).ToListAsync(cancellationToken),
        await db.MotifsSortie.AsNoTracking().OrderBy(m => m.TypeCode).ThenBy(m => m.Libelle)
            .Select(m => new MotifSortieDto(m.TypeCode, m.Libelle, m.Positive, m.DateDebut, m.DateFin)).ToListAsync(cancellationToken),
        await db.ParametresRegle.AsNoTracking().OrderBy(p => p.Code).ThenBy(p => p.DateDebut)
            .Select(p => new ParametreDto(p.Code, p.Valeur, p.Description, p.DateDebut, p.DateFin)).ToListAsync(cancellationToken),
        await db.HistoriqueReferentiel.AsNoTracking().OrderByDescending(h => h.Le).Take(200)
            .Select(h => new HistoriqueReferentielDto(h.Le, h.Utilisateur, h.Code, h.AncienneValeur, h.NouvelleValeur, h.DateEffet)).ToListAsync(cancellationToken));
}

/// <summary>
/// DISP-04, DISP-06: a new value of a national rule parameter (or barème amount) from a future date, by the national
/// administrator only. The version in force ends the day before; decisions dated before keep the old value, so
/// changing a threshold for the future never changes a past decision. Every change is historised.
/// </summary>
[Requires(Droit.GererReferentielNational)]
public sealed record AjouterVersionParametreCommand(string Code, string Valeur, DateOnly DateDebut) : ICommand<Unit>, ITransactional;

public sealed class AjouterVersionParametreValidator : AbstractValidator<AjouterVersionParametreCommand>
{
    public AjouterVersionParametreValidator()
    {
        RuleFor(x => x.Valeur).NotEmpty().WithMessage("Indiquez la nouvelle valeur.").MaximumLength(ParametreRegle.LongueurValeurMax).WithMessage($"La valeur ne peut pas dépasser {ParametreRegle.LongueurValeurMax} caractères.");
    }
}

public sealed class AjouterVersionParametreHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AjouterVersionParametreCommand, Unit>
{
    public async ValueTask<Unit> Handle(AjouterVersionParametreCommand c, CancellationToken cancellationToken)
    {
        var aujourdhui = clock.Aujourdhui();
        var versions = await db.ParametresRegle.Where(p => p.Code == c.Code).OrderBy(p => p.DateDebut).ToListAsync(cancellationToken);
        var courante = versions.LastOrDefault() ?? throw new NotFoundException("Paramètre inconnu.");
        ReglesDispositif.VerifierNouvelleVersion(courante, c.DateDebut, c.Valeur, aujourdhui);

        courante.Terminer(c.DateDebut.AddDays(-1));
        db.ParametresRegle.Add(new ParametreRegle(c.Code, c.Valeur.Trim(), courante.Description, c.DateDebut, null));
        var nom = await db.Utilisateurs.Where(u => u.Id == user.UtilisateurId).Select(u => u.NomAffiche).SingleOrDefaultAsync(cancellationToken) ?? user.Login;
        db.HistoriqueReferentiel.Add(new HistoriqueReferentiel(clock.GetUtcNow(), user.UtilisateurId, nom, c.Code, courante.Valeur, c.Valeur.Trim(), c.DateDebut));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
