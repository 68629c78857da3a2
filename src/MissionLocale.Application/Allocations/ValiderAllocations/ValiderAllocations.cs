using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.Common;
using MissionLocale.Application.Allocations.DemanderAllocation;
using MissionLocale.Application.Allocations.GererCerfa;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.ValiderAllocations;

public sealed record CompteFile(Guid AntenneId, string Antenne, EtatDemande Etat, string EtatLibelle, int Nombre);

public sealed record CerfaAValider(Guid CerfaId, Guid JeuneId, string Jeune, DateOnly DateNaissance, string Antenne, string TypeCode, int Numero, Guid DocumentId, Guid? ScanDocumentId,
    DateTimeOffset GenereLe, string GenerePar, Guid? PremiereDemandeId, DateOnly? PremiereMois, decimal? PremiereMontant, int Version);

public sealed record DemandeAValider(Guid DemandeId, Guid JeuneId, string Jeune, string Antenne, string TypeCode, DateOnly Mois, decimal Ressources, decimal Montant, NatureDemande Nature,
    string CreePar, Guid CreeParId, int Version);

public sealed record FilesSiege(bool DelegationActive, IReadOnlyList<CompteFile> Compteurs, IReadOnlyList<CerfaAValider> Cerfas, IReadOnlyList<DemandeAValider> Demandes);

/// <summary>
/// ALLOC-13: the validators' workspace: requests counted by state and antenne, the signed CERFA to validate (scan beside
/// the data) and the submitted requests, optionally for one antenne.
/// </summary>
[Requires(Droit.ValiderAllocations)]
public sealed record ConsulterFilesSiegeQuery(Guid? AntenneId = null, int Nombre = 100) : IQuery<FilesSiege>;

public sealed class ConsulterFilesSiegeHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ConsulterFilesSiegeQuery, FilesSiege>
{
    public async ValueTask<FilesSiege> Handle(ConsulterFilesSiegeQuery q, CancellationToken cancellationToken)
    {
        var delegation = await db.DelegationRgsActiveAsync(user.UtilisateurId, clock, cancellationToken);
        var demandes = db.DemandesAllocation.AsNoTracking().Where(d => d.RemplaceeParId == null)
            .Join(db.Jeunes, d => d.JeuneId, j => j.Id, (d, j) => new { d, j })
            .Where(x => q.AntenneId == null || x.j.AntenneId == q.AntenneId);
        var compteurs = (await demandes
            .Where(x => CycleDemande.EnCours.Contains(x.d.Etat))
            .GroupBy(x => new { x.j.AntenneId, x.d.Etat }).Select(g => new { g.Key.AntenneId, g.Key.Etat, Nombre = g.Count() })
            .Join(db.Antennes, g => g.AntenneId, a => a.Id, (g, a) => new { g.AntenneId, a.Nom, g.Etat, g.Nombre })
            .ToListAsync(cancellationToken))
            .OrderBy(c => c.Nom).ThenBy(c => c.Etat).Select(c => new CompteFile(c.AntenneId, c.Nom, c.Etat, DemandeAllocation.LibelleEtat(c.Etat), c.Nombre)).ToList();

        var aValider = await demandes.Where(x => x.d.Etat == EtatDemande.Soumise)
            .Join(db.Antennes, x => x.j.AntenneId, a => a.Id, (x, a) => new { x.d, x.j, Antenne = a.Nom })
            .OrderBy(x => x.d.CreeLe).Take(q.Nombre)
            .Select(x => new { x.d.Id, x.d.JeuneId, x.j.NomUsage, x.j.Prenom, x.Antenne, x.d.TypeCode, x.d.Mois, x.d.Ressources, x.d.Montant, x.d.Nature, x.d.CreePar, x.d.Version })
            .ToListAsync(cancellationToken);
        var cerfas = await db.Cerfas.AsNoTracking().Where(c => c.Etat == EtatCerfa.Signee)
            .Join(db.Jeunes, c => c.JeuneId, j => j.Id, (c, j) => new { c, j })
            .Where(x => q.AntenneId == null || x.j.AntenneId == q.AntenneId)
            .Join(db.Antennes, x => x.j.AntenneId, a => a.Id, (x, a) => new { x.c, x.j, Antenne = a.Nom })
            .OrderBy(x => x.c.GenereLe).Take(q.Nombre)
            .Select(x => new
            {
                x.c,
                x.j.NomUsage,
                x.j.Prenom,
                x.j.DateNaissance,
                x.Antenne,
                Premiere = db.DemandesAllocation.Where(d => d.CerfaId == x.c.Id && d.Premiere && d.RemplaceeParId == null).Select(d => new { d.Id, d.Mois, d.Montant }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var noms = await db.Utilisateurs.Select(u => new { u.Id, u.Prenom, u.Nom }).ToDictionaryAsync(u => u.Id, u => $"{u.Prenom} {u.Nom}", cancellationToken);
        string Nom(Guid id) => noms.TryGetValue(id, out var n) ? n : "—";
        return new FilesSiege(
            delegation,
            compteurs,
            cerfas.Select(x => new CerfaAValider(x.c.Id, x.c.JeuneId, $"{x.NomUsage} {x.Prenom}", x.DateNaissance, x.Antenne, x.c.TypeCode, x.c.Numero, x.c.DocumentId, x.c.ScanDocumentId,
                x.c.GenereLe, Nom(x.c.GenerePar), x.Premiere?.Id, x.Premiere?.Mois, x.Premiere?.Montant, x.c.Version)).ToList(),
            aValider.Select(x => new DemandeAValider(x.Id, x.JeuneId, $"{x.NomUsage} {x.Prenom}", x.Antenne, x.TypeCode, x.Mois, x.Ressources, x.Montant, x.Nature, Nom(x.CreePar), x.CreePar, x.Version)).ToList());
    }
}

public sealed record CerfaDetail(
    Guid CerfaId, Guid JeuneId, string TypeCode, int Numero, string Reference, EtatCerfa Etat, string EtatLibelle, Guid DocumentId, Guid? ScanDocumentId, string GenerePar,
    string Nom, string Prenom, DateOnly DateNaissance, string? Nir, IReadOnlyList<string> Adresse, DateOnly DebutDispositif, DateOnly FinPrevue,
    string? Titulaire, string? Iban, string? Bic, Domain.Allocations.MesureProtection? Protection, DemandeDto? Premiere, int Version);

/// <summary>ALLOC-13 / CERFA-03: a CERFA to validate with the dossier's data (identity, address, dispositif, bank, first allocation).</summary>
[Requires(Droit.ValiderAllocations)]
public sealed record ConsulterCerfaQuery(Guid CerfaId) : IQuery<CerfaDetail>;

public sealed class ConsulterCerfaHandler(IAppDbContext db) : IQueryHandler<ConsulterCerfaQuery, CerfaDetail>
{
    public async ValueTask<CerfaDetail> Handle(ConsulterCerfaQuery q, CancellationToken cancellationToken)
    {
        var c = await db.Cerfas.AsNoTracking().SingleOrDefaultAsync(x => x.Id == q.CerfaId, cancellationToken) ?? throw new NotFoundException("CERFA introuvable.");
        var d = await db.Dispositifs.AsNoTracking().Where(x => x.Id == c.DispositifId).Select(x => new { x.DateDebut, x.DateFinPrevue }).SingleAsync(cancellationToken);
        var j = await db.Jeunes.AsNoTracking().Where(x => x.Id == c.JeuneId)
            .Select(x => new { x.NomUsage, x.Prenom, x.DateNaissance, x.Nir, Adresse = x.Adresses.Where(a => a.DateFin == null).OrderByDescending(a => a.DateDebut).FirstOrDefault() })
            .SingleAsync(cancellationToken);
        var compte = await db.CoordonneesBancaires.AsNoTracking().Where(x => x.JeuneId == c.JeuneId && x.DateFin == null).SingleOrDefaultAsync(cancellationToken);
        var premiere = await db.DemandesAllocation.AsNoTracking().Where(x => x.CerfaId == c.Id && x.Premiere && x.RemplaceeParId == null).FirstOrDefaultAsync(cancellationToken);
        DemandeDto? premiereDto = null;
        if (premiere is not null)
        {
            var parametres = await db.ParametresAllocationAsync(cancellationToken);
            premiereDto = AllocationsQueries.VersDto(premiere, parametres.BaremeAllocation(premiere.TypeCode, premiere.Mois, j.DateNaissance),
                parametres.BaremeRessources(premiere.Mois.AddMonths(-1)).PlafondPacea);
        }

        var a = j.Adresse;
        // On screen the complément reads alone, the other details after their label.
        var adresse = a is null ? [] : a.Lignes().Select(l => l.Libelle is null or "Complément" ? l.Valeur : $"{l.Libelle} {l.Valeur}").ToList();
        var generePar = await db.Utilisateurs.Where(u => u.Id == c.GenerePar).Select(u => u.Prenom + " " + u.Nom).SingleOrDefaultAsync(cancellationToken) ?? "—";
        var dto = CerfaQueries.VersDto(c, d.DateDebut);
        return new CerfaDetail(c.Id, c.JeuneId, c.TypeCode, c.Numero, dto.Reference, c.Etat, dto.EtatLibelle, c.DocumentId, c.ScanDocumentId, generePar,
            j.NomUsage, j.Prenom, j.DateNaissance, j.Nir, adresse, d.DateDebut, d.DateFinPrevue, compte?.Titulaire, compte is null ? null : Iban.Formater(compte.Iban), compte?.Bic,
            compte?.Protection, premiereDto, c.Version);
    }
}

/// <summary>
/// CERFA-03, ALLOC-03 and ALLOC-13: a validator with an active RGS delegation validates a signed CERFA, and with it the
/// first allocation saved with it; never a CERFA or a request they made.
/// </summary>
[Requires(Droit.ValiderAllocations)]
public sealed record ValiderCerfaCommand(Guid CerfaId, int Version) : ICommand<CerfaDto>, ITransactional;

public sealed class ValiderCerfaHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ValiderCerfaCommand, CerfaDto>
{
    public async ValueTask<CerfaDto> Handle(ValiderCerfaCommand c, CancellationToken cancellationToken)
    {
        await db.VerifierDelegationRgsAsync(user, clock, cancellationToken);
        var cerfa = await db.Cerfas.SingleOrDefaultAsync(x => x.Id == c.CerfaId, cancellationToken) ?? throw new NotFoundException("CERFA introuvable.");
        if (cerfa.Version != c.Version)
        {
            throw new ConcurrencyConflictException();
        }

        var maintenant = clock.GetUtcNow();
        cerfa.Valider(user.UtilisateurId, maintenant);
        var premiere = await db.DemandesAllocation.SingleOrDefaultAsync(d => d.CerfaId == cerfa.Id && d.Premiere && d.RemplaceeParId == null && d.Etat == EtatDemande.Enregistree, cancellationToken);
        premiere?.Valider(user.UtilisateurId, maintenant, avecLeCerfa: true);
        await db.SaveChangesAsync(cancellationToken);
        var debut = await db.Dispositifs.Where(x => x.Id == cerfa.DispositifId).Select(x => x.DateDebut).SingleAsync(cancellationToken);
        return CerfaQueries.VersDto(cerfa, debut);
    }
}

/// <summary>
/// CERFA-05: the siège sends a signed CERFA back to the conseiller with a motive; it returns to Générée, its first
/// allocation stays Enregistrée, and the history keeps the back-and-forth.
/// </summary>
[Requires(Droit.ValiderAllocations)]
public sealed record RenvoyerCerfaCommand(Guid CerfaId, int Version, string Motif) : ICommand<CerfaDto>, ITransactional;

public sealed class RenvoyerCerfaValidator : AbstractValidator<RenvoyerCerfaCommand>
{
    public RenvoyerCerfaValidator()
    {
        RuleFor(x => x.Motif).NotEmpty().WithMessage("Le motif du renvoi est obligatoire : dites au conseiller ce qui ne va pas (scan illisible, signature manquante…).")
            .MaximumLength(Cerfa.LongueurMotifRenvoiMax).WithMessage($"Le motif ne peut pas dépasser {Cerfa.LongueurMotifRenvoiMax} caractères.");
    }
}

public sealed class RenvoyerCerfaHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RenvoyerCerfaCommand, CerfaDto>
{
    public async ValueTask<CerfaDto> Handle(RenvoyerCerfaCommand c, CancellationToken cancellationToken)
    {
        var cerfa = await db.Cerfas.SingleOrDefaultAsync(x => x.Id == c.CerfaId, cancellationToken) ?? throw new NotFoundException("CERFA introuvable.");
        if (cerfa.Version != c.Version)
        {
            throw new ConcurrencyConflictException();
        }

        cerfa.Renvoyer(c.Motif, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var debut = await db.Dispositifs.Where(x => x.Id == cerfa.DispositifId).Select(x => x.DateDebut).SingleAsync(cancellationToken);
        return CerfaQueries.VersDto(cerfa, debut);
    }
}

/// <summary>ALLOC-13: a validator with an active RGS delegation validates a submitted request they did not create.</summary>
[Requires(Droit.ValiderAllocations)]
public sealed record ValiderDemandeCommand(Guid DemandeId, int Version) : ICommand<DemandeDto>, ITransactional;

public sealed class ValiderDemandeHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ValiderDemandeCommand, DemandeDto>
{
    public async ValueTask<DemandeDto> Handle(ValiderDemandeCommand c, CancellationToken cancellationToken)
    {
        await db.VerifierDelegationRgsAsync(user, clock, cancellationToken);
        var demande = await db.DemandeAVersionAsync(c.DemandeId, c.Version, cancellationToken);
        demande.Valider(user.UtilisateurId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return AllocationsQueries.VersDto(demande, null, 0);
    }
}
