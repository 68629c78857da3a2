using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Reference;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Reference.ProgrammerFusion;

/// <summary>USR-10: "merge A into B" in a reference table of the structure, scheduled for the next 04:00 (Europe/Paris).</summary>
[Requires(Droit.GererReferentiels)]
public sealed record ProgrammerFusionCommand(TableFusionnable Table, string? Source, string? Cible) : ICommand<FusionDto>, ITransactional;

public sealed class ProgrammerFusionValidator : AbstractValidator<ProgrammerFusionCommand>
{
    public ProgrammerFusionValidator()
    {
        RuleFor(x => x.Table).IsInEnum().WithMessage("Choisissez la table.");
        RuleFor(x => x.Source).NotEmpty().WithMessage("L'élément à fusionner est obligatoire.");
        RuleFor(x => x.Cible).NotEmpty().WithMessage("L'élément cible est obligatoire.");
    }
}

public sealed class ProgrammerFusionHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ProgrammerFusionCommand, FusionDto>
{
    public async ValueTask<FusionDto> Handle(ProgrammerFusionCommand c, CancellationToken cancellationToken)
    {
        var source = await ElementsReferentiel.LibelleAsync(db, c.Table, c.Source!, cancellationToken);
        var cible = await ElementsReferentiel.LibelleAsync(db, c.Table, c.Cible!, cancellationToken);
        ReglesFusion.VerifierElements(source is not null, cible is not null);
        var programmees = db.Fusions.Where(f => f.Table == c.Table && f.Etat == EtatFusion.Programmee);
        ReglesFusion.VerifierSansConflit(
            await programmees.AnyAsync(f => f.Source == c.Source, cancellationToken),
            await programmees.AnyAsync(f => f.Source == c.Cible, cancellationToken));
        var fusion = FusionReferentiel.Programmer(user.StructureId, c.Table, (c.Source!, source!), (c.Cible!, cible!), clock.GetUtcNow(), clock.LocalTimeZone, user.Login);
        db.Fusions.Add(fusion);
        await db.SaveChangesAsync(cancellationToken);
        return FusionDto.De(fusion);
    }
}

/// <summary>The elements of the mergeable tables: their labels (null when not in the structure's table).</summary>
public static class ElementsReferentiel
{
    public static async Task<string?> LibelleAsync(IAppDbContext db, TableFusionnable table, string cle, CancellationToken ct)
    {
        if (table == TableFusionnable.DomaineProposition)
        {
            return await db.DomainesProposition.Where(d => d.Code == cle).Select(d => d.Libelle).FirstOrDefaultAsync(ct);
        }

        var fonction = table == TableFusionnable.Prescripteur ? FonctionIntervenant.Prescripteur : FonctionIntervenant.ReferentDispositif;
        return Guid.TryParse(cle, out var id)
            ? await db.Intervenants.Where(i => i.Id == id && i.Fonction == fonction).Select(i => i.Nom).FirstOrDefaultAsync(ct)
            : null;
    }
}
