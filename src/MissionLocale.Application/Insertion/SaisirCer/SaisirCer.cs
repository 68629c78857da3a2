using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Insertion;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Insertion.SaisirCer;

public sealed record ActionSaisie(string Code, string Libelle, DateOnly Debut, DateOnly? Echeance);

/// <summary>CER-04 / CER-05: the content of a CER not yet signed, with its actions d'insertion.</summary>
[Requires(Droit.GererDispositifs)]
public sealed record SaisirCerCommand(Guid CerId, int Version, ContenuCer Contenu, IReadOnlyList<ActionSaisie>? Actions) : ICommand<int>, ITransactional;

public sealed class SaisirCerHandler(IAppDbContext db) : ICommandHandler<SaisirCerCommand, int>
{
    public async ValueTask<int> Handle(SaisirCerCommand c, CancellationToken cancellationToken)
    {
        var cer = await db.Cers.AVersionAsync(c.CerId, c.Version, "Contrat introuvable dans votre Mission Locale.", cancellationToken);
        cer.Saisir(c.Contenu, (c.Actions ?? []).Select(a => Cer.Action(a.Code.Trim(), a.Libelle.Trim(), a.Debut, a.Echeance)));
        await db.SaveChangesAsync(cancellationToken);
        return cer.Version;
    }
}
