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

    /// <summary>On the letterhead: the number and address a jeune uses to warn of an absence.</summary>
    public string? Telephone { get; private set; }

    public string? Email { get; private set; }

    /// <summary>The letterhead's logo (PNG or JPEG); the structure's name is printed when there is none.</summary>
    public byte[]? Logo { get; private set; }

    public void ModifierEnTete(string? telephone, string? email, byte[]? logo)
    {
        Telephone = string.IsNullOrWhiteSpace(telephone) ? null : telephone.Trim();
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
        Logo = logo is { Length: > 0 } ? logo : null;
    }
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
