using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Entreprises.GererEntreprises;
using MissionLocale.Domain.Entreprises;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Entreprises.RechercherEntreprises;

/// <summary>ENT-01: the structure's companies by name (raison sociale or enseigne, accents ignored), SIRET or SIREN, commune, référent.</summary>
[Requires(Droit.GererEntreprises)]
public sealed record RechercherEntreprisesQuery(string? Q = null, string? CommuneInsee = null, Guid? ReferentId = null, int Taille = 50) : IQuery<IReadOnlyList<EntrepriseLigne>>;

public sealed class RechercherEntreprisesHandler(IAppDbContext db) : IQueryHandler<RechercherEntreprisesQuery, IReadOnlyList<EntrepriseLigne>>
{
    public async ValueTask<IReadOnlyList<EntrepriseLigne>> Handle(RechercherEntreprisesQuery q, CancellationToken cancellationToken)
    {
        var requete = db.Entreprises.AsNoTracking();
        var chiffres = IdentifiantsInsee.Normaliser(q.Q);
        if (chiffres.Length is 9 or 14 && chiffres.All(char.IsAsciiDigit))
        {
            requete = requete.Where(e => chiffres.Length == 14 ? e.Siret == chiffres : e.Siren == chiffres);
        }
        else if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var cle = Domain.Common.Texte.Cle(q.Q);
            requete = requete.Where(e => e.NomCle.Contains(cle));
        }

        if (!string.IsNullOrWhiteSpace(q.CommuneInsee))
        {
            requete = requete.Where(e => e.CommuneInsee == q.CommuneInsee);
        }

        if (q.ReferentId is { } r)
        {
            requete = requete.Where(e => e.ReferentId == r);
        }

        return await requete.OrderBy(e => e.RaisonSociale).ThenBy(e => e.Siret).Take(Math.Clamp(q.Taille, 1, 200))
            .Select(e => new EntrepriseLigne(e.Id, e.Siret, e.RaisonSociale, e.Enseigne,
                db.Communes.Where(c => c.CodeInsee == e.CommuneInsee).OrderByDescending(c => c.DateDebut).Select(c => c.Nom).FirstOrDefault(), e.RattacheeSirene,
                db.Utilisateurs.Where(u => u.Id == e.ReferentId).Select(u => u.NomAffiche).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }
}
