using System.Numerics;
using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Allocations;

/// <summary>RIB-02: the kinds of account; a Livret A is refused.</summary>
public enum TypeCompte
{
    CompteCourant = 1,
    CompteJoint = 2,
    LivretA = 3,
}

/// <summary>RIB-05: a legal protection measure on the jeune.</summary>
public enum MesureProtection
{
    Aucune = 0,
    Tutelle = 1,
    Curatelle = 2,
}

/// <summary>RIB-01: an IBAN, normalised (no spaces, capitals), with its mod-97 key checked.</summary>
public static class Iban
{
    public static string Normaliser(string iban) => new(iban.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    /// <summary>ISO 13616: 2 letters, 2 check digits, up to 30 alphanumerics; moving the first 4 to the end and
    /// replacing letters by numbers (A = 10 … Z = 35) gives a number whose remainder modulo 97 is 1. France: 27 characters.</summary>
    public static bool EstValide(string iban)
    {
        var s = Normaliser(iban);
        if (s.Length < 15 || s.Length > 34 || !char.IsAsciiLetterUpper(s[0]) || !char.IsAsciiLetterUpper(s[1]) || !char.IsAsciiDigit(s[2]) || !char.IsAsciiDigit(s[3])
            || !s.All(char.IsAsciiLetterOrDigit) || (s.StartsWith("FR", StringComparison.Ordinal) && s.Length != 27))
        {
            return false;
        }

        var chiffres = string.Concat((s[4..] + s[..4]).Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return BigInteger.Parse(chiffres, System.Globalization.CultureInfo.InvariantCulture) % 97 == 1;
    }

    /// <summary>Groups of four for display and the CERFA.</summary>
    public static string Formater(string iban) => string.Join(' ', Normaliser(iban).Chunk(4).Select(c => new string(c)));
}

/// <summary>RIB-01: a BIC of 8 or 11 characters (bank, country, location, optional branch).</summary>
public static class Bic
{
    public static bool EstValide(string bic) =>
        System.Text.RegularExpressions.Regex.IsMatch(bic.Trim().ToUpperInvariant(), "^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$", System.Text.RegularExpressions.RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));
}

/// <summary>What the account's rules need to know about the jeune and the CERFA that will carry the account.</summary>
public sealed record TitulaireAttendu(string NomUsage, string? NomNaissance, string Prenom, bool Mineur, int LongueurMaxTitre, string DispositifCerfa);

/// <summary>
/// The jeune's bank details for the allocations (annex 1 of the CERFA). A new account replaces the previous one, which is
/// kept with its end date (history of what was paid where).
/// </summary>
public sealed class CoordonneesBancaires : Entity, IStructureOwned, IDossierPart
{
    private CoordonneesBancaires()
    {
        Iban = Bic = Titulaire = string.Empty;
    }

    private CoordonneesBancaires(Guid structureId, Guid jeuneId, string iban, string bic, TypeCompte type, string titulaire, MesureProtection protection, Guid? jugementDocumentId, DateOnly debut)
    {
        StructureId = structureId;
        JeuneId = jeuneId;
        Iban = iban;
        Bic = bic;
        TypeCompte = type;
        Titulaire = titulaire;
        Protection = protection;
        JugementDocumentId = jugementDocumentId;
        DateDebut = debut;
    }

    public Guid StructureId { get; private set; }

    public Guid JeuneId { get; private set; }

    public string Iban { get; private set; }

    public string Bic { get; private set; }

    public TypeCompte TypeCompte { get; private set; }

    /// <summary>The account's title as the bank writes it.</summary>
    public string Titulaire { get; private set; }

    public MesureProtection Protection { get; private set; }

    /// <summary>RIB-05: the judgement (tutelle, curatelle) among the dossier's documents.</summary>
    public Guid? JugementDocumentId { get; private set; }

    public DateOnly DateDebut { get; private set; }

    public DateOnly? DateFin { get; private set; }

    public bool EnVigueur => DateFin is null;

