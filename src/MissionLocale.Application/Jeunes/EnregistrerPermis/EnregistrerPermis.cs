using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Jeunes.EnregistrerPermis;

/// <summary>JEU-10: a driving licence category and its step; the date is required once obtained.</summary>
[Requires(Droit.ModifierDossier)]
public sealed record EnregistrerPermisCommand(Guid JeuneId, int Version, string Categorie, EtapePermis Etape, DateOnly? DateObtention)
    : ICommand<DossierModifie>, ITransactional, IModificationDossier;

public sealed class EnregistrerPermisValidator : AbstractValidator<EnregistrerPermisCommand>
{
    public static readonly string[] Categories = ["AM", "A1", "A2", "A", "B", "B1", "BE", "C1", "C", "C1E", "CE", "D1", "D", "D1E", "DE"];

    public EnregistrerPermisValidator(TimeProvider clock)
    {
        RuleFor(x => x.Categorie).Must(c => Categories.Contains(c?.Trim().ToUpperInvariant())).WithMessage("Catégorie de permis inconnue.");
        RuleFor(x => x.Etape).IsInEnum().WithMessage("Étape inconnue.");
        RuleFor(x => x.DateObtention).NotNull().When(x => x.Etape == EtapePermis.Obtenu)
            .WithMessage("Un permis obtenu doit avoir sa date d'obtention (JEU-10).");
        RuleFor(x => x.DateObtention).Must(d => d <= DateOnly.FromDateTime(clock.GetLocalNow().Date)).When(x => x.DateObtention is not null)
            .WithMessage("La date d'obtention ne peut pas être dans le futur.");
    }
}

public sealed class EnregistrerPermisHandler(IAppDbContext db) : ICommandHandler<EnregistrerPermisCommand, DossierModifie>
{
    public async ValueTask<DossierModifie> Handle(EnregistrerPermisCommand command, CancellationToken cancellationToken)
    {
        var jeune = await db.ChargerPourModificationAsync(command.JeuneId, command.Version, cancellationToken);
        jeune.EnregistrerPermis(command.Categorie, command.Etape, command.DateObtention);
        await db.SaveChangesAsync(cancellationToken);
        return new DossierModifie(jeune.Id, jeune.Version);
    }
}
