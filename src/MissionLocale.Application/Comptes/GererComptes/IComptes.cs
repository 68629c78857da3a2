namespace MissionLocale.Application.Comptes.GererComptes;

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
