using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Comptes.GererComptes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Comptes.DesabonnerCompte;

/// <summary>
/// USR-08: removes a user for good, refused while they are référent of jeunes, companies or offres de service (transfer
/// them first, USR-09); afterwards their name reads "Donnée anonymisée" wherever they appear. USR-05: not the Direction.
/// </summary>
[Requires(Droit.GererComptes)]
public sealed record DesabonnerCompteCommand(Guid CompteId) : ICommand<Unit>, ITransactional;

public sealed class DesabonnerCompteHandler(IComptes comptes, IAppDbContext db, ICurrentUser user) : ICommandHandler<DesabonnerCompteCommand, Unit>
{
    public async ValueTask<Unit> Handle(DesabonnerCompteCommand c, CancellationToken cancellationToken)
    {
        var compte = await comptes.TrouverAsync(user.StructureId, c.CompteId, cancellationToken) ?? throw new NotFoundException("Compte introuvable.");
        ReglesComptes.VerifierModifiable(compte.Desabonne);
        ReglesComptes.VerifierSansDirection(compte.Profil);
        ReglesComptes.VerifierPasSoiMeme(c.CompteId, user.UtilisateurId);

        // The transfers of USR-09 take the same row locks: a transfer to this user at the same time waits, then is seen.
        await db.VerrouillerAsync("USR-08:" + c.CompteId, cancellationToken);
        var references = new ReferencesCompte(
            await db.Jeunes.CountAsync(j => j.ConseillerReferentId == c.CompteId, cancellationToken),
            await db.Entreprises.CountAsync(e => e.ReferentId == c.CompteId, cancellationToken),
            await db.Offres.CountAsync(o => o.ReferentId == c.CompteId, cancellationToken));
        ReglesComptes.VerifierDesabonnement(references);
        await comptes.DesabonnerAsync(user.StructureId, c.CompteId, cancellationToken);
        return Unit.Value;
    }
}
