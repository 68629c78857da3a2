using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Cotraitance.RapprocherAffectation;
using MissionLocale.Domain.Audit;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Cotraitance;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Cotraitance.ReparerRapprochement;

/// <summary>One side of the comparison: what identifies the dossier and what it already holds.</summary>
public sealed record DossierCompare(Guid JeuneId, long Numero, string Nom, string? NomNaissance, string Prenom, DateOnly DateNaissance, string? IdentifiantFt,
    bool Justifie, DateTimeOffset CreeLe, int Evenements, int RendezVous, int Dispositifs, string? Ppae);

/// <summary>PPAE-07: dossiers A (the assignment's) and B side by side, and whether the repair is allowed.</summary>
public sealed record ComparaisonDossiers(Guid AffectationId, int Version, DossierCompare A, DossierCompare B, string? Refus);

/// <summary>PPAE-07: compare the assignment's partial dossier A with dossier B before repairing.</summary>
[Requires(Droit.GererCotraitance)]
public sealed record ComparerDossiersQuery(Guid AffectationId, Guid DossierB, long? NumeroB = null) : IQuery<ComparaisonDossiers>;

/// <summary>
/// PPAE-07: the assignment was matched to a partial dossier A (« Importé DUDE ») while the jeune already had dossier B:
/// the identifiant France Travail goes to B, A's événements and rendez-vous move to B, A is deleted, the assignment and
/// its PPAE now point to B (« Rapproché DUDE »). Refused once an entretien of A went to the DUDE.
/// </summary>
[Requires(Droit.GererCotraitance)]
public sealed record ReparerRapprochementCommand(Guid AffectationId, int Version, Guid DossierB) : ICommand<Unit>, ITransactional;

internal static class Reparation
{
    public static readonly TypeFluxDude[] Entretiens = [TypeFluxDude.EntretienIndividuel, TypeFluxDude.InformationCollective, TypeFluxDude.Atelier];

    public static Task<int> EntretiensTransmisAsync(IAppDbContext db, Guid jeuneId, CancellationToken ct) =>
        db.FluxDude.CountAsync(f => f.JeuneId == jeuneId && f.Statut == StatutFlux.Transmis && Entretiens.Contains(f.Type), ct);
}

