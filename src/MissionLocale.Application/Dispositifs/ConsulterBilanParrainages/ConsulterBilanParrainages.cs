using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.GererParrainage;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Dispositifs.ConsulterBilanParrainages;

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
