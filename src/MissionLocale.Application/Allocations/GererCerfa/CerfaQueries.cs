using MissionLocale.Domain.Allocations;

namespace MissionLocale.Application.Allocations.GererCerfa;

public static class CerfaQueries
{
    public static CerfaDto VersDto(Cerfa c, DateOnly debutDispositif) =>
        new(c.Id, c.DispositifId, c.TypeCode, c.Numero, NumerosAsp.Cerfa(NumerosAsp.Dispositif(c.TypeCode, debutDispositif, c.DispositifId), c.Numero), c.Etat, Cerfa.LibelleEtat(c.Etat),
            c.DocumentId, c.ScanDocumentId, c.GenereLe, c.MotifAsp, c.Version, c.MotifRenvoi);
}
