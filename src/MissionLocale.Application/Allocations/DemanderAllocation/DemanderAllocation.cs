using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.Common;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.SupprimerCej;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Common;
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
