using System.Text;

namespace MissionLocale.Domain.Common;

/// <summary>French labels of enum values and dossier fields, for pages and the dossier's history.</summary>
public static class Libelles
{
    /// <summary>French formatting (dates dd/MM/yyyy, "1 234,56"), for every text shown or written.</summary>
    public static readonly System.Globalization.CultureInfo Francais = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    private static readonly System.Globalization.CultureInfo Fr = Francais;

    /// <summary>
    /// A count with its noun agreed as a careful French writer would: "0 demande", "1 demande", "2 demandes" (zero and
    /// one take the singular). The plural is the singular + "s" unless given ("1 jeune", "3 jeunes"; "1 travail", "2 travaux").
    /// </summary>
    public static string Nombre(long n, string singulier, string? pluriel = null) =>
        $"{n.ToString("N0", Fr)} {(Math.Abs(n) >= 2 ? pluriel ?? Pluriel(singulier) : singulier)}";

    /// <summary>
    /// The words of a short phrase put in the plural up to its complement: "sortie positive" → "sorties positives",
    /// "demande d'allocation" → "demandes d'allocation", "jeune résidant en QPV" → "jeunes résidant en QPV".
    /// </summary>
    private static string Pluriel(string singulier)
    {
        var mots = singulier.Split(' ');
        for (var i = 0; i < mots.Length; i++)
        {
            var m = mots[i];
            if (m is "de" or "du" or "des" or "à" or "en" or "sur" or "pour" or "dont" || m.StartsWith("d'", StringComparison.Ordinal) || m.EndsWith("ant", StringComparison.Ordinal))
            {
                break;
            }

            mots[i] = m.Length == 0 || m.EndsWith('s') || m.EndsWith('x') || m.EndsWith('z') ? m : m + "s";
        }

        return string.Join(' ', mots);
    }

    /// <summary>A past participle agreed with the civilité: Accorde(Madame, "né") = "née", Accorde(Monsieur, "convoqué") = "convoqué".</summary>
    public static string Accorde(Jeunes.Civilite civilite, string mot) => civilite == Jeunes.Civilite.Madame ? mot + "e" : mot;

