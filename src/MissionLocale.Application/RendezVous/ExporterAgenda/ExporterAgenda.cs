using System.Globalization;
using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.RendezVous;

namespace MissionLocale.Application.RendezVous.ExporterAgenda;

/// <summary>The user's agenda as an iCalendar (RFC 5545) feed: planned rendez-vous from 30 days ago.</summary>
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
                          select new { r.Id, r.Debut, r.Fin, r.Objet, r.Lieu, r.Modalite, r.Statut, j.NomUsage, j.Prenom, r.Version })
            .ToListAsync(cancellationToken);
        var sb = new StringBuilder();
        void L(string ligne) => Plier(sb, ligne);
        L("BEGIN:VCALENDAR");
        L("VERSION:2.0");
        L("PRODID:-//Mission Locale//Agenda//FR");
        L("CALSCALE:GREGORIAN");
        L("X-WR-CALNAME:Mes rendez-vous");
        var stamp = Utc(clock.GetUtcNow());
        foreach (var r in rdvs)
        {
            L("BEGIN:VEVENT");
            L($"UID:{r.Id}@missionlocale");
            L($"DTSTAMP:{stamp}");
            L($"DTSTART:{Utc(r.Debut)}");
            L($"DTEND:{Utc(r.Fin)}");
            L($"SUMMARY:{Echapper($"{r.Objet} — {r.NomUsage} {r.Prenom}")}");
            L($"LOCATION:{Echapper(r.Lieu ?? Libelles.De(r.Modalite))}");
            L($"SEQUENCE:{r.Version}");
            L($"STATUS:{(r.Statut == StatutRendezVous.Planifie ? "CONFIRMED" : "TENTATIVE")}");
            L("END:VEVENT");
        }

        L("END:VCALENDAR");
        return sb.ToString();
    }

    private static string Utc(DateTimeOffset d) => d.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Echapper(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>RFC 5545: lines of at most 75 octets, CRLF, continuation lines start with a space.</summary>
    private static void Plier(StringBuilder sb, string ligne)
    {
        var octets = 0;
        foreach (var c in ligne)
        {
            var n = Encoding.UTF8.GetByteCount([c]);
            if (octets + n > 75)
            {
                sb.Append("\r\n ");
                octets = 1;
            }

            sb.Append(c);
            octets += n;
        }

        sb.Append("\r\n");
    }
}
