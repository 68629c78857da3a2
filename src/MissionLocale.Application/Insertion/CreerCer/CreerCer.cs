using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Insertion;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Insertion.CreerCer;

/// <summary>CER-02: a « RSA reprise versement » or « RSA réouverture droit » contract in the beneficiary's parcours (type locked, levée pre-ticked; answers its id).</summary>
[Requires(Droit.GererRsa)]
public sealed record CreerCerCommand(Guid JeuneId, TypeCer? Type, DateOnly? Debut, int? DureeMois) : ICommand<Guid>, ITransactional;

public sealed class CreerCerValidator : AbstractValidator<CreerCerCommand>
{
    public CreerCerValidator()
    {
        RuleFor(x => x.Type).NotEmpty().WithMessage("Le type du contrat est obligatoire.");
        RuleFor(x => x.Debut).NotEmpty().WithMessage("La date de début est obligatoire.");
        RuleFor(x => x.DureeMois).NotEmpty().WithMessage("La durée est obligatoire.");
    }
}

public sealed class CreerCerHandler(IAppDbContext db) : ICommandHandler<CreerCerCommand, Guid>
{
    public async ValueTask<Guid> Handle(CreerCerCommand c, CancellationToken cancellationToken)
    {
        var parcours = await db.ParcoursInsertion.SingleOrDefaultAsync(p => p.JeuneId == c.JeuneId, cancellationToken)
            ?? throw new NotFoundException("Parcours d'insertion introuvable : ouvrez-le d'abord dans l'onglet RSA du dossier.");
        var cer = parcours.NouveauContrat(c.Type!.Value, c.Debut!.Value, c.DureeMois!.Value);
        db.Cers.Add(cer);
        await db.SaveChangesAsync(cancellationToken);
        return cer.Id;
    }
}
