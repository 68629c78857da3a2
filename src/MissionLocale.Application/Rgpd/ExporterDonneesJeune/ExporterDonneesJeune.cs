using System.Globalization;
using System.Reflection;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Audit;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Cursus;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Rgpd.ExporterDonneesJeune;

/// <summary>RGPD-04: one part of what is held about the jeune, as a table.</summary>
public sealed record SectionDonnees(string Titre, IReadOnlyList<string> Colonnes, IReadOnlyList<string?[]> Lignes);

/// <summary>RGPD-04: everything held about a jeune (data, history, reads, documents list, dispositifs, allocations).</summary>
public sealed record DonneesPersonnelles(Guid JeuneId, long Numero, string Nom, string Prenom, DateTimeOffset ExtraitLe, string Structure, IReadOnlyList<SectionDonnees> Sections)
{
    /// <summary>The JSON handed to the jeune: each section an array of objects keyed by its column names.</summary>
    public Dictionary<string, object> PourJson() => new()
    {
        ["dossier"] = new { numero = Numero, nom = Nom, prenom = Prenom, structure = Structure, extraitLe = ExtraitLe },
        ["sections"] = Sections.Select(s => new Dictionary<string, object>
        {
            ["titre"] = s.Titre,
            ["lignes"] = s.Lignes.Select(l => s.Colonnes.Select((c, i) => (c, v: i < l.Length ? l[i] : null)).ToDictionary(x => x.c, x => x.v)).ToList(),
        }).ToList(),
    };
}

/// <summary>
/// RGPD-04: the jeune's right of access, served by the structure's data protection officer or its direction: one export
/// of everything held about them; the export itself is logged as a read (RGPD-02).
/// </summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ExporterDonneesJeuneQuery(Guid JeuneId) : IQuery<DonneesPersonnelles>;

public sealed class ExporterDonneesJeuneHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ExporterDonneesJeuneQuery, DonneesPersonnelles>
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly HashSet<string> Techniques = ["Id", "StructureId", "Version", "PrenomCle", "ConsentementPar", "JustifiePar", "ConseillerReferentId", "AntenneId", "ScolariteRenseignee"];

    public async ValueTask<DonneesPersonnelles> Handle(ExporterDonneesJeuneQuery q, CancellationToken cancellationToken)
    {
        if (user.Profil != Profil.Direction && !await ConsulterJournal.DelegueProtectionDonnees.EstAsync(db, user.UtilisateurId, cancellationToken))
        {
            throw new ForbiddenException("L'export du droit d'accès est fait par le délégué à la protection des données ou la direction de la structure (RGPD-04).");
        }

        var j = await db.ChargerDossierAsync(q.JeuneId, cancellationToken);
        var id = j.Id;
        var noms = await db.Utilisateurs.Select(u => new { u.Id, u.NomAffiche }).ToDictionaryAsync(u => u.Id, u => u.NomAffiche, cancellationToken);
        string Nom(Guid? u) => u is { } x && noms.TryGetValue(x, out var n) ? n : string.Empty;
        string H(DateTimeOffset d) => TimeZoneInfo.ConvertTime(d, clock.LocalTimeZone).ToString("dd/MM/yyyy HH:mm", Fr);
        static string D(DateOnly? d) => d?.ToString("dd/MM/yyyy", Fr) ?? string.Empty;
        static string E(decimal m) => m.ToString("N2", Fr) + " €";

        var sections = new List<SectionDonnees>
        {
            new("Dossier", ["Donnée", "Valeur"], Scalaires(j).ToList()),
            new("Conseiller référent", ["Donnée", "Valeur"], [["Conseiller référent", Nom(j.ConseillerReferentId)], ["Antenne", await db.Antennes.Where(a => a.Id == j.AntenneId).Select(a => a.Nom).FirstOrDefaultAsync(cancellationToken)]]),
            new("Adresses", ["Adresse", "Du", "Au", "QPV", "NPAI"], j.Adresses.OrderBy(a => a.DateDebut).Select(a => new string?[] { a.ToString(), D(a.DateDebut), D(a.DateFin), a.QpvCode, a.Npai ? "Oui" : "Non" }).ToList()),
            new("Ressources", ["Type", "Montant mensuel", "Du", "Au"], j.Ressources.Select(r => new string?[] { Libelles.De(r.Type), E(r.MontantMensuel), D(r.DateDebut), D(r.DateFin) }).ToList()),
            new("Permis de conduire", ["Catégorie", "Étape", "Obtenu le"], j.Permis.Select(p => new string?[] { p.Categorie, Libelles.De(p.Etape), D(p.DateObtention) }).ToList()),
            new("Diplômes et titres", ["Diplôme", "Niveau", "Année", "RNCP"], j.Diplomes.Select(d => new string?[] { d.Libelle, NiveauQualification.Libelle(d.Niveau), d.Annee?.ToString(CultureInfo.InvariantCulture), d.CodeRncp }).ToList()),
        };

        var evenements = await db.Evenements.AsNoTracking().Where(e => e.JeuneId == id).OrderBy(e => e.Date).ToListAsync(cancellationToken);
        sections.Add(new("Événements", ["Date", "Nature", "Durée (min)", "Conseiller", "Commentaire"],
            evenements.Select(e => new string?[] { H(e.Date), Libelles.De(e.Nature), e.DureeMinutes.ToString(CultureInfo.InvariantCulture), Nom(e.ConseillerId), e.Commentaire }).ToList()));
        var propositions = await db.Propositions.AsNoTracking().Where(p => p.JeuneId == id).ToListAsync(cancellationToken);
        sections.Add(new("Propositions", ["Domaine", "Proposition", "État"], propositions.Select(p => new string?[] { p.DomaineCode, p.Libelle, Libelles.De(p.Etat) }).ToList()));
        var situations = await db.Situations.AsNoTracking().Where(s => s.JeuneId == id).OrderBy(s => s.DateDebut).ToListAsync(cancellationToken);
        sections.Add(new("Situations", ["Type", "Du", "Au", "Employeur ou organisme", "Détail"],
            situations.Select(s => new string?[] { Libelles.De(s.Type), D(s.DateDebut), D(s.FinEffective), s.Employeur ?? s.Organisme,
                string.Join(" ; ", new[] { s.TypeContrat, s.ObjectifGeneral, s.ValidationPreparee, s.Resultat is { } r ? Libelles.De(r) : null, s.MotifInterruption }.Where(x => x is not null)) }).ToList()));
        var rdv = await db.RendezVous.AsNoTracking().Where(r => r.JeuneId == id).OrderBy(r => r.Debut).ToListAsync(cancellationToken);
        sections.Add(new("Rendez-vous", ["Date", "Objet", "Lieu", "Statut"], rdv.Select(r => new string?[] { H(r.Debut), r.Objet, r.Lieu, Libelles.De(r.Statut) }).ToList()));
        var dispositifs = await db.Dispositifs.AsNoTracking().Where(d => d.JeuneId == id).OrderBy(d => d.DateDebut).ToListAsync(cancellationToken);
        sections.Add(new("Dispositifs", ["Dispositif", "Entrée", "Fin prévue", "Sortie", "Motif de sortie"],
            dispositifs.Select(d => new string?[] { d.TypeCode, D(d.DateDebut), D(d.DateFinPrevue), D(d.DateFinReelle), d.MotifSortie }).ToList()));
        var documents = await db.Documents.AsNoTracking().Where(d => d.JeuneId == id).OrderBy(d => d.CreeLe)
            .Select(d => new { d.Nom, d.Categorie, d.CreeLe, d.Taille }).ToListAsync(cancellationToken);
        sections.Add(new("Documents (liste)", ["Document", "Catégorie", "Déposé le", "Taille (octets)"],
            documents.Select(d => new string?[] { d.Nom, Libelles.De(d.Categorie), H(d.CreeLe), d.Taille.ToString(CultureInfo.InvariantCulture) }).ToList()));
        var rib = await db.CoordonneesBancaires.AsNoTracking().Where(c => c.JeuneId == id).OrderBy(c => c.DateDebut).ToListAsync(cancellationToken);
        sections.Add(new("Coordonnées bancaires", ["Titulaire", "IBAN", "BIC", "Du", "Au"], rib.Select(c => new string?[] { c.Titulaire, c.Iban, c.Bic, D(c.DateDebut), D(c.DateFin) }).ToList()));
        var demandes = await db.DemandesAllocation.AsNoTracking().Where(d => d.JeuneId == id).OrderBy(d => d.Mois).ToListAsync(cancellationToken);
        sections.Add(new("Allocations", ["Mois", "Dispositif", "Montant", "État"], demandes.Select(d => new string?[] { d.Mois.ToString("MM/yyyy", Fr), d.TypeCode, E(d.Montant), Libelles.De(d.Etat) }).ToList()));
        var historique = await db.Historique.AsNoTracking().Where(h => h.JeuneId == id).OrderBy(h => h.Le).ThenBy(h => h.Id).ToListAsync(cancellationToken);
        sections.Add(new("Historique des modifications", ["Date", "Par", "Élément", "Champ", "Avant", "Après"],
            historique.Select(h => new string?[] { H(h.Le), h.Utilisateur, h.Element, h.Champ, h.AncienneValeur, h.NouvelleValeur }).ToList()));
        var lectures = await db.Consultations.AsNoTracking().Where(c => c.JeuneId == id).OrderBy(c => c.Le).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        sections.Add(new("Consultations du dossier", ["Date", "Par", "Objet"], lectures.Select(c => new string?[] { H(c.Le), c.Utilisateur, c.Objet }).ToList()));

        var structure = await db.Structures.Where(s => s.Id == j.StructureId).Select(s => s.Nom).FirstAsync(cancellationToken);
        db.Consultations.Add(new ConsultationDossier(j.StructureId, j.Id, clock.GetUtcNow(), user.UtilisateurId, user.Login, "Export du droit d'accès (RGPD-04)"));
        await db.SaveChangesAsync(cancellationToken);
        return new DonneesPersonnelles(j.Id, j.Numero, j.NomUsage, j.Prenom, clock.GetUtcNow(), structure, sections);
    }

    /// <summary>Every scalar the dossier holds, by reflection: a field added later is exported without anyone remembering to.</summary>
    private IEnumerable<string?[]> Scalaires(Jeune j)
    {
        foreach (var p in typeof(Jeune).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || p.SetMethod is not null).OrderBy(p => p.MetadataToken))
        {
            if (Techniques.Contains(p.Name))
            {
                continue;
            }

            var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            if (!(t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(DateOnly) || t == typeof(DateTimeOffset) || t == typeof(decimal)))
            {
                continue;
            }

            var v = p.GetValue(j);
            yield return [Libelles.Champ(p.Name), v switch
            {
                null => string.Empty,
                bool b => b ? "Oui" : "Non",
                Enum e => Libelles.De(e),
                DateOnly d => d.ToString("dd/MM/yyyy", Fr),
                DateTimeOffset d => TimeZoneInfo.ConvertTime(d, clock.LocalTimeZone).ToString("dd/MM/yyyy HH:mm", Fr),
                int n when p.Name == nameof(Jeune.NiveauQualification) => NiveauQualification.Libelle(n),
                IFormattable f => f.ToString(null, Fr),
                _ => v.ToString(),
            }];
        }

        yield return [Libelles.Champ("MoyensTransport"), string.Join(", ", j.MoyensTransport.Select(m => Libelles.De(m)))];
    }
}
