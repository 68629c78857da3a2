using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Insertion;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Insertion.SaisirCer;

/// <summary>An action d'insertion as typed: a code of the nomenclature, its start and (default 6 months later) échéance.</summary>
public sealed record ActionSaisie(string Code, DateOnly Debut, DateOnly? Echeance, Guid? SessionId = null);

/// <summary>CER-02 to CER-05: the type, start, duration and content of a CER not yet signed, with its actions d'insertion (answers the new version).</summary>
[Requires(Droit.GererRsa)]
public sealed record SaisirCerCommand(Guid CerId, int Version, ContenuCer Contenu, IReadOnlyList<ActionSaisie>? Actions, TypeCer? Type = null, DateOnly? Debut = null, int? DureeMois = null) : ICommand<int>, ITransactional;

public sealed class SaisirCerValidator : AbstractValidator<SaisirCerCommand>
{
    public SaisirCerValidator()
    {
        RuleFor(x => x.Contenu).NotNull().WithMessage("Le contenu du contrat est obligatoire.");
        RuleForEach(x => x.Actions).ChildRules(a =>
        {
            a.RuleFor(x => x.Code).NotEmpty().WithMessage("L'action d'insertion est obligatoire.");
            a.RuleFor(x => x.Debut).NotEmpty().WithMessage("Le début de l'action est obligatoire.");
        });
    }
}

public sealed class SaisirCerHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<SaisirCerCommand, int>
{
    public async ValueTask<int> Handle(SaisirCerCommand c, CancellationToken cancellationToken)
    {
        var cer = await db.Cers.AVersionAsync(c.CerId, c.Version, Rsa.Introuvable, cancellationToken);
        var nomenclature = await db.ActionsAsync(clock.Aujourdhui(), cancellationToken);
        var actions = c.Actions ?? [];
        BusinessRuleException.ThrowIfBroken(new Cer05ActionsDeLaNomenclature(actions.Select(a => (a.Code, a.Debut, a.Echeance)).ToList(), nomenclature.Select(n => n.Code).ToList()));

        // CER-05: a service proposed on a session of this structure's catalogue (another structure's reads as unknown).
        var ids = actions.Where(a => a.SessionId is not null).Select(a => a.SessionId!.Value).Distinct().ToList();
        var sessions = await db.SessionsProposablesAsync(clock, s => ids.Contains(s.Id), cancellationToken);
        BusinessRuleException.ThrowIfBroken(new Cer05SessionDuCatalogue(ids, sessions.Keys.ToList()));
        cer.Saisir(c.Contenu, actions.Select(a => Cer.Action(a.Code.Trim(), nomenclature.First(n => n.Code == a.Code.Trim()).Libelle, a.Debut, a.Echeance,
            a.SessionId, a.SessionId is { } s ? sessions[s] : null)), c.Type, c.Debut, c.DureeMois);
        await db.SaveChangesAsync(cancellationToken);
        return cer.Version;
    }
}
