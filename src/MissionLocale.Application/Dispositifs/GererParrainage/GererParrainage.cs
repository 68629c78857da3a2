using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Dispositifs.GererParrainage;

public sealed record ParrainDto(Guid Id, string Nom, string Prenom, string? Entreprise, string? Metier, string? Email, string? Telephone, bool Benevole, bool Actif);

/// <summary>PARR-01: the structure's parrains and marraines (volunteers).</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ListerParrainsQuery(bool ActifsSeulement = true) : IQuery<IReadOnlyList<ParrainDto>>;

public sealed class ListerParrainsHandler(IAppDbContext db) : IQueryHandler<ListerParrainsQuery, IReadOnlyList<ParrainDto>>
{
    public async ValueTask<IReadOnlyList<ParrainDto>> Handle(ListerParrainsQuery q, CancellationToken cancellationToken) =>
        await db.Parrains.AsNoTracking().Where(p => !q.ActifsSeulement || p.Actif).OrderBy(p => p.Nom).ThenBy(p => p.Prenom)
            .Select(p => new ParrainDto(p.Id, p.Nom, p.Prenom, p.Entreprise, p.Metier, p.Email, p.Telephone, p.Benevole, p.Actif))
            .ToListAsync(cancellationToken);
}

/// <summary>PARR-01: records a volunteer parrain or marraine.</summary>
[Requires(Droit.GererDispositifs)]
public sealed record CreerParrainCommand(string Nom, string Prenom, string? Entreprise, string? Metier, string? Email, string? Telephone) : ICommand<Guid>, ITransactional;

public sealed class CreerParrainValidator : AbstractValidator<CreerParrainCommand>
{
    public CreerParrainValidator()
    {
        RuleFor(x => x.Nom).NotEmpty().WithMessage("Le nom est obligatoire.").MaximumLength(100).WithMessage("Le nom ne peut pas dépasser 100 caractères.");
        RuleFor(x => x.Prenom).NotEmpty().WithMessage("Le prénom est obligatoire.").MaximumLength(100).WithMessage("Le prénom ne peut pas dépasser 100 caractères.");
        RuleFor(x => x.Entreprise).MaximumLength(150).WithMessage("L'entreprise ne peut pas dépasser 150 caractères.");
        RuleFor(x => x.Metier).MaximumLength(150).WithMessage("Le métier ne peut pas dépasser 150 caractères.");
        RuleFor(x => x.Email).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage("L'adresse e-mail n'est pas valide.");
        RuleFor(x => x.Telephone).MaximumLength(20).WithMessage("Le téléphone ne peut pas dépasser 20 caractères.");
    }
}

public sealed class CreerParrainHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<CreerParrainCommand, Guid>
{
    public async ValueTask<Guid> Handle(CreerParrainCommand c, CancellationToken cancellationToken)
    {
        var p = new Parrain(user.StructureId, c.Nom, c.Prenom, c.Entreprise, c.Metier, c.Email, c.Telephone);
        db.Parrains.Add(p);
        await db.SaveChangesAsync(cancellationToken);
        return p.Id;
    }
}

public sealed record ActionParrainageDto(Guid Id, DateOnly Date, string DomaineCode, string Libelle);

/// <summary>A parrainage with its actions and the PARR-03 count.</summary>
public sealed record ParrainageDto(Guid DispositifId, int Version, string Parrain, DateOnly DateDebut, DateOnly DateFinPrevue, DateOnly? DateFinReelle, DateOnly? AcceptationJeune, DateOnly? AcceptationParrain, DateOnly? ValideLe, int ActionsMin, IReadOnlyList<ActionParrainageDto> Actions);

[Requires(Droit.ConsulterDossier)]
public sealed record ConsulterParrainageQuery(Guid DispositifId) : IQuery<ParrainageDto>;

public sealed class ConsulterParrainageHandler(IAppDbContext db) : IQueryHandler<ConsulterParrainageQuery, ParrainageDto>
{
    public async ValueTask<ParrainageDto> Handle(ConsulterParrainageQuery q, CancellationToken cancellationToken)
    {
        var d = await db.Dispositifs.AsNoTracking().Include(x => x.Actions).SingleOrDefaultAsync(x => x.Id == q.DispositifId && x.TypeCode == CodeDispositif.Parr, cancellationToken)
            ?? throw new NotFoundException("Parrainage introuvable.");
        var parrain = await db.Parrains.Where(p => p.Id == d.ParrainId).Select(p => p.Prenom + " " + p.Nom).FirstOrDefaultAsync(cancellationToken) ?? "—";
        var min = await db.ParametreEntierAsync("PARR-03.ActionsMin", d.DateDebut, 2, cancellationToken);
        return new ParrainageDto(d.Id, d.Version, parrain, d.DateDebut, d.DateFinPrevue, d.DateFinReelle, d.AcceptationJeune, d.AcceptationParrain, d.ValideLe, min,
            d.Actions.OrderBy(a => a.Date).Select(a => new ActionParrainageDto(a.Id, a.Date, a.DomaineCode, a.Libelle)).ToList());
    }
}

