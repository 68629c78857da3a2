using System.Globalization;
using System.Text;
using MissionLocale.Application.Common;
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

    public static byte[] EcrireLot(IEnumerable<LigneLot> lignes)
    {
        using var ms = new MemoryStream();
        using (var w = new StreamWriter(ms, CsvPointVirgule.Utf8, 1 << 16))
        {
            w.Write(EnteteLot);
            w.Write('\n');
            foreach (var l in lignes)
            {
                EcrireLigne(w, l);
            }
        }

        return ms.ToArray();
    }

    /// <summary>Writes the batch file as its lines come from the database (130k lines: no list nor string of the whole file).</summary>
    public static async Task<byte[]> EcrireLotAsync(IAsyncEnumerable<LigneLot> lignes, CancellationToken ct)
    {
        using var ms = new MemoryStream();
        await using (var w = new StreamWriter(ms, CsvPointVirgule.Utf8, 1 << 16))
        {
            await w.WriteAsync(EnteteLot);
            await w.WriteAsync('\n');
            await foreach (var l in lignes.WithCancellation(ct))
            {
                EcrireLigne(w, l);
            }
        }

        return ms.ToArray();
    }

    private static void EcrireLigne(TextWriter w, LigneLot l)
    {
        var inv = CultureInfo.InvariantCulture;
        w.Write(l.Lot.ToString("D"));
        w.Write(';');
        w.Write(l.Demande.ToString("D"));
        foreach (var champ in new[]
        {
            CsvPointVirgule.Champ(l.Structure), l.Dispositif, CsvPointVirgule.Champ(l.NumeroDispositif), l.NumeroCerfa?.ToString(inv), CsvPointVirgule.Champ(l.Nom), CsvPointVirgule.Champ(l.Prenom), l.DateNaissance.ToString("yyyy-MM-dd", inv),
            l.Nir, l.Mois.ToString("yyyy-MM", inv), l.Montant.ToString("0.00", inv), Nature(l.Nature), l.Iban, l.Bic, CsvPointVirgule.Champ(l.Titulaire), CsvPointVirgule.Champ(l.Objet),
        })
        {
            w.Write(';');
            w.Write(champ);
        }

        w.Write('\n');
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
        var vus = new HashSet<Guid>();
        if (CsvPointVirgule.Lire(contenu, EnteteRetour, (brute, numero) => LireLigne(brute, numero, vus, lignes, erreurs)) is { } probleme)
        {
            return ([], [probleme]);
        }

        if (lignes.Count == 0 && erreurs.Count == 0)
        {
            erreurs.Add("Le fichier ne contient aucune ligne.");
        }

        return (erreurs.Count > 0 ? [] : lignes, erreurs);
    }

    private static void LireLigne(string brute, int numero, HashSet<Guid> vus, List<LigneRetour> lignes, List<string> erreurs)
    {
        var champs = CsvPointVirgule.Decouper(brute);
        if (champs is null || champs.Count != 6)
        {
            erreurs.Add($"Ligne {numero} : 6 champs séparés par « ; » attendus.");
            return;
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
}
