using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.Common;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.LotsAsp;

public sealed record LotDto(Guid Id, string TypeCode, int Numero, DateOnly DateLot, EtatLot Etat, int NombreDemandes, decimal Total, DateTimeOffset ProposeLe, bool ParLeJob,
    DateTimeOffset? EnvoyeLe, string? NomFichier, int Version);

/// <summary>ALLOC-11: when batches are due: CEJ around the 1st and the 15th, PACEA on the 1st of the following month.</summary>
public static class CalendrierLots
{
    /// <summary>The types whose batch of the current period is not proposed yet (the job proposes them on its first run of the period).</summary>
    public static IReadOnlyList<string> Dus(DateOnly jour, IReadOnlyCollection<(string TypeCode, DateOnly DateLot)> lotsDuMois)
    {
        var debutQuinzaine = new DateOnly(jour.Year, jour.Month, jour.Day >= 15 ? 15 : 1);
        var dus = new List<string>();
        if (!lotsDuMois.Any(l => l.TypeCode == CodeDispositif.Cej && l.DateLot >= debutQuinzaine && l.DateLot <= jour))
        {
            dus.Add(CodeDispositif.Cej);
        }

        if (!lotsDuMois.Any(l => l.TypeCode == CodeDispositif.Pacea && l.DateLot.Year == jour.Year && l.DateLot.Month == jour.Month))
        {
            dus.Add(CodeDispositif.Pacea);
        }

        return dus;
    }
}

/// <summary>ALLOC-11: proposes batches (reserving the validated requests), used by validators and by the scheduled job.</summary>
public static class PreparationLots
{
    public static Task<LotAsp?> ProposerAsync(IAppDbContext db, Guid structureId, string typeCode, Guid? par, DateTimeOffset maintenant, DateOnly jour, CancellationToken ct) =>
        db.EnTransactionAsync<LotAsp?>(
            async c =>
            {
                var numero = (await db.LotsAsp.MaxAsync(l => (int?)l.Numero, c) ?? 0) + 1;
                var lot = new LotAsp(structureId, typeCode, numero, jour, par, maintenant);
                db.LotsAsp.Add(lot);
                await db.SaveChangesAsync(c);
                var (nombre, total) = await db.ReserverDemandesLotAsync(lot.Id, typeCode, c);
                if (nombre == 0)
                {
                    db.LotsAsp.Remove(lot);
                    await db.SaveChangesAsync(c);
                    return null;
                }

                lot.Compter(nombre, total);
                await db.SaveChangesAsync(c);
                return lot;
            },
            ct);

    /// <summary>The job's run for one structure: the batches due today (see <see cref="CalendrierLots"/>).</summary>
    public static async Task<int> ProposerDusAsync(IAppDbContext db, Guid structureId, DateTimeOffset maintenant, DateOnly jour, CancellationToken ct)
    {
        var debutMois = new DateOnly(jour.Year, jour.Month, 1);
        var lots = (await db.LotsAsp.Where(l => l.DateLot >= debutMois && l.Etat != EtatLot.Abandonne).Select(l => new { l.TypeCode, l.DateLot }).ToListAsync(ct))
            .Select(l => (l.TypeCode, l.DateLot)).ToList();
        var n = 0;
        foreach (var type in CalendrierLots.Dus(jour, lots))
        {
            n += await ProposerAsync(db, structureId, type, null, maintenant, jour, ct) is null ? 0 : 1;
        }

        return n;
    }

    public static LotDto VersDto(LotAsp l) => new(l.Id, l.TypeCode, l.Numero, l.DateLot, l.Etat, l.NombreDemandes, l.Total, l.ProposeLe, l.ProposePar is null, l.EnvoyeLe, l.NomFichier, l.Version);
}

/// <summary>ALLOC-11: a validator prepares a batch now (the job does it around the 1st and the 15th). Null when nothing is validated.</summary>
[Requires(Droit.ValiderAllocations)]
public sealed record ProposerLotCommand(string TypeCode) : ICommand<LotDto?>, ITransactional;

public sealed class ProposerLotHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ProposerLotCommand, LotDto?>
{
    public async ValueTask<LotDto?> Handle(ProposerLotCommand c, CancellationToken cancellationToken)
    {
        ReglesAllocation.VerifierTypeLot(c.TypeCode);

        await db.VerifierDelegationRgsAsync(user, clock, cancellationToken);
        var lot = await PreparationLots.ProposerAsync(db, user.StructureId, c.TypeCode, user.UtilisateurId, clock.GetUtcNow(), clock.Aujourdhui(), cancellationToken);
        return lot is null ? null : PreparationLots.VersDto(lot);
    }
}

/// <summary>
/// ALLOC-11 and ALLOC-13: a validator with an active RGS delegation confirms a proposed batch: its requests go Envoyée ASP
/// and the file is written and kept (downloaded again byte for byte).
/// </summary>
[Requires(Droit.ValiderAllocations)]
public sealed record EnvoyerLotCommand(Guid LotId, int Version) : ICommand<LotDto>, ITransactional;

