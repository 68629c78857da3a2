using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.EnregistrerCoordonneesBancaires;

public sealed record CoordonneesBancairesDto(Guid Id, string Iban, string Bic, TypeCompte TypeCompte, string Titulaire, MesureProtection Protection, Guid? JugementDocumentId, DateOnly DateDebut, DateOnly? DateFin);

/// <summary>The jeune's bank details, the account in force first, then the replaced ones.</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ConsulterCoordonneesBancairesQuery(Guid JeuneId) : IQuery<IReadOnlyList<CoordonneesBancairesDto>>;

public sealed class ConsulterCoordonneesBancairesHandler(IAppDbContext db) : IQueryHandler<ConsulterCoordonneesBancairesQuery, IReadOnlyList<CoordonneesBancairesDto>>
{
    public async ValueTask<IReadOnlyList<CoordonneesBancairesDto>> Handle(ConsulterCoordonneesBancairesQuery q, CancellationToken cancellationToken)
    {
        await db.VerifierDossierAsync(q.JeuneId, cancellationToken);

        return await db.CoordonneesBancaires.AsNoTracking().Where(c => c.JeuneId == q.JeuneId)
            .OrderBy(c => c.DateFin != null).ThenByDescending(c => c.DateDebut)
            .Select(c => new CoordonneesBancairesDto(c.Id, c.Iban, c.Bic, c.TypeCompte, c.Titulaire, c.Protection, c.JugementDocumentId, c.DateDebut, c.DateFin))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>RIB-01..05: a new account for the allocations; the previous one is kept with its end date.</summary>
[Requires(Droit.GererDispositifs)]
public sealed record EnregistrerCoordonneesBancairesCommand(
    Guid JeuneId,
    string Iban,
    string Bic,
    TypeCompte TypeCompte,
    string Titulaire,
    MesureProtection Protection = MesureProtection.Aucune,
    Guid? JugementDocumentId = null,
    DateOnly? DateDebut = null) : ICommand<Guid>, ITransactional;

public sealed class EnregistrerCoordonneesBancairesValidator : AbstractValidator<EnregistrerCoordonneesBancairesCommand>
{
    public EnregistrerCoordonneesBancairesValidator()
    {
        RuleFor(x => x.Iban).NotEmpty().WithMessage("Saisissez l'IBAN.").MaximumLength(50).WithMessage("L'IBAN compte au plus 34 caractères.");
        RuleFor(x => x.Bic).NotEmpty().WithMessage("Saisissez le BIC.").MaximumLength(11).WithMessage("Le BIC compte 8 ou 11 caractères.");
        RuleFor(x => x.TypeCompte).IsInEnum().WithMessage("Choisissez le type de compte.");
        RuleFor(x => x.Protection).IsInEnum().WithMessage("Mesure de protection inconnue.");
        RuleFor(x => x.Titulaire).NotEmpty().WithMessage("Indiquez le titulaire du compte.").MaximumLength(100).WithMessage("Le titulaire ne peut pas dépasser 100 caractères.");
    }
}

public sealed class EnregistrerCoordonneesBancairesHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<EnregistrerCoordonneesBancairesCommand, Guid>
{
    public async ValueTask<Guid> Handle(EnregistrerCoordonneesBancairesCommand c, CancellationToken cancellationToken)
    {
        var jeune = await db.Jeunes.Where(j => j.Id == c.JeuneId).Select(j => new { j.Id, j.NomUsage, j.NomNaissance, j.Prenom, j.DateNaissance }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();
        var debut = c.DateDebut ?? clock.Aujourdhui();
        var mineur = debut < jeune.DateNaissance.AddYears(18);

        // RIB-05: the account title goes on the CERFA of the jeune's dispositif: 38 characters for a PACEA, 49 for a CEJ.
        var pacea = await db.Dispositifs.AnyAsync(d => d.JeuneId == c.JeuneId && d.TypeCode == CodeDispositif.Pacea && d.DateFinReelle == null, cancellationToken);
        var longueur = await db.ParametreEntierAsync(pacea ? "RIB-05.LongueurPacea" : "RIB-05.LongueurCej", debut, pacea ? 38 : 49, cancellationToken);
        if (c.JugementDocumentId is { } doc)
        {
            ReglesAllocation.VerifierJugement(await db.Documents.AnyAsync(d => d.Id == doc && d.JeuneId == c.JeuneId, cancellationToken));
        }

        var paysSepa = (await db.ParametreAsync("RIB-06.PaysSepa", debut, cancellationToken) ?? "FR").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var compte = CoordonneesBancaires.Creer(user.StructureId, c.JeuneId, c.Iban, c.Bic, c.TypeCompte, c.Titulaire, c.Protection, c.JugementDocumentId, debut,
            new TitulaireAttendu(jeune.NomUsage, jeune.NomNaissance, jeune.Prenom, mineur, longueur, pacea ? CodeDispositif.Pacea : CodeDispositif.Cej), paysSepa);
        var precedent = await db.CoordonneesBancaires.Where(x => x.JeuneId == c.JeuneId && x.DateFin == null).ToListAsync(cancellationToken);
        foreach (var p in precedent)
        {
            p.Remplacer(debut);
        }

        db.CoordonneesBancaires.Add(compte);
        await db.SaveChangesAsync(cancellationToken);
        return compte.Id;
    }
}
