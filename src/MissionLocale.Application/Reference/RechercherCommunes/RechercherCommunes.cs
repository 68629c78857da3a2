using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;

namespace MissionLocale.Application.Reference.RechercherCommunes;

/// <summary>Communes for a code postal or a name prefix (address and birthplace pickers).</summary>
[Connecte]
public sealed record RechercherCommunesQuery(string? CodePostal, string? Nom) : IQuery<IReadOnlyList<CommuneDto>>;

public sealed record CommuneDto(string CodeInsee, string Nom, string CodePostal, string Departement);

public sealed class RechercherCommunesHandler(IAppDbContext db) : IQueryHandler<RechercherCommunesQuery, IReadOnlyList<CommuneDto>>
{
    public async ValueTask<IReadOnlyList<CommuneDto>> Handle(RechercherCommunesQuery query, CancellationToken cancellationToken)
    {
        var q = from cp in db.CodesPostaux
                join c in db.Communes on cp.CommuneInsee equals c.CodeInsee
                select new { cp.Code, c.CodeInsee, c.Nom, c.Departement };
        if (!string.IsNullOrWhiteSpace(query.CodePostal))
        {
            var code = query.CodePostal.Trim();
            q = q.Where(x => x.Code.StartsWith(code));
        }
        else if (!string.IsNullOrWhiteSpace(query.Nom) && query.Nom.Trim().Length >= 2)
        {
            var nom = query.Nom.Trim().ToLowerInvariant() + "%";
#pragma warning disable CA1304, CA1311 // Translated to SQL lower(), not run in .NET.
            q = q.Where(x => EF.Functions.Like(x.Nom.ToLower(), nom));
#pragma warning restore CA1304, CA1311
        }
        else
        {
            return [];
        }

        return await q.OrderBy(x => x.Nom).ThenBy(x => x.Code).Take(30)
            .Select(x => new CommuneDto(x.CodeInsee, x.Nom, x.Code, x.Departement)).ToListAsync(cancellationToken);
    }
}
