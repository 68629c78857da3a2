using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Utilisateurs;

/// <summary>USR-06: the functions an account may hold besides its profile.</summary>
[Flags]
public enum FonctionsCompte
{
    Aucune = 0,

    /// <summary>May be the conseiller référent of jeunes.</summary>
    ConseillerReferent = 1,

    /// <summary>USR-07: selectable as prescripteur once added to the structure's table.</summary>
    Prescripteur = 2,

    /// <summary>USR-07: selectable as référent de dispositif once added to the structure's table.</summary>
    ReferentDispositif = 4,

    /// <summary>RGPD-04: the structure's data protection officer (one named person): sees who read or changed dossiers.</summary>
    DelegueProtectionDonnees = 8,

    /// <summary>PPAE-01 / PPAE-02: the gestionnaire de la cotraitance with France Travail (accepts, matches and assigns the assignments).</summary>
    GestionnaireCotraitance = 16,

    /// <summary>CER-06 / EP-03: validates CER and decides on saisines for the département (a validateur siège or the direction).</summary>
    ValidateurDepartement = 32,
}

/// <summary>What a user is still référent of in a structure (USR-08 refuses a désabonnement while any is non-zero).</summary>
public sealed record ReferencesCompte(int Jeunes, int Entreprises, int Offres)
{
    public bool Aucune => Jeunes == 0 && Entreprises == 0 && Offres == 0;
}

/// <summary>The account rules of USR-01 to USR-09, applied to the facts the use cases gathered.</summary>
public static class ReglesComptes
{
    /// <summary>The name an unsubscribed user shows under on événements and propositions (USR-08).</summary>
    public const string DonneeAnonymisee = "Donnée anonymisée";

    // USR-01: names that designate a desk or a team, not a person.
    private static readonly HashSet<string> NomsGeneriques = new(StringComparer.Ordinal)
    {
        "accueil", "secretariat", "direction", "administrateur", "admin", "conseiller", "stagiaire", "test", "generique",
        "equipe", "service", "mission locale", "ml", "antenne", "siege", "compta", "comptabilite", "utilisateur", "user",
    };

    /// <summary>USR-01: a physical person with an e-mail, not a desk account.</summary>
    public static void VerifierPersonnePhysique(string nom, string prenom, string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            throw new BusinessRuleException("USR-01", "L'adresse e-mail est obligatoire : chaque compte est celui d'une personne, qui reçoit son lien de première connexion par e-mail.", "Email");
        }

