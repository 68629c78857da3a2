using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Cursus.ConsulterCursus;
using MissionLocale.Application.Dispositifs;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Cursus;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Reference;
using MissionLocale.Domain.Situations;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Situations.EnregistrerSituation;

/// <summary>EVT-03: a situation with its end date (estimated if unknown).</summary>
[Requires(Droit.EnregistrerEvenement)]
public sealed record EnregistrerSituationCommand(
    Guid JeuneId,
    TypeSituation Type,
    DateOnly DateDebut,
    DateOnly? DateFin,
    string? TypeContrat = null,
    string? Employeur = null,
    string? Organisme = null,
    string? ObjectifGeneral = null,
    string? ValidationPreparee = null,
    string? Niveau = null,
    string? Mesure = null,
    string? Commentaire = null,
    Guid? EntrepriseId = null) : ICommand<SituationEnregistree>, ITransactional;

/// <summary>The situation created, and the EVT-03 alert when a formation has no objectif général.</summary>
public sealed record SituationEnregistree(Guid Id, bool AlerteSansObjectif);

public sealed class EnregistrerSituationValidator : AbstractValidator<EnregistrerSituationCommand>
{
    public EnregistrerSituationValidator(IAppDbContext db)
    {
        RuleFor(x => x.EntrepriseId).MustAsync(async (id, ct) => id is null || await db.Entreprises.AnyAsync(e => e.Id == id, ct))
            .WithMessage("Entreprise introuvable dans votre Mission Locale : choisissez-la dans le fichier des entreprises (ENT-01).");
        RuleFor(x => x.Type).IsInEnum().WithMessage("Type de situation inconnu.");
        RuleFor(x => x.DateFin).NotNull().WithMessage("La date de fin est obligatoire : si elle n'est pas connue, indiquez une date estimée (EVT-03).");
        RuleFor(x => x.DateFin).GreaterThanOrEqualTo(x => x.DateDebut).When(x => x.DateFin is not null).WithMessage("La date de fin ne peut pas précéder la date de début.");
        RuleFor(x => x.TypeContrat).NotEmpty().When(x => x.Type == TypeSituation.Emploi).WithMessage("Indiquez le type de contrat.");
        RuleFor(x => x.Organisme).NotEmpty().When(x => x.Type == TypeSituation.Formation).WithMessage("Indiquez l'organisme de formation.");
        RuleFor(x => x.Commentaire).MaximumLength(1000).WithMessage("Le commentaire ne peut pas dépasser 1000 caractères.");
        foreach (var champ in new System.Linq.Expressions.Expression<Func<EnregistrerSituationCommand, string?>>[] { x => x.TypeContrat, x => x.Employeur, x => x.Organisme, x => x.ObjectifGeneral, x => x.ValidationPreparee, x => x.Niveau, x => x.Mesure })
        {
            RuleFor(champ).MaximumLength(150).WithMessage("Ce champ ne peut pas dépasser 150 caractères.");
        }
    }
}

public sealed class EnregistrerSituationHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<EnregistrerSituationCommand, SituationEnregistree>
{
    public async ValueTask<SituationEnregistree> Handle(EnregistrerSituationCommand c, CancellationToken cancellationToken)
    {
        var jeune = await db.Jeunes.Where(j => j.Id == c.JeuneId).Select(j => new { j.Id, j.AntenneId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();

        // CEJ-04: a "Déclic pour l'action" day generates an interne/administratif événement (it is not an atelier); the
        // hours are counted from the situation, and interne/administratif événements are never counted, so never twice.
        var declic = await db.ParametreAsync(BaremeHeuresCej.CodeMesureDeclic, c.DateDebut, cancellationToken);
        if (c.Type == TypeSituation.SituationNonProfessionnelle && declic is not null && string.Equals(c.Mesure?.Trim(), declic, StringComparison.OrdinalIgnoreCase))
        {
            var date = clock.InstantLocal(c.DateDebut, new TimeOnly(9, 0));
            db.Evenements.Add(new Evenement(user.StructureId, jeune.Id, NatureEvenement.InterneAdministratif, date, 7 * 60, user.UtilisateurId,
                user.AntenneId ?? jeune.AntenneId, $"{declic} (CEJ-04)"));
        }

        // ENT-01: an employer chosen from the companies' file gives its name to the situation.
        var employeur = c.EntrepriseId is { } e ? await db.Entreprises.Where(x => x.Id == e).Select(x => x.RaisonSociale).SingleAsync(cancellationToken) : c.Employeur;

        // CUR-04: the objectif général of a formation comes from the nomenclature (its label is stored).
        var objectif = c.ObjectifGeneral;
        var validation = c.ValidationPreparee;
        var niveau = c.Niveau;
        if (c.Type == TypeSituation.Formation)
        {
            var objectifs = await db.ElementsValidesAsync(ElementNomenclature.ObjectifsFormation, c.DateDebut, cancellationToken);
            var trouve = objectifs.FirstOrDefault(o => string.Equals(o.Code, objectif?.Trim(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(o.Libelle, objectif?.Trim(), StringComparison.OrdinalIgnoreCase)
                || o.Libelle.StartsWith((objectif ?? "?").Trim() + " (", StringComparison.OrdinalIgnoreCase));
            BusinessRuleException.ThrowIfBroken(new Cur04ObjectifGeneral(trouve?.Libelle ?? objectif, objectifs.Select(o => o.Libelle).ToList()));
            objectif = trouve?.Libelle;

            // CUR-03: a validation of the nomenclature sets its level; another one keeps the level entered.
            if (await db.ValidationAsync(validation, c.DateDebut, cancellationToken) is { } connue)
            {
                validation = connue.Libelle;
                niveau = connue.Niveau?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                BusinessRuleException.ThrowIfBroken(new Cur02NiveauValidation(niveau));
            }
        }

        var situation = new Situation(user.StructureId, c.JeuneId, new SaisieSituation(
            c.Type, c.DateDebut, c.DateFin ?? default, c.TypeContrat, employeur, c.Organisme, objectif, validation, niveau, c.Mesure, c.Commentaire, c.EntrepriseId),
            user.UtilisateurId);
        db.Situations.Add(situation);
        await db.SaveChangesAsync(cancellationToken);
        return new SituationEnregistree(situation.Id, situation.AlerteSansObjectif);
    }
}

/// <summary>EVT-03: left before the planned end: date and motive.</summary>
[Requires(Droit.EnregistrerEvenement)]
public sealed record InterrompreSituationCommand(Guid SituationId, DateOnly Date, string Motif) : ICommand<Unit>, ITransactional;

public sealed class InterrompreSituationValidator : AbstractValidator<InterrompreSituationCommand>
{
    public InterrompreSituationValidator()
    {
        RuleFor(x => x.Motif).NotEmpty().WithMessage("Le motif est obligatoire.")
            .MaximumLength(150).WithMessage("Le motif ne peut pas dépasser 150 caractères.");
    }
}

public sealed class InterrompreSituationHandler(IAppDbContext db) : ICommandHandler<InterrompreSituationCommand, Unit>
{
    public async ValueTask<Unit> Handle(InterrompreSituationCommand c, CancellationToken cancellationToken)
    {
        var s = await db.Situations.SingleOrDefaultAsync(x => x.Id == c.SituationId, cancellationToken) ?? throw new NotFoundException("Situation introuvable.");
        s.Interrompre(c.Date, c.Motif);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