/// <summary>PARR-03: an action of the parrainage, professional domain only.</summary>
[Requires(Droit.GererDispositifs)]
public sealed record EnregistrerActionParrainageCommand(Guid DispositifId, int Version, DateOnly Date, string DomaineCode, string Libelle) : ICommand<int>, ITransactional;

public sealed class EnregistrerActionParrainageValidator : AbstractValidator<EnregistrerActionParrainageCommand>
{
    public EnregistrerActionParrainageValidator()
    {
        RuleFor(x => x.Libelle).NotEmpty().WithMessage("Décrivez l'action de parrainage.").MaximumLength(200).WithMessage("Le libellé ne peut pas dépasser 200 caractères.");
        RuleFor(x => x.DomaineCode).NotEmpty().WithMessage("Choisissez le domaine de l'action.");
    }
}

public sealed class EnregistrerActionParrainageHandler(IAppDbContext db) : ICommandHandler<EnregistrerActionParrainageCommand, int>
{
    public async ValueTask<int> Handle(EnregistrerActionParrainageCommand c, CancellationToken cancellationToken)
    {
        var d = await db.ChargerParrainageAsync(c.DispositifId, c.Version, cancellationToken);
        var domaines = await db.ParametreListeAsync("PARR-03.Domaines", c.Date, cancellationToken);
        db.ActionsParrainage.Add(d.AjouterActionParrainage(c.Date, c.DomaineCode, c.Libelle, domaines));
        await db.SaveChangesAsync(cancellationToken);
        return d.Version;
    }
}

/// <summary>PARR-03: validates the parrainage (at least 2 actions in the period).</summary>
[Requires(Droit.GererDispositifs)]
public sealed record ValiderParrainageCommand(Guid DispositifId, int Version) : ICommand<int>, ITransactional;

public sealed class ValiderParrainageHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<ValiderParrainageCommand, int>
{
    public async ValueTask<int> Handle(ValiderParrainageCommand c, CancellationToken cancellationToken)
    {
        var d = await db.ChargerParrainageAsync(c.DispositifId, c.Version, cancellationToken);
        var aujourdhui = clock.Aujourdhui();
        d.ValiderParrainage(aujourdhui, await db.ParametreEntierAsync("PARR-03.ActionsMin", d.DateDebut, 2, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return d.Version;
    }
}

/// <summary>PARR-04: parrainages of a year with the sortie positive rate and the count of QPV jeunes.</summary>
public sealed record BilanParrainages(int Annee, int Parrainages, int Valides, int Clos, int SortiesPositives, int JeunesQpv);

[Requires(Droit.RechercherJeunes)]
public sealed record ConsulterBilanParrainagesQuery(int Annee) : IQuery<BilanParrainages>;

public sealed class ConsulterBilanParrainagesHandler(IAppDbContext db) : IQueryHandler<ConsulterBilanParrainagesQuery, BilanParrainages>
{
    public async ValueTask<BilanParrainages> Handle(ConsulterBilanParrainagesQuery q, CancellationToken cancellationToken)
    {
        var debut = new DateOnly(q.Annee, 1, 1);
        var fin = new DateOnly(q.Annee, 12, 31);
        var parr = db.Dispositifs.AsNoTracking().Where(d => d.TypeCode == CodeDispositif.Parr && d.DateDebut <= fin && (d.DateFinReelle == null || d.DateFinReelle >= debut));
        var lignes = await parr.Select(d => new
        {
            d.JeuneId,
            Valide = d.ValideLe != null,
            Clos = d.DateFinReelle != null,
            Positive = d.SortiePositive == true,

            // The jeune lived in a QPV during the parrainage (an address with a QPV code over the period).
            Qpv = db.Jeunes.Where(j => j.Id == d.JeuneId).SelectMany(j => j.Adresses)
                .Any(a => a.QpvCode != null && a.DateDebut <= (d.DateFinReelle ?? d.DateFinPrevue) && (a.DateFin == null || a.DateFin >= d.DateDebut)),
        }).ToListAsync(cancellationToken);
        return new BilanParrainages(q.Annee, lignes.Count, lignes.Count(l => l.Valide), lignes.Count(l => l.Clos), lignes.Count(l => l.Positive),
            lignes.Where(l => l.Qpv).Select(l => l.JeuneId).Distinct().Count());
    }
}

internal static class ParrainageQueries
{
    public static async Task<Dispositif> ChargerParrainageAsync(this IAppDbContext db, Guid id, int version, CancellationToken ct)
    {
        var d = await db.Dispositifs.Include(x => x.Actions).SingleOrDefaultAsync(x => x.Id == id && x.TypeCode == CodeDispositif.Parr, ct)
            ?? throw new NotFoundException("Parrainage introuvable.");
        return d.Version == version ? d : throw new ConcurrencyConflictException();
    }
}
