using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Audit;

/// <summary>RGPD-02: one changed field of a dossier (who, when, field, old → new). Written by the data layer for every save.</summary>
public sealed class HistoriqueModification : IStructureOwned
{
    public HistoriqueModification(Guid structureId, Guid jeuneId, DateTimeOffset le, Guid? utilisateurId, string utilisateur, string element, string champ, string? ancienneValeur, string? nouvelleValeur)
    {
        StructureId = structureId;
        JeuneId = jeuneId;
        Le = le;
        UtilisateurId = utilisateurId;
        Utilisateur = utilisateur;
        Element = element;
        Champ = champ;
        AncienneValeur = ancienneValeur;
        NouvelleValeur = nouvelleValeur;
    }

    public long Id { get; private set; }

    public Guid StructureId { get; private set; }

    public Guid JeuneId { get; private set; }

    public DateTimeOffset Le { get; private set; }

    public Guid? UtilisateurId { get; private set; }

    public string Utilisateur { get; private set; }

    public string Element { get; private set; }

    public string Champ { get; private set; }

    public string? AncienneValeur { get; private set; }

    public string? NouvelleValeur { get; private set; }
}

/// <summary>RGPD-02: every read of a dossier (who, when, what was read, through which channel).</summary>
public sealed class ConsultationDossier : IStructureOwned
{
    public ConsultationDossier(Guid structureId, Guid jeuneId, DateTimeOffset le, Guid utilisateurId, string utilisateur, string objet)
    {
        StructureId = structureId;
        JeuneId = jeuneId;
        Le = le;
        UtilisateurId = utilisateurId;
        Utilisateur = utilisateur;
        Objet = objet;
    }

    public long Id { get; private set; }

    public Guid StructureId { get; private set; }

    public Guid JeuneId { get; private set; }

    public DateTimeOffset Le { get; private set; }

    public Guid UtilisateurId { get; private set; }

    public string Utilisateur { get; private set; }

    public string Objet { get; private set; }
}
