using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Structures;

namespace MissionLocale.Application.Documents;

/// <summary>Fills the {{placeholders}} of a letter template (RDV-03). Unknown placeholders stay visible so the template author sees them.</summary>
public static partial class Publipostage
{
    public static readonly string[] Champs =
    [
        "jeune.civilite", "jeune.nom", "jeune.prenom", "jeune.adresse", "jeune.numero", "jeune.convoque", "jeune.recu",
        "rdv.date", "rdv.heure", "rdv.fin", "rdv.lieu", "rdv.objet", "rdv.modalite",
        "conseiller.nom", "conseiller.prenom", "conseiller.fonction", "structure.nom", "structure.adresse", "structure.commune", "structure.telephone", "structure.email", "date.jour",
        "antenne.nom", "antenne.adresse", "antenne.telephone", "antenne.horaires", "saisine.motif", "saisine.decision",
    ];

    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public static string Fusionner(string corps, IReadOnlyDictionary<string, string> valeurs) =>
        ChampRegex().Replace(corps, m => valeurs.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    /// <summary>The values of a convocation: the jeune, the rendez-vous, the intervenant and the structure.</summary>
    public static async Task<Dictionary<string, string>> ValeursConvocationAsync(SourcesCourrier sources, Jeune jeune, Domain.RendezVous.RendezVous rdv, TimeZoneInfo fuseau, DateTimeOffset maintenant, CancellationToken ct)
    {
        // USR-07: the antenne's address and hours when the rendez-vous is there, else the jeune's lieu de rattachement's.
        var valeurs = await ValeursJeuneAsync(sources, jeune, rdv.IntervenantId, rdv.AntenneId ?? jeune.AntenneId, fuseau, maintenant, ct);
        var structure = await sources.StructureAsync(jeune.StructureId, ct);
        var antenne = rdv.AntenneId is not null ? valeurs["antenne.nom"] : null;
        var debut = TimeZoneInfo.ConvertTime(rdv.Debut, fuseau);
        var fin = TimeZoneInfo.ConvertTime(rdv.Fin, fuseau);
        valeurs["rdv.date"] = TempsLocal.EnLettres(debut.DateTime, jourSemaine: true);
        valeurs["rdv.heure"] = debut.ToString("HH'h'mm", Fr);
        valeurs["rdv.fin"] = fin.ToString("HH'h'mm", Fr);
        valeurs["rdv.lieu"] = rdv.Lieu ?? (antenne is null ? structure.Nom : $"{structure.Nom}, {antenne}");
        valeurs["rdv.objet"] = rdv.Objet;
        valeurs["rdv.modalite"] = Libelles.De(rdv.Modalite);
        return valeurs;
    }

    /// <summary>The values of any letter to a jeune: the jeune, the conseiller who writes, the structure and the antenne.</summary>
    public static async Task<Dictionary<string, string>> ValeursJeuneAsync(SourcesCourrier sources, Jeune jeune, Guid conseillerId, Guid? antenneId, TimeZoneInfo fuseau, DateTimeOffset maintenant, CancellationToken ct)
    {
        var conseiller = await sources.IntervenantAsync(conseillerId, ct);
        var structure = await sources.StructureAsync(jeune.StructureId, ct);
        var communeStructure = await sources.CommuneAsync(structure.CommuneInsee, ct) ?? string.Empty;
        var lieu = await sources.AntenneAsync(antenneId ?? jeune.AntenneId, ct);
        var communeAntenne = lieu?.CommuneInsee is { } ca ? await sources.CommuneAsync(ca, ct) : null;
        var adresse = jeune.AdresseCourante;
        return new Dictionary<string, string>
        {
            ["jeune.civilite"] = Libelles.De(jeune.Civilite),
            ["jeune.convoque"] = Libelles.Accorde(jeune.Civilite, "convoqué"),
            ["jeune.recu"] = Libelles.Accorde(jeune.Civilite, "reçu"),
            ["jeune.nom"] = jeune.NomUsage,
            ["jeune.prenom"] = jeune.Prenom,
            ["jeune.numero"] = jeune.Numero.ToString(CultureInfo.InvariantCulture),
            ["jeune.adresse"] = adresse is null ? string.Empty : AdresseComplete(adresse),
            ["conseiller.nom"] = conseiller?.Nom ?? string.Empty,
            ["conseiller.prenom"] = conseiller?.Prenom ?? string.Empty,
            ["conseiller.fonction"] = conseiller?.Civilite == Civilite.Madame ? "Conseillère en insertion" : "Conseiller en insertion",
            ["structure.nom"] = structure.Nom,
            ["structure.adresse"] = $"{structure.AdresseVoie}, {structure.CodePostal} {communeStructure}",
            ["structure.commune"] = communeStructure,
            ["structure.telephone"] = structure.Telephone ?? string.Empty,
            ["structure.email"] = structure.Email ?? string.Empty,
            ["antenne.nom"] = lieu?.Nom ?? string.Empty,
            ["antenne.adresse"] = lieu?.AdresseVoie is null ? $"{structure.AdresseVoie}, {structure.CodePostal} {communeStructure}" : $"{lieu.AdresseVoie}, {lieu.CodePostal} {communeAntenne}",
            ["antenne.telephone"] = lieu?.Telephone ?? structure.Telephone ?? string.Empty,
            ["antenne.horaires"] = lieu?.Horaires ?? string.Empty,
            ["date.jour"] = TempsLocal.EnLettres(TimeZoneInfo.ConvertTime(maintenant, fuseau).DateTime),
        };
    }

    /// <summary>The structure's letterhead for its letters (convocations).</summary>
    public static async Task<EnTeteLettre> EnTeteAsync(SourcesCourrier sources, Guid structureId, CancellationToken ct)
    {
        var structure = await sources.StructureAsync(structureId, ct);
        var commune = await sources.CommuneAsync(structure.CommuneInsee, ct) ?? string.Empty;
        return new EnTeteLettre(structure.Nom, $"{structure.AdresseVoie}, {structure.CodePostal} {commune}", structure.Telephone, structure.Email, structure.Logo);
    }

    /// <summary>The full postal address, every part of it (complément, bâtiment, escalier, étage, appartement).</summary>
    public static string AdresseComplete(Adresse a)
    {
        var complement = string.Join(" ", new[]
        {
            a.Complement, a.Batiment is null ? null : "Bât. " + a.Batiment, a.Escalier is null ? null : "Esc. " + a.Escalier,
            a.Etage is null ? null : "Étage " + a.Etage, a.Appartement is null ? null : "Appt " + a.Appartement,
        }.Where(x => !string.IsNullOrWhiteSpace(x)));
        return string.Join("\n", new[] { complement, $"{a.Numero} {a.Voie}".Trim(), $"{a.CodePostal} {a.CommuneNom.ToUpperInvariant()}" }.Where(x => !string.IsNullOrWhiteSpace(x)));
    }

    [GeneratedRegex(@"\{\{\s*([a-z]+\.[a-z]+)\s*\}\}")]
    private static partial Regex ChampRegex();
}

/// <summary>
/// What the letters of one batch share (structure, antennes, communes, intervenants), each read once: a batch of
/// convocations for 200 jeunes reads them a handful of times, not 7 times per letter.
/// </summary>
public sealed class SourcesCourrier(IAppDbContext db)
{
    private readonly Dictionary<Guid, Structure> structures = [];
    private readonly Dictionary<Guid, Antenne?> antennes = [];
    private readonly Dictionary<string, string?> communes = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, Intervenant?> intervenants = [];

    public sealed record Intervenant(string Nom, string Prenom, Civilite? Civilite);

    public async Task<Structure> StructureAsync(Guid id, CancellationToken ct) =>
        structures.TryGetValue(id, out var s) ? s : structures[id] = await db.Structures.AsNoTracking().SingleAsync(x => x.Id == id, ct);

    public async Task<Antenne?> AntenneAsync(Guid? id, CancellationToken ct) =>
        id is not { } a ? null : antennes.TryGetValue(a, out var x) ? x : antennes[a] = await db.Antennes.AsNoTracking().Where(y => y.Id == a).FirstOrDefaultAsync(ct);

    public async Task<string?> CommuneAsync(string insee, CancellationToken ct) =>
        communes.TryGetValue(insee, out var n) ? n : communes[insee] = await db.Communes.Where(c => c.CodeInsee == insee).Select(c => c.Nom).FirstOrDefaultAsync(ct);

    public async Task<Intervenant?> IntervenantAsync(Guid id, CancellationToken ct) =>
        intervenants.TryGetValue(id, out var i) ? i : intervenants[id] = await db.Utilisateurs.Where(u => u.Id == id).Select(u => new Intervenant(u.Nom, u.Prenom, u.Civilite)).FirstOrDefaultAsync(ct);
}
