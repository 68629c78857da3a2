using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs;
using MissionLocale.Application.Documents;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Insertion;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Insertion;

/// <summary>An action d'insertion of the nomenclature (CER-05).</summary>
public sealed record ActionNomenclature(string Code, string Libelle);

/// <summary>What the RSA use cases share: the validator's function, the nomenclature, the drawn signatures, the CER's PDF (CER-08).</summary>
public static class Rsa
{
    /// <summary>The nomenclature of actions d'insertion (CER-05; dated parameter, "code:libellé" separated by ";").</summary>
    public const string CodeActions = "CER-05.ActionsInsertion";

    private const string PrefixePng = "data:image/png;base64,";

    public const string Introuvable = "Contrat introuvable dans votre Mission Locale.";

    /// <summary>The drawn signatures in the PDF (CER-08), described by these words for screen readers.</summary>
    public const string SignatureBeneficiaire = "Signature du bénéficiaire";

    public const string SignatureReferent = "Signature du référent";

    /// <summary>CER-06 / EP-03: the right comes with the profile; the decision is the validateur du département's (a function of the account).</summary>
    public static async Task VerifierValidateurAsync(this IAppDbContext db, ICurrentUser user, CancellationToken ct)
    {
        if (!await db.Utilisateurs.AnyAsync(u => u.Id == user.UtilisateurId && (u.Fonctions & FonctionsCompte.ValidateurDepartement) != 0, ct))
        {
            throw new ForbiddenException("Les contrats et les saisines sont validés par le validateur du département : demandez cette fonction à l'administrateur de votre Mission Locale.");
        }
    }

    /// <summary>Sessions of the catalogue a CER's action may propose (CER-05), with the words the contract prints (offre, day, place).</summary>
    public static async Task<Dictionary<Guid, string>> SessionsProposablesAsync(this IAppDbContext db, TimeProvider clock, System.Linq.Expressions.Expression<Func<Domain.Offres.Session, bool>> filtre, CancellationToken ct) =>
        (await db.Sessions.AsNoTracking().Where(filtre).OrderBy(s => s.Debut).Take(200)
            .Join(db.Offres, s => s.OffreId, o => o.Id, (s, o) => new { s.Id, s.Debut, s.Lieu, o.Libelle }).ToListAsync(ct))
        .ToDictionary(s => s.Id, s => $"{s.Libelle}, le {clock.Local(s.Debut):dd/MM/yyyy à HH'h'mm}, {s.Lieu}");

    public static async Task<IReadOnlyList<ActionNomenclature>> ActionsAsync(this IAppDbContext db, DateOnly date, CancellationToken ct) =>
        (await db.ParametreListeAsync(CodeActions, date, ct))
            .Select(a => a.Split(':', 2))
            .Select(p => new ActionNomenclature(p[0].Trim(), p.Length > 1 ? p[1].Trim() : p[0].Trim()))
            .ToList();

