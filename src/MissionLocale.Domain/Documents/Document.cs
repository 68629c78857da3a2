using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Documents;

public enum CategorieDocument
{
    Convocation = 1,
    Courrier = 2,
    PieceJustificative = 3,
    Autre = 4,

    /// <summary>CER-08: a signed contract (the validated CER's PDF), never replaced.</summary>
    Contrat = 5,
}

/// <summary>A document of the dossier, stored in PostgreSQL (RDV-03, CERFA-01 later). Every download is logged.</summary>
public sealed class Document : Entity, IStructureOwned, IDossierPart
{
    private Document()
    {
        Nom = TypeMime = string.Empty;
        Contenu = [];
    }

    public Document(Guid structureId, Guid jeuneId, CategorieDocument categorie, string nom, string typeMime, byte[] contenu, Guid creePar, DateTimeOffset creeLe, Guid? rendezVousId = null)
    {
        StructureId = structureId;
        JeuneId = jeuneId;
        Categorie = categorie;
        Nom = nom;
        TypeMime = typeMime;
        Contenu = contenu;
        Taille = contenu.Length;
        Empreinte = EmpreinteDe(contenu);
        CreePar = creePar;
        CreeLe = creeLe;
        RendezVousId = rendezVousId;
    }

    public Guid StructureId { get; private set; }

    public Guid JeuneId { get; private set; }

    public CategorieDocument Categorie { get; private set; }

    public string Nom { get; private set; }

    public string TypeMime { get; private set; }

    public byte[] Contenu { get; private set; }

    public int Taille { get; private set; }

    /// <summary>CER-08: the SHA-256 of the content (hex), shown with the document and compared with any copy.</summary>
    public string Empreinte { get; private set; } = string.Empty;

    /// <summary>CER-08: whether this copy is byte for byte the stored document.</summary>
    public static bool MemeEmpreinte(string empreinte, byte[] copie) => string.Equals(empreinte, EmpreinteDe(copie), StringComparison.Ordinal);

    public static string EmpreinteDe(byte[] contenu) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(contenu));

    public Guid CreePar { get; private set; }

    public DateTimeOffset CreeLe { get; private set; }

    public Guid? RendezVousId { get; private set; }

    public override string ToString() => $"{Nom} ({Taille / 1024} Ko)";
}

/// <summary>RDV-03: a letter template of the structure, by category, with placeholders such as {{jeune.nom}}.</summary>
public sealed class ModeleLettre : Entity, IStructureOwned, IVersionnee
{
    private ModeleLettre()
    {
        Titre = Corps = string.Empty;
    }

    public ModeleLettre(Guid structureId, CategorieDocument categorie, string titre, string corps)
    {
        StructureId = structureId;
        Categorie = categorie;
        Titre = titre;
        Corps = corps;
    }

    public Guid StructureId { get; private set; }

    public CategorieDocument Categorie { get; private set; }

    public string Titre { get; private set; }

    public string Corps { get; private set; }

    public bool Actif { get; private set; } = true;

    public int Version { get; private set; }

    public void Modifier(string titre, string corps)
    {
        Titre = titre.Trim();
        Corps = corps;
        Version++;
    }

    /// <summary>EP-03: the notice of a saisine of the équipe pluridisciplinaire (a Courrier template of this title replaces it).</summary>
    public const string TitreAvisSaisine = "Information de saisine de l'équipe pluridisciplinaire";

    public const string AvisSaisineParDefaut =
        "{{jeune.civilite}} {{jeune.prenom}} {{jeune.nom}}\n{{jeune.adresse}}\n\n" +
        "{{structure.commune}}, le {{date.jour}}\n\nObjet : saisine de l'équipe pluridisciplinaire — {{saisine.motif}}\n\n{{jeune.civilite}},\n\n" +
        "En tant que référent de votre parcours d'insertion (RSA), nous informons le département que votre situation relève de l'équipe pluridisciplinaire, pour le motif suivant : {{saisine.motif}}.\n" +
        "La décision proposée est : {{saisine.decision}}.\n\n" +
        "Avant la réunion de l'équipe, vous pouvez présenter vos observations, par écrit ou lors d'un rendez-vous avec {{conseiller.prenom}} {{conseiller.nom}} (téléphone et courriel en tête de ce courrier). " +
        "Vous serez informé de la date de la commission.\n\n" +
        "Veuillez agréer, {{jeune.civilite}}, l'expression de nos salutations distinguées.\n\n{{conseiller.prenom}} {{conseiller.nom}}\n{{conseiller.fonction}}";

    public const string ConvocationParDefaut =
        "{{jeune.civilite}} {{jeune.prenom}} {{jeune.nom}}\n{{jeune.adresse}}\n\n" +
        "{{structure.commune}}, le {{date.jour}}\n\nObjet : convocation — {{rdv.objet}}\n\n{{jeune.civilite}},\n\n" +
        "Vous êtes {{jeune.convoque}} le {{rdv.date}} à {{rdv.heure}}, {{rdv.modalite}}, au lieu suivant : {{rdv.lieu}}.\n" +
        "Vous serez {{jeune.recu}} par {{conseiller.prenom}} {{conseiller.nom}}.\n\n" +
        "Merci de vous munir d'une pièce d'identité. En cas d'empêchement, prévenez-nous au plus tôt (téléphone et courriel en tête de ce courrier).\n\n" +
        "Veuillez agréer, {{jeune.civilite}}, l'expression de nos salutations distinguées.\n\n{{conseiller.prenom}} {{conseiller.nom}}\n{{conseiller.fonction}}";
}