public sealed class ComparerDossiersHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ComparerDossiersQuery, ComparaisonDossiers>
{
    public async ValueTask<ComparaisonDossiers> Handle(ComparerDossiersQuery q, CancellationToken cancellationToken)
    {
        await db.VerifierGestionnaireAsync(user, cancellationToken);
        var a = await db.AffectationsFt.AsNoTracking().SingleOrDefaultAsync(x => x.Id == q.AffectationId, cancellationToken)
            ?? throw new NotFoundException("Affectation introuvable dans votre Mission Locale.");
        var idB = q.NumeroB is { } numero ? await db.Jeunes.Where(j => j.Numero == numero).Select(j => j.Id).SingleOrDefaultAsync(cancellationToken) : q.DossierB;
        var ids = new[] { a.JeuneId ?? Guid.Empty, idB };
        var dossiers = (await db.Jeunes.AsNoTracking().Where(j => ids.Contains(j.Id))
            .Select(j => new
            {
                D = new DossierCompare(j.Id, j.Numero, j.NomUsage, j.NomNaissance, j.Prenom, j.DateNaissance, j.IdentifiantFt, j.PieceJustificative != null, j.CreeLe,
                    db.Evenements.Count(e => e.JeuneId == j.Id), db.RendezVous.Count(r => r.JeuneId == j.Id), db.Dispositifs.Count(d => d.JeuneId == j.Id), null),
                Ppae = db.Ppaes.Where(p => p.JeuneId == j.Id).OrderByDescending(p => p.DateAffectation).Select(p => (EtatPpae?)p.Etat).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken))
            .Select(x => x.D with { Ppae = x.Ppae is { } e ? CyclePpae.Table.Libelle(e) : null }).ToList();
        var da = dossiers.SingleOrDefault(d => d.JeuneId == a.JeuneId) ?? throw new NotFoundException("Cette affectation n'a pas encore de dossier.");
        var db2 = dossiers.SingleOrDefault(d => d.JeuneId == idB && idB != da.JeuneId) ?? throw new NotFoundException("Dossier B introuvable dans votre Mission Locale : vérifiez son numéro.");
        string? refus = null;
        var transmis = await Reparation.EntretiensTransmisAsync(db, da.JeuneId, cancellationToken);
        if (new Ppae07AucunEntretienTransmis(transmis) is { } r && r.IsBroken())
        {
            refus = $"{r.Message} [{r.Id}]";
        }
        else if (a.Marque != MarqueDude.ImporteDude)
        {
            refus = "Ce dossier a été rapproché, pas créé par l'import : annulez le rapprochement puis choisissez le bon dossier. [PPAE-07]";
        }
        else if (!CycleAffectation.Table.Permet(a.Etat, CycleAffectation.Reparer))
        {
            refus = "Le rapprochement ne se répare plus une fois le PPAE commencé ou clos. [PPAE-07]";
        }

        return new ComparaisonDossiers(a.Id, a.Version, da, db2, refus);
    }
}

public sealed class ReparerRapprochementHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReparerRapprochementCommand, Unit>
{
    public async ValueTask<Unit> Handle(ReparerRapprochementCommand c, CancellationToken cancellationToken)
    {
        await db.VerifierGestionnaireAsync(user, cancellationToken);
        var a = await db.AffectationsFt.AVersionAsync(c.AffectationId, c.Version, "Affectation introuvable dans votre Mission Locale.", cancellationToken);
        var b = await db.Jeunes.SingleOrDefaultAsync(j => j.Id == c.DossierB, cancellationToken) ?? throw new NotFoundException();
        var idA = a.DossierAReparer();
        BusinessRuleException.ThrowIfBroken(new Ppae07AucunEntretienTransmis(await Reparation.EntretiensTransmisAsync(db, idA, cancellationToken)));
        var maintenant = clock.GetUtcNow();
        a.Reparer(b.Id, user.UtilisateurId, maintenant);
        var dossierA = await db.Jeunes.SingleAsync(j => j.Id == idA, cancellationToken);

        // A's PPAE (never started: the table refused otherwise) follows to B, unless B already has one not ended.
        var ppaeA = await db.Ppaes.SingleOrDefaultAsync(p => p.JeuneId == idA && p.AffectationId == a.Id, cancellationToken);
        var ppaeB = await db.Ppaes.AnyAsync(p => p.JeuneId == b.Id && (p.Etat == EtatPpae.NonInitialise || p.Etat == EtatPpae.EnCours), cancellationToken);
        if (ppaeA is not null && !ppaeB)
        {
            ppaeA.Deplacer(b.Id);
        }
        else if (ppaeA is not null)
        {
            db.Ppaes.Remove(ppaeA);
        }
        else
        {
            await RapprocherAffectationHandler.AttacherPpaeAsync(db, a, b.Id, clock.InstantLocal(a.DateAffectation), cancellationToken);
        }

        b.InscrireFranceTravail(a.IdentifiantFt);
        await db.SaveChangesAsync(cancellationToken);

        // What was recorded on A is the jeune's: it moves to B before A is deleted.
        await db.Evenements.Where(e => e.JeuneId == idA).ExecuteUpdateAsync(s => s.SetProperty(e => e.JeuneId, b.Id), cancellationToken);
        await db.Propositions.Where(p => p.JeuneId == idA).ExecuteUpdateAsync(s => s.SetProperty(p => p.JeuneId, b.Id), cancellationToken);
        await db.RendezVous.Where(r => r.JeuneId == idA).ExecuteUpdateAsync(s => s.SetProperty(r => r.JeuneId, b.Id), cancellationToken);
        await db.AffectationsFt.Where(x => x.JeuneId == idA).ExecuteUpdateAsync(s => s.SetProperty(x => x.JeuneId, b.Id), cancellationToken);
        db.Historique.Add(new HistoriqueModification(user.StructureId, b.Id, maintenant, user.UtilisateurId, user.Login, "PPAE", "Rapprochement réparé",
            $"Dossier n° {dossierA.Numero} ({dossierA.NomUsage} {dossierA.Prenom}) créé par l'import", $"Affectation France Travail {a.IdentifiantFt} rattachée à ce dossier"));
        db.Jeunes.Remove(dossierA);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
