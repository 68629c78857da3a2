using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Structures.ConsulterStructure;

/// <summary>USR-07: the administrator's own structure: letterhead, antennes with address and hours, territory size.</summary>
[Requires(Droit.GererReferentiels)]
public sealed record ConsulterStructureQuery : IQuery<StructureDto>;

public sealed record StructureDto(Guid Id, string Code, string Nom, string AdresseVoie, string CodePostal, string CommuneInsee, string? Telephone, string? Email, bool Logo, int Communes, IReadOnlyList<AntenneDto> Antennes);

public sealed record AntenneDto(Guid Id, string Nom, string? AdresseVoie, string? CodePostal, string? CommuneInsee, string? Telephone, string? Horaires, int Version);

public sealed class ConsulterStructureHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ConsulterStructureQuery, StructureDto>
{
    public async ValueTask<StructureDto> Handle(ConsulterStructureQuery q, CancellationToken cancellationToken)
    {
        var s = await db.Structures.AsNoTracking().Where(x => x.Id == user.StructureId)
            .Select(x => new { x.Id, x.Code, x.Nom, x.AdresseVoie, x.CodePostal, x.CommuneInsee, x.Telephone, x.Email, Logo = x.Logo != null, Communes = x.Territoire.Count })
            .SingleAsync(cancellationToken);
        var antennes = await db.Antennes.AsNoTracking().OrderBy(a => a.Nom)
            .Select(a => new AntenneDto(a.Id, a.Nom, a.AdresseVoie, a.CodePostal, a.CommuneInsee, a.Telephone, a.Horaires, a.Version)).ToListAsync(cancellationToken);
        return new StructureDto(s.Id, s.Code, s.Nom, s.AdresseVoie, s.CodePostal, s.CommuneInsee, s.Telephone, s.Email, s.Logo, s.Communes, antennes);
    }
}
