using System.Globalization;
using System.Text;
using MissionLocale.Domain.Allocations;

namespace MissionLocale.Application.Allocations.LotsAsp;

/// <summary>One line of a batch file (docs/asp-exchange.md); CERFA-04's NOM, prénom, date of birth, dispositif number and subject.</summary>
public sealed record LigneLot(
    Guid Lot, Guid Demande, string Structure, string Dispositif, string NumeroDispositif, int? NumeroCerfa, string Nom, string Prenom, DateOnly DateNaissance, string? Nir,
    DateOnly Mois, decimal Montant, NatureDemande Nature, string Iban, string Bic, string Titulaire, string Objet);

/// <summary>One line of an ASP return file as read (docs/asp-exchange.md).</summary>
public sealed record LigneRetour(int Numero, Guid Demande, Guid Lot, EtatDemande Statut, DateOnly Date, decimal? MontantVerse, string? Motif);

/// <summary>ALLOC-11: our CSV formats with the ASP (UTF-8 without BOM, ";" separator, one header line, ISO dates, 2 decimals).</summary>
public static class FormatAsp
{
    public const string EnteteLot = "lot;demande;structure;dispositif;numero_dispositif;numero_cerfa;nom;prenom;date_naissance;nir;mois;montant;nature;iban;bic;titulaire;objet";

    public const string EnteteRetour = "demande;lot;statut;date;montant_verse;motif";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] EcrireLot(IEnumerable<LigneLot> lignes)
    {
        var sb = new StringBuilder(EnteteLot).Append('\n');
        var inv = CultureInfo.InvariantCulture;
        foreach (var l in lignes)
        {
            sb.Append(l.Lot.ToString("D")).Append(';').Append(l.Demande.ToString("D")).Append(';').Append(Champ(l.Structure)).Append(';').Append(l.Dispositif).Append(';')
              .Append(Champ(l.NumeroDispositif)).Append(';').Append(l.NumeroCerfa?.ToString(inv)).Append(';').Append(Champ(l.Nom)).Append(';').Append(Champ(l.Prenom)).Append(';')
              .Append(l.DateNaissance.ToString("yyyy-MM-dd", inv)).Append(';').Append(l.Nir).Append(';').Append(l.Mois.ToString("yyyy-MM", inv)).Append(';')
              .Append(l.Montant.ToString("0.00", inv)).Append(';').Append(Nature(l.Nature)).Append(';').Append(l.Iban).Append(';').Append(l.Bic).Append(';')
              .Append(Champ(l.Titulaire)).Append(';').Append(Champ(l.Objet)).Append('\n');
        }

        return Utf8.GetBytes(sb.ToString());
    }

    public static string Nature(NatureDemande n) => n switch
    {
        NatureDemande.Modification => "MODIFICATION",
        NatureDemande.HorsDelai => "HORS_DELAI",
        _ => "INITIALE",
    };

    /// <summary>Reads a return file; every problem is reported with its line number and nothing is returned as valid then.</summary>
    public static (IReadOnlyList<LigneRetour> Lignes, IReadOnlyList<string> Erreurs) LireRetour(byte[] contenu)
    {
        var erreurs = new List<string>();
        var lignes = new List<LigneRetour>();
        string texte;
        try
        {
            texte = Utf8.GetString(contenu.AsSpan().StartsWith("\uFEFF"u8) ? contenu.AsSpan(3) : contenu); // a BOM added by a spreadsheet is tolerated
        }
        catch (DecoderFallbackException)
        {
            return ([], ["Le fichier n'est pas en UTF-8."]);
        }

        var brutes = texte.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (brutes.Length == 0 || brutes[0].Trim() != EnteteRetour)
        {
            return ([], [$"Ligne 1 : l'en-tête attendu est « {EnteteRetour} »."]);
        }

        var vus = new HashSet<Guid>();
        for (var i = 1; i < brutes.Length; i++)
        {
            var numero = i + 1;
            if (brutes[i].Length == 0)
            {
                continue;
            }

            var champs = Decouper(brutes[i]);
            if (champs is null || champs.Count != 6)
            {
                erreurs.Add($"Ligne {numero} : 6 champs séparés par « ; » attendus.");
                continue;
            }

            var raisons = new List<string>();
            if (!Guid.TryParseExact(champs[0], "D", out var demande))
            {
                raisons.Add("identifiant de demande invalide");
            }
            else if (!vus.Add(demande))
            {
                raisons.Add("demande déjà présente plus haut dans le fichier");
            }

            if (!Guid.TryParseExact(champs[1], "D", out var lot))
            {
                raisons.Add("identifiant de lot invalide");
            }

            EtatDemande? statut = champs[2] switch { "ACCEPTEE" => EtatDemande.AccepteeAsp, "VERSEE" => EtatDemande.VerseeAsp, "REFUSEE" => EtatDemande.RefuseeAsp, _ => null };
            if (statut is null)
            {
                raisons.Add($"statut « {champs[2]} » inconnu (ACCEPTEE, VERSEE ou REFUSEE)");
            }

            if (!DateOnly.TryParseExact(champs[3], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                raisons.Add("date invalide (AAAA-MM-JJ)");
            }

            decimal? montant = null;
            if (champs[4].Length > 0)
            {
                if (System.Text.RegularExpressions.Regex.IsMatch(champs[4], @"^\d{1,8}\.\d{2}$") && decimal.TryParse(champs[4], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var m))
                {
                    montant = m;
                }
                else
                {
                    raisons.Add("montant versé invalide (chiffres, un point et deux décimales)");
                }
            }

            if (statut == EtatDemande.VerseeAsp && champs[4].Length == 0)
            {
                raisons.Add("montant versé manquant pour VERSEE");
            }

            var motif = champs[5].Length == 0 ? null : champs[5];
            if (statut == EtatDemande.RefuseeAsp && motif is null)
            {
                raisons.Add("motif manquant pour REFUSEE");
            }
            else if (motif is { Length: > 200 })
            {
                raisons.Add("motif de plus de 200 caractères");
            }

            if (raisons.Count > 0)
            {
                erreurs.Add($"Ligne {numero} : {string.Join(", ", raisons)}.");
            }
            else
            {
                lignes.Add(new LigneRetour(numero, demande, lot, statut!.Value, date, montant, motif));
            }
        }

        if (lignes.Count == 0 && erreurs.Count == 0)
        {
            erreurs.Add("Le fichier ne contient aucune ligne.");
        }

        return (erreurs.Count > 0 ? [] : lignes, erreurs);
    }

    private static string Champ(string valeur) =>
        valeur.AsSpan().IndexOfAny(";\"\n\r") >= 0 ? "\"" + valeur.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : valeur;

    /// <summary>Splits one CSV line (";" separator, RFC 4180 quotes); null when a quote is not closed.</summary>
    private static List<string>? Decouper(string ligne)
    {
        var champs = new List<string>();
        var sb = new StringBuilder();
        var guillemets = false;
        for (var i = 0; i < ligne.Length; i++)
        {
            var c = ligne[i];
            if (guillemets)
            {
                if (c == '"' && i + 1 < ligne.Length && ligne[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    guillemets = false;
                }
                else
                {
                    sb.Append(c);
                }
            }
            else if (c == '"' && sb.Length == 0)
            {
                guillemets = true;
            }
            else if (c == ';')
            {
                champs.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        if (guillemets)
        {
            return null;
        }

        champs.Add(sb.ToString());
        return champs;
    }
}
