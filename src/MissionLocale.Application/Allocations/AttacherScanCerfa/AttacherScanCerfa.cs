using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.GererCerfa;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.AttacherScanCerfa;

/// <summary>CERFA-03: the signed scan (a document of the same dossier) is attached; the CERFA is Signée.</summary>
[Requires(Droit.GererDispositifs)]
public sealed record AttacherScanCerfaCommand(Guid CerfaId, int Version, Guid DocumentId) : ICommand<CerfaDto>, ITransactional;

public sealed class AttacherScanCerfaHandler(IAppDbContext db) : ICommandHandler<AttacherScanCerfaCommand, CerfaDto>
{
    public async ValueTask<CerfaDto> Handle(AttacherScanCerfaCommand c, CancellationToken cancellationToken)
    {
        var cerfa = await db.Cerfas.AVersionAsync(c.CerfaId, c.Version, "CERFA introuvable.", cancellationToken);

        ReglesAllocation.VerifierScan(await db.Documents.AnyAsync(x => x.Id == c.DocumentId && x.JeuneId == cerfa.JeuneId && x.Id != cerfa.DocumentId, cancellationToken));

        cerfa.AttacherScan(c.DocumentId);
        await db.SaveChangesAsync(cancellationToken);
        var debut = await db.Dispositifs.Where(x => x.Id == cerfa.DispositifId).Select(x => x.DateDebut).SingleAsync(cancellationToken);
        return CerfaQueries.VersDto(cerfa, debut);
    }
}
