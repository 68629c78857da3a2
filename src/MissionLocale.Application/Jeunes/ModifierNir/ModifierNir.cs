using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Jeunes.ModifierNir;

/// <summary>JEU-04: NIR with its key, or "Pas de NIR".</summary>
[Requires(Droit.ModifierDossier)]
public sealed record ModifierNirCommand(Guid JeuneId, int Version, string? Nir, bool PasDeNir) : ICommand<DossierModifie>, ITransactional, IModificationDossier;

public sealed class ModifierNirValidator : AbstractValidator<ModifierNirCommand>
{
    public ModifierNirValidator()
    {
        RuleFor(x => x.Nir).NotEmpty().When(x => !x.PasDeNir).WithMessage("Saisissez le NIR ou cochez « Pas de NIR ».");
        RuleFor(x => x.Nir).Must(n => Domain.Jeunes.Nir.CleValide(Domain.Jeunes.Nir.Normaliser(n!)))
            .When(x => !x.PasDeNir && !string.IsNullOrWhiteSpace(x.Nir))
            .WithMessage("Le NIR n'est pas valide : 13 caractères et une clé de 2 chiffres égale à 97 − (numéro modulo 97) (JEU-04).");
    }
}

public sealed class ModifierNirHandler(IAppDbContext db) : ICommandHandler<ModifierNirCommand, DossierModifie>
{
    public async ValueTask<DossierModifie> Handle(ModifierNirCommand command, CancellationToken cancellationToken)
    {
        var jeune = await db.ChargerPourModificationAsync(command.JeuneId, command.Version, cancellationToken);
        jeune.ModifierNir(command.Nir, command.PasDeNir);
        await db.SaveChangesAsync(cancellationToken);
        return new DossierModifie(jeune.Id, jeune.Version);
    }
}

/// <summary>JEU-04: certification of a definitive NIR on a justified dossier.</summary>
[Requires(Droit.CertifierNir)]
public sealed record CertifierNirCommand(Guid JeuneId, int Version) : ICommand<DossierModifie>, ITransactional, IModificationDossier;

public sealed class CertifierNirHandler(IAppDbContext db) : ICommandHandler<CertifierNirCommand, DossierModifie>
{
    public async ValueTask<DossierModifie> Handle(CertifierNirCommand command, CancellationToken cancellationToken)
    {
        var jeune = await db.ChargerPourModificationAsync(command.JeuneId, command.Version, cancellationToken);
        jeune.CertifierNir();
        await db.SaveChangesAsync(cancellationToken);
        return new DossierModifie(jeune.Id, jeune.Version);
    }
}
