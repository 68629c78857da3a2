using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Application.Comptes.GererComptes;
using MissionLocale.Application.Rgpd.ConsulterJournal;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Comptes.CreerCompte;

/// <summary>
/// USR-01 to USR-03, USR-05, USR-06: an administrator creates the account of a person of the structure. The login
/// follows USR-02; the person receives a single-use link to choose a password (the administrator never chooses one).
/// When accounts with the same nom and prénom exist anywhere (USR-03), the request must say it creates a new one anyway
/// (<see cref="CreerMalgreHomonymes"/>): attaching the existing account is the other answer.
/// </summary>
[Requires(Droit.GererComptes)]
public sealed record CreerCompteCommand(Domain.Jeunes.Civilite? Civilite, string? Nom, string? Prenom, string? Email, Guid? AntenneId, Profil? Profil,
    FonctionsCompte Fonctions = FonctionsCompte.Aucune, bool CreerMalgreHomonymes = false) : ICommand<CompteCree>, ITransactional;

public sealed class CreerCompteHandler(IComptes comptes, IAppDbContext db, ICurrentUser user) : ICommandHandler<CreerCompteCommand, CompteCree>
{
    public async ValueTask<CompteCree> Handle(CreerCompteCommand c, CancellationToken cancellationToken)
    {
        var nom = c.Nom!.Trim();
        var prenom = c.Prenom!.Trim();
        ReglesComptes.VerifierPersonnePhysique(nom, prenom, c.Email);
        ReglesComptes.VerifierDirectionUnique(c.Profil!.Value, await comptes.DirectionAsync(user.StructureId, null, cancellationToken));
        ReglesComptes.VerifierDelegueUnique(c.Fonctions, await DelegueProtectionDonnees.ExistantAsync(db, null, cancellationToken));

        // USR-02: two administrators creating the same person at once must not compute the same login.
        await db.VerrouillerAsync("USR-02:" + Domain.Common.Texte.Cle(nom), cancellationToken);
        if (!c.CreerMalgreHomonymes)
        {
            var existants = await comptes.RechercherNationalAsync(user.StructureId, nom, prenom, cancellationToken);
            if (existants.Count > 0)
            {
                throw new ConfirmationRequiseException("USR-03",
                    $"Un compte existe déjà pour {prenom} {nom} ({string.Join(", ", existants.Select(e => $"{e.Login}, {e.Structure}"))}) : rattachez-le à votre structure s'il s'agit de la même personne, sinon confirmez la création d'un nouveau compte.",
                    [], nameof(CreerCompteCommand.CreerMalgreHomonymes));
            }
        }

        return await comptes.CreerAsync(user.StructureId, new NouveauCompte(c.Civilite, nom, prenom, c.Email!.Trim(), c.AntenneId, c.Profil.Value, c.Fonctions), cancellationToken);
    }
}
