using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Entreprises;

/// <summary>
/// A company the Mission Locale works with (Relation Entreprise, employer of an emploi situation). ENT-01: its SIRET
/// passes the check digit, its SIREN is the SIRET's first nine digits, one company per SIRET in a structure; the SIRENE
/// flag says the identity was checked against the national register. Its référent is a CRE of the structure.
/// </summary>
public sealed class Entreprise : Entity, IStructureOwned, IVersionnee
{
    private readonly List<ContactEntreprise> contacts = [];

    private Entreprise()
    {
        Siret = Siren = RaisonSociale = CommuneInsee = string.Empty;
    }

    public Guid StructureId { get; private set; }

    public string Siret { get; private set; }

    public string Siren { get; private set; }

    public string RaisonSociale { get; private set; }

    public string? Enseigne { get; private set; }

    public string? CodeNaf { get; private set; }

    /// <summary>Raison sociale and enseigne, lower case without accents: what the name search matches.</summary>
    public string NomCle { get; private set; } = string.Empty;

    public string? AdresseVoie { get; private set; }

    public string? CodePostal { get; private set; }

    public string CommuneInsee { get; private set; }

    /// <summary>ENT-01: the identity was checked against SIRENE (the register's avis de situation).</summary>
    public bool RattacheeSirene { get; private set; }

    /// <summary>The CRE who follows the company (USR-08 refuses a désabonnement while set; USR-09 transfers it).</summary>
    public Guid? ReferentId { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<ContactEntreprise> Contacts => contacts;

    public static Entreprise Creer(Guid structureId, SaisieEntreprise s)
    {
        var e = new Entreprise { StructureId = structureId };
        e.Appliquer(s);
        return e;
    }

    public void Modifier(SaisieEntreprise s)
    {
        Appliquer(s);
        Version++;
    }

    public ContactEntreprise AjouterContact(string nom, string? prenom, string? fonction, string? telephone, string? email)
    {
        var c = new ContactEntreprise(Id, nom.Trim(), Nettoyer(prenom), Nettoyer(fonction), Nettoyer(telephone), Nettoyer(email)?.ToLowerInvariant());
        contacts.Add(c);
        Version++;
        return c;
    }

    public void RetirerContact(Guid contactId)
    {
        contacts.RemoveAll(c => c.Id == contactId);
        Version++;
    }

    private void Appliquer(SaisieEntreprise s)
    {
        // ENT-01: both checks, the SIREN derived from the SIRET so they never disagree.
        var siret = IdentifiantsInsee.Normaliser(s.Siret);
        BusinessRuleException.ThrowIfBroken(new Ent01SiretValide(siret));
        Siret = siret;
        Siren = siret[..9];
        BusinessRuleException.ThrowIfBroken(new Ent01SirenValide(Siren));
        RaisonSociale = s.RaisonSociale.Trim();
        Enseigne = Nettoyer(s.Enseigne);
        NomCle = Texte.Cle($"{RaisonSociale} {Enseigne}");
        CodeNaf = Nettoyer(s.CodeNaf)?.ToUpperInvariant();
        AdresseVoie = Nettoyer(s.AdresseVoie);
        CodePostal = Nettoyer(s.CodePostal);
        CommuneInsee = s.CommuneInsee.Trim();
        RattacheeSirene = s.RattacheeSirene;
        ReferentId = s.ReferentId;
    }

    private static string? Nettoyer(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
}

/// <summary>What a user enters for a company.</summary>
public sealed record SaisieEntreprise(string Siret, string RaisonSociale, string? Enseigne, string? CodeNaf, string? AdresseVoie, string? CodePostal, string CommuneInsee, bool RattacheeSirene, Guid? ReferentId);

/// <summary>A person to call at the company.</summary>
public sealed class ContactEntreprise : Entity
{
    private ContactEntreprise()
    {
        Nom = string.Empty;
    }

    internal ContactEntreprise(Guid entrepriseId, string nom, string? prenom, string? fonction, string? telephone, string? email)
    {
        EntrepriseId = entrepriseId;
        Nom = nom;
        Prenom = prenom;
        Fonction = fonction;
        Telephone = telephone;
        Email = email;
    }

    public Guid EntrepriseId { get; private set; }

    public string Nom { get; private set; }

    public string? Prenom { get; private set; }

    public string? Fonction { get; private set; }

    public string? Telephone { get; private set; }

    public string? Email { get; private set; }
}
