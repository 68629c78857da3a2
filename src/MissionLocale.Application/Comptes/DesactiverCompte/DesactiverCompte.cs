using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Comptes.GererComptes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Comptes.DesactiverCompte;

/// <summary>USR-08 (reversible: leave, sickness), USR-05 (Direction removed first): the account can no longer log in, its sessions and API tokens end at once.</summary>
[Requires(Droit.GererComptes)]
public sealed record DesactiverCompteCommand(Guid CompteId) : ICommand<Unit>, ITransactional;

public sealed class DesactiverCompteHandler(IComptes comptes, ICurrentUser user) : ICommandHandler<DesactiverCompteCommand, Unit>
{
    public async ValueTask<Unit> Handle(DesactiverCompteCommand c, CancellationToken cancellationToken)
    {
        var compte = await comptes.TrouverAsync(user.StructureId, c.CompteId, cancellationToken) ?? throw new NotFoundException("Compte introuvable.");
        ReglesComptes.VerifierModifiable(compte.Desabonne);
        ReglesComptes.VerifierSansDirection(compte.Profil);
        ReglesComptes.VerifierPasSoiMeme(c.CompteId, user.UtilisateurId);
        await comptes.ChangerActivationAsync(user.StructureId, c.CompteId, false, cancellationToken);
        return Unit.Value;
    }
}
