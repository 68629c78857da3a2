using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Demenagements;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Demenagements.DemanderDemenagement;

/// <summary>
/// DEM-01 (proposal): ask the Mission Locale holding the dossier of a jeune who moved here. The identity is sent again
/// with the reference the search gave: a reference alone opens nothing.
/// </summary>
[Requires(Droit.DemenagerDossiers)]
public sealed record DemanderDemenagementCommand(Guid Reference, string? Nom, string? Prenom, DateOnly? DateNaissance, string? Motif, bool AccordJeune, bool ReprendreDispositifs = false)
    : ICommand<Guid>, ITransactional;

public sealed class DemanderDemenagementValidator : AbstractValidator<DemanderDemenagementCommand>
{
    public DemanderDemenagementValidator()
    {
        RuleFor(x => x.Nom).NotEmpty().WithMessage("Le nom est obligatoire.");
        RuleFor(x => x.Prenom).NotEmpty().WithMessage("Le prénom est obligatoire.");
        RuleFor(x => x.DateNaissance).NotNull().WithMessage("La date de naissance est obligatoire.");
        RuleFor(x => x.Motif).NotEmpty().WithMessage("Le motif est obligatoire (par exemple : déménagement à Lyon, nouvelle adresse).")
            .MaximumLength(300).WithMessage("Le motif ne peut pas dépasser 300 caractères.");
        RuleFor(x => x.AccordJeune).Equal(true).WithMessage("L'accord du jeune est obligatoire : son dossier ne le suit que s'il le demande (DEM-01).");
    }
}

public sealed class DemanderDemenagementHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<DemanderDemenagementCommand, Guid>
{
    public async ValueTask<Guid> Handle(DemanderDemenagementCommand c, CancellationToken cancellationToken)
    {
        var dossier = (await db.RechercherDossiersAilleursAsync(Texte.NomNormalise(c.Nom!), Texte.Cle(c.Prenom!), c.DateNaissance!.Value, cancellationToken))
            .FirstOrDefault(d => d.Reference == c.Reference) ?? throw new NotFoundException("Aucun dossier ne correspond à cette identité dans une autre Mission Locale.");
        await db.VerrouillerAsync("DEM-07:" + c.Reference, cancellationToken);
        ReglesDemenagement.VerifierAucuneEnCours(await db.Demenagements.AnyAsync(d => d.JeuneId == c.Reference && d.Etat == EtatDemenagement.Demandee, cancellationToken));
        var demande = DemandeDemenagement.Demander(c.Reference, dossier.StructureId, user.StructureId, c.Motif!, clock.Aujourdhui(), c.ReprendreDispositifs,
            user.UtilisateurId, user.Login, clock.GetUtcNow());
        db.Demenagements.Add(demande);
        await db.SaveChangesAsync(cancellationToken);
        return demande.Id;
    }
}