    /// <summary>RIB-01..05, checked before anything is saved.</summary>
    public static CoordonneesBancaires Creer(Guid structureId, Guid jeuneId, string iban, string bic, TypeCompte type, string titulaire, MesureProtection protection, Guid? jugementDocumentId, DateOnly debut, TitulaireAttendu attendu,
        IReadOnlyCollection<string> paysSepa)
    {
        if (!Allocations.Iban.EstValide(iban))
        {
            throw new BusinessRuleException("RIB-01", "L'IBAN n'est pas valide (clé de contrôle ou longueur) : recopiez-le depuis le RIB, par exemple FR76 3000 6000 0112 3456 7890 189.", "Iban");
        }

        // RIB-06: the ASP pays by SEPA transfer; a valid IBAN of another country (US, Morocco...) cannot be paid.
        var pays = Allocations.Iban.Normaliser(iban)[..2];
        if (!paysSepa.Contains(pays, StringComparer.Ordinal))
        {
            throw new BusinessRuleException("RIB-06", $"L'ASP verse l'allocation par virement SEPA : un compte de ce pays ({pays}) ne peut pas la recevoir. Demandez au jeune le RIB d'un compte en France ou dans un pays de la zone SEPA.", "Iban");
        }

        if (!Allocations.Bic.EstValide(bic))
        {
            throw new BusinessRuleException("RIB-01", "Le BIC compte 8 ou 11 caractères (lettres et chiffres), par exemple AGRIFRPP : recopiez-le depuis le RIB.", "Bic");
        }

        if (type == TypeCompte.LivretA)
        {
            throw new BusinessRuleException("RIB-02", "Un Livret A ne peut pas recevoir l'allocation : demandez au jeune le RIB d'un compte courant.", "TypeCompte");
        }

        var titre = string.Join(' ', titulaire.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (titre.Length == 0)
        {
            throw new BusinessRuleException("RIB-03", "Indiquez le titulaire du compte tel qu'il figure sur le RIB.", "Titulaire");
        }

        var mots = Texte.Cle(titre).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var noms = new[] { attendu.NomUsage, attendu.NomNaissance }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => Texte.Cle(n!)).ToList();
        bool PorteLeNom() => noms.Any(n => Texte.Cle(titre).Contains(n, StringComparison.Ordinal));

        if (protection != MesureProtection.Aucune)
        {
            // RIB-05: the full title (e.g. "M. DUPONT JEAN OU UDAF 35 TUTEUR") within the CERFA's length, and the judgement.
            if (titre.Length > attendu.LongueurMaxTitre)
            {
                throw new BusinessRuleException("RIB-05", $"L'intitulé du compte compte {titre.Length} caractères : le CERFA {attendu.DispositifCerfa} en accepte {attendu.LongueurMaxTitre} au plus. Abrégez-le comme la banque l'accepte.", "Titulaire");
            }

            if (jugementDocumentId is null)
            {
                throw new BusinessRuleException("RIB-05", "Sous tutelle ou curatelle, joignez le jugement : déposez-le dans les documents du dossier puis choisissez-le.", "JugementDocumentId");
            }
        }
        else if (attendu.Mineur)
        {
            // RIB-04: a minor's account is in the jeune's own nom and prénom only.
            var prenom = Texte.Cle(attendu.Prenom);
            if (!noms.Any(n => mots.Length == n.Split(' ').Length + prenom.Split(' ').Length && PorteLeNom() && Texte.Cle(titre).Contains(prenom, StringComparison.Ordinal)))
            {
                throw new BusinessRuleException("RIB-04", "Le jeune est mineur : le titulaire du compte est le jeune seul, son nom et son prénom (pas de compte joint ni au nom d'un parent).", "Titulaire");
            }
        }
        else if (!PorteLeNom())
        {
            // RIB-03: an account (joint ones included) must carry the jeune's name.
            throw new BusinessRuleException("RIB-03", type == TypeCompte.CompteJoint
                ? "Un compte joint doit porter le nom du jeune : vérifiez l'intitulé du RIB."
                : "Le compte doit être au nom du jeune : vérifiez l'intitulé du RIB.", "Titulaire");
        }

        return new CoordonneesBancaires(structureId, jeuneId, Allocations.Iban.Normaliser(iban), bic.Trim().ToUpperInvariant(), type, titre, protection, protection == MesureProtection.Aucune ? null : jugementDocumentId, debut);
    }

    /// <summary>Replaced by a new account from a date: kept in the history with its end.</summary>
    public void Remplacer(DateOnly debutSuivant) => DateFin = debutSuivant.AddDays(-1) < DateDebut ? DateDebut : debutSuivant.AddDays(-1);
}
