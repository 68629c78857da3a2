using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Dispositifs;

/// <summary>PARR-01: a parrain or marraine, a volunteer of the structure's network, recorded as such.</summary>
public sealed class Parrain : Entity, IStructureOwned
{
    private Parrain()
    {
        Nom = Prenom = string.Empty;
    }

    public Parrain(Guid structureId, string nom, string prenom, string? entreprise, string? metier, string? email, string? telephone)
    {
        if (string.IsNullOrWhiteSpace(nom) || string.IsNullOrWhiteSpace(prenom))
        {
            throw new BusinessRuleException("PARR-01", "Indiquez le nom et le prénom du parrain ou de la marraine.", "Nom");
        }

        StructureId = structureId;
        Nom = Texte.NomNormalise(nom);
        Prenom = Texte.PrenomNettoye(prenom);
        Entreprise = Vide(entreprise);
        Metier = Vide(metier);
        Email = Vide(email);
        Telephone = Vide(telephone);
    }

    public Guid StructureId { get; private set; }

    public string Nom { get; private set; }

    public string Prenom { get; private set; }

    public string? Entreprise { get; private set; }

    public string? Metier { get; private set; }

    public string? Email { get; private set; }

    public string? Telephone { get; private set; }

    /// <summary>PARR-01: always a volunteer (bénévole), never paid staff.</summary>
    public bool Benevole { get; private set; } = true;

    public bool Actif { get; private set; } = true;

    public void Desactiver() => Actif = false;

    private static string? Vide(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>PARR-03: a parrainage action (professional domain only) in the period of the parrainage.</summary>
public sealed class ActionParrainage : Entity, IStructureOwned, IDossierPart
{
    private ActionParrainage()
    {
        DomaineCode = Libelle = string.Empty;
    }

    internal ActionParrainage(Dispositif d, DateOnly date, string domaineCode, string libelle)
    {
        DispositifId = d.Id;
        StructureId = d.StructureId;
        JeuneId = d.JeuneId;
        Date = date;
        DomaineCode = domaineCode;
        Libelle = libelle;
    }

    public Guid DispositifId { get; private set; }

    public Guid StructureId { get; private set; }

    public Guid JeuneId { get; private set; }

    public DateOnly Date { get; private set; }

    public string DomaineCode { get; private set; }

    public string Libelle { get; private set; }
}
