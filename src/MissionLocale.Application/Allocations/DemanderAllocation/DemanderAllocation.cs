using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.Common;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.SupprimerCej;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.DemanderAllocation;

/// <summary>The request saved, and why it stayed Enregistrée when the conseiller asked to submit it (ALLOC-03/04, CERFA-03).</summary>
public sealed record DemandeEnregistree(DemandeDto Demande, string? Avertissement, string? AvertissementRegle);

/// <summary>
/// ALLOC-01..06, 08, 12: a month's allocation of a PACEA or a CEJ, computed from the resources of M-1 and the dated
/// barème. <see cref="Soumettre"/> asks to submit it at once; the first allocation of an initial CERFA (ALLOC-03), one
/// made before that first one is validated (ALLOC-04) or before a CERFA is Validée ASP (CERFA-03) stays Enregistrée.
/// </summary>
[Requires(Droit.GererDispositifs)]
public sealed record DemanderAllocationCommand(Guid JeuneId, Guid DispositifId, DateOnly Mois, bool Soumettre = false) : ICommand<DemandeEnregistree>, ITransactional;

/// <summary>ALLOC-06: a "versement hors délai" of a CEJ for a chosen past month, by an authorised manager.</summary>
[Requires(Droit.VersementHorsDelai)]
public sealed record DemanderVersementHorsDelaiCommand(Guid JeuneId, Guid DispositifId, DateOnly Mois) : ICommand<DemandeEnregistree>, ITransactional;

public sealed class DemanderAllocationValidator : AbstractValidator<DemanderAllocationCommand>
{
    public DemanderAllocationValidator()
    {
        RuleFor(x => x.Mois).NotEqual(default(DateOnly)).WithMessage("Indiquez le mois de l'allocation.");
        RuleFor(x => x.DispositifId).NotEmpty().WithMessage("Choisissez le PACEA ou le CEJ.");
    }
}

public sealed class DemanderVersementHorsDelaiValidator : AbstractValidator<DemanderVersementHorsDelaiCommand>
{
    public DemanderVersementHorsDelaiValidator()
    {
        RuleFor(x => x.Mois).NotEqual(default(DateOnly)).WithMessage("Indiquez le mois passé à verser.");
        RuleFor(x => x.DispositifId).NotEmpty().WithMessage("Choisissez le CEJ.");
    }
}

public sealed class DemanderAllocationHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<DemanderAllocationCommand, DemandeEnregistree>, ICommandHandler<DemanderVersementHorsDelaiCommand, DemandeEnregistree>
{
    public ValueTask<DemandeEnregistree> Handle(DemanderAllocationCommand c, CancellationToken cancellationToken) =>
        new(CreerAsync(c.JeuneId, c.DispositifId, c.Mois, NatureDemande.Initiale, c.Soumettre, cancellationToken));

    public ValueTask<DemandeEnregistree> Handle(DemanderVersementHorsDelaiCommand c, CancellationToken cancellationToken) =>
        new(CreerAsync(c.JeuneId, c.DispositifId, c.Mois, NatureDemande.HorsDelai, true, cancellationToken));

    private async Task<DemandeEnregistree> CreerAsync(Guid jeuneId, Guid dispositifId, DateOnly moisSaisi, NatureDemande nature, bool soumettre, CancellationToken ct)
    {
        await db.VerifierDossierAsync(jeuneId, ct);
        var d = await db.Dispositifs.AsNoTracking().SingleOrDefaultAsync(x => x.Id == dispositifId && x.JeuneId == jeuneId, ct) ?? throw new NotFoundException("Dispositif introuvable dans ce dossier.");
        ReglesAllocation.VerifierTypeAvecAllocation(d.TypeCode);

        // The facts the rules decide on; the domain decides (ALLOC-01, 06, 08, CEJ-05, CERFA-03).
        var mois = new DateOnly(moisSaisi.Year, moisSaisi.Month, 1);
        var moisRessources = mois.AddMonths(-1);
        var cerfa = await db.Cerfas.AsNoTracking().Where(x => x.DispositifId == d.Id).OrderByDescending(x => x.Numero).ThenByDescending(x => x.GenereLe).FirstOrDefaultAsync(ct);
        var declaration = await db.DeclarationsRessources.AsNoTracking().SingleOrDefaultAsync(x => x.JeuneId == jeuneId && x.Mois == moisRessources, ct);
        ReglesAllocation.VerifierCreation(new FaitsDemandeAllocation(
            d.TypeCode, d.DateDebut, d.DateFinReelle ?? d.DateFinPrevue, mois, clock.Aujourdhui(), nature,
            await db.DemandesAllocation.AnyAsync(x => x.JeuneId == jeuneId && x.DispositifId == d.Id && x.Mois == mois && x.RemplaceeParId == null, ct),
            await db.CoordonneesBancaires.AnyAsync(x => x.JeuneId == jeuneId && x.DateFin == null, ct),
            cerfa is not null,
            declaration is not null));

        var naissance = await db.Jeunes.Where(j => j.Id == jeuneId).Select(j => j.DateNaissance).SingleAsync(ct);
        var parametres = await db.ParametresAllocationAsync(ct);
        var bareme = parametres.BaremeAllocation(d.TypeCode, mois, naissance);
        var plafond = parametres.BaremeRessources(moisRessources).PlafondPacea;
        var (montant, _) = CalculAllocation.Calculer(d.TypeCode, declaration!.Total, bareme, plafond);

        // ALLOC-03 / ALLOC-05: the first request of an initial CERFA (0 or 1) is the "première"; a renewal's (2) is normal.
        var premiere = cerfa!.Numero != 2 && !await db.DemandesAllocation.AnyAsync(x => x.CerfaId == cerfa.Id, ct);
        var demande = new DemandeAllocation(user.StructureId, jeuneId, d.Id, d.TypeCode, mois, declaration.Total, montant, nature, cerfa.Id, premiere, user.UtilisateurId, clock.GetUtcNow());
        db.DemandesAllocation.Add(demande);

        string? avertissement = null, regle = null;
        if (soumettre)
        {
            try
            {
                var (premiereValidee, cerfaValide) = await db.ConditionsSoumissionAsync(d.Id, ct);
                demande.Soumettre(premiereValidee, cerfaValide);
            }
            catch (BusinessRuleException e)
            {
                (avertissement, regle) = ($"Demande enregistrée, non soumise : {e.Message}", e.RuleId);
            }
        }

        await db.SaveChangesAsync(ct);
        return new DemandeEnregistree(AllocationsQueries.VersDto(demande, bareme, plafond), avertissement, regle);
    }
}

