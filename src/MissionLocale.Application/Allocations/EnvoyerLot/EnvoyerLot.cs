using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.Common;
using MissionLocale.Application.Allocations.LotsAsp;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.EnvoyerLot;

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
        var lot = await db.LotsAsp.AVersionAsync(c.LotId, c.Version, "Lot introuvable.", cancellationToken);

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
