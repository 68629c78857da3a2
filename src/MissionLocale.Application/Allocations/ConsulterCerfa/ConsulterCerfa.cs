using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.Common;
using MissionLocale.Application.Allocations.GererCerfa;
using MissionLocale.Application.Allocations.ValiderAllocations;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.ConsulterCerfa;

/// <summary>ALLOC-13 / CERFA-03: a CERFA to validate with the dossier's data (identity, address, dispositif, bank, first allocation).</summary>
[Requires(Droit.ValiderAllocations)]
public sealed record ConsulterCerfaQuery(Guid CerfaId) : IQuery<CerfaDetail>;

public sealed class ConsulterCerfaHandler(IAppDbContext db) : IQueryHandler<ConsulterCerfaQuery, CerfaDetail>
{
    public async ValueTask<CerfaDetail> Handle(ConsulterCerfaQuery q, CancellationToken cancellationToken)
    {
        var c = await db.Cerfas.AsNoTracking().SingleOrDefaultAsync(x => x.Id == q.CerfaId, cancellationToken) ?? throw new NotFoundException("CERFA introuvable.");
        var d = await db.Dispositifs.AsNoTracking().Where(x => x.Id == c.DispositifId).Select(x => new { x.DateDebut, x.DateFinPrevue }).SingleAsync(cancellationToken);
        var j = await db.Jeunes.AsNoTracking().Where(x => x.Id == c.JeuneId)
            .Select(x => new { x.NomUsage, x.Prenom, x.DateNaissance, x.Nir, Adresse = x.Adresses.Where(a => a.DateFin == null).OrderByDescending(a => a.DateDebut).FirstOrDefault() })
            .SingleAsync(cancellationToken);
        var compte = await db.CoordonneesBancaires.AsNoTracking().Where(x => x.JeuneId == c.JeuneId && x.DateFin == null).SingleOrDefaultAsync(cancellationToken);
        var premiere = await db.DemandesAllocation.AsNoTracking().Where(x => x.CerfaId == c.Id && x.Premiere && x.RemplaceeParId == null).FirstOrDefaultAsync(cancellationToken);
        DemandeDto? premiereDto = null;
        if (premiere is not null)
        {
            var parametres = await db.ParametresAllocationAsync(cancellationToken);
            premiereDto = AllocationsQueries.VersDto(premiere, parametres.BaremeAllocation(premiere.TypeCode, premiere.Mois, j.DateNaissance),
                parametres.BaremeRessources(premiere.Mois.AddMonths(-1)).PlafondPacea);
        }

        var a = j.Adresse;
        // On screen the complément reads alone, the other details after their label.
        var adresse = a is null ? [] : a.Lignes().Select(l => l.Libelle is null or "Complément" ? l.Valeur : $"{l.Libelle} {l.Valeur}").ToList();
        var generePar = await db.Utilisateurs.Where(u => u.Id == c.GenerePar).Select(u => u.NomAffiche).SingleOrDefaultAsync(cancellationToken) ?? "—";
        var dto = CerfaQueries.VersDto(c, d.DateDebut);
        return new CerfaDetail(c.Id, c.JeuneId, c.TypeCode, c.Numero, dto.Reference, c.Etat, dto.EtatLibelle, c.DocumentId, c.ScanDocumentId, generePar,
            j.NomUsage, j.Prenom, j.DateNaissance, j.Nir, adresse, d.DateDebut, d.DateFinPrevue, compte?.Titulaire, compte is null ? null : Iban.Formater(compte.Iban), compte?.Bic,
            compte?.Protection, premiereDto, c.Version);
    }
}
