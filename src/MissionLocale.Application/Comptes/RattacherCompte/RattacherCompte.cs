using FluentValidation;
using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Comptes.GererComptes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Comptes.RattacherCompte;

/// <summary>
/// USR-03: instead of a second account, the person's existing account comes to this structure with the same login and
/// password. Only an account no longer active where it is (the other structure deactivated it after handing over its
/// portfolio): an account is in one structure at a time (docs/profils-et-droits.md).
/// </summary>
[Requires(Droit.GererComptes)]
public sealed record RattacherCompteCommand(Guid CompteId, Guid? AntenneId, Profil? Profil, FonctionsCompte Fonctions = FonctionsCompte.Aucune) : ICommand<Unit>, ITransactional;

public sealed class RattacherCompteValidator : AbstractValidator<RattacherCompteCommand>
{
    public RattacherCompteValidator(IAppDbContext db)
    {
        RuleFor(x => x.Profil).NotNull().WithMessage("Le profil est obligatoire.").IsInEnum().WithMessage("Choisissez un profil de la liste.")
            .Must(p => p != Domain.Utilisateurs.Profil.AdministrateurNational).WithMessage("Le profil d'administrateur national ne se donne pas depuis une structure.");
        RuleFor(x => x.Fonctions).IsInEnum().WithMessage("Choisissez des fonctions de la liste.");
        RuleFor(x => x.AntenneId).AntenneDeLaStructure(db);
    }
}

public sealed class RattacherCompteHandler(IComptes comptes, ICurrentUser user) : ICommandHandler<RattacherCompteCommand, Unit>
{
    public async ValueTask<Unit> Handle(RattacherCompteCommand c, CancellationToken cancellationToken)
    {
        var compte = await comptes.RechercherParIdAsync(user.StructureId, c.CompteId, cancellationToken) ?? throw new NotFoundException("Compte introuvable.");
        ReglesComptes.VerifierRattachement(compte.DansMaStructure, compte.Actif, compte.Login, compte.Structure);
        ReglesComptes.VerifierDirectionUnique(c.Profil!.Value, await comptes.DirectionAsync(user.StructureId, null, cancellationToken));
        return await comptes.RattacherAsync(c.CompteId, user.StructureId, c.AntenneId, c.Profil.Value, c.Fonctions, cancellationToken) ? Unit.Value : throw new NotFoundException("Compte introuvable.");
    }
}
