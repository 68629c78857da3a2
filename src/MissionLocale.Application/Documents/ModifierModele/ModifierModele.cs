using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Documents.GererModeles;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Documents.ModifierModele;

/// <summary>RDV-03: an administrator edits a letter template.</summary>
[Requires(Droit.GererModelesLettre)]
public sealed record ModifierModeleCommand(Guid ModeleId, int Version, string Titre, string Corps) : ICommand<int>, ITransactional;

public sealed class ModifierModeleValidator : AbstractValidator<ModifierModeleCommand>
{
    public ModifierModeleValidator() => ReglesModele.Appliquer(this, x => x.Titre, x => x.Corps);
}

public sealed class ModifierModeleHandler(IAppDbContext db) : ICommandHandler<ModifierModeleCommand, int>
{
    public async ValueTask<int> Handle(ModifierModeleCommand c, CancellationToken cancellationToken)
    {
        var m = await db.ModelesLettre.AVersionAsync(c.ModeleId, c.Version, "Modèle introuvable.", cancellationToken);

        m.Modifier(c.Titre, c.Corps);
        await db.SaveChangesAsync(cancellationToken);
        return m.Version;
    }
}
