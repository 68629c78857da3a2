using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Domain.Reference;
using MissionLocale.Infrastructure.Persistence;

namespace MissionLocale.Infrastructure.Reference;

/// <summary>Result of an import: what changed, or the faulty lines (then nothing changed).</summary>
public sealed record ResultatImport(int Ajoutes, int Modifies, IReadOnlyList<string> Erreurs)
{
    public bool Reussi => Erreurs.Count == 0;
}

/// <summary>
/// Imports the official QPV list (ANCT CSV: code_qp;lib_qp;insee_com[;date_debut;date_fin], ';' or ',' separated,
/// one header line) and the QPV streets file (code_qp;insee_com;voie). Upserts; nothing is deleted, since dossiers
/// refer to QPV codes: a QPV leaving the list gets an end date. The whole file is applied or nothing.
/// </summary>
public sealed class QpvImporter(AppDbContext db)
{
    public async Task<ResultatImport> ImporterQpvAsync(Stream fichier, CancellationToken ct = default)
    {
        var (lignes, erreurs) = await LireAsync(fichier, 3, ct);
        var communes = await db.Communes.Select(c => c.CodeInsee).ToHashSetAsync(ct);
        var parsees = new List<(string Code, string Nom, string Commune, DateOnly Debut, DateOnly? Fin)>();
        foreach (var (numero, c) in lignes)
        {
            var debut = c.Length > 3 && c[3].Length > 0 ? ParseDate(c[3]) : new DateOnly(2024, 1, 1);
            DateOnly? fin = c.Length > 4 && c[4].Length > 0 ? ParseDate(c[4]) : null;
            if (c[0].Length is 0 or > 20)
            {
                erreurs.Add($"Ligne {numero} : code QPV manquant ou trop long.");
            }
            else if (!communes.Contains(c[2]))
            {
                erreurs.Add($"Ligne {numero} : commune {c[2]} inconnue.");
            }
            else if (debut is null || (c.Length > 4 && c[4].Length > 0 && fin is null))
            {
                erreurs.Add($"Ligne {numero} : date invalide (format attendu AAAA-MM-JJ ou JJ/MM/AAAA).");
            }
            else
            {
                parsees.Add((c[0], c[1], c[2], debut.Value, fin));
            }
        }

        if (erreurs.Count > 0)
        {
            return new ResultatImport(0, 0, erreurs);
        }

        var existants = await db.Qpvs.ToDictionaryAsync(q => q.Code, ct);
        int ajoutes = 0, modifies = 0;
        foreach (var p in parsees)
        {
            if (existants.TryGetValue(p.Code, out var q))
            {
                q.Modifier(p.Nom, p.Commune, p.Debut, p.Fin);
                modifies++;
            }
            else
            {
                db.Qpvs.Add(new Qpv(p.Code, p.Nom, p.Commune, p.Debut, p.Fin));
                ajoutes++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new ResultatImport(ajoutes, modifies, []);
    }

    public async Task<ResultatImport> ImporterVoiesAsync(Stream fichier, CancellationToken ct = default)
    {
        var (lignes, erreurs) = await LireAsync(fichier, 3, ct);
        var qpvs = await db.Qpvs.Select(q => q.Code).ToHashSetAsync(ct);
        var existantes = (await db.QpvVoies.Select(v => new { v.QpvCode, v.CommuneInsee, v.VoieCle }).ToListAsync(ct))
            .Select(v => (v.QpvCode, v.CommuneInsee, v.VoieCle)).ToHashSet();
        var nouvelles = new List<QpvVoie>();
        foreach (var (numero, c) in lignes)
        {
            if (!qpvs.Contains(c[0]))
            {
                erreurs.Add($"Ligne {numero} : QPV {c[0]} inconnu (importez d'abord la liste des QPV).");
                continue;
            }

            var cle = ZonageAdresse.CleVoie(c[2]);
            if (cle.Length == 0)
            {
                erreurs.Add($"Ligne {numero} : voie vide.");
            }
            else if (existantes.Add((c[0], c[1], cle)))
            {
                nouvelles.Add(new QpvVoie(c[0], c[1], cle));
            }
        }

        if (erreurs.Count > 0)
        {
            return new ResultatImport(0, 0, erreurs);
        }

        db.QpvVoies.AddRange(nouvelles);
        await db.SaveChangesAsync(ct);
        return new ResultatImport(nouvelles.Count, 0, []);
    }

    private static async Task<(List<(int Numero, string[] Champs)> Lignes, List<string> Erreurs)> LireAsync(Stream fichier, int colonnesMin, CancellationToken ct)
    {
        using var reader = new StreamReader(fichier, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lignes = new List<(int, string[])>();
        var erreurs = new List<string>();
        var numero = 0;
        char? separateur = null;
        while (await reader.ReadLineAsync(ct) is { } ligne)
        {
            numero++;
            if (numero == 1)
            {
                separateur = ligne.Contains(';', StringComparison.Ordinal) ? ';' : ',';
                continue;
            }

            if (string.IsNullOrWhiteSpace(ligne))
            {
                continue;
            }

            var champs = ligne.Split(separateur!.Value).Select(x => x.Trim().Trim('"')).ToArray();
            if (champs.Length < colonnesMin)
            {
                erreurs.Add($"Ligne {numero} : {champs.Length} colonnes au lieu de {colonnesMin} au moins.");
                continue;
            }

            lignes.Add((numero, champs));
        }

        return (lignes, erreurs);
    }

    private static DateOnly? ParseDate(string s) =>
        DateOnly.TryParseExact(s, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