    /// <summary>CER-06: a signature drawn on screen arrives as a PNG data URL (signature_pad), a scan as base64; not base64: empty (refused after).</summary>
    public static byte[]? Octets(string? dataUrl)
    {
        if (string.IsNullOrWhiteSpace(dataUrl))
        {
            return null;
        }

        var base64 = dataUrl.StartsWith(PrefixePng, StringComparison.Ordinal) ? dataUrl[PrefixePng.Length..] : dataUrl;
        var octets = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), octets, out var n) ? octets[..n] : [];
    }

    /// <summary>
    /// CER-08: the validated CER rendered as a PDF with both signatures, stored in the dossier's documents (its SHA-256
    /// with it); an avenant validated closes the CER it amends (CER-07).
    /// </summary>
    public static async Task ArchiverAsync(this IAppDbContext db, Cer cer, ICurrentUser user, TimeProvider clock, ILettresPdf pdf, CancellationToken ct)
    {
        var jeune = await db.Jeunes.AsNoTracking().Where(j => j.Id == cer.JeuneId)
            .Select(j => new { j.Civilite, j.NomUsage, j.Prenom, j.DateNaissance, j.Numero }).SingleAsync(ct);
        var parcours = cer.ParcoursId is { } pid ? await db.ParcoursInsertion.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid, ct) : null;
        var referentId = cer.ReferentSignataireId ?? user.UtilisateurId;
        var referent = await db.Utilisateurs.Where(u => u.Id == referentId).Select(u => u.NomAffiche).SingleOrDefaultAsync(ct) ?? string.Empty;
        var entete = await Publipostage.EnTeteAsync(new SourcesCourrier(db), cer.StructureId, ct);
        var texte = Texte(cer, $"{Libelles.De(jeune.Civilite)} {jeune.Prenom} {jeune.NomUsage}", Libelles.Accorde(jeune.Civilite, "né"), jeune.DateNaissance, jeune.Numero, parcours, referent);
        var signatures = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (cer.SignatureBeneficiaire is { } b)
        {
            signatures[SignatureBeneficiaire] = b;
        }

        if (cer.SignatureReferent is { } r)
        {
            signatures[SignatureReferent] = r;
        }

        var contenu = pdf.Rendre([new Lettre($"Contrat d'engagement réciproque — {jeune.Prenom} {jeune.NomUsage}", texte, entete, Formulaire: true, signatures)]);
        var document = new Document(cer.StructureId, cer.JeuneId, CategorieDocument.Contrat, $"CER {Libelles.De(cer.Type)} {cer.Debut:yyyy-MM-dd} {jeune.NomUsage}.pdf",
            "application/pdf", contenu, user.UtilisateurId, clock.GetUtcNow());
        db.Documents.Add(document);
        cer.Archiver(document.Id);

        if (cer.AmendeId is { } amende && await db.Cers.SingleOrDefaultAsync(c => c.Id == amende, ct) is { Etat: EtatCer.Valide } original)
        {
            original.CloturerParAvenant(cer);
        }
    }

    private static string Texte(Cer cer, string beneficiaire, string ne, DateOnly naissance, long numero, ParcoursInsertion? parcours, string referent)
    {
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        // The rubrics under their labels (perspectives … observation, then engagements and rythme), one line each.
        static string Rubriques(IEnumerable<(string Champ, string? Valeur)> champs) => string.Join('\n', champs.Select(c =>
            $"{Libelles.Champ(c.Champ)} : {(string.IsNullOrWhiteSpace(c.Valeur) ? "—" : c.Valeur.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' '))}"));
        var actions = cer.Actions.Count == 0
            ? "Aucune action d'insertion."
            : string.Join('\n', cer.Actions.Select(a => $"• {a.Libelle} ({a.Code}) : du {a.Debut:dd/MM/yyyy}, échéance le {a.Echeance:dd/MM/yyyy} — {a.Statut}{(a.Session is null ? string.Empty : $" ; service proposé : {a.Session}")}"));
        var signatureBeneficiaire = cer.SignatureBeneficiaire is null ? "[signature]" : $"[signature:{SignatureBeneficiaire}]";
        var signatureReferent = cer.SignatureReferent is null ? "[signature]" : $"[signature:{SignatureReferent}]";
        var papier = cer.ScanSignePapierId is null ? string.Empty : "\nSigné sur papier par les deux parties ; la copie numérisée est conservée dans le dossier.";
        var validation = cer.DecidePar is null ? $"Validé par le référent le {cer.DecideLe:dd/MM/yyyy}." : $"Validé par le département le {cer.DecideLe:dd/MM/yyyy}.";
        return string.Join('\n',
            "# Contrat d'engagement réciproque (RSA)",
            $"{Libelles.De(cer.Type)} — du {cer.Debut:dd/MM/yyyy} au {cer.FinPrevue:dd/MM/yyyy} ({Libelles.Nombre(cer.DureeMois, "mois", "mois")})",
            cer.LeveeSuspension ? "Levée de suspension demandée." : cer.LeveeRadiation ? "Levée de radiation demandée." : string.Empty,
            "# Le bénéficiaire",
            $"{beneficiaire}, {ne} le {naissance.ToString("dd/MM/yyyy", fr)} — dossier n° {numero.ToString(CultureInfo.InvariantCulture)}",
            parcours is null ? string.Empty : $"Accompagnement {Libelles.De(parcours.TypeAccompagnement).ToLowerInvariant()} depuis le {parcours.DateDebut:dd/MM/yyyy} ; référent : {referent}",
            "# Le projet",
            Rubriques(cer.Contenu.Champs.Take(4)),
            "# Les engagements",
            Rubriques(cer.Contenu.Champs.Skip(4)),
            "# Actions d'insertion",
            actions,
            "# Signatures",
            $"Le bénéficiaire, le {cer.SigneBeneficiaireLe:dd/MM/yyyy}",
            signatureBeneficiaire,
            $"Le référent, {referent}, le {cer.SigneReferentLe:dd/MM/yyyy}",
            signatureReferent + papier,
            validation);
    }
}
