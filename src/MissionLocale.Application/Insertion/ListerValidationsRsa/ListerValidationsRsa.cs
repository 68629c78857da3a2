using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Insertion;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Insertion.ListerValidationsRsa;

/// <summary>CER-06 / EP-03: what waits for the validateur du département: submitted contracts, saisines to validate, inscribed, or with an active sanction.</summary>
[Requires(Droit.ValiderRsa)]
public sealed record ListerValidationsRsaQuery : IQuery<ValidationsRsa>;

public sealed record ValidationsRsa(IReadOnlyList<CerAValider> Cers, IReadOnlyList<SaisineAValider> Saisines);

public sealed record CerAValider(Guid Id, int Version, Guid JeuneId, string Jeune, string Type, DateOnly Debut, DateOnly FinPrevue, DateOnly? SigneLe, bool ApresSanction);

public sealed record SaisineAValider(Guid Id, int Version, Guid JeuneId, string Jeune, string Motif, string DecisionProposee, EtatSaisine Etat, string EtatLibelle, string? Commission, DateOnly? DateCommission, bool SanctionActive, string? CommentaireInsertion);

public sealed class ListerValidationsRsaHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListerValidationsRsaQuery, ValidationsRsa>
{
    /// <summary>The page shows this many of each, oldest first.</summary>
    public const int Limite = 200;

    public async ValueTask<ValidationsRsa> Handle(ListerValidationsRsaQuery q, CancellationToken cancellationToken)
    {
        await db.VerifierValidateurAsync(user, cancellationToken);
        var cers = await db.Cers.AsNoTracking().Where(c => c.Etat == EtatCer.EnValidation)
            .Join(db.Jeunes, c => c.JeuneId, j => j.Id, (c, j) => new { c, j.NomUsage, j.Prenom })
            .OrderBy(x => x.c.SigneReferentLe).Take(Limite).ToListAsync(cancellationToken);
        var saisines = await db.SaisinesEp.AsNoTracking().Where(s => s.Etat == EtatSaisine.AValider || s.Etat == EtatSaisine.InscritEnEp || s.SanctionActive)
            .Join(db.Jeunes, s => s.JeuneId, j => j.Id, (s, j) => new { s, j.NomUsage, j.Prenom })
            .OrderBy(x => x.s.CreeLe).Take(Limite).ToListAsync(cancellationToken);
        return new ValidationsRsa(
            cers.Select(x => new CerAValider(x.c.Id, x.c.Version, x.c.JeuneId, $"{x.NomUsage} {x.Prenom}", Libelles.De(x.c.Type), x.c.Debut, x.c.FinPrevue, x.c.SigneReferentLe, x.c.ApresSanction)).ToList(),
            saisines.Select(x => new SaisineAValider(x.s.Id, x.s.Version, x.s.JeuneId, $"{x.NomUsage} {x.Prenom}", Libelles.De(x.s.Motif), x.s.DecisionProposee, x.s.Etat, Libelles.De(x.s.Etat),
                x.s.Commission, x.s.DateCommission, x.s.SanctionActive, x.s.CommentaireInsertion)).ToList());
    }
}
