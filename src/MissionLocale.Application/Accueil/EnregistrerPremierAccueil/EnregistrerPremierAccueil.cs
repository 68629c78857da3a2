using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Accueil.EnregistrerPremierAccueil;

/// <summary>JEU-11: the premier accueil creates the dossier with consent (RGPD-01) and a first entretien individuel.</summary>
[Requires(Droit.EnregistrerPremierAccueil)]
public sealed record EnregistrerPremierAccueilCommand : ICommand<PremierAccueilResultat>, ITransactional, IChampsIdentite, IChampsContacts, IChampsAdresse
{
    public Civilite Civilite { get; init; }

    public string Nom { get; init; } = string.Empty;

    public string? NomNaissance { get; init; }

    public string Prenom { get; init; } = string.Empty;

    public DateOnly DateNaissance { get; init; }

    public bool NeALEtranger { get; init; }

    public string? PaysNaissanceCode { get; init; }

    public string? CommuneNaissanceInsee { get; init; }

    public Nationalite Nationalite { get; init; } = Nationalite.Francaise;

    public SituationFamiliale SituationFamiliale { get; init; }

    public int EnfantsACharge { get; init; }

    public ModeGarde ModeGarde { get; init; }

    public bool? Recense { get; init; }

    public bool? JdcEffectuee { get; init; }

    public string? Numero { get; init; }

    public string? Voie { get; init; }

    public string? Complement { get; init; }

    public string? Batiment { get; init; }

    public string? Escalier { get; init; }

    public string? Etage { get; init; }

    public string? Appartement { get; init; }

    public string? CodePostal { get; init; }

    public string? CommuneInsee { get; init; }

    public string? Email { get; init; }

    public string? TelephoneMobile { get; init; }

    public bool MobileJoignable { get; init; } = true;

    public string? TelephoneFixe { get; init; }

    public bool FixeJoignable { get; init; } = true;

    public string? CommentaireContact { get; init; }

    /// <summary>RGPD-01.</summary>
    public bool ConsentementRgpd { get; init; }

    /// <summary>QPV-02: open the QPV marker when the address is in a QPV (proposed, on by default).</summary>
    public bool OuvrirMarqueurQpv { get; init; } = true;

    /// <summary>The first entretien individuel (JEU-11).</summary>
    public int DureeEntretienMinutes { get; init; } = 30;

    public string? CommentaireEntretien { get; init; }

    /// <summary>JEU-02: set after the user saw the homonyms and chose to create anyway.</summary>
    public bool ConfirmerHomonyme { get; init; }
}

/// <summary>The created dossier, and the QPV to propose when the address is in one (QPV-02).</summary>
public sealed record PremierAccueilResultat(Guid JeuneId, long Numero, string? QpvCode, string? QpvNom, Guid? DispositifQpvId = null);

public sealed class EnregistrerPremierAccueilHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, IZonageAdresse zonage)
    : ICommandHandler<EnregistrerPremierAccueilCommand, PremierAccueilResultat>
{
    public async ValueTask<PremierAccueilResultat> Handle(EnregistrerPremierAccueilCommand command, CancellationToken cancellationToken)
    {
        var maintenant = clock.GetUtcNow();
        var aujourdhui = DateOnly.FromDateTime(clock.GetLocalNow().Date);

        // JEU-02: same normalised nom + prénom + date of birth in the structure → warn, create only when confirmed.
        // Identical requests at the same instant are serialised on the identity, so the second one sees the first.
        var nom = Texte.NomNormalise(command.Nom);
        var prenomCle = Texte.Cle(command.Prenom);
        await db.VerrouillerAsync($"JEU-02:{user.StructureId}:{command.DateNaissance:yyyy-MM-dd}:{prenomCle}", cancellationToken);
        if (!command.ConfirmerHomonyme)
        {
            var homonymes = await db.Jeunes
                .Where(j => j.DateNaissance == command.DateNaissance && j.PrenomCle == prenomCle
                    && (j.NomUsage == nom || j.NomNaissance == nom))
                .VersResume(db)
                .ToListAsync(cancellationToken);
            if (homonymes.Count > 0)
            {
                throw new ConfirmationRequiseException(
                    "JEU-02",
                    "Un dossier existe déjà avec ces nom, prénom et date de naissance. Ouvrez-le s'il s'agit du même jeune ; sinon confirmez la création d'un homonyme.",
                    homonymes);
            }
        }

        var antenneId = user.AntenneId
            ?? await db.Antennes.OrderBy(a => a.Nom).Select(a => a.Id).FirstAsync(cancellationToken);
        var jeune = Jeune.PremierAccueil(
            user.StructureId, antenneId, command.VersIdentite(), command.VersContacts(),
            command.ConsentementRgpd, user.UtilisateurId, maintenant);
        if (user.Profil == Profil.Conseiller)
        {
            jeune.ModifierReferent(user.UtilisateurId, antenneId, null, SavoirsDeBase.NonRenseigne);
        }

        string? qpvCode = null;
        if (!command.EstVide())
        {
            var saisie = await command.VersSaisieAsync(db, cancellationToken);
            qpvCode = await zonage.QpvAsync(saisie.CommuneInsee, saisie.Voie, aujourdhui, cancellationToken);
            jeune.NouvelleAdresse(saisie, aujourdhui, qpvCode, zrr: false);
        }

        db.Jeunes.Add(jeune);
        var entretien = new Evenement(
            user.StructureId, jeune.Id, NatureEvenement.EntretienIndividuel, maintenant, command.DureeEntretienMinutes,
            user.UtilisateurId, antenneId, string.IsNullOrWhiteSpace(command.CommentaireEntretien) ? "Premier accueil" : command.CommentaireEntretien.Trim());
        db.Evenements.Add(entretien);

        // QPV-02: an address in a QPV opens the QPV marker during the premier accueil entretien (unless declined).
        var qpvDispositif = qpvCode is not null && command.OuvrirMarqueurQpv
            ? await db.OuvrirMarqueurQpvAsync(jeune, aujourdhui, entretien.Id, cancellationToken)
            : null;
        await db.SaveChangesAsync(cancellationToken);

        var qpvNom = qpvCode is null ? null : await db.Qpvs.Where(q => q.Code == qpvCode).Select(q => q.Nom).FirstOrDefaultAsync(cancellationToken);
        return new PremierAccueilResultat(jeune.Id, jeune.Numero, qpvCode, qpvNom, qpvDispositif?.Id);
    }
}
