using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Jeunes.ModifierMobilite;

/// <summary>JEU-10: mobility radius and means of transport with one principal.</summary>
[Requires(Droit.ModifierDossier)]
public sealed record ModifierMobiliteCommand(Guid JeuneId, int Version, RayonMobilite RayonMobilite, IReadOnlyList<MoyenTransport> MoyensTransport, MoyenTransport? MoyenPrincipal)
    : ICommand<DossierModifie>, ITransactional, IModificationDossier;

public sealed class ModifierMobiliteValidator : AbstractValidator<ModifierMobiliteCommand>
{
    public ModifierMobiliteValidator()
    {
        RuleFor(x => x.RayonMobilite).IsInEnum().WithMessage("Rayon de mobilité inconnu.");
        RuleForEach(x => x.MoyensTransport).IsInEnum().WithMessage("Moyen de transport inconnu.");
    }
}

public sealed class ModifierMobiliteHandler(IAppDbContext db) : ICommandHandler<ModifierMobiliteCommand, DossierModifie>
{
    public async ValueTask<DossierModifie> Handle(ModifierMobiliteCommand command, CancellationToken cancellationToken)
    {
        var jeune = await db.ChargerPourModificationAsync(command.JeuneId, command.Version, cancellationToken);
        jeune.ModifierMobilite(command.RayonMobilite, command.MoyensTransport ?? [], command.MoyenPrincipal);
        await db.SaveChangesAsync(cancellationToken);
        return new DossierModifie(jeune.Id, jeune.Version);
    }
}
