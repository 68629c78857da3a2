using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Jeunes.ModifierContacts;

/// <summary>JEU-05: e-mail, mobile and landline with their "joignable" flags.</summary>
[Requires(Droit.ModifierDossier)]
public sealed record ModifierContactsCommand : ICommand<DossierModifie>, ITransactional, IModificationDossier, IChampsContacts
{
    public Guid JeuneId { get; init; }

    public int Version { get; init; }

    public string? Email { get; init; }

    public string? TelephoneMobile { get; init; }

    public bool MobileJoignable { get; init; }

    public string? TelephoneFixe { get; init; }

    public bool FixeJoignable { get; init; }

    public string? CommentaireContact { get; init; }
}

public sealed class ModifierContactsValidator : AbstractValidator<ModifierContactsCommand>
{
    public ModifierContactsValidator() => Include(new ContactsRules<ModifierContactsCommand>());
}

public sealed class ModifierContactsHandler(IAppDbContext db) : ICommandHandler<ModifierContactsCommand, DossierModifie>
{
    public async ValueTask<DossierModifie> Handle(ModifierContactsCommand command, CancellationToken cancellationToken)
    {
        var jeune = await db.ChargerPourModificationAsync(command.JeuneId, command.Version, cancellationToken);
        jeune.ModifierContacts(command.VersContacts());
        await db.SaveChangesAsync(cancellationToken);
        return new DossierModifie(jeune.Id, jeune.Version);
    }
}
