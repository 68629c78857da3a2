using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Cursus.ConsulterCursus;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Cursus;
using MissionLocale.Domain.Reference;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Cursus.ModifierScolarite;

/// <summary>CUR-01: last class attended, school, year of leaving, still in school.</summary>
[Requires(Droit.ModifierDossier)]
public sealed record ModifierScolariteCommand(Guid JeuneId, int Version, string? DerniereClasse, string? Etablissement, int? AnneeSortie, bool Scolarise)
    : ICommand<DossierModifie>, ITransactional, IModificationDossier;

public sealed class ModifierScolariteValidator : AbstractValidator<ModifierScolariteCommand>
{
    public ModifierScolariteValidator(IAppDbContext db, TimeProvider clock)
    {
        RuleFor(x => x.DerniereClasse).MustAsync(async (c, ct) => string.IsNullOrWhiteSpace(c)
                || (await db.ElementsValidesAsync(ElementNomenclature.Classes, clock.Aujourdhui(), ct)).Any(e => e.Code == c.Trim() || e.Libelle == c.Trim()))
            .WithMessage("Choisissez la dernière classe dans la liste (CUR-01).");
        RuleFor(x => x.Etablissement).MaximumLength(150).WithMessage("L'établissement ne peut pas dépasser 150 caractères.");
    }
}

public sealed class ModifierScolariteHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<ModifierScolariteCommand, DossierModifie>
{
    public async ValueTask<DossierModifie> Handle(ModifierScolariteCommand c, CancellationToken cancellationToken)
    {
        var jeune = await db.ChargerPourModificationAsync(c.JeuneId, c.Version, cancellationToken);
        var classe = string.IsNullOrWhiteSpace(c.DerniereClasse) ? null
            : (await db.ElementsValidesAsync(ElementNomenclature.Classes, clock.Aujourdhui(), cancellationToken)).First(e => e.Code == c.DerniereClasse.Trim() || e.Libelle == c.DerniereClasse.Trim()).Libelle;
        jeune.ModifierScolarite(new SaisieScolarite(classe, c.Etablissement, c.AnneeSortie, c.Scolarise), clock.Aujourdhui());
        await db.SaveChangesAsync(cancellationToken);
        return new DossierModifie(jeune.Id, jeune.Version);
    }
}
