namespace MissionLocale.Domain.Jeunes;

public enum Civilite
{
    Madame = 1,
    Monsieur = 2,
}

/// <summary>JEU-01.</summary>
public enum Nationalite
{
    Francaise = 1,
    UeEee = 2,
    HorsUe = 3,
}

/// <summary>JEU-01: a complete dossier never keeps NonRenseigne.</summary>
public enum SituationFamiliale
{
    NonRenseigne = 0,
    Celibataire = 1,
    Marie = 2,
    Pacse = 3,
    UnionLibre = 4,
    Divorce = 5,
    Separe = 6,
    Veuf = 7,
}

/// <summary>JEU-01: DifficulteDeGarde and Aucun flag a barrier to access employment.</summary>
public enum ModeGarde
{
    NonConcerne = 0,
    Aucun = 1,
    Creche = 2,
    AssistanteMaternelle = 3,
    Famille = 4,
    Scolarise = 5,
    DifficulteDeGarde = 6,
}

/// <summary>JEU-03: identity document types, numbered as in the field documentation.</summary>
public enum PieceJustificative
{
    CarteNationaleIdentite = 1,
    Passeport = 2,
    PermisDeConduire = 3,
    TitreDeSejour = 4,
    CarteDeCombattant = 5,
    AutrePiece = 6,
}

/// <summary>JEU-08.</summary>
public enum Rsa
{
    Non = 0,
    Beneficiaire = 1,
    AyantDroit = 2,
}

/// <summary>JEU-08: the jeune's own resources only.</summary>
public enum TypeRessource
{
    Aucun = 0,
    Salaire = 1,
    AllocationChomage = 2,
    Rsa = 3,
    PrimeActivite = 4,
    Bourse = 5,
    RemunerationStage = 6,
    AllocationAdulteHandicape = 7,
    PensionAlimentaire = 8,
    Autre = 9,
}

/// <summary>JEU-09.</summary>
public enum SavoirsDeBase
{
    NonRenseigne = 0,
    Acquis = 1,
    NonAcquis = 2,
    AVerifier = 3,
}

/// <summary>JEU-10.</summary>
public enum EtapePermis
{
    Asr = 1,
    Code = 2,
    EnCours = 3,
    Obtenu = 4,
}

/// <summary>JEU-10.</summary>
public enum RayonMobilite
{
    NonRenseigne = 0,
    Commune = 1,
    Canton = 2,
    Departement = 3,
    DepartementsLimitrophes = 4,
    Region = 5,
    National = 6,
    International = 7,
}

/// <summary>JEU-10: "Aucun" means walking only.</summary>
public enum MoyenTransport
{
    Aucun = 0,
    TransportsEnCommun = 1,
    Velo = 2,
    DeuxRouesMotorise = 3,
    Voiture = 4,
    Covoiturage = 5,
}

/// <summary>JEU-06: why an address entry was made.</summary>
public enum MotifAdresse
{
    Nouvelle = 0,
    DemenagementHorsTerritoire = 1,
    Sdf = 2,
}
