using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Audit;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Dispositifs.CloreDispositif;

/// <summary>DISP-03: closing with a motive of the type's list.</summary>
[Requires(Droit.GererDispositifs)]
public sealed record CloreDispositifCommand(Guid DispositifId, int Version, DateOnly DateFinReelle, string MotifSortie, string? Logement = null, bool ConfirmerAvertissements = false, Guid? EntrepriseId = null)
    : ICommand<Unit>, ITransactional;

public sealed class CloreDispositifValidator : AbstractValidator<CloreDispositifCommand>
{
    public CloreDispositifValidator(IAppDbContext db)
    {
        RuleFor(x => x.MotifSortie).NotEmpty().WithMessage("Choisissez le motif de sortie.");
        RuleFor(x => x.EntrepriseId).MustAsync(async (id, ct) => id is null || await db.Entreprises.AnyAsync(e => e.Id == id, ct))
            .WithMessage("Entreprise introuvable dans votre Mission Locale : choisissez-la dans le fichier des entreprises (ENT-01).");
    }
}

public sealed class CloreDispositifHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CloreDispositifCommand, Unit>
{
    public async ValueTask<Unit> Handle(CloreDispositifCommand c, CancellationToken cancellationToken)
    {
        var d = await db.Dispositifs.Include(x => x.Phases).AVersionAsync(c.DispositifId, c.Version, "Dispositif introuvable.", cancellationToken);

        var type = (await db.TypeValideLeAsync(d.TypeCode, d.DateDebut, cancellationToken))!;
        var motif = ReglesDispositif.MotifDeLaListe(
            await db.MotifsSortie.AsNoTracking().ValidesLe(c.DateFinReelle)
                .Where(m => m.TypeCode == d.TypeCode && m.Libelle == c.MotifSortie)
                .FirstOrDefaultAsync(cancellationToken),
            c.MotifSortie, type);
        var jeune = d.TypeCode == CodeDispositif.Pacea ? await db.ChargerDossierAsync(d.JeuneId, cancellationToken) : null;
        var titre = jeune is { Nationalite: Domain.Jeunes.Nationalite.HorsUe } ? jeune.FinTitreSejour : null;
        // DISP-07: the limits first, then the recommendation's warning (as at opening): confirmed before anything changes, then kept in the history.
        d.VerifierCloture(c.DateFinReelle, motif, type, clock.Aujourdhui(), titre);
        var avertissements = d.AvertissementsCloture(c.DateFinReelle);
        if (avertissements.Count > 0 && !c.ConfirmerAvertissements)
        {
            throw new ConfirmationRequiseException(avertissements[0].RuleId, string.Join(" ", avertissements.Select(a => a.Message)), [], nameof(CloreDispositifCommand.ConfirmerAvertissements));
        }

        d.Clore(c.DateFinReelle, motif, type, clock.Aujourdhui(), titre);
        d.IndiquerEntreprise(c.EntrepriseId);
        foreach (var a in avertissements)
        {
            db.Historique.Add(new HistoriqueModification(user.StructureId, d.JeuneId, clock.GetUtcNow(), user.UtilisateurId, user.Login, "Dispositif", "Avertissement confirmé", null, $"{a.RuleId} : {a.Message}"));
        }
        if (jeune is not null)
        {
            // PACEA-09: the record at exit.
            d.Relever(await db.ReleverAsync(jeune, d.DateFinReelle!.Value, c.Logement, cancellationToken), sortie: true);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
