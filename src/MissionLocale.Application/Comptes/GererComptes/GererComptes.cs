using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Comptes.GererComptes;

/// <summary>An account of the structure as its administrator sees it.</summary>
public sealed record CompteDto(Guid Id, string Login, string Prenom, string Nom, Profil Profil, bool Actif, DateTimeOffset? VerrouilleJusquA, int EchecsConnexion, string? Email, Domain.Jeunes.Civilite? Civilite = null);

/// <summary>The accounts of the structure, to the people who run it (not the password, not the security stamp).</summary>
public interface IComptes
{
    Task<IReadOnlyList<CompteDto>> ListerAsync(Guid structureId, CancellationToken ct);

    /// <summary>Ends a lockout now and resets the count of failed attempts; false when the account is not of the structure.</summary>
    Task<bool> DeverrouillerAsync(Guid structureId, Guid compteId, CancellationToken ct);

    /// <summary>
    /// Forces a new password: the current one stops working, every session and token of the account ends, and a
    /// single-use link valid 24 hours is sent to the account's e-mail (the administrator never chooses nor sees a
    /// password). Returns the e-mail the link went to; null when the account is not of the structure.
    /// </summary>
    Task<string?> ForcerReinitialisationAsync(Guid structureId, Guid compteId, CancellationToken ct);
}

[Requires(Droit.GererComptes)]
public sealed record ListerComptesQuery : IQuery<IReadOnlyList<CompteDto>>;

public sealed class ListerComptesHandler(IComptes comptes, ICurrentUser user) : IQueryHandler<ListerComptesQuery, IReadOnlyList<CompteDto>>
{
    public async ValueTask<IReadOnlyList<CompteDto>> Handle(ListerComptesQuery q, CancellationToken cancellationToken) =>
        await comptes.ListerAsync(user.StructureId, cancellationToken);
}

/// <summary>Issue 10: an administrator unlocks an account locked after repeated failed logins.</summary>
[Requires(Droit.GererComptes)]
public sealed record DeverrouillerCompteCommand(Guid CompteId) : ICommand<Unit>;

public sealed class DeverrouillerCompteHandler(IComptes comptes, ICurrentUser user) : ICommandHandler<DeverrouillerCompteCommand, Unit>
{
    public async ValueTask<Unit> Handle(DeverrouillerCompteCommand c, CancellationToken cancellationToken) =>
        await comptes.DeverrouillerAsync(user.StructureId, c.CompteId, cancellationToken) ? Unit.Value : throw new NotFoundException("Compte introuvable.");
}

/// <summary>Issue 10: an administrator forces a password reset; the user chooses the new one through the e-mailed link.</summary>
[Requires(Droit.GererComptes)]
public sealed record ReinitialiserMotDePasseCommand(Guid CompteId) : ICommand<string>;

public sealed class ReinitialiserMotDePasseHandler(IComptes comptes, ICurrentUser user) : ICommandHandler<ReinitialiserMotDePasseCommand, string>
{
    public async ValueTask<string> Handle(ReinitialiserMotDePasseCommand c, CancellationToken cancellationToken) =>
        await comptes.ForcerReinitialisationAsync(user.StructureId, c.CompteId, cancellationToken) ?? throw new NotFoundException("Compte introuvable.");
}
