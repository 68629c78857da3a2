using System.Globalization;
using System.Text.RegularExpressions;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Cotraitance;
using MissionLocale.Domain.Jeunes;

namespace MissionLocale.Application.Cotraitance;

/// <summary>PPAE-01: one assignment of a jeune by France Travail, as read from the file (names normalised as the search does).</summary>
public sealed record LigneAffectation(int Numero, string IdentifiantFt, Civilite Civilite, Nationalite Nationalite, string Nom, string Prenom, DateOnly DateNaissance, string CommuneInsee, DateOnly DateAffectation, DateOnly? DernierEntretienDude);

/// <summary>PPAE-05: one outgoing flow; <see cref="Flux"/> is its stable id, so the partner can ignore a flow sent twice.</summary>
public sealed record LigneFlux(Guid Flux, TypeFluxDude Type, string IdentifiantFt, string Nom, string Prenom, DateOnly DateNaissance, DateOnly Date, string? Objet, string Structure);

/// <summary>
/// Our side of the exchange with France Travail (the DUDE's formats are not public): docs/ppae-exchange.md. Same CSV
/// conventions as with the ASP; a file with one bad line is rejected whole, each bad line said with its reasons.
/// </summary>
public static partial class FormatDude
{
    public const string EnteteAffectations = "identifiant_ft;civilite;nom;prenom;date_naissance;nationalite;commune_insee;date_affectation;dernier_entretien_dude";

    public const string EnteteFlux = "flux;type;identifiant_ft;nom;prenom;date_naissance;date;objet;structure";

    private const int LongueurNomMax = 50;

    private static readonly (TypeFluxDude Type, string Code)[] Codes =
    [
        (TypeFluxDude.DebutPpae, "DEBUT_PPAE"), (TypeFluxDude.EntretienIndividuel, "ENTRETIEN_INDIVIDUEL"), (TypeFluxDude.InformationCollective, "INFORMATION_COLLECTIVE"),
        (TypeFluxDude.Atelier, "ATELIER"), (TypeFluxDude.PropositionEmploi, "PROPOSITION_EMPLOI"), (TypeFluxDude.PropositionProjet, "PROPOSITION_PROJET"),
        (TypeFluxDude.PropositionFormation, "PROPOSITION_FORMATION"), (TypeFluxDude.SortiePpae, "SORTIE_PPAE"), (TypeFluxDude.ArretPpae, "ARRET_PPAE"),
    ];

    public static string Code(TypeFluxDude type) => Codes.Single(c => c.Type == type).Code;

    /// <summary>The flow's label in the dossier's PPAE tab.</summary>
    public static string Libelle(TypeFluxDude type) => type switch
    {
        TypeFluxDude.DebutPpae => "Début du PPAE",
        TypeFluxDude.EntretienIndividuel => "Entretien individuel",
        TypeFluxDude.InformationCollective => "Information collective",
        TypeFluxDude.Atelier => "Atelier",
        TypeFluxDude.PropositionEmploi => "Proposition emploi",
        TypeFluxDude.PropositionProjet => "Proposition projet professionnel",
        TypeFluxDude.PropositionFormation => "Proposition formation",
        TypeFluxDude.SortiePpae => "Sortie du PPAE",
        _ => "Arrêt anticipé du PPAE",
    };

    /// <summary>The France Travail identifier as stored: 8 to 11 letters and digits, in capitals, spaces removed.</summary>
    public static string? NormaliserIdentifiant(string? saisie) =>
        saisie is null ? null : IdentifiantRegex().IsMatch(saisie.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())
            ? saisie.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()
            : null;

    /// <summary>Reads an assignments file; any bad line rejects the file (nothing returned as valid), with every line's reasons.</summary>
    public static (IReadOnlyList<LigneAffectation> Lignes, IReadOnlyList<string> Erreurs) LireAffectations(byte[] contenu, DateOnly aujourdhui)
    {
        var lignes = new List<LigneAffectation>();
        var erreurs = new List<string>();
        var vus = new HashSet<string>(StringComparer.Ordinal);
        if (CsvPointVirgule.Lire(contenu, EnteteAffectations, (brute, numero) => LireAffectation(brute, numero, aujourdhui, vus, lignes, erreurs)) is { } probleme)
        {
            return ([], [probleme]);
        }

        if (lignes.Count == 0 && erreurs.Count == 0)
        {
            erreurs.Add("Le fichier ne contient aucune affectation.");
        }

        return (erreurs.Count > 0 ? [] : lignes, erreurs);
    }

