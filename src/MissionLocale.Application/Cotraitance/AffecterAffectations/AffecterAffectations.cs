using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Cotraitance;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Cotraitance.AffecterAffectations;

/// <summary>
/// PPAE-02: the gestionnaire assigns the ticked assignments (one or many) to a conseiller: « Attente planification de
/// rendez-vous »; the conseiller becomes the dossier's référent when it has none.
/// </summary>
[Requires(Droit.GererCotraitance)]
public sealed record AffecterAffectationsCommand(IReadOnlyList<Guid> Affectations, Guid? ConseillerId) : ICommand<int>, ITransactional;

public sealed class AffecterAffectationsValidator : AbstractValidator<AffecterAffectationsCommand>
{
    public AffecterAffectationsValidator(IAppDbContext db)
    {
        RuleFor(x => x.Affectations).NotEmpty().WithMessage("Cochez au moins une affectation.")
            .Must(a => a is null || a.Count <= 5_000).WithMessage("5 000 affectations au plus à la fois.");
        RuleFor(x => x.ConseillerId).NotEmpty().WithMessage("Le conseiller est obligatoire.");
        RuleFor(x => x.ConseillerId).MustAsync(async (id, ct) => id is null || await db.Utilisateurs.AnyAsync(u => u.Id == id && u.Actif && (u.Fonctions & FonctionsCompte.ConseillerReferent) != 0, ct))
            .WithMessage("Choisissez un conseiller référent actif de votre Mission Locale.");
    }
}

public sealed class AffecterAffectationsHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AffecterAffectationsCommand, int>
{
    public async ValueTask<int> Handle(AffecterAffectationsCommand c, CancellationToken cancellationToken)
    {
        await db.VerifierGestionnaireAsync(user, cancellationToken);
        var ids = c.Affectations.Distinct().ToList();
        var affectations = await db.AffectationsFt.Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        if (affectations.Count < ids.Count)
        {
            throw new NotFoundException("Affectation introuvable dans votre Mission Locale.");
        }

        // Nothing is half-applied: every refusal said at once, nothing assigned.
        AffectationFt.AffecterTout(affectations, c.ConseillerId!.Value, user.UtilisateurId, clock.GetUtcNow());

        var jeunes = affectations.Select(a => a.JeuneId!.Value).ToList();
        foreach (var jeune in await db.Jeunes.Where(j => jeunes.Contains(j.Id) && j.ConseillerReferentId == null).ToListAsync(cancellationToken))
        {
            jeune.ModifierReferent(c.ConseillerId, jeune.AntenneId, jeune.OrigineVenue, jeune.SavoirsDeBase);
        }

        await db.SaveChangesAsync(cancellationToken);
        return affectations.Count;
    }
}
