using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Transferts.TransfererJeunes;

/// <summary>
/// USR-09: the selected jeunes (or every jeune of conseiller A) go to conseiller B and/or to another lieu de
/// rattachement, all or nothing, in one statement with a history line per dossier (5,000 dossiers in well under 5 s,
/// docs/performance.md). The target is a person or an antenne: never another dossier.
/// </summary>
[Requires(Droit.TransfererEnMasse)]
public sealed record TransfererJeunesCommand(IReadOnlyList<Guid>? JeuneIds, Guid? DepuisConseillerId, Guid? VersConseillerId, Guid? VersAntenneId, bool TousLesJeunesDuConseiller = false)
    : ICommand<int>, ITransactional;

public sealed class TransfererJeunesValidator : AbstractValidator<TransfererJeunesCommand>
{
    public const int Maximum = 20_000;

    public TransfererJeunesValidator(IAppDbContext db)
    {
        RuleFor(x => x).Must(x => x.VersConseillerId is not null || x.VersAntenneId is not null)
            .WithMessage("Choisissez le conseiller qui reprend les dossiers ou le nouveau lieu de rattachement.").WithName("VersConseillerId");
        RuleFor(x => x.JeuneIds).NotEmpty().When(x => !x.TousLesJeunesDuConseiller).WithMessage("Sélectionnez au moins un jeune.");
        RuleFor(x => x.JeuneIds).Must(j => j!.Count <= Maximum).When(x => x.JeuneIds is not null)
            .WithMessage($"Un transfert porte sur {Maximum:N0} dossiers au plus : découpez la sélection.");
        RuleFor(x => x.DepuisConseillerId).NotNull().When(x => x.TousLesJeunesDuConseiller).WithMessage("Choisissez le conseiller qui cède son portefeuille.");
        RuleFor(x => x.VersAntenneId).AntenneDeLaStructure(db);
    }
}

public sealed class TransfererJeunesHandler(IAppDbContext db) : ICommandHandler<TransfererJeunesCommand, int>
{
    public async ValueTask<int> Handle(TransfererJeunesCommand c, CancellationToken cancellationToken)
    {
        if (c.VersConseillerId is { } cible)
        {
            if (await db.Jeunes.AnyAsync(j => j.Id == cible, cancellationToken))
            {
                ReglesComptes.VerifierPasDeFusion("un dossier dans un autre dossier");
            }

            ReglesComptes.VerifierTransfert(c.DepuisConseillerId ?? Guid.Empty, cible, await db.Utilisateurs.AnyAsync(u => u.Id == cible && u.Actif, cancellationToken));

            // USR-08: a désabonnement of the target at the same instant waits for this transfer, then sees its dossiers.
            await db.VerrouillerAsync("USR-08:" + cible, cancellationToken);
        }

        var ids = c.TousLesJeunesDuConseiller
            ? await db.Jeunes.Where(j => j.ConseillerReferentId == c.DepuisConseillerId).Select(j => j.Id).ToListAsync(cancellationToken)
            : c.JeuneIds!.Distinct().ToList();
        var n = await db.TransfererJeunesAsync(ids, c.DepuisConseillerId, c.VersConseillerId, c.VersAntenneId, cancellationToken);
        ReglesComptes.VerifierToutTransfere(ids.Count, n, "dossiers");
        return n;
    }
}