    private static readonly Dictionary<string, string> Valeurs = new(StringComparer.Ordinal)
    {
        ["Civilite.Madame"] = "Madame",
        ["Civilite.Monsieur"] = "Monsieur",
        ["Nationalite.Francaise"] = "Française",
        ["Nationalite.UeEee"] = "UE / EEE",
        ["Nationalite.HorsUe"] = "Hors UE",
        ["SituationFamiliale.NonRenseigne"] = "Non renseigné",
        ["SituationFamiliale.Celibataire"] = "Célibataire",
        ["SituationFamiliale.Marie"] = "Marié(e)",
        ["SituationFamiliale.Pacse"] = "Pacsé(e)",
        ["SituationFamiliale.UnionLibre"] = "Union libre",
        ["SituationFamiliale.Divorce"] = "Divorcé(e)",
        ["SituationFamiliale.Separe"] = "Séparé(e)",
        ["SituationFamiliale.Veuf"] = "Veuf / veuve",
        ["ModeGarde.NonConcerne"] = "Non concerné",
        ["ModeGarde.Aucun"] = "Aucun",
        ["ModeGarde.Creche"] = "Crèche",
        ["ModeGarde.AssistanteMaternelle"] = "Assistante maternelle",
        ["ModeGarde.Famille"] = "Famille",
        ["ModeGarde.Scolarise"] = "Scolarisé",
        ["ModeGarde.DifficulteDeGarde"] = "Difficulté de garde",
        ["PieceJustificative.CarteNationaleIdentite"] = "1 - Carte nationale d'identité",
        ["PieceJustificative.Passeport"] = "2 - Passeport",
        ["PieceJustificative.PermisDeConduire"] = "3 - Permis de conduire",
        ["PieceJustificative.TitreDeSejour"] = "4 - Titre / carte de séjour, récépissé, document de circulation",
        ["PieceJustificative.CarteDeCombattant"] = "5 - Carte de combattant",
        ["PieceJustificative.AutrePiece"] = "6 - Autre pièce",
        ["Rsa.Non"] = "Non",
        ["Rsa.Beneficiaire"] = "Bénéficiaire",
        ["Rsa.AyantDroit"] = "Ayant droit",
        ["TypeRessource.Aucun"] = "Aucune",
        ["TypeRessource.Salaire"] = "Salaire",
        ["TypeRessource.AllocationChomage"] = "Allocation chômage",
        ["TypeRessource.Rsa"] = "RSA",
        ["TypeRessource.PrimeActivite"] = "Prime d'activité",
        ["TypeRessource.Bourse"] = "Bourse",
        ["TypeRessource.RemunerationStage"] = "Rémunération de stage",
        ["TypeRessource.AllocationAdulteHandicape"] = "Allocation adulte handicapé",
        ["TypeRessource.PensionAlimentaire"] = "Pension alimentaire",
        ["TypeRessource.Autre"] = "Autre",
        ["SavoirsDeBase.NonRenseigne"] = "Non renseigné",
        ["SavoirsDeBase.Acquis"] = "Acquis",
        ["SavoirsDeBase.NonAcquis"] = "Non acquis",
        ["SavoirsDeBase.AVerifier"] = "À vérifier",
        ["ResultatFormation.Obtenu"] = "Obtenu",
        ["ResultatFormation.Echec"] = "Échec",
        ["EtapePermis.Asr"] = "ASR",
        ["EtapePermis.Code"] = "Code",
        ["EtapePermis.EnCours"] = "En cours",
        ["EtapePermis.Obtenu"] = "Obtenu",
        ["RayonMobilite.NonRenseigne"] = "Non renseigné",
        ["RayonMobilite.Commune"] = "Commune",
        ["RayonMobilite.Canton"] = "Canton",
        ["RayonMobilite.Departement"] = "Département",
        ["RayonMobilite.DepartementsLimitrophes"] = "Départements limitrophes",
        ["RayonMobilite.Region"] = "Région",
        ["RayonMobilite.National"] = "National",
        ["RayonMobilite.International"] = "International",
        ["MoyenTransport.Aucun"] = "Aucun (à pied)",
        ["MoyenTransport.TransportsEnCommun"] = "Transports en commun",
        ["MoyenTransport.Velo"] = "Vélo",
        ["MoyenTransport.DeuxRouesMotorise"] = "Deux-roues motorisé",
        ["MoyenTransport.Voiture"] = "Voiture",
        ["MoyenTransport.Covoiturage"] = "Covoiturage",
        ["MotifAdresse.Nouvelle"] = "Nouvelle adresse",
        ["MotifAdresse.DemenagementHorsTerritoire"] = "Déménagement hors territoire",
        ["MotifAdresse.Sdf"] = "Sans domicile fixe",
        ["NatureEvenement.EntretienIndividuel"] = "Entretien individuel",
        ["NatureEvenement.InformationCollective"] = "Information collective",
        ["NatureEvenement.Atelier"] = "Atelier",
        ["NatureEvenement.InterneAdministratif"] = "Interne / administratif",
        ["TypeCompte.CompteCourant"] = "Compte courant",
        ["TypeCompte.CompteJoint"] = "Compte joint",
        ["TypeCompte.LivretA"] = "Livret A (refusé)",
        ["MesureProtection.Aucune"] = "Aucune",
        ["MesureProtection.Tutelle"] = "Tutelle",
        ["MesureProtection.Curatelle"] = "Curatelle",
        ["FonctionIntervenant.Prescripteur"] = "Prescripteur",
        ["FonctionIntervenant.ReferentDispositif"] = "Référent de dispositif",
        ["DecisionBilan.PhaseSuivante"] = "Phase suivante",
        ["DecisionBilan.Prolongation"] = "Prolongation de la phase",
        ["DecisionBilan.Sortie"] = "Sortie du PACEA",
        ["TypeSituation.Emploi"] = "Emploi",
        ["TypeSituation.Formation"] = "Formation",
        ["TypeSituation.Immersion"] = "Immersion",
        ["TypeSituation.ServiceCivique"] = "Service civique",
        ["TypeSituation.SituationNonProfessionnelle"] = "Situation non professionnelle",
        ["TypeSituation.DemandeurEmploi"] = "Demandeur d'emploi",
        ["NatureRendezVous.EntretienIndividuel"] = "Entretien individuel",
        ["NatureRendezVous.InformationCollective"] = "Information collective",
        ["NatureRendezVous.Atelier"] = "Atelier",
        ["NatureRendezVous.Partenaire"] = "Rendez-vous partenaire",
        ["NatureRendezVous.RsaElaborationPremierContrat1"] = "F — 1er RDV élaboration premier contrat (RSA)",
        ["NatureRendezVous.RsaElaborationPremierContrat2"] = "G — 2ème RDV élaboration premier contrat (RSA)",
        ["NatureRendezVous.RsaRenouvellement1"] = "H — 1er RDV renouvellement contrat (RSA)",
        ["NatureRendezVous.RsaRenouvellement2"] = "I — 2ème RDV renouvellement contrat (RSA)",
        ["NatureRendezVous.RsaSuivi"] = "J — RDV de suivi (RSA)",
        ["ListeCer.ARenouvelerDansLeMois"] = "CER à renouveler dans le mois",
        ["ListeCer.SansCerEnVigueur"] = "En parcours RSA sans CER en vigueur",
        ["ListeCer.EnValidation"] = "CER en attente du département",
        ["ListeCer.Refuse"] = "CER refusé, à reprendre",
        ["TypeCer.PremierContrat"] = "RSA 1er contrat",
        ["TypeCer.Renouvellement"] = "RSA renouvellement",
        ["TypeCer.Avenant"] = "RSA avenant",
        ["TypeCer.RepriseVersement"] = "RSA reprise versement",
        ["TypeCer.ReouvertureDroit"] = "RSA réouverture droit",
        ["TypeAccompagnement.Inconnu"] = "Inconnu",
        ["TypeAccompagnement.Professionnel"] = "Professionnel",
        ["TypeAccompagnement.Social"] = "Social",
        ["TypeAccompagnement.SocioProfessionnel"] = "Socio-professionnel",
        ["TypeAccompagnement.Orientation"] = "Orientation",
        ["MotifSaisine.AbsenceCer"] = "Absence de CER",
        ["MotifSaisine.AbsenceRenouvellementCer"] = "Absence de renouvellement CER",
        ["MotifSaisine.CessationInscriptionFranceTravail"] = "Cessation d'inscription à France Travail",
        ["MotifSaisine.NonRespectCer"] = "Non respect du CER",
        ["MotifSaisine.PasActualisationPpae"] = "Pas d'actualisation du PPAE",
        ["MotifSaisine.PasDePpae"] = "Pas de PPAE",
        ["MotifSaisine.RadiationFranceTravail"] = "Radiation France Travail",
        ["MotifSaisine.Reorientation"] = "Réorientation",
        ["Modalite.SurPlace"] = "sur place",
        ["Modalite.Telephone"] = "par téléphone",
        ["Modalite.Visio"] = "en visioconférence",
        ["MotifAbsence.Accident"] = "Accident",
        ["MotifAbsence.Maladie"] = "Maladie",
        ["MotifAbsence.NonExcuse"] = "Non excusé",
        ["MotifAbsence.ProblemeTransport"] = "Problème de transport",
        ["MotifAbsence.Travail"] = "Travail",
        ["TypeOffre.Atelier"] = "Atelier",
        ["TypeOffre.InformationCollective"] = "Information collective",
        ["TypeOffre.Forum"] = "Forum",
        ["TypeOffre.JobDating"] = "Job dating",
        ["TypeOffre.VisiteEntreprise"] = "Visite d'entreprise",
        ["TypeOffre.Formation"] = "Formation",
        ["TypeOffre.OffreEmploi"] = "Offre d'emploi",
        ["TypeOffre.Orientation"] = "Orientation",
        ["TypeOffre.Autre"] = "Autre",
        ["CategorieDocument.Convocation"] = "Convocation",
        ["CategorieDocument.Courrier"] = "Courrier",
        ["CategorieDocument.PieceJustificative"] = "Pièce justificative",
        ["CategorieDocument.Autre"] = "Autre",
        ["CategorieDocument.Contrat"] = "Contrat",
    };

