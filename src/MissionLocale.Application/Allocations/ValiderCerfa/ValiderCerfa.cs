using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.Common;
using MissionLocale.Application.Allocations.GererCerfa;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.ValiderCerfa;

/// <summary>
/// CERFA-03, ALLOC-03 and ALLOC-13: a validator with an active RGS delegation validates a signed CERFA, and with it the
/// first allocation saved with it; never a CERFA or a request they made.
/// </summary>
[Requires(Droit.ValiderAllocations)]
public sealed record ValiderCerfaCommand(Guid CerfaId, int Version) : ICommand<CerfaDto>, ITransactional;

public sealed class ValiderCerfaHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ValiderCerfaCommand, CerfaDto>
{
    public async ValueTask<CerfaDto> Handle(ValiderCerfaCommand c, CancellationToken cancellationToken)
    {
        await db.VerifierDelegationRgsAsync(user, clock, cancellationToken);
        var cerfa = await db.Cerfas.AVersionAsync(c.CerfaId, c.Version, "CERFA introuvable.", cancellationToken);

        var maintenant = clock.GetUtcNow();
        cerfa.Valider(user.UtilisateurId, maintenant);
        var premiere = await db.DemandesAllocation.SingleOrDefaultAsync(d => d.CerfaId == cerfa.Id && d.Premiere && d.RemplaceeParId == null && d.Etat == EtatDemande.Enregistree, cancellationToken);
        premiere?.Valider(user.UtilisateurId, maintenant, avecLeCerfa: true);
        await db.SaveChangesAsync(cancellationToken);
        var debut = await db.Dispositifs.Where(x => x.Id == cerfa.DispositifId).Select(x => x.DateDebut).SingleAsync(cancellationToken);
        return CerfaQueries.VersDto(cerfa, debut);
    }
}
