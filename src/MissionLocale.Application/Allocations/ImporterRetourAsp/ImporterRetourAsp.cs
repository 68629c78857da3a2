using System.Security.Cryptography;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.Common;
using MissionLocale.Application.Allocations.LotsAsp;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.ImporterRetourAsp;

/// <summary>The outcome: applied (with counts) or rejected whole with the reason of each bad line.</summary>
public sealed record ResultatImportRetour(bool Accepte, int Lignes, int Appliquees, int DejaAppliquees, IReadOnlyList<string> Erreurs);

/// <summary>
/// ALLOC-11: imports an ASP return file (docs/asp-exchange.md). Every line is checked first; one bad line rejects the
/// whole file and nothing changes. A good file is applied in one transaction; a line whose request is already in the
/// state it announces is skipped, so importing the same file twice changes nothing the second time.
/// </summary>
[Requires(Droit.ValiderAllocations)]
public sealed record ImporterRetourAspCommand(string NomFichier, byte[] Contenu) : ICommand<ResultatImportRetour>, ITransactional;

public sealed class ImporterRetourAspValidator : AbstractValidator<ImporterRetourAspCommand>
{
    public ImporterRetourAspValidator()
    {
        RuleFor(x => x.Contenu).NotEmpty().WithMessage("Choisissez le fichier de retour de l'ASP.");
        RuleFor(x => x.NomFichier).NotEmpty().WithMessage("Choisissez le fichier de retour de l'ASP.").MaximumLength(200).WithMessage("Le nom du fichier est trop long.");
    }
}

public sealed class ImporterRetourAspHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ImporterRetourAspCommand, ResultatImportRetour>
{
    public async ValueTask<ResultatImportRetour> Handle(ImporterRetourAspCommand c, CancellationToken cancellationToken)
    {
        await db.VerifierDelegationRgsAsync(user, clock, cancellationToken);
        var (lignes, erreurs) = FormatAsp.LireRetour(c.Contenu);
        if (erreurs.Count > 0)
        {
            return new ResultatImportRetour(false, 0, 0, 0, erreurs);
        }

        // The requests of the file, of this structure (the filter), in one query.
        var ids = lignes.Select(l => l.Demande).ToList();
        var connues = await db.DemandesAllocation.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.LotId, d.Etat, d.Montant, d.DateAsp, d.MontantVerse, d.MotifAsp }).ToDictionaryAsync(d => d.Id, cancellationToken);
        var lotsEnvoyes = (await db.LotsAsp.AsNoTracking().Where(l => l.Etat == EtatLot.Envoye).Select(l => l.Id).ToListAsync(cancellationToken)).ToHashSet();

        var aAppliquer = new List<MajRetourAsp>();
        var deja = 0;
        var refus = new List<string>();
        foreach (var l in lignes)
        {
            if (!connues.TryGetValue(l.Demande, out var d))
            {
                refus.Add($"Ligne {l.Numero} : demande {l.Demande} inconnue dans cette Mission Locale.");
            }
            else if (d.LotId != l.Lot || !lotsEnvoyes.Contains(l.Lot))
            {
                refus.Add($"Ligne {l.Numero} : la demande n'appartient pas au lot envoyé {l.Lot}.");
            }
            else if (d.Etat == l.Statut && d.DateAsp == l.Date && (l.MontantVerse is null || d.MontantVerse == l.MontantVerse) && d.MotifAsp == l.Motif)
            {
                deja++;
            }
            else if (!DemandeAllocation.TransitionAspAutorisee(d.Etat, l.Statut))
            {
                refus.Add($"Ligne {l.Numero} : passage de « {DemandeAllocation.LibelleEtat(d.Etat)} » à « {DemandeAllocation.LibelleEtat(l.Statut)} » impossible.");
            }
            else
            {
                aAppliquer.Add(new MajRetourAsp(d.Id, d.Etat, l.Statut, l.Date, l.MontantVerse, l.Motif));
            }
        }

        if (refus.Count > 0)
        {
            return new ResultatImportRetour(false, lignes.Count, 0, 0, refus);
        }

        var appliquees = await db.AppliquerRetourAspAsync(aAppliquer, cancellationToken);
        if (appliquees != aAppliquer.Count)
        {
            // A request changed between the check and the update (another import at the same moment): nothing is kept.
            throw new ConcurrencyConflictException("Des demandes du fichier ont changé pendant l'import : relancez l'import, rien n'a été appliqué.");
        }

        db.ImportsRetourAsp.Add(new ImportRetourAsp(user.StructureId, c.NomFichier, Convert.ToHexStringLower(SHA256.HashData(c.Contenu)), lignes.Count, appliquees, deja, user.UtilisateurId, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return new ResultatImportRetour(true, lignes.Count, appliquees, deja, []);
    }
}

public sealed record ImportRetourDto(Guid Id, string NomFichier, string Empreinte, int Lignes, int Appliquees, int DejaAppliquees, string ImportePar, DateTimeOffset ImporteLe);

/// <summary>ALLOC-11: the journal of the accepted return imports, newest first.</summary>
[Requires(Droit.ValiderAllocations)]
public sealed record ListerImportsRetourQuery(int Nombre = 10) : IQuery<IReadOnlyList<ImportRetourDto>>;

public sealed class ListerImportsRetourHandler(IAppDbContext db) : IQueryHandler<ListerImportsRetourQuery, IReadOnlyList<ImportRetourDto>>
{
    public async ValueTask<IReadOnlyList<ImportRetourDto>> Handle(ListerImportsRetourQuery q, CancellationToken cancellationToken)
    {
        var imports = await db.ImportsRetourAsp.AsNoTracking().OrderByDescending(i => i.ImporteLe).Take(Math.Clamp(q.Nombre, 1, 200)).ToListAsync(cancellationToken);
        var ids = imports.Select(i => i.ImportePar).Distinct().ToList();
        var noms = await db.Utilisateurs.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.NomAffiche, cancellationToken);
        return imports.Select(i => new ImportRetourDto(i.Id, i.NomFichier, i.Empreinte, i.Lignes, i.Appliquees, i.DejaAppliquees, noms.GetValueOrDefault(i.ImportePar, "—"), i.ImporteLe)).ToList();
    }
}
