using System.Globalization;
using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Jeunes.RechercherJeunes;

/// <summary>
/// JEU-12: accent- and case-insensitive partial search on nom and prénom, date of birth, identifiant FT, NIR;
/// only the structure's dossiers (the data layer filters). Keyset pagination on (nom, prénom, numéro).
/// </summary>
[Requires(Droit.RechercherJeunes)]
public sealed record RechercherJeunesQuery(
    string? Q = null,
    DateOnly? DateNaissance = null,
    string? IdentifiantFt = null,
    string? Nir = null,
    Guid? ConseillerReferentId = null,
    string? Apres = null,
    int Taille = 20,
    long? Numero = null) : IQuery<Page<JeuneResume>>;

public sealed class RechercherJeunesHandler(IAppDbContext db) : IQueryHandler<RechercherJeunesQuery, Page<JeuneResume>>
{
    public const string ColonneRecherche = "Recherche";

    public async ValueTask<Page<JeuneResume>> Handle(RechercherJeunesQuery query, CancellationToken cancellationToken)
    {
        var jeunes = db.Jeunes.AsNoTracking();
        foreach (var mot in Texte.Cle(query.Q ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var motif = "%" + mot + "%";
            jeunes = jeunes.Where(j => EF.Functions.Like(EF.Property<string>(j, ColonneRecherche), motif));
        }

        if (query.DateNaissance is { } dn)
        {
            jeunes = jeunes.Where(j => j.DateNaissance == dn);
        }

        if (!string.IsNullOrWhiteSpace(query.IdentifiantFt))
        {
            var ft = query.IdentifiantFt.Trim().ToUpperInvariant();
            jeunes = jeunes.Where(j => j.IdentifiantFt == ft);
        }

        if (!string.IsNullOrWhiteSpace(query.Nir))
        {
            var nir = Domain.Jeunes.Nir.Normaliser(query.Nir);
            jeunes = jeunes.Where(j => j.Nir == nir);
        }

        if (query.Numero is { } numero)
        {
            jeunes = jeunes.Where(j => j.Numero == numero);
        }

        if (query.ConseillerReferentId is { } referent)
        {
            jeunes = jeunes.Where(j => j.ConseillerReferentId == referent);
        }

        return await PaginerAsync(jeunes, query.Apres, query.Taille, db, cancellationToken);
    }

    /// <summary>Keyset pagination: the cursor is the (nom, prénom, numéro) of the last line shown.</summary>
    public static async Task<Page<JeuneResume>> PaginerAsync(IQueryable<Jeune> jeunes, string? apres, int taille, IAppDbContext db, CancellationToken ct)
    {
        taille = Math.Clamp(taille, 1, 100);
        if (Curseur.Lire(apres) is var (nom, prenom, numero))
        {
#pragma warning disable CA1309 // Translated to SQL ">" under the columns' collations (the keyset order), not run in .NET.
            jeunes = jeunes.Where(j => string.Compare(j.NomUsage, nom) > 0
                || (j.NomUsage == nom && (string.Compare(EF.Functions.Collate(j.Prenom, Collations.Francaise), prenom) > 0 || (j.Prenom == prenom && j.Numero > numero))));
#pragma warning restore CA1309
        }

        // Names are stored in capitals without accents (JEU-01); prénoms keep theirs and sort the French way
        // (Cécile before Claude), the cursor comparing with the same collation.
        var lignes = await jeunes.OrderBy(j => j.NomUsage).ThenBy(j => EF.Functions.Collate(j.Prenom, Collations.Francaise)).ThenBy(j => j.Numero)
            .Take(taille + 1)
            .VersResume(db)
            .ToListAsync(ct);
        var suivant = lignes.Count > taille ? Curseur.Ecrire(lignes[taille - 1]) : null;
        return new Page<JeuneResume>(lignes.Take(taille).ToList(), suivant);
    }
}

internal static class Curseur
{
    public static string Ecrire(JeuneResume r) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{r.Nom}\u001f{r.Prenom}\u001f{r.Numero.ToString(CultureInfo.InvariantCulture)}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static (string Nom, string Prenom, long Numero)? Lire(string? curseur)
    {
        if (string.IsNullOrWhiteSpace(curseur))
        {
            return null;
        }

        try
        {
            var b64 = curseur.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(b64)).Split('\u001f');
            return parts.Length == 3 && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var n) ? (parts[0], parts[1], n) : null;
        }
        catch (FormatException)
        {
            throw InvalidInputException.Pour("Apres", "Curseur de pagination invalide : relancez la recherche.");
        }
    }
}
