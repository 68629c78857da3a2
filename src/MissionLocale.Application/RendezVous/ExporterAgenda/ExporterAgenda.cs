using System.Globalization;
using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.RendezVous;

namespace MissionLocale.Application.RendezVous.ExporterAgenda;

/// <summary>The user's agenda as an iCalendar (RFC 5545) feed: planned rendez-vous from 30 days ago.</summary>
[Connecte]
public sealed record ExporterAgendaQuery : IQuery<string>;

public sealed class ExporterAgendaHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ExporterAgendaQuery, string>
{
    public async ValueTask<string> Handle(ExporterAgendaQuery q, CancellationToken cancellationToken)
    {
        var depuis = clock.GetUtcNow().AddDays(-30);
        var rdvs = await (from r in db.RendezVous.AsNoTracking()
                          join j in db.Jeunes on r.JeuneId equals j.Id
                          where r.IntervenantId == user.UtilisateurId && r.Debut >= depuis && r.Statut != StatutRendezVous.Annule
                          orderby r.Debut
                          select new { r.Id, r.Debut, r.Fin, r.Objet, r.Lieu, r.Modalite, r.Statut, r.Commentaire, j.NomUsage, j.Prenom, r.Version })
            .ToListAsync(cancellationToken);
        var sb = new StringBuilder();
        void L(string ligne) => Plier(sb, ligne);
        L("BEGIN:VCALENDAR");
        L("VERSION:2.0");
        L("PRODID:-//Mission Locale//Agenda//FR");
        L("CALSCALE:GREGORIAN");
        L("X-WR-CALNAME:Mes rendez-vous");
        L($"X-WR-TIMEZONE:{Fuseau}");

        // The times carry the Missions Locales' zone (Europe/Paris) with its rules, not bare UTC.
        foreach (var ligne in VTimezoneParis)
        {
            L(ligne);
        }

        var stamp = Utc(clock.GetUtcNow());
        foreach (var r in rdvs)
        {
            L("BEGIN:VEVENT");
            L($"UID:{r.Id}@missionlocale");
            L($"DTSTAMP:{stamp}");
            L($"DTSTART;TZID={Fuseau}:{Local(clock, r.Debut)}");
            L($"DTEND;TZID={Fuseau}:{Local(clock, r.Fin)}");
            L($"SUMMARY:{Echapper($"{r.Objet} — {r.NomUsage} {r.Prenom}")}");
            L($"LOCATION:{Echapper(r.Lieu ?? Libelles.De(r.Modalite))}");
            if (!string.IsNullOrWhiteSpace(r.Commentaire))
            {
                L($"DESCRIPTION:{Echapper(r.Commentaire)}");
            }

            L($"SEQUENCE:{r.Version}");
            L($"STATUS:{(r.Statut == StatutRendezVous.Planifie ? "CONFIRMED" : "TENTATIVE")}");
            L("END:VEVENT");
        }

        L("END:VCALENDAR");
        return sb.ToString();
    }

    private const string Fuseau = "Europe/Paris";

    /// <summary>Europe/Paris since 1996: CET (+01:00) from the last Sunday of October, CEST (+02:00) from the last Sunday of March.</summary>
    private static readonly string[] VTimezoneParis =
    [
        "BEGIN:VTIMEZONE", $"TZID:{Fuseau}",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ];

    private static string Utc(DateTimeOffset d) => d.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Local(TimeProvider clock, DateTimeOffset d) => clock.Local(d).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 TEXT: backslash, semicolon and comma escaped; every line break (Windows, Mac or Unix) as \n.</summary>
    private static string Echapper(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>RFC 5545: lines of at most 75 octets, CRLF, continuation lines start with a space; a character (an emoji
    /// included, two UTF-16 units) is never cut between two lines.</summary>
    private static void Plier(StringBuilder sb, string ligne)
    {
        var octets = 0;
        foreach (var c in ligne.EnumerateRunes())
        {
            var n = c.Utf8SequenceLength;
            if (octets + n > 75)
            {
                sb.Append("\r\n ");
                octets = 1;
            }

            sb.Append(c.ToString());
            octets += n;
        }

        sb.Append("\r\n");
    }
}
