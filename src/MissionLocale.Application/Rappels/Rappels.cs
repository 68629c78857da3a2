using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Messages;
using MissionLocale.Domain.RendezVous;

namespace MissionLocale.Application.Rappels;

public interface IEnvoiEmail
{
    Task EnvoyerAsync(string destinataire, string sujet, string corps, string idMessage, CancellationToken ct);
}

public interface IEnvoiSms
{
    /// <summary>Sends one SMS; returns the provider's reference for its delivery receipts (null when it gives none).</summary>
    Task<string?> EnvoyerAsync(string numero, string texte, string idMessage, CancellationToken ct);
}

/// <summary>What an SMS provider reports back: a delivery receipt or the jeune's opt-out (STOP).</summary>
public enum EvenementSms
{
    EnCours = 1,
    Delivre = 2,
    NonDelivre = 3,
    Stop = 4,
}

/// <summary>A provider event in our terms. <see cref="Reference"/> is the provider's id of the message (may be absent on a STOP).</summary>
public sealed record RetourSms(EvenementSms Evenement, string? Reference, string? Numero, DateTimeOffset Quand);

/// <summary>Runs a piece of work once for every structure, as that structure (isolation holds in jobs too).</summary>
public interface IParStructure
{
    Task PourChaqueStructureAsync(Func<IAppDbContext, Guid, CancellationToken, Task> travail, CancellationToken ct);

    /// <summary>
    /// Runs work as each structure concerned by a provider event: the one that sent the message with this reference, and
    /// those with a jeune whose mobile ends with these nine digits. A provider's call carries no user: it is never
    /// given a cross-structure context, only the structures found.
    /// </summary>
    Task PourLesStructuresConcerneesAsync(string? reference, string? finNumero, Func<IAppDbContext, Guid, CancellationToken, Task> travail, CancellationToken ct);
}

/// <summary>
/// Rendez-vous reminders (RDV-01 reminder options, JEU-05, JEU-07): the day before at 11:00 (Europe/Paris), by e-mail and SMS,
/// only to contacts marked joignable. Two steps, both run by scheduled jobs:
/// <see cref="PreparerAsync"/> puts the reminders in the outbox (unique key: never twice);
/// <see cref="EnvoyerAsync"/> sends what is due, retries transient failures, gives up when the contact is no longer reachable.
/// </summary>
public sealed class Rappels(IParStructure structures, IEnvoiEmail email, IEnvoiSms sms, TimeProvider clock)
{
    private static readonly TimeOnly HeureRappel = new(11, 0);
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<int> PreparerAsync(CancellationToken ct)
    {
        var total = 0;
        await structures.PourChaqueStructureAsync(async (db, structureId, c) => total += await PreparerStructureAsync(db, structureId, c), ct);
        return total;
    }

    public async Task<int> EnvoyerAsync(CancellationToken ct)
    {
        var total = 0;
        await structures.PourChaqueStructureAsync(async (db, _, c) => total += await EnvoyerStructureAsync(db, c), ct);
        return total;
    }

