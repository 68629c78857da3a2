using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Reference.ProgrammerFusion;
using MissionLocale.Domain.Reference;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Reference.SupprimerElementReferentiel;

/// <summary>USR-10: an element of a reference table is deleted only once nothing uses it (after its merge, typically).</summary>
[Requires(Droit.GererReferentiels)]
public sealed record SupprimerElementReferentielCommand(TableFusionnable Table, string Cle) : ICommand<Unit>, ITransactional;

public sealed class SupprimerElementReferentielHandler(IAppDbContext db) : ICommandHandler<SupprimerElementReferentielCommand, Unit>
{
    public async ValueTask<Unit> Handle(SupprimerElementReferentielCommand c, CancellationToken cancellationToken)
    {
        var libelle = await ElementsReferentiel.LibelleAsync(db, c.Table, c.Cle, cancellationToken) ?? throw new NotFoundException("Élément introuvable.");
        ReglesFusion.VerifierInutilise(await db.CompterUtilisationsAsync(c.Table, c.Cle, cancellationToken), libelle);
        ReglesFusion.VerifierSansConflit(await db.Fusions.AnyAsync(f => f.Table == c.Table && f.Etat == EtatFusion.Programmee && (f.Source == c.Cle || f.Cible == c.Cle), cancellationToken), false);
        if (c.Table == TableFusionnable.DomaineProposition)
        {
            db.DomainesProposition.Remove(await db.DomainesProposition.SingleAsync(d => d.Code == c.Cle, cancellationToken));
        }
        else
        {
            var id = Guid.Parse(c.Cle);
            db.Intervenants.Remove(await db.Intervenants.SingleAsync(i => i.Id == id, cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