public static class SoumissionQueries
{
    /// <summary>ALLOC-04 and CERFA-03: the dispositif's first allocation is validated (or there is none) and a CERFA is Validée ASP.</summary>
    public static async Task<(bool PremiereValidee, bool CerfaValideAsp)> ConditionsSoumissionAsync(this IAppDbContext db, Guid dispositifId, CancellationToken ct) =>
        (!await db.DemandesAllocation.AnyAsync(x => x.DispositifId == dispositifId && x.Premiere && CycleDemande.AvantValidation.Contains(x.Etat), ct),
         await db.Cerfas.AnyAsync(x => x.DispositifId == dispositifId && x.Etat == EtatCerfa.ValideeAsp, ct));
}

/// <summary>ALLOC-02..04: the conseiller submits a saved request to the siège.</summary>
[Requires(Droit.GererDispositifs)]
public sealed record SoumettreDemandeCommand(Guid DemandeId, int Version) : ICommand<DemandeDto>, ITransactional;

public sealed class SoumettreDemandeHandler(IAppDbContext db) : ICommandHandler<SoumettreDemandeCommand, DemandeDto>
{
    public async ValueTask<DemandeDto> Handle(SoumettreDemandeCommand c, CancellationToken cancellationToken)
    {
        var demande = await db.DemandeAVersionAsync(c.DemandeId, c.Version, cancellationToken);
        var (premiereValidee, cerfaValide) = await db.ConditionsSoumissionAsync(demande.DispositifId, cancellationToken);
        demande.Soumettre(premiereValidee, cerfaValide);
        await db.SaveChangesAsync(cancellationToken);
        return AllocationsQueries.VersDto(demande, null, 0);
    }
}

/// <summary>ALLOC-02: a request not yet sent to the ASP is deleted (a deleted modification gives the request it modified back).</summary>
[Requires(Droit.GererDispositifs)]
public sealed record SupprimerDemandeCommand(Guid DemandeId, int Version) : ICommand<Unit>, ITransactional;

