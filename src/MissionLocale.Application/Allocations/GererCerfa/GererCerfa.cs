using MissionLocale.Domain.Allocations;

namespace MissionLocale.Application.Allocations.GererCerfa;

public sealed record CerfaDto(Guid Id, Guid DispositifId, string TypeCode, int Numero, string Reference, EtatCerfa Etat, string EtatLibelle, Guid DocumentId, Guid? ScanDocumentId,
    DateTimeOffset GenereLe, string? MotifAsp, int Version, string? MotifRenvoi = null);

public static class CerfaQueries
{
    public static CerfaDto VersDto(Cerfa c, DateOnly debutDispositif) =>
        new(c.Id, c.DispositifId, c.TypeCode, c.Numero, NumerosAsp.Cerfa(NumerosAsp.Dispositif(c.TypeCode, debutDispositif, c.DispositifId), c.Numero), c.Etat, Cerfa.LibelleEtat(c.Etat),
            c.DocumentId, c.ScanDocumentId, c.GenereLe, c.MotifAsp, c.Version, c.MotifRenvoi);
}
