using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Structures.AjouterAntenne;
using MissionLocale.Domain.Structures;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Structures.ModifierAntenne;

/// <summary>USR-07: an antenne's name, address, phone and opening hours, at the version read.</summary>
[Requires(Droit.GererReferentiels)]
public sealed record ModifierAntenneCommand(Guid AntenneId, int Version, string? Nom, string? AdresseVoie, string? CodePostal, string? CommuneInsee, string? Telephone, string? Horaires) : ICommand<Unit>, ITransactional;

public sealed class ModifierAntenneValidator : AbstractValidator<ModifierAntenneCommand>
{
    public ModifierAntenneValidator(IAppDbContext db) => AntenneRegles.Appliquer(this, db, x => x.Nom, x => x.CodePostal, x => x.CommuneInsee, x => x.Telephone, x => x.Horaires);
}

public sealed class ModifierAntenneHandler(IAppDbContext db) : ICommandHandler<ModifierAntenneCommand, Unit>
{
    public async ValueTask<Unit> Handle(ModifierAntenneCommand c, CancellationToken cancellationToken)
    {
        var a = await db.Antennes.AVersionAsync(c.AntenneId, c.Version, "Antenne introuvable.", cancellationToken);
        var nom = c.Nom!.Trim();
        ReglesStructure.VerifierNomAntenneLibre(await db.Antennes.AnyAsync(x => x.Nom == nom && x.Id != a.Id, cancellationToken), nom);
        a.Modifier(nom, c.AdresseVoie, c.CodePostal, c.CommuneInsee, c.Telephone, c.Horaires);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