    private async Task<int> PreparerStructureAsync(IAppDbContext db, Guid structureId, CancellationToken ct)
    {
        var fuseau = clock.LocalTimeZone;
        var maintenant = clock.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(maintenant, fuseau);

        // From 11:00 the day before: rendez-vous of tomorrow (local date) still planned.
        var aujourdhui = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) < HeureRappel)
        {
            return 0;
        }

        var demain = aujourdhui.AddDays(1);
        var debut = Instant(demain, TimeOnly.MinValue, fuseau);
        var fin = Instant(demain.AddDays(1), TimeOnly.MinValue, fuseau);
        var rdvs = await db.RendezVous.AsNoTracking()
            .Where(r => r.Statut == StatutRendezVous.Planifie && r.Debut >= debut && r.Debut < fin && (r.RappelEmail || r.RappelSms))
            .ToListAsync(ct);
        if (rdvs.Count == 0)
        {
            return 0;
        }

        var ids = rdvs.Select(r => r.JeuneId).Distinct().ToList();
        var jeunes = await db.Jeunes.AsNoTracking().Where(j => ids.Contains(j.Id)).ToDictionaryAsync(j => j.Id, ct);
        var cles = rdvs.SelectMany(r => new[] { Cle(r, Canal.Email), Cle(r, Canal.Sms) }).ToList();
        var existantes = (await db.MessagesSortants.Where(m => cles.Contains(m.Cle)).Select(m => m.Cle).ToListAsync(ct)).ToHashSet();
        var prevu = Instant(aujourdhui, HeureRappel, fuseau);
        var nouveaux = 0;
        foreach (var r in rdvs)
        {
            var j = jeunes[r.JeuneId];
            var quand = TimeZoneInfo.ConvertTime(r.Debut, fuseau);
            var texte = $"Rappel : rendez-vous à la Mission Locale demain {TempsLocal.EnLettres(quand.DateTime, jourSemaine: true, annee: false)} à {quand.ToString("HH'h'mm", Fr)} ({r.Objet}){(r.Lieu is null ? string.Empty : ", " + r.Lieu)}. En cas d'empêchement, prévenez votre conseiller.";
            if (r.RappelEmail && j.DateDeces is null && !string.IsNullOrWhiteSpace(j.Email) && existantes.Add(Cle(r, Canal.Email)))
            {
                db.MessagesSortants.Add(new MessageSortant(structureId, j.Id, r.Id, Canal.Email, Cle(r, Canal.Email), j.Email, "Rappel de votre rendez-vous à la Mission Locale", texte, prevu));
                nouveaux++;
            }

            // JEU-05: no SMS to a number marked non joignable; JEU-07: nothing after a death.
            if (r.RappelSms && j.PeutRecevoirSms && existantes.Add(Cle(r, Canal.Sms)))
            {
                db.MessagesSortants.Add(new MessageSortant(structureId, j.Id, r.Id, Canal.Sms, Cle(r, Canal.Sms), j.TelephoneMobile!, null, texte, prevu));
                nouveaux++;
            }
        }

        await db.SaveChangesAsync(ct);
        return nouveaux;
    }

    private async Task<int> EnvoyerStructureAsync(IAppDbContext db, CancellationToken ct)
    {
        var maintenant = clock.GetUtcNow();
        var envoyes = 0;
        var dus = await db.MessagesALivrerAsync(maintenant, 100, ct);
        foreach (var m in dus)
        {
            var raison = await RaisonDAbandonAsync(db, m, ct);
            if (raison is not null)
            {
                m.Abandonner(raison);
            }
            else
            {
                try
                {
                    string? reference = null;
                    if (m.Canal == Canal.Email)
                    {
                        await email.EnvoyerAsync(m.Destinataire, m.Sujet ?? "Mission Locale", m.Corps, m.Id.ToString(), ct);
                    }
                    else
                    {
                        reference = await sms.EnvoyerAsync(m.Destinataire, m.Corps, m.Id.ToString(), ct);
                    }

                    m.MarquerEnvoye(clock.GetUtcNow(), reference);
                    envoyes++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    m.MarquerEchec(e.GetType().Name + ": " + e.Message, clock.GetUtcNow());
                }
            }

            // One message at a time: what was sent is recorded at once, so a crash never resends the whole batch.
            await db.SaveChangesAsync(ct);
        }

        return envoyes;
    }

    /// <summary>
    /// A provider's event: a delivery receipt updates the message (shown on the rendez-vous); a STOP marks the mobile
    /// non joignable (JEU-05) on every dossier with that number, kept in the dossier's history, and abandons the SMS
    /// still waiting for it. Returns how many messages and dossiers it changed (0 for an unknown reference: receipts of
    /// messages purged or sent by another tool are ignored, not errors).
    /// </summary>
    public async Task<int> EnregistrerRetourSmsAsync(RetourSms retour, CancellationToken ct)
    {
        var fin = retour.Evenement == EvenementSms.Stop ? NumeroMobile.Fin(retour.Numero) : null;
        var international = NumeroMobile.International(retour.Numero);
        var changes = 0;
        await structures.PourLesStructuresConcerneesAsync(retour.Reference, fin, async (db, _, c) =>
        {
            if (retour.Reference is not null)
            {
                var message = await db.MessagesSortants.SingleOrDefaultAsync(m => m.Canal == Canal.Sms && m.ReferenceFournisseur == retour.Reference, c);
                if (message is not null && retour.Evenement != EvenementSms.Stop)
                {
                    message.EnregistrerLivraison(retour.Evenement switch
                    {
                        EvenementSms.Delivre => LivraisonMessage.Delivre,
                        EvenementSms.NonDelivre => LivraisonMessage.NonDelivre,
                        _ => LivraisonMessage.EnCours,
                    }, retour.Quand);
                    changes++;
                }
            }

            if (fin is not null)
            {
                // The nine digits, whatever the separators typed between them, then compared in full.
                var motif = NumeroMobile.Motif(fin);
                var candidats = await db.Jeunes.Where(j => j.MobileJoignable && j.TelephoneMobile != null && System.Text.RegularExpressions.Regex.IsMatch(j.TelephoneMobile, motif)).ToListAsync(c);
                foreach (var jeune in candidats.Where(j => NumeroMobile.International(j.TelephoneMobile) == international))
                {
                    jeune.RefuserSms();
                    changes++;
                }
            }

            await db.SaveChangesAsync(c);
        }, ct);
        return changes;
    }

    private static async Task<string?> RaisonDAbandonAsync(IAppDbContext db, MessageSortant m, CancellationToken ct)
    {
        var jeune = await db.Jeunes.AsNoTracking().SingleOrDefaultAsync(j => j.Id == m.JeuneId, ct);
        if (jeune is null)
        {
            return "Dossier introuvable.";
        }

        if (jeune.DateDeces is not null)
        {
            return "JEU-07 : jeune décédé.";
        }

        if (m.Canal == Canal.Sms && !jeune.PeutRecevoirSms)
        {
            return "JEU-05 : mobile non joignable.";
        }

        if (m.RendezVousId is { } rdv && !await db.RendezVous.AnyAsync(r => r.Id == rdv && r.Statut == StatutRendezVous.Planifie, ct))
        {
            return "Rendez-vous annulé ou déjà traité.";
        }

        return null;
    }

    private static string Cle(Domain.RendezVous.RendezVous r, Canal canal) =>
        $"rappel:{r.Id:N}:{canal}:{r.Debut.UtcDateTime:yyyyMMddHHmm}";

    private static DateTimeOffset Instant(DateOnly jour, TimeOnly heure, TimeZoneInfo fuseau)
    {
        var dt = jour.ToDateTime(heure);
        return new DateTimeOffset(dt, fuseau.GetUtcOffset(dt));
    }
}
