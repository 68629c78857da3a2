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
        var affectations = await db.AffectationsFt.Where(a => ids.Contains(a.Id)).OrderBy(a => a.DateAffectation).ThenBy(a => a.Nom).ToListAsync(cancellationToken);
        if (affectations.Count < ids.Count)
        {
            throw new NotFoundException("Affectation introuvable dans votre Mission Locale.");
        }

        var aTraiter = affectations.Where(a => a.Etat == EtatAffectation.AAccepter).ToList();
        var territoire = await db.TerritoireAsync(user.StructureId, cancellationToken);
        var age = await db.AgeLimiteAsync(clock.Aujourdhui(), cancellationToken);
        var candidats = await CandidatsAsync(aTraiter, cancellationToken);
        var antenne = user.AntenneId ?? await db.Antennes.OrderBy(a => a.Nom).Select(a => a.Id).FirstAsync(cancellationToken);
        var maintenant = clock.GetUtcNow();
        var ecartees = new List<string>();
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

            var rapprochement = Affectations.Classer(a.IdentifiantFt, a.Nom, a.Prenom, a.DateNaissance, candidats);
            Guid? cree = null;
            if (rapprochement.Liste == ListeCotraitance.DeNonConnus)
            {
                var jeune = Jeune.ImporteDude(user.StructureId, antenne, a.Civilite, a.Nationalite, a.Nom, a.Prenom, a.DateNaissance, a.IdentifiantFt, maintenant);
                db.Jeunes.Add(jeune);
                cree = jeune.Id;
                candidats.Add(new DossierCandidat(jeune.Id, a.IdentifiantFt, jeune.NomUsage, null, jeune.Prenom, jeune.DateNaissance, APpae: true));
            }

            a.Accepter(territoire, age, rapprochement, cree, user.UtilisateurId, maintenant);
            if (cree is { } id)
            {
                db.Ppaes.Add(Ppae.Creer(a, id, clock.InstantLocal(a.DateAffectation)));
            }

            parListe[rapprochement.Liste] = parListe.GetValueOrDefault(rapprochement.Liste) + 1;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ResultatAcceptation(parListe.Values.Sum(), parListe.GetValueOrDefault(ListeCotraitance.DeNonConnus),
            parListe.GetValueOrDefault(ListeCotraitance.RapprochementsPossibles), parListe.GetValueOrDefault(ListeCotraitance.ReaffectationsFranceTravail), ecartees);
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
