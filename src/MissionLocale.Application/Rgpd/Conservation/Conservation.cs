using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Rgpd.Conservation;

/// <summary>RGPD-03 / RGPD-05: the dated parameters of retention (reference data, changed by adding a version).</summary>
public sealed record ParametresConservation(int SansContactMois, int PreavisJours, int JournauxMois)
{
    public const string CodeSansContact = "RGPD-03.SansContactMois";
    public const string CodePreavis = "RGPD-03.PreavisJours";
    public const string CodeJournaux = "RGPD-05.JournauxMois";

    public static async Task<ParametresConservation> LireAsync(IAppDbContext db, DateOnly date, CancellationToken ct)
    {
        async Task<int> Lire(string code, int defaut) =>
            int.TryParse(await db.ParametreAsync(code, date, ct), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : defaut;
        return new(await Lire(CodeSansContact, 24), await Lire(CodePreavis, 30), await Lire(CodeJournaux, 12));
    }
}

/// <summary>What one night of retention did in a structure.</summary>
public sealed record ResultatConservation(int Prevus, int Retires, int Anonymises, int JournauxPurges);

/// <summary>
/// RGPD-03 and RGPD-05, run each night for each structure (Quartz, clustered: once across instances):
/// 1. dossiers without contact for the retention period, without an open dispositif or an allocation in progress, and
///    not kept by the direction, are scheduled for anonymisation after the notice period (the direction sees the list);
/// 2. a scheduled dossier that had a contact since leaves the list; the others, once due, are anonymised by batches,
///    each batch in its own transaction and marked, so a stopped run resumes where it stopped;
/// 3. the read log (RGPD-02) older than its period is deleted by batches.
/// </summary>
public static class Conservation
{
    public const int Lot = 1000;

    /// <summary>The dossiers that have been out of contact long enough, as a query (also the direction's list of what comes next).</summary>
    public static IQueryable<Jeune> SansContact(IAppDbContext db, DateTimeOffset seuil, DateOnly aujourdhui) =>
        db.Jeunes.Where(j => j.AnonymiseLe == null && j.CreeLe < seuil
            && (j.ConservationJusquAu == null || j.ConservationJusquAu < aujourdhui)
            && !db.Evenements.Any(e => e.JeuneId == j.Id && e.Date >= seuil && e.Nature != NatureEvenement.InterneAdministratif)
            && !db.Dispositifs.Any(d => d.JeuneId == j.Id && d.DateFinReelle == null)
            && !db.DemandesAllocation.Any(d => d.JeuneId == j.Id && (d.Etat == EtatDemande.Enregistree || d.Etat == EtatDemande.Soumise || d.Etat == EtatDemande.Validee || d.Etat == EtatDemande.EnvoyeeAsp)));

    public static async Task<ResultatConservation> ExecuterAsync(IAppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var aujourdhui = clock.Aujourdhui();
        var p = await ParametresConservation.LireAsync(db, aujourdhui, ct);
        var seuil = clock.InstantLocal(aujourdhui.AddMonths(-p.SansContactMois));

        // 2a. Back in contact (or kept, or given a dispositif) since scheduled: off the list.
        var encore = SansContact(db, seuil, aujourdhui).Select(j => j.Id);
        var retires = await db.Jeunes.Where(j => j.AnonymisationPrevueLe != null && j.AnonymiseLe == null && !encore.Contains(j.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.AnonymisationPrevueLe, (DateOnly?)null), ct);

        // 1. Newly due: scheduled after the notice period.
        var le = aujourdhui.AddDays(p.PreavisJours);
        var prevus = await SansContact(db, seuil, aujourdhui).Where(j => j.AnonymisationPrevueLe == null)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.AnonymisationPrevueLe, le), ct);

        // 2b. Due: anonymised by batches.
        var anonymises = 0;
        while (true)
        {
            var ids = await SansContact(db, seuil, aujourdhui).Where(j => j.AnonymisationPrevueLe <= aujourdhui)
                .OrderBy(j => j.Id).Select(j => j.Id).Take(Lot).ToListAsync(ct);
            if (ids.Count == 0)
            {
                break;
            }

            anonymises += await db.AnonymiserDossiersAsync(ids, clock.GetUtcNow(), ct);
        }

