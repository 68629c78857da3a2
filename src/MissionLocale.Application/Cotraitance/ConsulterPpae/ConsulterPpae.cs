using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs;
using MissionLocale.Domain.Cotraitance;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Cotraitance.ConsulterPpae;

public sealed record FluxVue(Guid Id, string Type, DateOnly Date, string? Objet, string Statut, DateTimeOffset CreeLe, DateTimeOffset? TransmisLe, DateOnly? Fichier, int Tentatives, string? Erreur);

/// <summary>The dossier's PPAE tab: the PPAE (if any), its assignment, what its start still needs (PPAE-03), its flows (PPAE-05).</summary>
public sealed record VuePpae(
    Guid JeuneId,
    Guid? PpaeId,
    int Version,
    EtatPpae? Etat,
    string? EtatLibelle,
    DateOnly? DateAffectation,
    DateOnly? DernierEntretienDude,
    DateOnly? DateEntree,
    DateOnly? DateSortie,
    string? MotifSortie,
    string? Marque,
    string? StatutCotraitance,
    string? Conseiller,
    DateOnly? EntretienDepuisAffectation,
    bool Justifie,
    bool ConsentementRecueilli,
    IReadOnlyCollection<string> MotifsSortie,
    IReadOnlyList<FluxVue> Flux);

[Requires(Droit.ConsulterDossier)]
public sealed record ConsulterPpaeQuery(Guid JeuneId) : IQuery<VuePpae>;

public sealed class ConsulterPpaeHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ConsulterPpaeQuery, VuePpae>
{
    public async ValueTask<VuePpae> Handle(ConsulterPpaeQuery q, CancellationToken cancellationToken)
    {
        var jeune = await db.Jeunes.AsNoTracking().Where(j => j.Id == q.JeuneId)
            .Select(j => new { j.Id, Justifie = j.PieceJustificative != null, Consentement = j.ConsentementLe != null }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();
        var ppae = await db.Ppaes.AsNoTracking().Where(p => p.JeuneId == q.JeuneId).OrderByDescending(p => p.DateAffectation).FirstOrDefaultAsync(cancellationToken);
        var affectation = ppae is null ? null : await db.AffectationsFt.AsNoTracking().Where(a => a.Id == ppae.AffectationId)
            .Select(a => new { a.Marque, a.Etat, Conseiller = db.Utilisateurs.Where(u => u.Id == a.ConseillerId).Select(u => u.NomAffiche).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        var entretien = ppae is null ? null : await db.DernierEntretienDepuisAffectationAsync(clock, ppae, cancellationToken);

        var flux = await db.FluxDude.AsNoTracking().Where(f => f.JeuneId == q.JeuneId).OrderByDescending(f => f.CreeLe).Take(200).ToListAsync(cancellationToken);
        return new VuePpae(jeune.Id, ppae?.Id, ppae?.Version ?? 0, ppae?.Etat, ppae is null ? null : CyclePpae.Table.Libelle(ppae.Etat), ppae?.DateAffectation, ppae?.DernierEntretienDude,
            ppae?.DateEntree, ppae?.DateSortie, ppae?.MotifSortie,
            AffectationFt.Libelle(affectation?.Marque),
            affectation is null ? null : CycleAffectation.Table.Libelle(affectation.Etat), affectation?.Conseiller, entretien, jeune.Justifie, jeune.Consentement,
            await db.ParametreListeAsync(Cotraitance.CodeMotifsSortie, clock.Aujourdhui(), cancellationToken),
            flux.Select(f => new FluxVue(f.Id, FormatDude.Libelle(f.Type), f.Date, f.Objet, FluxDude.Libelle(f.Statut), f.CreeLe, f.TransmisLe, f.Fichier, f.Tentatives, f.DerniereErreur)).ToList());
    }
}
