using System.Collections.Concurrent;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using MissionLocale.Application.Common;
using MissionLocale.Application.Rappels;
using MissionLocale.Infrastructure.Persistence;

namespace MissionLocale.Infrastructure.Messages;

/// <summary>E-mail by SMTP (Smtp:Host, Smtp:Port, Smtp:From, Smtp:User, Smtp:Password).</summary>
public sealed class SmtpEnvoiEmail(IConfiguration configuration) : IEnvoiEmail
{
    public async Task EnvoyerAsync(string destinataire, string sujet, string corps, string idMessage, CancellationToken ct)
    {
        var s = configuration.GetSection("Smtp");
        using var client = new SmtpClient(s["Host"], int.TryParse(s["Port"], out var p) ? p : 25) { EnableSsl = s.GetValue<bool>("Ssl") };
        if (!string.IsNullOrEmpty(s["User"]))
        {
            client.Credentials = new System.Net.NetworkCredential(s["User"], s["Password"]);
        }

        using var message = new MailMessage(s["From"] ?? "ne-pas-repondre@missionlocale.fr", destinataire, sujet, corps);
        message.Headers.Add("Message-ID", $"<{idMessage}@missionlocale>");
        await client.SendMailAsync(message, ct);
    }
}

/// <summary>Development adapters: record the messages instead of sending them (no SMTP server, no SMS provider).</summary>
public sealed class JournalEnvois(Microsoft.Extensions.Logging.ILogger<JournalEnvois> logger) : IEnvoiEmail, IEnvoiSms
{
    public ConcurrentQueue<(string Canal, string Destinataire, string Texte, string Id)> Envoyes { get; } = new();

    Task IEnvoiEmail.EnvoyerAsync(string destinataire, string sujet, string corps, string idMessage, CancellationToken ct)
    {
        Envoyes.Enqueue(("Email", destinataire, corps, idMessage));

        // Without an SMTP server (the demo), the e-mail is written to the log so a first-access link can be followed.
        Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "E-mail non envoyé (pas de serveur SMTP) à {Destinataire} : {Sujet}\n{Corps}", destinataire, sujet, corps);
        return Task.CompletedTask;
    }

    Task<string?> IEnvoiSms.EnvoyerAsync(string numero, string texte, string idMessage, CancellationToken ct)
    {
        Envoyes.Enqueue(("Sms", numero, texte, idMessage));
        return Task.FromResult<string?>(null);
    }
}

/// <summary>Runs work as each structure in turn, with a context filtered on that structure.</summary>
public sealed class ParStructure(DbContextOptions<AppDbContext> options, TimeProvider clock) : IParStructure
{
    public async Task PourChaqueStructureAsync(Func<IAppDbContext, Guid, CancellationToken, Task> travail, CancellationToken ct)
    {
        List<Guid> ids;
        await using (var systeme = new AppDbContext(options, new SystemUser(), clock))
        {
            ids = await systeme.Structures.Select(s => s.Id).ToListAsync(ct);
        }

        foreach (var id in ids)
        {
            await using var db = new AppDbContext(options, new SystemUser(id), clock);
            await travail(db, id, ct);
        }
    }

    public async Task PourLesStructuresConcerneesAsync(string? reference, string? finNumero, Func<IAppDbContext, Guid, CancellationToken, Task> travail, CancellationToken ct)
    {
        List<Guid> ids;
        await using (var systeme = new AppDbContext(options, new SystemUser(), clock))
        {
            // Raw SQL on purpose: the system context is filtered on no structure; this only finds which ones to visit.
            var motif = finNumero is null ? null : MissionLocale.Domain.Messages.NumeroMobile.Motif(finNumero);
            ids = await systeme.Database.SqlQuery<Guid>($"""
                SELECT structure_id AS "Value" FROM messages_sortants WHERE {reference}::text IS NOT NULL AND reference_fournisseur = {reference}
                UNION
                SELECT structure_id FROM jeunes WHERE {motif}::text IS NOT NULL AND mobile_joignable AND telephone_mobile ~ {motif}
                """).ToListAsync(ct);
        }

        foreach (var id in ids)
        {
            await using var db = new AppDbContext(options, new SystemUser(id), clock);
            await travail(db, id, ct);
        }
    }
}
