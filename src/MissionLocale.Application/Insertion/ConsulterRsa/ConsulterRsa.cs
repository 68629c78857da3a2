using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Insertion;
using MissionLocale.Domain.RendezVous;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Insertion.ConsulterRsa;

/// <summary>The dossier's RSA tab: the parcours d'insertion, its contracts, the saisines EP and those an absence proposes (EP-06).</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ConsulterRsaQuery(Guid JeuneId) : IQuery<VueRsa>;

public sealed record VueRsa(
    Guid JeuneId,
    Guid? ParcoursId,
    TypeAccompagnement? TypeAccompagnement,
    DateOnly? DebutParcours,
    string? Intervenant,
    IReadOnlyList<VueCer> Cers,
    IReadOnlyList<VueSaisine> Saisines,
    IReadOnlyList<PropositionSaisine> Propositions,
    IReadOnlyList<ActionNomenclature> Nomenclature,
    IReadOnlyDictionary<Guid, string> Sessions);

public sealed record VueCer(
    Guid Id, int Version, TypeCer Type, string TypeLibelle, EtatCer Etat, string EtatLibelle, DateOnly Debut, int DureeMois, DateOnly FinPrevue,
    bool TypeVerrouille, bool ValidationRequise, bool ApresSanction, bool LeveeSuspension, bool LeveeRadiation, ContenuCer Contenu, IReadOnlyList<ActionInsertion> Actions,
    DateOnly? SigneBeneficiaireLe, DateOnly? SigneReferentLe, bool SignePapier, Guid? ScanId, Guid? DocumentId, string? Empreinte, string? MotifRefus, DateOnly? ClotureLe, Guid? AmendeId)
{
    public bool Modifiable => Etat is EtatCer.Vide or EtatCer.EnSaisie;
}

public sealed record VueSaisine(
    Guid Id, int Version, MotifSaisine Motif, string MotifLibelle, string DecisionProposee, TypeAccompagnement? TypeCible, string? StructureCible, EtatSaisine Etat, string EtatLibelle,
    string? CommentaireInsertion, string? Commission, DateOnly? DateCommission, string? Decision, bool SanctionActive, string? CommentaireValidation, DateOnly CreeLe, Guid? AvisDocumentId);

/// <summary>EP-06: an absence at a rendez-vous F or H not yet followed by the saisine it proposes.</summary>
public sealed record PropositionSaisine(Guid RendezVousId, DateTimeOffset Date, string Nature, MotifSaisine Motif, string MotifLibelle);

public sealed class ConsulterRsaHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ConsulterRsaQuery, VueRsa>
{
    private static readonly NatureRendezVous[] NaturesProposant = [NatureRendezVous.RsaElaborationPremierContrat1, NatureRendezVous.RsaRenouvellement1];

    public async ValueTask<VueRsa> Handle(ConsulterRsaQuery q, CancellationToken cancellationToken)
    {
        await db.VerifierDossierAsync(q.JeuneId, cancellationToken);
        var parcours = await db.ParcoursInsertion.AsNoTracking().SingleOrDefaultAsync(p => p.JeuneId == q.JeuneId, cancellationToken);
        var intervenant = parcours is null ? null : await db.Utilisateurs.Where(u => u.Id == parcours.IntervenantPrincipalId).Select(u => u.NomAffiche).SingleOrDefaultAsync(cancellationToken);
        var cers = await db.Cers.AsNoTracking().Where(c => c.JeuneId == q.JeuneId).OrderByDescending(c => c.Debut).ThenByDescending(c => c.Etat == EtatCer.Cloture ? 0 : 1).ToListAsync(cancellationToken);
        var documents = cers.Where(c => c.DocumentId != null).Select(c => c.DocumentId!.Value).ToList();
        var empreintes = await db.Documents.AsNoTracking().Where(d => documents.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Empreinte, cancellationToken);
        var saisines = await db.SaisinesEp.AsNoTracking().Where(s => s.JeuneId == q.JeuneId).OrderByDescending(s => s.CreeLe).ToListAsync(cancellationToken);
        var absences = await db.RendezVous.AsNoTracking()
            .Where(r => r.JeuneId == q.JeuneId && r.Statut == StatutRendezVous.Absent && NaturesProposant.Contains(r.Nature))
            .OrderByDescending(r => r.Debut).ToListAsync(cancellationToken);
        var propositions = absences
            .Select(r => (Rdv: r, Motif: CycleSaisine.ProposeeApresAbsence(r.Nature)!.Value))
            .Where(p => !saisines.Any(s => s.Motif == p.Motif && s.CreeLe >= DateOnly.FromDateTime(clock.Local(p.Rdv.Debut).DateTime)))
            .Select(p => new PropositionSaisine(p.Rdv.Id, p.Rdv.Debut, Libelles.De(p.Rdv.Nature), p.Motif, Libelles.De(p.Motif)))
            .ToList();

        return new VueRsa(q.JeuneId, parcours?.Id, parcours?.TypeAccompagnement, parcours?.DateDebut, intervenant,
            cers.Select(c => new VueCer(c.Id, c.Version, c.Type, Libelles.De(c.Type), c.Etat, Libelles.De(c.Etat), c.Debut, c.DureeMois, c.FinPrevue, c.TypeVerrouille, c.ValidationRequise,
                c.ApresSanction, c.LeveeSuspension, c.LeveeRadiation, c.Contenu, c.Actions, c.SigneBeneficiaireLe, c.SigneReferentLe, c.ScanSignePapierId is not null, c.ScanSignePapierId,
                c.DocumentId, c.DocumentId is { } d ? empreintes.GetValueOrDefault(d) : null, c.MotifRefus, c.ClotureLe, c.AmendeId)).ToList(),
            saisines.Select(s => new VueSaisine(s.Id, s.Version, s.Motif, Libelles.De(s.Motif), s.DecisionProposee, s.TypeCible, s.StructureCible, s.Etat, Libelles.De(s.Etat),
                s.CommentaireInsertion, s.Commission, s.DateCommission, s.Decision, s.SanctionActive, s.CommentaireValidation, s.CreeLe, s.AvisDocumentId)).ToList(),
            propositions,
            await db.ActionsAsync(clock.Aujourdhui(), cancellationToken),
            await SessionsAsync(cers, cancellationToken));
    }

    /// <summary>The sessions of the coming four months a CER being written may propose, and those its actions already name (CER-05).</summary>
    private async Task<IReadOnlyDictionary<Guid, string>> SessionsAsync(List<Cer> cers, CancellationToken ct)
    {
        if (!cers.Any(c => c.Etat is EtatCer.Vide or EtatCer.EnSaisie))
        {
            return new Dictionary<Guid, string>();
        }

        var maintenant = clock.GetUtcNow();
        var limite = maintenant.AddMonths(4);
        var nommees = cers.SelectMany(c => c.Actions).Where(a => a.SessionId is not null).Select(a => a.SessionId!.Value).ToList();
        return await db.SessionsProposablesAsync(clock, s => (s.Debut >= maintenant && s.Debut < limite) || nommees.Contains(s.Id), ct);
    }
}
