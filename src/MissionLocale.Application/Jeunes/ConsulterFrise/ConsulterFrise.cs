using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.RendezVous;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Jeunes.ConsulterFrise;

public enum TypeElementFrise
{
    Evenement = 1,
    RendezVous = 2,
    Situation = 3,
    Dispositif = 4,
}

/// <summary>One line of the timeline; <see cref="Manque"/> marks a missed rendez-vous (shown in red).</summary>
public sealed record ElementFrise(TypeElementFrise Type, Guid Id, DateTimeOffset Date, DateTimeOffset? Fin, string Titre, string? Detail, string? Statut, bool Manque, int? Version)
{
    /// <summary>For a rendez-vous: what became of its reminders ("Rappel SMS : délivré le 30/11 à 11h02").</summary>
    public IReadOnlyList<string> Rappels { get; init; } = [];

    /// <summary>Situations and dispositifs are dated by the day: shown without an hour.</summary>
    public bool JourneeEntiere => Type is TypeElementFrise.Situation or TypeElementFrise.Dispositif;
}

/// <summary>EVT-04: the dossier's timeline, newest first, filterable by kind and period.</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ConsulterFriseQuery(Guid JeuneId, IReadOnlyList<TypeElementFrise>? Types = null, DateOnly? Du = null, DateOnly? Au = null) : IQuery<IReadOnlyList<ElementFrise>>;

public sealed class ConsulterFriseHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ConsulterFriseQuery, IReadOnlyList<ElementFrise>>
{
    public async ValueTask<IReadOnlyList<ElementFrise>> Handle(ConsulterFriseQuery q, CancellationToken cancellationToken)
    {
        await db.VerifierDossierAsync(q.JeuneId, cancellationToken);

        var types = q.Types is { Count: > 0 } t ? t.ToHashSet() : Enum.GetValues<TypeElementFrise>().ToHashSet();
        // Days are the Missions Locales' days (Europe/Paris): a dispositif starts at local midnight, not at 01:00.
        var du = q.Du is { } d ? clock.InstantLocal(d) : DateTimeOffset.MinValue;
        var au = q.Au is { } a ? clock.InstantLocal(a.AddDays(1)).AddTicks(-1) : DateTimeOffset.MaxValue;
        var elements = new List<ElementFrise>();

        if (types.Contains(TypeElementFrise.Evenement))
        {
            var evts = await db.Evenements.AsNoTracking().Include(e => e.Propositions)
                .Where(e => e.JeuneId == q.JeuneId && e.Date >= du && e.Date <= au).ToListAsync(cancellationToken);
            elements.AddRange(evts.Select(e => new ElementFrise(TypeElementFrise.Evenement, e.Id, e.Date, e.Date.AddMinutes(e.DureeMinutes), Libelles.De(e.Nature),
                string.Join(" · ", new[] { e.Commentaire }.Concat(e.Propositions.Select(p => $"{p.Libelle} ({Libelles.De(p.Etat)})")).Where(x => !string.IsNullOrWhiteSpace(x))),
                null, false, null)));
        }

        if (types.Contains(TypeElementFrise.RendezVous))
        {
            var rdvs = await db.RendezVous.AsNoTracking().Where(r => r.JeuneId == q.JeuneId && r.Debut >= du && r.Debut <= au).ToListAsync(cancellationToken);
            var ids = rdvs.Select(r => r.Id).ToList();
            // No rendez-vous, no reminder to read: one round trip less on most dossiers.
            var messages = (ids.Count == 0 ? [] : await db.MessagesSortants.AsNoTracking().Where(m => m.RendezVousId != null && ids.Contains(m.RendezVousId.Value)).ToListAsync(cancellationToken))
                .ToLookup(m => m.RendezVousId!.Value);
            elements.AddRange(rdvs.Select(r => new ElementFrise(TypeElementFrise.RendezVous, r.Id, r.Debut, r.Fin, $"Rendez-vous : {r.Objet}",
                r.MotifAbsence is { } m ? $"Absence : {Libelles.De(m)}" : r.Commentaire, Libelles.De(r.Statut), r.Statut == StatutRendezVous.Absent, r.Version)
            {
                Rappels = messages[r.Id].OrderBy(x => x.Canal).Select(x => EtatRappel(x, clock.LocalTimeZone)).ToList(),
            }));
        }

        if (types.Contains(TypeElementFrise.Situation))
        {
            var dateDu = q.Du ?? DateOnly.MinValue;
            var dateAu = q.Au ?? DateOnly.MaxValue;
            var situations = await db.Situations.AsNoTracking().Where(s => s.JeuneId == q.JeuneId && s.DateDebut <= dateAu && s.DateFin >= dateDu).ToListAsync(cancellationToken);
            elements.AddRange(situations.Select(s => new ElementFrise(TypeElementFrise.Situation, s.Id,
                clock.InstantLocal(s.DateDebut), clock.InstantLocal(s.FinEffective),
                Libelles.De(s.Type) + ((s.Employeur ?? s.Organisme) is { } o ? " — " + o : string.Empty),
                s.MotifInterruption is { } mi ? $"Interrompue : {mi}" : s.AlerteSansObjectif ? "Formation sans objectif général (EVT-03)" : s.ObjectifGeneral,
                null, false, null)));
        }

        if (types.Contains(TypeElementFrise.Dispositif))
        {
            var dateDu = q.Du ?? DateOnly.MinValue;
            var dateAu = q.Au ?? DateOnly.MaxValue;
            var dispositifs = await db.Dispositifs.AsNoTracking().Where(d => d.JeuneId == q.JeuneId && d.DateDebut <= dateAu && (d.DateFinReelle ?? d.DateFinPrevue) >= dateDu).ToListAsync(cancellationToken);
            elements.AddRange(dispositifs.Select(d => new ElementFrise(TypeElementFrise.Dispositif, d.Id,
                clock.InstantLocal(d.DateDebut), clock.InstantLocal(d.DateFinReelle ?? d.DateFinPrevue),
                $"Dispositif {d.TypeCode}", d.MotifSortie is null ? $"fin prévue le {d.DateFinPrevue:dd/MM/yyyy}" : $"sortie : {d.MotifSortie}{(d.SortiePositive == true ? " (sortie positive)" : string.Empty)}",
                d.DateFinReelle is null ? "En cours" : "Clos", false, d.Version)));
        }

        return elements.OrderByDescending(e => e.Date).ToList();
    }

