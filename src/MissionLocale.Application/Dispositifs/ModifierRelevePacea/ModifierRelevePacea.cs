using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.GererPacea;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Dispositifs.ModifierRelevePacea;

/// <summary>PACEA-09: corrects the entry or exit record (the housing, above all, which the dossier does not hold).</summary>
[Requires(Droit.GererDispositifs)]
public sealed record ModifierRelevePaceaCommand(Guid DispositifId, int Version, bool Sortie, string NiveauCep, string Situation, string Logement, string Mobilite, string CouvertureSociale) : ICommand<int>, ITransactional;

public sealed class ModifierRelevePaceaValidator : AbstractValidator<ModifierRelevePaceaCommand>
{
    public ModifierRelevePaceaValidator()
    {
        foreach (var champ in new System.Linq.Expressions.Expression<Func<ModifierRelevePaceaCommand, string>>[] { x => x.NiveauCep, x => x.Situation, x => x.Logement, x => x.Mobilite, x => x.CouvertureSociale })
        {
            RuleFor(champ).NotEmpty().WithMessage("Ce champ du relevé est obligatoire (PACEA-09).").MaximumLength(200).WithMessage("Ce champ ne peut pas dépasser 200 caractères.");
        }
    }
}

public sealed class ModifierRelevePaceaHandler(IAppDbContext db) : ICommandHandler<ModifierRelevePaceaCommand, int>
{
    public async ValueTask<int> Handle(ModifierRelevePaceaCommand c, CancellationToken cancellationToken)
    {
        var (d, _, _) = await db.ChargerPaceaAsync(c.DispositifId, c.Version, cancellationToken);
        ReglesDispositif.VerifierReleve(d, c.Sortie);

        d.CorrigerReleve(new ReleveParcours(c.NiveauCep.Trim(), c.Situation.Trim(), c.Logement.Trim(), c.Mobilite.Trim(), c.CouvertureSociale.Trim()), c.Sortie);
        await db.SaveChangesAsync(cancellationToken);
        return d.Version;
    }
}