    private static void LireAffectation(string brute, int numero, DateOnly aujourdhui, HashSet<string> vus, List<LigneAffectation> lignes, List<string> erreurs)
    {
        var champs = CsvPointVirgule.Decouper(brute);
        if (champs is null || champs.Count != 9)
        {
            erreurs.Add($"Ligne {numero} : 9 champs séparés par « ; » attendus.");
            return;
        }

        // Columns: identifiant, civilité, nom, prénom, naissance, nationalité, commune, affectation, dernier entretien.
        Civilite? civilite = champs[1].Trim().ToUpperInvariant() switch { "MME" => Civilite.Madame, "M" => Civilite.Monsieur, _ => null };
        Nationalite? nationalite = champs[5].Trim().ToUpperInvariant() switch { "FR" => Nationalite.Francaise, "UE" => Nationalite.UeEee, "HORS_UE" => Nationalite.HorsUe, _ => null };
        champs = [champs[0], champs[2], champs[3], champs[4], champs[6], champs[7], champs[8]];

        var raisons = new List<string>();
        var identifiant = NormaliserIdentifiant(champs[0]);
        if (identifiant is null)
        {
            raisons.Add(champs[0].Length == 0 ? "identifiant France Travail obligatoire" : "identifiant France Travail invalide (8 à 11 lettres et chiffres)");
        }
        else if (!vus.Add(identifiant))
        {
            raisons.Add("identifiant France Travail déjà présent plus haut dans le fichier");
        }

        if (civilite is null)
        {
            raisons.Add("civilité invalide (MME ou M)");
        }

        if (nationalite is null)
        {
            raisons.Add("nationalité invalide (FR, UE ou HORS_UE)");
        }

        var nom = Texte.NomNormalise(champs[1]);
        var prenom = champs[2].Trim();
        foreach (var (valeur, libelle) in new[] { (nom, "nom"), (prenom, "prénom") })
        {
            if (valeur.Length == 0)
            {
                raisons.Add($"{libelle} obligatoire");
            }
            else if (valeur.Length > LongueurNomMax)
            {
                raisons.Add($"{libelle} de plus de {LongueurNomMax} caractères");
            }
        }

        var naissance = Date(champs[3], "date de naissance", obligatoire: true, raisons);
        if (naissance is { } n && (n > aujourdhui || n.Year < 1900))
        {
            raisons.Add("date de naissance impossible");
        }

        var commune = champs[4].Trim().ToUpperInvariant();
        if (!CommuneRegex().IsMatch(commune))
        {
            raisons.Add(commune.Length == 0 ? "code commune obligatoire" : "code commune INSEE invalide (5 caractères)");
        }

        var affectation = Date(champs[5], "date d'affectation", obligatoire: true, raisons);
        if (affectation > aujourdhui)
        {
            raisons.Add("date d'affectation dans le futur");
        }

        var entretien = Date(champs[6], "date du dernier entretien", obligatoire: false, raisons);
        if (entretien > aujourdhui)
        {
            raisons.Add("date du dernier entretien dans le futur");
        }

        if (raisons.Count > 0)
        {
            erreurs.Add($"Ligne {numero} : {string.Join(", ", raisons)}.");
        }
        else
        {
            lignes.Add(new LigneAffectation(numero, identifiant!, civilite!.Value, nationalite!.Value, nom, prenom, naissance!.Value, commune, affectation!.Value, entretien));
        }
    }

    private static DateOnly? Date(string champ, string libelle, bool obligatoire, List<string> raisons)
    {
        if (champ.Length == 0)
        {
            if (obligatoire)
            {
                raisons.Add($"{libelle} obligatoire");
            }

            return null;
        }

        if (DateOnly.TryParseExact(champ, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        raisons.Add($"{libelle} invalide (AAAA-MM-JJ)");
        return null;
    }

    /// <summary>The day's outgoing flows as one file, in the order given.</summary>
    public static byte[] EcrireFlux(IEnumerable<LigneFlux> flux)
    {
        var inv = CultureInfo.InvariantCulture;
        using var ms = new MemoryStream();
        using (var w = new StreamWriter(ms, CsvPointVirgule.Utf8, 1 << 16))
        {
            w.Write(EnteteFlux);
            w.Write('\n');
            foreach (var f in flux)
            {
                w.Write(string.Join(';', f.Flux.ToString("D"), Code(f.Type), f.IdentifiantFt, CsvPointVirgule.Champ(f.Nom), CsvPointVirgule.Champ(f.Prenom),
                    f.DateNaissance.ToString("yyyy-MM-dd", inv), f.Date.ToString("yyyy-MM-dd", inv), CsvPointVirgule.Champ(f.Objet ?? string.Empty), CsvPointVirgule.Champ(f.Structure)));
                w.Write('\n');
            }
        }

        return ms.ToArray();
    }

    /// <summary>Reads a flows file (the partner's side, and our tests).</summary>
    public static IReadOnlyList<LigneFlux> LireFlux(byte[] contenu)
    {
        var flux = new List<LigneFlux>();
        var probleme = CsvPointVirgule.Lire(contenu, EnteteFlux, (brute, numero) =>
        {
            var c = CsvPointVirgule.Decouper(brute);
            var type = c is { Count: 9 } ? Array.FindIndex(Codes, x => x.Code == c[1]) : -1;
            if (c is not { Count: 9 } || type < 0 || !Guid.TryParseExact(c[0], "D", out var id)
                || !DateOnly.TryParseExact(c[5], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var naissance)
                || !DateOnly.TryParseExact(c[6], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new FormatException($"Ligne {numero} : flux mal formé.");
            }

            flux.Add(new LigneFlux(id, Codes[type].Type, c[2], c[3], c[4], naissance, date, c[7].Length == 0 ? null : c[7], c[8]));
        });
        return probleme is null ? flux : throw new FormatException(probleme);
    }

    [GeneratedRegex("^[A-Z0-9]{8,11}$")]
    private static partial Regex IdentifiantRegex();

    [GeneratedRegex("^(\\d{5}|2[AB]\\d{3})$")]
    private static partial Regex CommuneRegex();
}