    /// <summary>The reminder's fate in the conseiller's words, hours in Europe/Paris.</summary>
    private static string EtatRappel(Domain.Messages.MessageSortant m, TimeZoneInfo fuseau)
    {
        string Le(DateTimeOffset d) => TimeZoneInfo.ConvertTime(d, fuseau).ToString("'le' dd/MM 'à' HH'h'mm", System.Globalization.CultureInfo.InvariantCulture);
        var canal = m.Canal == Domain.Messages.Canal.Sms ? "SMS" : "e-mail";
        var etat = (m.Statut, m.Livraison) switch
        {
            (Domain.Messages.StatutMessage.EnAttente, _) => m.Tentatives == 0 ? $"prévu {Le(m.PrevuPour)}" : $"nouvel essai prévu {Le(m.ProchaineTentative)}",
            (Domain.Messages.StatutMessage.Abandonne, _) => $"non envoyé ({m.DerniereErreur})",
            (Domain.Messages.StatutMessage.Echec, _) => "échec de l'envoi",
            (_, Domain.Messages.LivraisonMessage.Delivre) => $"délivré {Le(m.LivraisonLe ?? m.EnvoyeLe!.Value)}",
            (_, Domain.Messages.LivraisonMessage.NonDelivre) => "non délivré (numéro invalide ou injoignable)",
            _ => $"envoyé {Le(m.EnvoyeLe!.Value)}",
        };
        return $"Rappel {canal} : {etat}";
    }
}
