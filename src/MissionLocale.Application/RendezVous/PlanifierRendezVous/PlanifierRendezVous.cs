using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.RendezVous;
using MissionLocale.Domain.Utilisateurs;
using RendezVousEntity = MissionLocale.Domain.RendezVous.RendezVous;

namespace MissionLocale.Application.RendezVous.PlanifierRendezVous;

/// <summary>RDV-01: plans a rendez-vous; an overlap with another rendez-vous of the intervenant warns and needs confirmation.</summary>
[Requires(Droit.PlanifierRendezVous)]
public sealed record PlanifierRendezVousCommand : ICommand<Guid>, ITransactional
{
    public Guid JeuneId { get; init; }

    public NatureRendezVous Nature { get; init; } = NatureRendezVous.EntretienIndividuel;

    public Modalite Modalite { get; init; } = Modalite.SurPlace;

    public string Objet { get; init; } = string.Empty;

    /// <summary>Defaults to the current user.</summary>
    public Guid? IntervenantId { get; init; }

    public Guid? AntenneId { get; init; }

    public string? Lieu { get; init; }

    public DateTimeOffset Debut { get; init; }

    /// <summary>End, or <see cref="DureeMinutes"/>.</summary>
    public DateTimeOffset? Fin { get; init; }

    public int? DureeMinutes { get; init; }

    public string? Commentaire { get; init; }

    public bool RappelEmail { get; init; } = true;

    public bool RappelSms { get; init; } = true;

    /// <summary>RDV-01: set after the user saw the overlapping rendez-vous and chose to keep both.</summary>
    public bool ConfirmerChevauchement { get; init; }

    public DateTimeOffset FinCalculee => Fin ?? Debut.AddMinutes(DureeMinutes ?? 0);
}

public sealed class PlanifierRendezVousValidator : AbstractValidator<PlanifierRendezVousCommand>
{
    public PlanifierRendezVousValidator(IAppDbContext db, TimeProvider clock)
    {
        RuleFor(x => x.IntervenantId).UtilisateurDeLaStructure(db);
        RuleFor(x => x.AntenneId).AntenneDeLaStructure(db);
        RuleFor(x => x.Objet).NotEmpty().WithMessage("L'objet du rendez-vous est obligatoire.").MaximumLength(200).WithMessage("L'objet ne peut pas dépasser 200 caractères.");
        RuleFor(x => x.Commentaire).MaximumLength(RendezVousEntity.LongueurCommentaireMax).WithMessage($"Le commentaire ne peut pas dépasser {RendezVousEntity.LongueurCommentaireMax} caractères (RDV-01).");
        RuleFor(x => x.Debut).Must(d => d != default).WithMessage("La date et l'heure de début sont obligatoires.")
            .Must(d => d >= clock.GetUtcNow().AddDays(-1)).WithMessage("Un rendez-vous se planifie à partir d'aujourd'hui.");
        RuleFor(x => x).Must(x => x.Fin is not null || x.DureeMinutes is > 0).WithName("Fin").WithMessage("Indiquez l'heure de fin ou la durée.");
        RuleFor(x => x.FinCalculee).GreaterThan(x => x.Debut).When(x => x.Fin is not null || x.DureeMinutes is not null).WithName("Fin").WithMessage("La fin doit être après le début.");
        RuleFor(x => x.Nature).IsInEnum().WithMessage("Nature inconnue.");
        RuleFor(x => x.Modalite).IsInEnum().WithMessage("Modalité inconnue.");
        RuleFor(x => x.Lieu).MaximumLength(200).WithMessage("Le lieu ne peut pas dépasser 200 caractères.");
        RuleFor(x => x.IntervenantId).MustAsync(async (id, ct) => await db.Utilisateurs.AnyAsync(u => u.Id == id && u.Actif, ct))
            .When(x => x.IntervenantId is not null).WithMessage("L'intervenant doit être un utilisateur actif de la structure.");
        RuleFor(x => x.AntenneId).MustAsync(async (id, ct) => await db.Antennes.AnyAsync(a => a.Id == id, ct))
            .When(x => x.AntenneId is not null).WithMessage("Lieu inconnu dans votre structure.");
    }
}

public sealed class PlanifierRendezVousHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<PlanifierRendezVousCommand, Guid>
{
    public async ValueTask<Guid> Handle(PlanifierRendezVousCommand c, CancellationToken cancellationToken)
    {
        await db.VerifierDossierAsync(c.JeuneId, cancellationToken);

        var intervenant = c.IntervenantId ?? user.UtilisateurId;
        var fin = c.FinCalculee;

        await Agenda.VerrouillerAsync(db, intervenant, cancellationToken);
        if (!c.ConfirmerChevauchement)
        {
            await Agenda.VerifierChevauchementAsync(db, clock, intervenant, c.Debut, fin,
                "L'intervenant a déjà un rendez-vous sur ce créneau. Choisissez un autre horaire, ou confirmez pour garder les deux.",
                nameof(PlanifierRendezVousCommand.ConfirmerChevauchement), cancellationToken);
        }

        var rdv = new RendezVousEntity(user.StructureId, c.JeuneId, new SaisieRendezVous(
            c.Nature, c.Modalite, c.Objet, intervenant, c.AntenneId ?? user.AntenneId, c.Lieu, c.Debut, fin, c.Commentaire, c.RappelEmail, c.RappelSms));
        db.RendezVous.Add(rdv);
        await Cotraitance.Cotraitance.RendezVousPlanifiesAsync(db, [c.JeuneId], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return rdv.Id;
    }
}
