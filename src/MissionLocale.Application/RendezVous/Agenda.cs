using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.RendezVous;

namespace MissionLocale.Application.RendezVous;

/// <summary>RDV-01: an intervenant's agenda, for one rendez-vous or a bulk convocation alike.</summary>
internal static class Agenda
{
    /// <summary>Serialises the requests on one agenda (transaction-scoped), so the overlap warning cannot be bypassed.</summary>
    public static Task VerrouillerAsync(IAppDbContext db, Guid intervenant, CancellationToken ct) => db.VerrouillerAsync($"RDV-01:{intervenant}", ct);

    /// <summary>The intervenant's planned rendez-vous on the slot ask for confirmation, their hour in Paris time (never the stored UTC).</summary>
    public static async Task VerifierChevauchementAsync(IAppDbContext db, TimeProvider clock, Guid intervenant, DateTimeOffset debut, DateTimeOffset fin, string message, string champConfirmation, CancellationToken ct)
    {
        var chevauchements = (await (from r in db.RendezVous
                                     join j in db.Jeunes on r.JeuneId equals j.Id
                                     where r.IntervenantId == intervenant && r.Statut == StatutRendezVous.Planifie && r.Debut < fin && debut < r.Fin
                                     orderby r.Debut
                                     select new { j.Id, j.Numero, j.NomUsage, j.Prenom, j.DateNaissance, r.Objet, r.Debut })
                                    .Take(20).ToListAsync(ct))
            .Select(x => new JeuneResume(x.Id, x.Numero, x.NomUsage, x.Prenom, x.DateNaissance, null,
                string.Create(Libelles.Francais, $"{x.Objet} le {TimeZoneInfo.ConvertTime(x.Debut, clock.LocalTimeZone):dd/MM/yyyy à HH:mm}")))
            .ToList();
        if (chevauchements.Count > 0)
        {
            throw new ConfirmationRequiseException("RDV-01", message, chevauchements, champConfirmation);
        }
    }
}
