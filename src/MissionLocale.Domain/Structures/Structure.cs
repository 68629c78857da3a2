using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Structures;

/// <summary>A Mission Locale. Its data is invisible to every other structure of the deployment.</summary>
public sealed class Structure : Entity
{
    private readonly List<CommuneTerritoire> territoire = [];

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

    /// <summary>USR-06: the communes the structure serves (PPAE-01 refuses an assignment outside them).</summary>
    public IReadOnlyList<CommuneTerritoire> Territoire => territoire;

    /// <summary>USR-06: a structure made by the national administrator, with its territory.</summary>
    public static Structure Creer(string code, string nom, string adresseVoie, string codePostal, string communeInsee, IEnumerable<string> communes)
    {
        var s = new Structure(code.Trim().ToUpperInvariant(), nom.Trim(), adresseVoie.Trim(), codePostal.Trim(), communeInsee.Trim());
        s.DefinirTerritoire(communes);
        return s;
    }

    public void DefinirTerritoire(IEnumerable<string> communes)
    {
        var codes = communes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            throw new BusinessRuleException("USR-06", "Le territoire d'une Mission Locale compte au moins une commune : choisissez ses communes.", "Communes");
        }

        territoire.RemoveAll(t => !codes.Contains(t.CommuneInsee));
        foreach (var c in codes.Where(c => territoire.All(t => t.CommuneInsee != c)))
        {
            territoire.Add(new CommuneTerritoire(Id, c));
        }
    }

    /// <summary>The letterhead: phone and e-mail a jeune uses to warn of an absence, and the logo (PNG or JPEG, checked by its first bytes).</summary>
    public void ModifierEnTete(string? telephone, string? email, byte[]? logo)
    {
        if (logo is { Length: > 0 } && !ImageLogo.Valide(logo))
        {
            throw new BusinessRuleException("USR-07", $"Le logo doit être une image PNG ou JPEG de {ImageLogo.TailleMax / 1024} Ko au plus.", "Logo");
        }

        Telephone = string.IsNullOrWhiteSpace(telephone) ? null : telephone.Trim();
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
        Logo = logo is { Length: > 0 } ? logo : null;
    }
}

/// <summary>USR-06: a commune of a structure's territory.</summary>
public sealed class CommuneTerritoire
{
    internal CommuneTerritoire(Guid structureId, string communeInsee)
    {
        StructureId = structureId;
        CommuneInsee = communeInsee;
    }

    public Guid StructureId { get; private set; }

    public string CommuneInsee { get; private set; }
}

/// <summary>A letterhead logo: PNG or JPEG by its signature, 500 KB at most.</summary>
public static class ImageLogo
{
    public const int TailleMax = 500 * 1024;

    public static bool Valide(byte[] octets) => octets.Length <= TailleMax
        && (octets.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) || octets.AsSpan().StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }));
}

/// <summary>A site (lieu d'accueil) of a structure: its address and opening hours are those of the letters sent from it (USR-07).</summary>
public sealed class Antenne : Entity, IStructureOwned, IVersionnee
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

    public string? AdresseVoie { get; private set; }

    public string? CodePostal { get; private set; }

    public string? CommuneInsee { get; private set; }

    public string? Telephone { get; private set; }

    /// <summary>Opening hours as people write them ("Lundi au vendredi, 9h-12h30 et 13h30-17h"), printed on letters.</summary>
    public string? Horaires { get; private set; }

    public int Version { get; private set; }

    public void Modifier(string nom, string? adresseVoie, string? codePostal, string? communeInsee, string? telephone, string? horaires)
    {
        Nom = nom.Trim();
        AdresseVoie = Nettoyer(adresseVoie);
        CodePostal = Nettoyer(codePostal);
        CommuneInsee = Nettoyer(communeInsee);
        Telephone = Nettoyer(telephone);
        Horaires = Nettoyer(horaires);
        Version++;
    }

    private static string? Nettoyer(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
}