public sealed class EnvoyerLotHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<EnvoyerLotCommand, LotDto>
{
    public async ValueTask<LotDto> Handle(EnvoyerLotCommand c, CancellationToken cancellationToken)
    {
        await db.VerifierDelegationRgsAsync(user, clock, cancellationToken);
        var lot = await db.LotsAsp.SingleOrDefaultAsync(l => l.Id == c.LotId, cancellationToken) ?? throw new NotFoundException("Lot introuvable.");
        if (lot.Version != c.Version)
        {
            throw new ConcurrencyConflictException();
        }

        lot.VerifierEnvoyable();

        // A second validator confirming the same batch at once waits on the requests' row locks, then finds none Validée
        // (nothing sent twice) and is refused; the batch's version check is the last net.
        var (nombre, total) = await db.EnvoyerDemandesLotAsync(lot.Id, cancellationToken);
        ReglesAllocation.VerifierDemandesEnvoyees(nombre);

        var structure = await db.Structures.Where(s => s.Id == lot.StructureId).Select(s => s.Code).SingleAsync(cancellationToken);
        var fichier = await FormatAsp.EcrireLotAsync(Lignes(db, lot, structure, cancellationToken), cancellationToken);
        var nom = $"lot-{structure}-{lot.TypeCode}-{lot.DateLot:yyyy-MM-dd}-{lot.Numero}.csv";
        lot.Envoyer(user.UtilisateurId, clock.GetUtcNow(), nom, fichier, nombre, total);
        await db.SaveChangesAsync(cancellationToken);
        return PreparationLots.VersDto(lot);
    }

    /// <summary>CERFA-04: each line carries NOM, prénom, date of birth, dispositif number and subject; the account in force.
    /// Streamed from the database into the file.</summary>
    private static async IAsyncEnumerable<LigneLot> Lignes(IAppDbContext db, LotAsp lot, string structure, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var lignes = (
            from d in db.DemandesAllocation.AsNoTracking()
            where d.LotId == lot.Id && d.Etat == EtatDemande.EnvoyeeAsp
            join j in db.Jeunes on d.JeuneId equals j.Id
            join x in db.Dispositifs on d.DispositifId equals x.Id
            join cerfa in db.Cerfas on d.CerfaId equals cerfa.Id into cs
            from cerfa in cs.DefaultIfEmpty()
            join compte in db.CoordonneesBancaires.Where(c => c.DateFin == null) on d.JeuneId equals compte.JeuneId into comptes
            from compte in comptes.DefaultIfEmpty()
            orderby j.NomUsage, j.Prenom, d.Mois
            select new
            {
                d.Id,
                d.TypeCode,
                DebutDispositif = x.DateDebut,
                d.DispositifId,
                NumeroCerfa = (int?)cerfa.Numero,
                j.NomUsage,
                j.Prenom,
                j.DateNaissance,
                j.Nir,
                d.Mois,
                d.Montant,
                d.Nature,
                Iban = compte.Iban,
                Bic = compte.Bic,
                Titulaire = compte.Titulaire,
            }).AsAsyncEnumerable();
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        await foreach (var l in lignes.WithCancellation(ct))
        {
            yield return new LigneLot(lot.Id, l.Id, structure, l.TypeCode, NumerosAsp.Dispositif(l.TypeCode, l.DebutDispositif, l.DispositifId), l.NumeroCerfa,
                l.NomUsage, l.Prenom, l.DateNaissance, l.Nir, l.Mois, l.Montant, l.Nature, l.Iban ?? string.Empty, l.Bic ?? string.Empty, l.Titulaire ?? string.Empty,
                $"Allocation {l.TypeCode} {l.Mois.ToString("MMMM yyyy", fr)}{(l.Nature == NatureDemande.Initiale ? string.Empty : l.Nature == NatureDemande.Modification ? " (modification)" : " (hors délai)")}");
        }
    }
}

/// <summary>ALLOC-11: a proposed batch is abandoned; its requests are free for the next one.</summary>
[Requires(Droit.ValiderAllocations)]
public sealed record AbandonnerLotCommand(Guid LotId, int Version) : ICommand<Unit>, ITransactional;

public sealed class AbandonnerLotHandler(IAppDbContext db) : ICommandHandler<AbandonnerLotCommand, Unit>
{
    public async ValueTask<Unit> Handle(AbandonnerLotCommand c, CancellationToken cancellationToken)
    {
        var lot = await db.LotsAsp.SingleOrDefaultAsync(l => l.Id == c.LotId, cancellationToken) ?? throw new NotFoundException("Lot introuvable.");
        if (lot.Version != c.Version)
        {
            throw new ConcurrencyConflictException();
        }

        lot.Abandonner();
        await db.SaveChangesAsync(cancellationToken);
        await db.LibererDemandesLotAsync(lot.Id, cancellationToken);
        return Unit.Value;
    }
}

/// <summary>The structure's batches, newest first.</summary>
[Requires(Droit.ValiderAllocations)]
public sealed record ListerLotsQuery(int Nombre = 50) : IQuery<IReadOnlyList<LotDto>>;

public sealed class ListerLotsHandler(IAppDbContext db) : IQueryHandler<ListerLotsQuery, IReadOnlyList<LotDto>>
{
    public async ValueTask<IReadOnlyList<LotDto>> Handle(ListerLotsQuery q, CancellationToken cancellationToken) =>
        (await db.LotsAsp.AsNoTracking().OrderByDescending(l => l.Numero).Take(Math.Clamp(q.Nombre, 1, 500)).ToListAsync(cancellationToken)).Select(PreparationLots.VersDto).ToList();
}

/// <summary>ALLOC-11: the file of a sent batch, exactly as it was sent.</summary>
[Requires(Droit.ValiderAllocations)]
public sealed record TelechargerLotQuery(Guid LotId) : IQuery<(string Nom, byte[] Contenu)>;

public sealed class TelechargerLotHandler(IAppDbContext db) : IQueryHandler<TelechargerLotQuery, (string Nom, byte[] Contenu)>
{
    public async ValueTask<(string Nom, byte[] Contenu)> Handle(TelechargerLotQuery q, CancellationToken cancellationToken)
    {
        var lot = await db.LotsAsp.AsNoTracking().Where(l => l.Id == q.LotId).Select(l => new { l.NomFichier, l.Fichier }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Lot introuvable.");
        return (lot.NomFichier!, ReglesAllocation.FichierDuLot(lot.Fichier));
    }
}