    private static readonly Dictionary<string, string> Champs = new(StringComparer.Ordinal)
    {
        ["NomUsage"] = "Nom d'usage",
        ["EntreeNiveauCep"] = "Niveau CEP à l'entrée",
        ["EntreeSituation"] = "Situation à l'entrée",
        ["EntreeLogement"] = "Logement à l'entrée",
        ["EntreeMobilite"] = "Mobilité à l'entrée",
        ["EntreeCouverture"] = "Couverture sociale à l'entrée",
        ["SortieNiveauCep"] = "Niveau CEP à la sortie",
        ["SortieSituation"] = "Situation à la sortie",
        ["SortieLogement"] = "Logement à la sortie",
        ["SortieMobilite"] = "Mobilité à la sortie",
        ["SortieCouverture"] = "Couverture sociale à la sortie",
        ["Objectifs"] = "Objectifs",
        ["Resultat"] = "Résultat",
        ["Decision"] = "Décision du bilan",
        ["DateBilan"] = "Date du bilan",
        ["Prolongations"] = "Prolongations",
        ["NomNaissance"] = "Nom de naissance",
        ["Prenom"] = "Prénom",
        ["DateNaissance"] = "Date de naissance",
        ["NeALEtranger"] = "Né à l'étranger",
        ["PaysNaissanceCode"] = "Pays de naissance",
        ["CommuneNaissanceInsee"] = "Commune de naissance",
        ["SituationFamiliale"] = "Situation familiale",
        ["EnfantsACharge"] = "Enfants à charge",
        ["ModeGarde"] = "Mode de garde",
        ["Recense"] = "Recensé",
        ["JdcEffectuee"] = "JDC effectuée",
        ["PieceJustificative"] = "Pièce justificative",
        ["JustifieLe"] = "Justifié le",
        ["JustifiePar"] = "Justifié par",
        ["Nir"] = "NIR",
        ["PasDeNir"] = "Pas de NIR",
        ["NirCertifie"] = "NIR certifié",
        ["Email"] = "E-mail",
        ["TelephoneMobile"] = "Téléphone mobile",
        ["MobileJoignable"] = "Mobile joignable",
        ["TelephoneFixe"] = "Téléphone fixe",
        ["FixeJoignable"] = "Fixe joignable",
        ["CommentaireContact"] = "Commentaire contact",
        ["CouvertureSociale"] = "Couverture sociale",
        ["CouvertureComplementaire"] = "Couverture complémentaire",
        ["Rqth"] = "RQTH",
        ["RqthCategorie"] = "Catégorie RQTH",
        ["InscritFranceTravail"] = "Inscrit France Travail",
        ["IdentifiantFt"] = "Identifiant France Travail",
        ["NumeroAgdref"] = "Numéro AGDREF",
        ["FinTitreSejour"] = "Fin de validité du titre de séjour",
        ["ConseillerReferentId"] = "Conseiller référent",
        ["AntenneId"] = "Lieu de rattachement",
        ["OrigineVenue"] = "Origine de la venue",
        ["SavoirsDeBase"] = "Savoirs de base",
        ["RayonMobilite"] = "Rayon de mobilité",
        ["MoyensTransport"] = "Moyens de transport",
        ["MoyenPrincipal"] = "Moyen principal",
        ["DateDeces"] = "Date de décès",
        ["MontantMensuel"] = "Montant mensuel",
        ["DateDebut"] = "Date de début",
        ["DateFin"] = "Date de fin",
        ["Npai"] = "NPAI",
        ["QpvCode"] = "Quartier prioritaire (QPV)",
        ["Complement"] = "Complément",
        ["Batiment"] = "Bâtiment",
        ["Escalier"] = "Escalier",
        ["Etage"] = "Étage",
        ["Appartement"] = "Appartement",
        ["Voie"] = "Voie",
        ["Numero"] = "Numéro",
        ["CodePostal"] = "Code postal",
        ["CommuneNom"] = "Commune",
        ["Etape"] = "Étape",
        ["DateObtention"] = "Date d'obtention",
        ["Categorie"] = "Catégorie",
        ["DerniereClasse"] = "Dernière classe",
        ["Etablissement"] = "Établissement",
        ["AnneeSortieScolaire"] = "Année de sortie du système scolaire",
        ["Scolarise"] = "Encore scolarisé",
        ["NiveauQualification"] = "Niveau de qualification",
        ["DateResultat"] = "Date du résultat",
        ["CodeRncp"] = "Code RNCP",
        ["Annee"] = "Année",
        ["Civilite"] = "Civilité",
        ["Nationalite"] = "Nationalité",
        ["Rsa"] = "RSA",
        ["Type"] = "Type",
        ["Motif"] = "Motif",
        ["Perspectives"] = "Perspectives",
        ["_actions"] = "Actions d'insertion",
        ["Atouts"] = "Atouts",
        ["Defis"] = "Défis",
        ["Observation"] = "Observation du bénéficiaire",
        ["Engagements"] = "Engagements",
        ["RythmeRencontres"] = "Rythme des rencontres",
        ["DureeMois"] = "Durée (mois)",
        ["FinPrevue"] = "Fin prévue",
        ["SigneBeneficiaireLe"] = "Signé par le bénéficiaire le",
        ["SigneReferentLe"] = "Signé par le référent le",
        ["SignatureBeneficiaire"] = "Signature du bénéficiaire",
        ["SignatureReferent"] = "Signature du référent",
        ["CommentaireInsertion"] = "Commentaire insertion",
        ["CommentaireValidation"] = "Commentaire de validation",
        ["DecisionProposee"] = "Décision proposée",
        ["SanctionActive"] = "Sanction active",
    };

    public static string De(Enum valeur)
    {
        if (Workflows.Libelle(valeur) is { } etat)
        {
            return etat;
        }

        var cle = $"{valeur.GetType().Name}.{valeur}";
        return Valeurs.TryGetValue(cle, out var l) ? l : Decouper(valeur.ToString());
    }

    public static string Champ(string propriete) => Champs.TryGetValue(propriete, out var l) ? l : Decouper(propriete);

    private static string Decouper(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            if (char.IsUpper(c) && sb.Length > 0)
            {
                sb.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
