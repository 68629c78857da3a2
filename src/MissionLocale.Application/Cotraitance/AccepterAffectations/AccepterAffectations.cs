using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Cotraitance;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Cotraitance.AccepterAffectations;

/// <summary>How many went to each list, and the assignments left out with why.</summary>
public sealed record ResultatAcceptation(int Acceptees, int DeNonConnus, int RapprochementsPossibles, int Reaffectations, IReadOnlyList<string> Ecartees);

/// <summary>
/// PPAE-01: accepts the ticked assignments (one or all of the list): each is matched at once. No dossier: a partial
/// dossier « Importé DUDE » and its PPAE « Non initialisé »; dossiers found: « Rapprochements possibles » or, with a
/// PPAE, « Réaffectations France Travail ». An assignment with a motive to refuse is left out and said so; one already
/// accepted is ignored (the same request twice changes nothing).
/// </summary>
[Requires(Droit.GererCotraitance)]
public sealed record AccepterAffectationsCommand(IReadOnlyList<Guid> Affectations) : ICommand<ResultatAcceptation>, ITransactional;

public sealed class AccepterAffectationsValidator : AbstractValidator<AccepterAffectationsCommand>
{
    public AccepterAffectationsValidator()
    {
        RuleFor(x => x.Affectations).NotEmpty().WithMessage("Cochez au moins une affectation à accepter.")
            .Must(a => a is null || a.Count <= 20_000).WithMessage("20 000 affectations au plus à la fois.");
    }
}

public sealed class AccepterAffectationsHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AccepterAffectationsCommand, ResultatAcceptation>
{
    public async ValueTask<ResultatAcceptation> Handle(AccepterAffectationsCommand c, CancellationToken cancellationToken)
    {
        await db.VerifierGestionnaireAsync(user, cancellationToken);
        var ids = c.Affectations.Distinct().ToList();
        // Read without tracking and written in one statement at the end (20,000 at once), each under its version.
        var affectations = await db.AffectationsFt.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.DateAffectation).ThenBy(a => a.Nom).ToListAsync(cancellationToken);
        if (affectations.Count < ids.Count)
        {
            throw new NotFoundException("Affectation introuvable dans votre Mission Locale.");
        }

        var aTraiter = affectations.Where(a => a.Etat == EtatAffectation.AAccepter).ToList();
        var territoire = await db.TerritoireAsync(user.StructureId, aTraiter.Select(a => a.CommuneInsee), cancellationToken);
        var age = await db.AgeLimiteAsync(clock.Aujourdhui(), cancellationToken);
        var candidats = await CandidatsAsync(aTraiter, cancellationToken);
        var parNaissance = new Dictionary<DateOnly, List<DossierCandidat>>();
        var parIdentifiant = new Dictionary<string, List<DossierCandidat>>(StringComparer.Ordinal);
        foreach (var d in candidats)
        {
            Indexer(parNaissance, d.DateNaissance, d);
            if (d.IdentifiantFt is { } id)
            {
                Indexer(parIdentifiant, id, d);
            }
        }

        var antenne = user.AntenneId ?? await db.Antennes.OrderBy(a => a.Nom).Select(a => a.Id).FirstAsync(cancellationToken);
        var maintenant = clock.GetUtcNow();
        var ecartees = new List<string>();
        var decidees = new List<(AffectationFt, int)>();
        var jeunes = new List<Jeune>();
        var ppaes = new List<Ppae>();
        var parListe = new Dictionary<ListeCotraitance, int>();
        foreach (var a in aTraiter)
        {
            var motifs = a.MotifsDeRefus(territoire, age);
            if (motifs.Count > 0)
            {
                var regle = new Ppae01Acceptable(motifs);
                ecartees.Add($"{a.Nom} {a.Prenom} ({a.IdentifiantFt}) : {regle.Message} [{regle.Id}]");
                continue;
            }

            // Only the dossiers with this identifiant or this birth date can match (a 30,000-jeune structure: a few each).
            var rapprochement = Affectations.Classer(a.IdentifiantFt, a.Nom, a.Prenom, a.DateNaissance,
                (parNaissance.TryGetValue(a.DateNaissance, out var n) ? n : []).Concat(parIdentifiant.TryGetValue(a.IdentifiantFt, out var i) ? i : []).Distinct());
            Guid? cree = null;
            if (rapprochement.Liste == ListeCotraitance.DeNonConnus)
            {
                var jeune = Jeune.ImporteDude(user.StructureId, antenne, a.Civilite, a.Nationalite, a.Nom, a.Prenom, a.DateNaissance, a.IdentifiantFt, maintenant);
                jeunes.Add(jeune);
                cree = jeune.Id;
                var creee = new DossierCandidat(jeune.Id, a.IdentifiantFt, jeune.NomUsage, null, jeune.Prenom, jeune.DateNaissance, APpae: true);
                Indexer(parNaissance, creee.DateNaissance, creee);
                Indexer(parIdentifiant, a.IdentifiantFt, creee);
            }

            var version = a.Version;
            a.Accepter(territoire, age, rapprochement, cree, user.UtilisateurId, maintenant);
            decidees.Add((a, version));
            if (cree is { } id)
            {
                ppaes.Add(Ppae.Creer(a, id, clock.InstantLocal(a.DateAffectation)));
            }

            parListe[rapprochement.Liste] = parListe.GetValueOrDefault(rapprochement.Liste) + 1;
        }

        await db.InsererDossiersImportesAsync(jeunes, ppaes, cancellationToken);
        if (await db.EnregistrerAffectationsAsync(decidees, cancellationToken) != decidees.Count)
        {
            // Someone accepted or refused some of them meanwhile: nothing of this request stays.
            throw new ConcurrencyConflictException();
        }

        return new ResultatAcceptation(parListe.Values.Sum(), parListe.GetValueOrDefault(ListeCotraitance.DeNonConnus),
            parListe.GetValueOrDefault(ListeCotraitance.RapprochementsPossibles), parListe.GetValueOrDefault(ListeCotraitance.ReaffectationsFranceTravail), ecartees);
    }

    private static void Indexer<TCle>(Dictionary<TCle, List<DossierCandidat>> index, TCle cle, DossierCandidat d)
        where TCle : notnull
    {
        if (!index.TryGetValue(cle, out var l))
        {
            index[cle] = l = [];
        }

        l.Add(d);
    }

    /// <summary>The structure's dossiers that may be about these assignments: same identifiant FT, or same date of birth (then compared by name).</summary>
    private async Task<List<DossierCandidat>> CandidatsAsync(List<AffectationFt> affectations, CancellationToken ct)
    {
        var identifiants = affectations.Select(a => a.IdentifiantFt).Distinct().ToList();
        var naissances = affectations.Select(a => a.DateNaissance).Distinct().ToList();
        var lignes = await db.Jeunes.AsNoTracking()
            .Where(j => j.AnonymiseLe == null && ((j.IdentifiantFt != null && identifiants.Contains(j.IdentifiantFt)) || naissances.Contains(j.DateNaissance)))
            .Select(j => new { j.Id, j.IdentifiantFt, j.NomUsage, j.NomNaissance, j.Prenom, j.DateNaissance, APpae = db.Ppaes.Any(p => p.JeuneId == j.Id) })
            .ToListAsync(ct);
        return lignes.Select(j => new DossierCandidat(j.Id, j.IdentifiantFt, j.NomUsage, j.NomNaissance, j.Prenom, j.DateNaissance, j.APpae)).ToList();
    }
}
