using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Cotraitance;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Cotraitance.ImporterAffectations;

/// <summary>The outcome: imported (new lines, lines already there) or rejected whole with the reasons of each bad line.</summary>
public sealed record ResultatImportAffectations(bool Accepte, int Lignes, int Nouvelles, int DejaImportees, IReadOnlyList<string> Erreurs);

/// <summary>
/// PPAE-01: imports France Travail's assignments file (docs/ppae-exchange.md) into the list « À accepter ». One bad line
/// rejects the whole file; a line already imported (same identifiant and assignment date) is skipped, so the same file
/// twice changes nothing. The HTTP adapter of the partner posts the same file to the API.
/// </summary>
[Requires(Droit.GererCotraitance)]
public sealed record ImporterAffectationsCommand(string NomFichier, byte[] Contenu) : ICommand<ResultatImportAffectations>, ITransactional;

public sealed class ImporterAffectationsValidator : AbstractValidator<ImporterAffectationsCommand>
{
    public ImporterAffectationsValidator()
    {
        RuleFor(x => x.Contenu).NotEmpty().WithMessage("Choisissez le fichier des affectations de France Travail.")
            .Must(c => c is null || c.Length <= 20 * 1024 * 1024).WithMessage("Le fichier dépasse 20 Mo : demandez à France Travail de le découper.");
        RuleFor(x => x.NomFichier).NotEmpty().WithMessage("Choisissez le fichier des affectations de France Travail.").MaximumLength(200).WithMessage("Le nom du fichier est trop long.");
    }
}

public sealed class ImporterAffectationsHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ImporterAffectationsCommand, ResultatImportAffectations>
{
    public async ValueTask<ResultatImportAffectations> Handle(ImporterAffectationsCommand c, CancellationToken cancellationToken)
    {
        await db.VerifierGestionnaireAsync(user, cancellationToken);
        var (lignes, erreurs) = FormatDude.LireAffectations(c.Contenu, clock.Aujourdhui());
        if (erreurs.Count > 0)
        {
            return new ResultatImportAffectations(false, 0, 0, 0, erreurs);
        }

        // Set-based: a line already imported (same identifiant and assignment date) is skipped by the database.
        var maintenant = clock.GetUtcNow();
        var nouvelles = await db.InsererAffectationsAsync(lignes.Select(l => AffectationFt.Importer(user.StructureId, l.IdentifiantFt, l.Civilite, l.Nationalite, l.Nom, l.Prenom,
            l.DateNaissance, l.CommuneInsee, l.DateAffectation, l.DernierEntretienDude, c.NomFichier.Trim(), maintenant)).ToList(), cancellationToken);
        return new ResultatImportAffectations(true, lignes.Count, nouvelles, lignes.Count - nouvelles, []);
    }
}