public sealed class SupprimerDemandeHandler(IAppDbContext db) : ICommandHandler<SupprimerDemandeCommand, Unit>
{
    public async ValueTask<Unit> Handle(SupprimerDemandeCommand c, CancellationToken cancellationToken)
    {
        var demande = await db.DemandeAVersionAsync(c.DemandeId, c.Version, cancellationToken);
        ReglesAllocation.VerifierSuppression(demande);

        if (demande.RemplaceId is { } precedente && await db.DemandesAllocation.SingleOrDefaultAsync(x => x.Id == precedente, cancellationToken) is { } p)
        {
            db.DemandesAllocation.Remove(demande);
            await db.SaveChangesAsync(cancellationToken);
            p.ModificationSupprimee();
        }
        else
        {
            db.DemandesAllocation.Remove(demande);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>
/// ALLOC-07: a request the ASP answered (Acceptée, Versée or Refusée) is modified: recomputed from the corrected resources
/// of M-1, or a full reversal (the amount paid entered as differential resources, the allocation 0). The modification is a
/// new request, submitted to the siège and sent to the ASP, which pays the difference or claims the overpayment.
/// </summary>
[Requires(Droit.GererDispositifs)]
public sealed record ModifierDemandeCommand(Guid DemandeId, int Version, bool ReversementTotal = false) : ICommand<DemandeDto>, ITransactional;

public sealed class ModifierDemandeHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ModifierDemandeCommand, DemandeDto>
{
    public async ValueTask<DemandeDto> Handle(ModifierDemandeCommand c, CancellationToken cancellationToken)
    {
        var demande = await db.DemandeAVersionAsync(c.DemandeId, c.Version, cancellationToken);
        BaremeAllocation? bareme = null;
        decimal plafond = 0, ressources, montant;
        decimal? differentielles = null;
        if (c.ReversementTotal)
        {
            (ressources, montant, differentielles) = (demande.Ressources, 0m, demande.MontantVerse ?? demande.Montant);
        }
        else
        {
            var moisRessources = demande.Mois.AddMonths(-1);
            ressources = ReglesAllocation.RessourcesPourModifier(
                await db.DeclarationsRessources.Where(x => x.JeuneId == demande.JeuneId && x.Mois == moisRessources).Select(x => (decimal?)x.Total).SingleOrDefaultAsync(cancellationToken), moisRessources);
            var naissance = await db.Jeunes.Where(j => j.Id == demande.JeuneId).Select(j => j.DateNaissance).SingleAsync(cancellationToken);
            var parametres = await db.ParametresAllocationAsync(cancellationToken);
            bareme = parametres.BaremeAllocation(demande.TypeCode, demande.Mois, naissance);
            plafond = parametres.BaremeRessources(moisRessources).PlafondPacea;
            montant = demande.TypeCode == CodeDispositif.Pacea && ressources >= plafond ? 0m : CalculAllocation.Calculer(demande.TypeCode, ressources, bareme, plafond).Montant;
        }

        var nouvelle = demande.Modifier(ressources, montant, differentielles, user.UtilisateurId, clock.GetUtcNow());

        // The replaced request leaves the unique index (ALLOC-01) before its replacement enters it.
        await db.SaveChangesAsync(cancellationToken);
        db.DemandesAllocation.Add(nouvelle);
        await db.SaveChangesAsync(cancellationToken);
        return AllocationsQueries.VersDto(nouvelle, bareme, plafond);
    }
}

/// <summary>The requests of a dossier, newest month first, with their calculation steps (ALLOC-12).</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ListerDemandesQuery(Guid JeuneId) : IQuery<IReadOnlyList<DemandeDto>>;

public sealed class ListerDemandesHandler(IAppDbContext db) : IQueryHandler<ListerDemandesQuery, IReadOnlyList<DemandeDto>>
{
    public async ValueTask<IReadOnlyList<DemandeDto>> Handle(ListerDemandesQuery q, CancellationToken cancellationToken)
    {
        await db.VerifierDossierAsync(q.JeuneId, cancellationToken);
        var naissance = await db.Jeunes.Where(j => j.Id == q.JeuneId).Select(j => j.DateNaissance).SingleAsync(cancellationToken);
        var demandes = await db.DemandesAllocation.AsNoTracking().Where(d => d.JeuneId == q.JeuneId).OrderByDescending(d => d.Mois).ThenByDescending(d => d.CreeLe).Take(60).ToListAsync(cancellationToken);
        var parametres = await db.ParametresAllocationAsync(cancellationToken);
        var resultat = new List<DemandeDto>();
        foreach (var d in demandes)
        {
            BaremeAllocation? bareme = null;
            try
            {
                bareme = parametres.BaremeAllocation(d.TypeCode, d.Mois, naissance);
            }
            catch (BusinessRuleException)
            {
                // No barème any more for that month: the stored amount is shown alone.
            }

            resultat.Add(AllocationsQueries.VersDto(d, bareme, parametres.BaremeRessources(d.Mois.AddMonths(-1)).PlafondPacea));
        }

        return resultat;
    }
}

public static class DemandeQueries
{
    public static async Task<DemandeAllocation> DemandeAVersionAsync(this IAppDbContext db, Guid id, int version, CancellationToken ct)
    {
        var demande = await db.DemandesAllocation.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Demande d'allocation introuvable.");
        if (demande.Version != version)
        {
            throw new ConcurrencyConflictException();
        }

        return demande;
    }
}

/// <summary>CEJ-06: what the allocations know about a CEJ's requests.</summary>
public sealed class DemandesAllocationCej(IAppDbContext db) : IDemandesAllocationCej
{
    public Task<int> EnvoyeesAspAsync(Guid dispositifId, CancellationToken ct) =>
        db.DemandesAllocation.CountAsync(d => d.DispositifId == dispositifId && CycleDemande.EnvoyeesAsp.Contains(d.Etat), ct);

    public async Task SupprimerNonEnvoyeesAsync(Guid dispositifId, CancellationToken ct)
    {
        db.DemandesAllocation.RemoveRange(await db.DemandesAllocation.Where(d => d.DispositifId == dispositifId && CycleDemande.AvantEnvoi.Contains(d.Etat)).ToListAsync(ct));
        db.Cerfas.RemoveRange(await db.Cerfas.Where(c => c.DispositifId == dispositifId).ToListAsync(ct));
    }
}