        // 3. RGPD-05.
        var journaux = await db.PurgerConsultationsAsync(clock.GetUtcNow().AddMonths(-p.JournauxMois), ct);
        return new ResultatConservation(prevus, retires, anonymises, journaux);
    }
}

/// <summary>A dossier scheduled for anonymisation, as the direction sees it.</summary>
public sealed record DossierAAnonymiser(Guid JeuneId, int Version, long Numero, string Nom, string Prenom, DateOnly? DernierContact, DateOnly PrevueLe, string? Referent);

/// <summary>RGPD-03: the dossiers the nightly job will anonymise, with their date; the direction may keep one.</summary>
[Requires(Droit.GererConservation)]
public sealed record ListerDossiersAAnonymiserQuery : IQuery<IReadOnlyList<DossierAAnonymiser>>;

/// <summary>RGPD-03: keeps a dossier until a date (a dispute, the jeune's request), with the reason in the history.</summary>
[Requires(Droit.GererConservation)]
public sealed record ReporterAnonymisationCommand(Guid JeuneId, int Version, DateOnly JusquAu, string Motif) : ICommand<DossierModifie>, ITransactional, IModificationDossier;

public sealed class ReporterAnonymisationValidator : AbstractValidator<ReporterAnonymisationCommand>
{
    public ReporterAnonymisationValidator()
    {
        RuleFor(x => x.Motif).NotEmpty().WithMessage("Le motif de la conservation est obligatoire.")
            .MaximumLength(300).WithMessage("Le motif ne peut pas dépasser 300 caractères.");
        RuleFor(x => x.JusquAu).NotEmpty().WithMessage("La date de fin de conservation est obligatoire.");
    }
}

public sealed class ListerDossiersAAnonymiserHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ListerDossiersAAnonymiserQuery, IReadOnlyList<DossierAAnonymiser>>
{
    public async ValueTask<IReadOnlyList<DossierAAnonymiser>> Handle(ListerDossiersAAnonymiserQuery q, CancellationToken cancellationToken)
    {
        var lignes = await db.Jeunes.AsNoTracking().Where(j => j.AnonymisationPrevueLe != null && j.AnonymiseLe == null)
            .OrderBy(j => j.AnonymisationPrevueLe).ThenBy(j => j.NomUsage).Take(1000)
            .Select(j => new
            {
                j.Id,
                j.Version,
                j.Numero,
                j.NomUsage,
                j.Prenom,
                Contact = db.Evenements.Where(e => e.JeuneId == j.Id && e.Nature != NatureEvenement.InterneAdministratif).Max(e => (DateTimeOffset?)e.Date),
                j.AnonymisationPrevueLe,
                Referent = db.Utilisateurs.Where(u => u.Id == j.ConseillerReferentId).Select(u => u.NomAffiche).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        return lignes.Select(l => new DossierAAnonymiser(l.Id, l.Version, l.Numero, l.NomUsage, l.Prenom, l.Contact is { } c ? DateOnly.FromDateTime(clock.Local(c).DateTime) : null, l.AnonymisationPrevueLe!.Value, l.Referent)).ToList();
    }
}

public sealed class ReporterAnonymisationHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReporterAnonymisationCommand, DossierModifie>
{
    public async ValueTask<DossierModifie> Handle(ReporterAnonymisationCommand c, CancellationToken cancellationToken)
    {
        var jeune = await db.ChargerPourModificationAsync(c.JeuneId, c.Version, cancellationToken);
        jeune.ReporterAnonymisation(c.JusquAu, clock.Aujourdhui());
        db.Historique.Add(new Domain.Audit.HistoriqueModification(jeune.StructureId, jeune.Id, clock.GetUtcNow(), user.UtilisateurId, user.Login,
            "Conservation (RGPD-03)", "Motif", null, c.Motif.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        return new DossierModifie(jeune.Id, jeune.Version);
    }
}
