using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Entreprises.GererEntreprises;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Entreprises.ConsulterEntreprise;

[Requires(Droit.GererEntreprises)]
public sealed record ConsulterEntrepriseQuery(Guid EntrepriseId) : IQuery<EntrepriseDto>;

public sealed class ConsulterEntrepriseHandler(IAppDbContext db) : IQueryHandler<ConsulterEntrepriseQuery, EntrepriseDto>
{
    public async ValueTask<EntrepriseDto> Handle(ConsulterEntrepriseQuery q, CancellationToken cancellationToken)
    {
        var e = await db.Entreprises.AsNoTracking().Include(x => x.Contacts).SingleOrDefaultAsync(x => x.Id == q.EntrepriseId, cancellationToken)
            ?? throw new NotFoundException("Entreprise introuvable.");
        var commune = await db.Communes.Where(c => c.CodeInsee == e.CommuneInsee).OrderByDescending(c => c.DateDebut).Select(c => c.Nom).FirstOrDefaultAsync(cancellationToken);
        var referent = e.ReferentId is null ? null : await db.Utilisateurs.Where(u => u.Id == e.ReferentId).Select(u => u.NomAffiche).FirstOrDefaultAsync(cancellationToken);
        return new EntrepriseDto(e.Id, e.Siret, e.Siren, e.RaisonSociale, e.Enseigne, e.CodeNaf, e.AdresseVoie, e.CodePostal, e.CommuneInsee, commune, e.RattacheeSirene, e.ReferentId, referent, e.Version,
            e.Contacts.OrderBy(c => c.Nom).Select(c => new ContactDto(c.Id, c.Nom, c.Prenom, c.Fonction, c.Telephone, c.Email)).ToList());
    }
}
