using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Comptes.GererComptes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Comptes.RenommerCompte;

/// <summary>USR-04: a change of name (marriage, divorce) of the same person; the prénom and civilité are repeated as a check, the login stays.</summary>
[Requires(Droit.GererComptes)]
public sealed record RenommerCompteCommand(Guid CompteId, string? Prenom, Domain.Jeunes.Civilite? Civilite, string? NouveauNom) : ICommand<Unit>, ITransactional;

public sealed class RenommerCompteValidator : AbstractValidator<RenommerCompteCommand>
{
    public RenommerCompteValidator()
    {
        RuleFor(x => x.Prenom).NotEmpty().WithMessage("Le prénom est obligatoire.");
        RuleFor(x => x.NouveauNom).NotEmpty().WithMessage("Le nouveau nom est obligatoire.").MaximumLength(100).WithMessage("Le nom ne peut pas dépasser 100 caractères.");
        RuleFor(x => x.Civilite).IsInEnum().WithMessage("Choisissez la civilité.");
    }
}

public sealed class RenommerCompteHandler(IComptes comptes, ICurrentUser user) : ICommandHandler<RenommerCompteCommand, Unit>
{
    public async ValueTask<Unit> Handle(RenommerCompteCommand c, CancellationToken cancellationToken)
    {
        var compte = await comptes.TrouverAsync(user.StructureId, c.CompteId, cancellationToken) ?? throw new NotFoundException("Compte introuvable.");
        ReglesComptes.VerifierModifiable(compte.Desabonne);
        ReglesComptes.VerifierRenommage(compte.Prenom, c.Prenom!, compte.Civilite, c.Civilite);
        await comptes.RenommerAsync(user.StructureId, c.CompteId, c.NouveauNom!.Trim(), cancellationToken);
        return Unit.Value;
    }
}