        if (NomsGeneriques.Contains(Texte.Cle(nom)) || NomsGeneriques.Contains(Texte.Cle(prenom)))
        {
            throw new BusinessRuleException("USR-01", $"« {prenom} {nom} » désigne un poste ou un service, pas une personne : un compte est nominatif, créez-en un pour chaque personne.", "Nom");
        }
    }

    /// <summary>RGPD-04: one named data protection officer per structure.</summary>
    public static void VerifierDelegueUnique(FonctionsCompte fonctions, string? delegueExistant)
    {
        if (fonctions.HasFlag(FonctionsCompte.DelegueProtectionDonnees) && delegueExistant is not null)
        {
            throw new BusinessRuleException("RGPD-04", $"{delegueExistant} est déjà délégué(e) à la protection des données de la structure : retirez-lui d'abord cette fonction, elle est tenue par une seule personne.", "Fonctions");
        }
    }

    /// <summary>USR-05: one Direction per structure, deactivated accounts included.</summary>
    public static void VerifierDirectionUnique(Profil profil, string? directionExistante)
    {
        if (profil == Profil.Direction && directionExistante is not null)
        {
            throw new BusinessRuleException("USR-05", $"La fonction Direction est déjà tenue par {directionExistante} (compte actif ou désactivé) : retirez-la lui d'abord, elle est unique dans la structure.", "Profil");
        }
    }

    /// <summary>USR-05: the Direction function is removed before the account is deactivated or unsubscribed.</summary>
    public static void VerifierSansDirection(Profil profil)
    {
        if (profil == Profil.Direction)
        {
            throw new BusinessRuleException("USR-05", "Ce compte tient la fonction Direction : donnez-lui un autre profil avant de le désactiver, puis attribuez la Direction à la personne qui la reprend.", "Profil");
        }
    }

    /// <summary>USR-03: an account is attached to this structure only when it is no longer active where it is.</summary>
    public static void VerifierRattachement(bool dejaIci, bool actifAilleurs, string login, string structureActuelle)
    {
        if (dejaIci)
        {
            throw new BusinessRuleException("USR-03", $"Le compte {login} est déjà rattaché à votre structure.");
        }

        if (actifAilleurs)
        {
            throw new BusinessRuleException("USR-03", $"Le compte {login} est encore actif à {structureActuelle} : son administrateur doit d'abord le désactiver (après transfert de son portefeuille) pour que vous puissiez le rattacher.");
        }
    }

    /// <summary>USR-04: renaming is for a change of name of the same person (marriage, divorce), never to hand an account to someone else.</summary>
    public static void VerifierRenommage(string prenomActuel, string prenomSaisi, Jeunes.Civilite? civiliteActuelle, Jeunes.Civilite? civiliteSaisie)
    {
        if (!string.Equals(Texte.Cle(prenomActuel), Texte.Cle(prenomSaisi), StringComparison.Ordinal) || (civiliteActuelle is not null && civiliteSaisie != civiliteActuelle))
        {
            throw new BusinessRuleException("USR-04", "Un renommage ne change que le nom d'usage de la même personne (mariage, divorce) : pour une autre personne qui remplace celle-ci, créez-lui un nouveau compte.", "Prenom");
        }
    }

    /// <summary>USR-08: désabonnement is final, refused while the user is still référent of anything.</summary>
    public static void VerifierDesabonnement(ReferencesCompte references)
    {
        if (references.Aucune)
        {
            return;
        }

        var restes = new List<string>();
        if (references.Jeunes > 0)
        {
            restes.Add(Libelles.Nombre(references.Jeunes, "jeune", "jeunes"));
        }

        if (references.Entreprises > 0)
        {
            restes.Add(Libelles.Nombre(references.Entreprises, "entreprise", "entreprises"));
        }

        if (references.Offres > 0)
        {
            restes.Add(Libelles.Nombre(references.Offres, "offre de service", "offres de service"));
        }

        var liste = string.Join(", ", restes);
        throw new BusinessRuleException("USR-08", $"Ce compte est encore référent de {liste} : transférez-les à un autre conseiller (Administration › Transferts) avant le désabonnement, ou désactivez seulement le compte.");
    }

    /// <summary>USR-08: an unsubscribed account is final; nothing about it changes any more.</summary>
    public static void VerifierModifiable(bool desabonne)
    {
        if (desabonne)
        {
            throw new BusinessRuleException("USR-08", "Ce compte est désabonné : c'est définitif, il ne se modifie ni ne se réactive. Créez un nouveau compte si la personne revient.");
        }
    }

    /// <summary>An administrator does not lock themself out (the structure would have no one left to undo it).</summary>
    public static void VerifierPasSoiMeme(Guid compteId, Guid utilisateurId)
    {
        if (compteId == utilisateurId)
        {
            throw new BusinessRuleException("USR-08", "Vous ne pouvez pas désactiver ni désabonner votre propre compte : demandez-le à un autre administrateur.");
        }
    }

    /// <summary>USR-09: a transfer goes from one holder to another of the same structure, active.</summary>
    public static void VerifierTransfert(Guid source, Guid cible, bool cibleActive)
    {
        if (source == cible)
        {
            throw new BusinessRuleException("USR-09", "Le conseiller qui reprend doit être différent de celui qui cède.", "CibleId");
        }

        if (!cibleActive)
        {
            throw new BusinessRuleException("USR-09", "Le conseiller qui reprend doit avoir un compte actif de votre structure.", "CibleId");
        }
    }

    /// <summary>USR-09: all or nothing: when a selected item was not moved (changed hands meanwhile, or not of the structure), nothing is.</summary>
    public static void VerifierToutTransfere(int selectionnes, int transferes, string nature)
    {
        if (transferes != selectionnes)
        {
            throw new BusinessRuleException("USR-09", $"{selectionnes - transferes} des {selectionnes} {nature} sélectionnés ont changé de référent depuis l'affichage de la liste, ou ne sont pas de votre structure : rien n'a été transféré. Rechargez la liste et recommencez.");
        }
    }

    /// <summary>USR-09: a transfer changes holders; it never merges one dossier or offre into another.</summary>
    public static void VerifierPasDeFusion(string nature)
    {
        throw new BusinessRuleException("USR-09", $"Un transfert change le référent ou le lieu de rattachement ; il ne verse jamais {nature} dans un(e) autre. Pour un doublon, gardez les deux et signalez-le à l'administrateur.");
    }
}
