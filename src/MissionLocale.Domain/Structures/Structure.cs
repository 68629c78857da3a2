using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Structures;

/// <summary>A Mission Locale. Its data is invisible to every other structure of the deployment.</summary>
public sealed class Structure : Entity
{
    private Structure()
    {
        Code = Nom = AdresseVoie = CodePostal = CommuneInsee = string.Empty;
    }

    public Structure(string code, string nom, string adresseVoie, string codePostal, string communeInsee)
    {
        Code = code;
        Nom = nom;
        AdresseVoie = adresseVoie;
        CodePostal = codePostal;
        CommuneInsee = communeInsee;
    }

    public string Code { get; private set; }

    public string Nom { get; private set; }

    /// <summary>Used as the address of an SDF jeune (JEU-06).</summary>
    public string AdresseVoie { get; private set; }

    public string CodePostal { get; private set; }

    public string CommuneInsee { get; private set; }
}

/// <summary>A site (lieu d'accueil) of a structure.</summary>
public sealed class Antenne : Entity, IStructureOwned
{
    private Antenne()
    {
        Nom = string.Empty;
    }

    public Antenne(Guid structureId, string nom)
    {
        StructureId = structureId;
        Nom = nom;
    }

    public Guid StructureId { get; private set; }

    public string Nom { get; private set; }
}
