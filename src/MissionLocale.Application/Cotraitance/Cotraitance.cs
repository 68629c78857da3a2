using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs;
using MissionLocale.Domain.Cotraitance;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Cotraitance;

/// <summary>PPAE-01 to PPAE-05: what the cotraitance use cases share: the gestionnaire's function, the dated parameters, the flows.</summary>
public static class Cotraitance
{
    /// <summary>PPAE-01: the age from which France Travail's assignment is refused (dated parameter).</summary>
    public const string CodeAgeLimite = "PPAE-01.AgeLimite";

    /// <summary>PPAE-05: the exit motives of a PPAE (dated parameter, a list).</summary>
    public const string CodeMotifsSortie = "PPAE-05.MotifsSortie";

    /// <summary>PPAE-01 / PPAE-02: the right comes with the profile; the work is the gestionnaire de la cotraitance's (a function of the account).</summary>
    public static async Task VerifierGestionnaireAsync(this IAppDbContext db, ICurrentUser user, CancellationToken ct)
    {
        if (!await db.Utilisateurs.AnyAsync(u => u.Id == user.UtilisateurId && (u.Fonctions & FonctionsCompte.GestionnaireCotraitance) != 0, ct))
        {
            throw new ForbiddenException("Les affectations de France Travail sont traitées par les gestionnaires de la cotraitance : demandez cette fonction à l'administrateur de votre Mission Locale.");
        }
    }

    /// <summary>Which of these communes are in the structure's territory (a territory can hold thousands of communes).</summary>
    public static async Task<IReadOnlySet<string>> TerritoireAsync(this IAppDbContext db, Guid structureId, IEnumerable<string> communes, CancellationToken ct)
    {
        var codes = communes.Distinct().ToList();
        return (await db.Structures.Where(s => s.Id == structureId).SelectMany(s => s.Territoire.Select(t => t.CommuneInsee)).Where(c => codes.Contains(c)).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
    }

    public static Task<int> AgeLimiteAsync(this IAppDbContext db, DateOnly date, CancellationToken ct) => db.ParametreEntierAsync(CodeAgeLimite, date, 26, ct);

    /// <summary>PPAE-03 / PPAE-06: the day (Europe/Paris) of the jeune's last entretien individuel since the assignment, if any.</summary>
    public static async Task<DateOnly?> DernierEntretienDepuisAffectationAsync(this IAppDbContext db, TimeProvider clock, Ppae ppae, CancellationToken ct)
    {
        var date = await db.Evenements.Where(e => e.JeuneId == ppae.JeuneId && e.Nature == NatureEvenement.EntretienIndividuel && e.Date >= ppae.DebutAffectation)
            .OrderByDescending(e => e.Date).Select(e => (DateTimeOffset?)e.Date).FirstOrDefaultAsync(ct);
        return date is { } d ? DateOnly.FromDateTime(clock.Local(d).DateTime) : null;
    }

    /// <summary>A rendez-vous planned for these jeunes moves their assignment waiting for one to « En attente d'entretien » (PPAE-02).</summary>
    public static async Task RendezVousPlanifiesAsync(this IAppDbContext db, IReadOnlyCollection<Guid> jeunes, CancellationToken ct)
    {
        var affectations = await db.AffectationsFt.Where(a => a.JeuneId != null && jeunes.Contains(a.JeuneId.Value) && a.Etat == EtatAffectation.AttentePlanification).ToListAsync(ct);
        foreach (var a in affectations)
        {
            a.RendezVousPlanifie();
        }
    }

    /// <summary>
    /// PPAE-05: the flows an événement makes while the jeune's PPAE is « En cours » (one per événement of a followed
    /// nature, one per proposition about employment, project or training), added to the outbox in the same transaction.
    /// </summary>
    public static async Task<int> ProduireFluxAsync(this IAppDbContext db, TimeProvider clock, IReadOnlyCollection<Evenement> evenements, CancellationToken ct)
    {
        if (evenements.Count == 0)
        {
            return 0;
        }

        var jeunes = evenements.Select(e => e.JeuneId).Distinct().ToList();
        var ppaes = await db.Ppaes.AsNoTracking().Where(p => jeunes.Contains(p.JeuneId) && p.Etat == EtatPpae.EnCours).ToListAsync(ct);
        if (ppaes.Count == 0)
        {
            return 0;
        }

        var avecPpae = ppaes.Select(p => p.JeuneId).ToList();
        var identites = await IdentitesAsync(db, avecPpae, ct);
        var sources = evenements.SelectMany(e => e.Propositions.Select(p => p.Id).Append(e.Id)).ToList();
        var deja = (await db.FluxDude.Where(f => sources.Contains(f.SourceId)).Select(f => new { f.SourceId, f.Type }).ToListAsync(ct))
            .Select(f => (f.SourceId, f.Type)).ToHashSet();
        var n = 0;
        foreach (var e in evenements)
        {
            if (ppaes.FirstOrDefault(p => p.JeuneId == e.JeuneId) is not { } ppae)
            {
                continue;
            }

            var jour = DateOnly.FromDateTime(clock.Local(e.Date).DateTime);
            foreach (var (type, source, objet) in ppae.Flux(e, jour))
            {
                if (deja.Add((source, type)))
                {
                    db.FluxDude.Add(Flux(ppae, identites[e.JeuneId], type, source, jour, objet, clock.GetUtcNow()));
                    n++;
                }
            }
        }

        return n;
    }

    /// <summary>The flow of the PPAE's start, stop or exit (PPAE-03 to PPAE-05).</summary>
    public static async Task AjouterFluxPpaeAsync(this IAppDbContext db, Ppae ppae, TypeFluxDude type, DateOnly date, string? objet, DateTimeOffset maintenant, CancellationToken ct)
    {
        var identite = (await IdentitesAsync(db, [ppae.JeuneId], ct))[ppae.JeuneId];
        db.FluxDude.Add(Flux(ppae, identite, type, ppae.Id, date, objet, maintenant));
    }

    private sealed record Identite(string IdentifiantFt, string Nom, string Prenom, DateOnly Naissance);

    private static FluxDude Flux(Ppae ppae, Identite i, TypeFluxDude type, Guid source, DateOnly date, string? objet, DateTimeOffset maintenant) =>
        new(ppae.StructureId, ppae.JeuneId, ppae.Id, type, source, date, objet, i.IdentifiantFt, i.Nom, i.Prenom, i.Naissance, maintenant);

    private static async Task<Dictionary<Guid, Identite>> IdentitesAsync(IAppDbContext db, List<Guid> jeunes, CancellationToken ct)
    {
        var lignes = await db.Jeunes.AsNoTracking().Where(j => jeunes.Contains(j.Id))
            .Select(j => new
            {
                j.Id,
                j.NomUsage,
                j.Prenom,
                j.DateNaissance,
                j.IdentifiantFt,
                Affecte = db.AffectationsFt.Where(a => a.JeuneId == j.Id).OrderByDescending(a => a.DateAffectation).Select(a => a.IdentifiantFt).FirstOrDefault(),
            }).ToListAsync(ct);
        return lignes.ToDictionary(l => l.Id, l => new Identite(l.IdentifiantFt ?? l.Affecte ?? string.Empty, l.NomUsage, l.Prenom, l.DateNaissance));
    }
}
