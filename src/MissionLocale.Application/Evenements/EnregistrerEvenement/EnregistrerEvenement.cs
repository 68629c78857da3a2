using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Evenements.EnregistrerEvenement;

public sealed record PropositionSaisie(string DomaineCode, Guid? OffreId, string? Libelle, EtatProposition Etat = EtatProposition.Proposee);

/// <summary>EVT-01: an événement of the dossier with its propositions.</summary>
[Requires(Droit.EnregistrerEvenement)]
public sealed record EnregistrerEvenementCommand(
    Guid JeuneId,
    NatureEvenement Nature,
    DateTimeOffset Date,
    int DureeMinutes,
    string? Commentaire,
    IReadOnlyList<PropositionSaisie>? Propositions = null,
    Guid? ConseillerId = null,
    Guid? AntenneId = null) : ICommand<Guid>, ITransactional;

public sealed class EnregistrerEvenementValidator : AbstractValidator<EnregistrerEvenementCommand>
{
    public EnregistrerEvenementValidator(IAppDbContext db, TimeProvider clock)
    {
        RuleFor(x => x.Nature).IsInEnum().WithMessage("Choisissez la nature de l'événement.");
        RuleFor(x => x.ConseillerId).UtilisateurDeLaStructure(db);
        RuleFor(x => x.AntenneId).AntenneDeLaStructure(db);
        RuleFor(x => x.DureeMinutes).InclusiveBetween(1, 24 * 60).WithMessage("La durée est comprise entre 1 minute et 24 heures.");
        RuleFor(x => x.Date).Must(d => d <= clock.GetUtcNow().AddDays(1)).WithMessage("Un événement se saisit une fois qu'il a eu lieu : la date ne peut pas être dans le futur.");
        RuleFor(x => x.Commentaire).MaximumLength(1000).WithMessage("Le commentaire ne peut pas dépasser 1000 caractères.");
        RuleForEach(x => x.Propositions).ChildRules(p =>
        {
            p.RuleFor(x => x.DomaineCode).MustAsync(async (c, ct) => await db.DomainesProposition.AnyAsync(d => d.Code == c && d.Actif, ct))
                .WithMessage("Domaine de proposition inconnu dans votre structure.");
            p.RuleFor(x => x.OffreId).MustAsync(async (id, ct) => await db.Offres.AnyAsync(o => o.Id == id, ct)).When(x => x.OffreId is not null)
                .WithMessage("Offre de service inconnue dans votre structure.");
            p.RuleFor(x => x.Libelle).MaximumLength(200).WithMessage("Le libellé ne peut pas dépasser 200 caractères.");
            p.RuleFor(x => x.Etat).IsInEnum().WithMessage("État de proposition inconnu.");
        });
    }
}

public sealed class EnregistrerEvenementHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<EnregistrerEvenementCommand, Guid>
{
    public async ValueTask<Guid> Handle(EnregistrerEvenementCommand c, CancellationToken cancellationToken)
    {
        var jeune = await db.Jeunes.Where(j => j.Id == c.JeuneId).Select(j => new { j.Id, j.AntenneId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();
        var evenement = new Evenement(user.StructureId, jeune.Id, c.Nature, c.Date, c.DureeMinutes, c.ConseillerId ?? user.UtilisateurId,
            c.AntenneId ?? user.AntenneId ?? jeune.AntenneId, string.IsNullOrWhiteSpace(c.Commentaire) ? null : c.Commentaire.Trim());
        var offres = (c.Propositions ?? []).Where(p => p.OffreId is not null).Select(p => p.OffreId!.Value).ToList();
        var libelles = await db.Offres.Where(o => offres.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Libelle, cancellationToken);
        foreach (var p in c.Propositions ?? [])
        {
            var libelle = string.IsNullOrWhiteSpace(p.Libelle) && p.OffreId is { } o ? libelles[o] : p.Libelle ?? string.Empty;
            evenement.Proposer(p.DomaineCode, p.OffreId, libelle, p.Etat);
        }

        db.Evenements.Add(evenement);

        // PPAE-05: while the jeune's PPAE is « En cours », the événement goes to France Travail (the outbox, same transaction).
        await Cotraitance.Cotraitance.ProduireFluxAsync(db, clock, [evenement], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return evenement.Id;
    }
}

/// <summary>EVT-01: a proposition moves through proposée → acceptée / refusée → réalisée / abandonnée.</summary>
[Requires(Droit.EnregistrerEvenement)]
public sealed record ChangerEtatPropositionCommand(Guid PropositionId, EtatProposition Etat) : ICommand<Unit>, ITransactional;

public sealed class ChangerEtatPropositionHandler(IAppDbContext db) : ICommandHandler<ChangerEtatPropositionCommand, Unit>
{
    public async ValueTask<Unit> Handle(ChangerEtatPropositionCommand c, CancellationToken cancellationToken)
    {
        // The proposition is reached through its événement, which the structure filter covers.
        var evenement = await db.Evenements.Include(e => e.Propositions)
            .SingleOrDefaultAsync(e => e.Propositions.Any(p => p.Id == c.PropositionId), cancellationToken) ?? throw new NotFoundException();
        evenement.Propositions.Single(p => p.Id == c.PropositionId).ChangerEtat(c.Etat);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
