using MissionLocale.Domain.Common;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Domain.Cotraitance;

public enum EtatPpae
{
    NonInitialise = 1,
    EnCours = 2,
    Termine = 3,

    /// <summary>PPAE-04: the jeune never came or refused; the PPAE is then deleted (France Travail may reassign).</summary>
    ArretAnticipe = 4,
}

/// <summary>PPAE-04: why the PPAE stops before it started.</summary>
public enum MotifArretPpae
{
    JamaisVenu = 1,
    RefusDuJeune = 2,
}

/// <summary>PPAE-03 to PPAE-05: Non initialisé → En cours → Terminé, or the arrêt anticipé (deleted).</summary>
public static class CyclePpae
{
    public static Workflow<EtatPpae> Table { get; } = new(
        "Ce PPAE", "PPAE-03", EtatPpae.NonInitialise,
        new Dictionary<EtatPpae, string>
        {
            [EtatPpae.NonInitialise] = "Non initialisé",
            [EtatPpae.EnCours] = "En cours",
            [EtatPpae.Termine] = "Terminé",
            [EtatPpae.ArretAnticipe] = "Arrêt anticipé (supprimé)",
        },
        [
            new(EtatPpae.NonInitialise, EtatPpae.EnCours, CycleAffectation.Initialiser, Droit.GererDispositifs, "PPAE-03"),
            new(EtatPpae.NonInitialise, EtatPpae.ArretAnticipe, CycleAffectation.Arreter, Droit.GererDispositifs, "PPAE-04"),
            new(EtatPpae.EnCours, EtatPpae.Termine, CycleAffectation.Terminer, Droit.GererDispositifs, "PPAE-05"),
        ]);

    public static string Libelle(MotifArretPpae m) => m == MotifArretPpae.JamaisVenu ? "Le jeune ne s'est jamais présenté" : "Le jeune refuse l'accompagnement";
}

/// <summary>
/// PPAE-03 to PPAE-05: the PPAE dispositif of a jeune in cotraitance with France Travail, created « Non initialisé » when
/// the assignment's dossier is known. Kept apart from the other dispositifs: it exists before any événement, is deleted
/// by an arrêt anticipé, and its événements go to France Travail (docs/ppae-exchange.md).
/// </summary>
public sealed class Ppae : Entity, IStructureOwned, IDossierPart, IVersionnee
{
    private Ppae()
    {
    }

    public Guid StructureId { get; private set; }

    public Guid JeuneId { get; private set; }

    public Guid AffectationId { get; private set; }

    public EtatPpae Etat { get; private set; }

    public DateOnly DateAffectation { get; private set; }

    /// <summary>PPAE-06: the vigilance list (PPAE still « Non initialisé » with entretiens after the assignment) compares the entretiens with this first instant of the assignment day (Europe/Paris).</summary>
    public DateTimeOffset DebutAffectation { get; private set; }

    public DateOnly? DernierEntretienDude { get; private set; }

    public DateOnly? DateEntree { get; private set; }

    /// <summary>PPAE-03: the day the jeune accepted the PPAE (recorded by the conseiller).</summary>
    public DateOnly? AcceptationLe { get; private set; }

    public DateOnly? DateSortie { get; private set; }

    public string? MotifSortie { get; private set; }

    public int Version { get; private set; }

    public static Ppae Creer(AffectationFt a, Guid jeuneId, DateTimeOffset debutAffectation) => new()
    {
        DebutAffectation = debutAffectation,
        StructureId = a.StructureId,
        JeuneId = jeuneId,
        AffectationId = a.Id,
        Etat = EtatPpae.NonInitialise,
        DateAffectation = a.DateAffectation,
        DernierEntretienDude = a.DernierEntretienDude,
    };

    /// <summary>PPAE-07: the PPAE follows the assignment to the right dossier.</summary>
    public void Deplacer(Guid jeuneId)
    {
        JeuneId = jeuneId;
        Version++;
    }

    /// <summary>
    /// PPAE-03: « En cours » only with an entretien with the jeune, a justified dossier (JEU-03) and the jeune's
    /// acceptance; the entry may be backdated, not before the last entretien in the DUDE nor in the future.
    /// </summary>
    public void Initialiser(DateOnly entree, DateOnly aujourdhui, DateOnly? dernierEntretien, bool dossierJustifie, bool acceptationJeune)
    {
        BusinessRuleException.ThrowIfBroken(new Ppae03ConditionsEntree(dernierEntretien, dossierJustifie, acceptationJeune));
        BusinessRuleException.ThrowIfBroken(new Ppae03DateEntree(entree, aujourdhui, DernierEntretienDude));
        Etat = CyclePpae.Table.Verifier(Etat, EtatPpae.EnCours, CycleAffectation.Initialiser).Vers;
        DateEntree = entree;
        AcceptationLe = aujourdhui;
        Version++;
    }

    /// <summary>PPAE-04: only a PPAE not yet started stops this way, with its motive; the caller deletes it and informs France Travail.</summary>
    public MotifArretPpae Arreter(MotifArretPpae? motif)
    {
        var etat = CyclePpae.Table.Verifier(Etat, EtatPpae.ArretAnticipe, CycleAffectation.Arreter,
            "Ce PPAE est « En cours » : l'arrêt anticipé ne concerne qu'un PPAE non initialisé. Terminez-le avec son motif de sortie.").Vers;
        if (motif is not { } m || !Enum.IsDefined(m))
        {
            throw new BusinessRuleException("PPAE-04", "Indiquez pourquoi le PPAE s'arrête : le jeune ne s'est jamais présenté, ou il refuse l'accompagnement.", "Motif");
        }

        Etat = etat;
        return m;
    }

    /// <summary>PPAE-05: the exit, with a motive of the reference list, on or after the entry and not in the future.</summary>
    public void Terminer(DateOnly sortie, string? motif, IReadOnlyCollection<string> motifs, DateOnly aujourdhui)
    {
        // Everything is checked before anything changes.
        var etat = CyclePpae.Table.Verifier(Etat, EtatPpae.Termine, CycleAffectation.Terminer).Vers;
        if (string.IsNullOrWhiteSpace(motif) || !motifs.Contains(motif, StringComparer.Ordinal))
        {
            throw new BusinessRuleException("PPAE-05", "Choisissez le motif de sortie du PPAE dans la liste (déménagement, abandon, radiation France Travail…).", "Motif");
        }

        if (sortie < DateEntree || sortie > aujourdhui)
        {
            throw new BusinessRuleException("PPAE-05", $"La sortie a lieu entre l'entrée en PPAE ({DateEntree:dd/MM/yyyy}) et aujourd'hui.", "DateSortie");
        }

        Etat = etat;
        DateSortie = sortie;
        MotifSortie = motif;
        Version++;
    }

    /// <summary>PPAE-05: what an événement of this date tells France Travail: only while « En cours », from the entry on.</summary>
    public IReadOnlyList<(TypeFluxDude Type, Guid Source, string? Objet)> Flux(Evenement e, DateOnly dateLocale)
    {
        if (Etat != EtatPpae.EnCours || dateLocale < DateEntree || e.JeuneId != JeuneId)
        {
            return [];
        }

        var flux = new List<(TypeFluxDude, Guid, string?)>();
        TypeFluxDude? nature = e.Nature switch
        {
            NatureEvenement.EntretienIndividuel => TypeFluxDude.EntretienIndividuel,
            NatureEvenement.InformationCollective => TypeFluxDude.InformationCollective,
            NatureEvenement.Atelier => TypeFluxDude.Atelier,
            _ => null,
        };
        if (nature is { } n)
        {
            flux.Add((n, e.Id, null));
        }

        foreach (var p in e.Propositions)
        {
            if (TypeProposition(p.DomaineCode) is { } t)
            {
                flux.Add((t, p.Id, p.Libelle));
            }
        }

        return flux;
    }

    /// <summary>PPAE-05: the propositions France Travail follows: employment, professional project, training (the EVT-01 domains).</summary>
    public static TypeFluxDude? TypeProposition(string domaineCode) => domaineCode switch
    {
        "EMPLOI" => TypeFluxDude.PropositionEmploi,
        "PROJET_PRO" => TypeFluxDude.PropositionProjet,
        "FORMATION" => TypeFluxDude.PropositionFormation,
        _ => null,
    };
}

/// <summary>PPAE-03: the three conditions of the entry, all said at once.</summary>
public sealed class Ppae03ConditionsEntree(DateOnly? dernierEntretien, bool dossierJustifie, bool acceptationJeune) : BusinessRule
{
    public override string Id => "PPAE-03";

    public override string Champ => "DateEntree";

    public override string Message
    {
        get
        {
            var manque = new List<string>();
            if (dernierEntretien is null)
            {
                manque.Add("un entretien individuel avec le jeune depuis l'affectation (enregistrez-le dans le suivi)");
            }

            if (!dossierJustifie)
            {
                manque.Add("un dossier justifié (identité justifiée par une pièce, JEU-03)");
            }

            if (!acceptationJeune)
            {
                manque.Add("l'acceptation du PPAE par le jeune (cochez-la une fois qu'il l'a donnée)");
            }

            return $"Le PPAE passe « En cours » avec trois conditions ; il manque : {string.Join(" ; ", manque)}.";
        }
    }

    public override bool IsBroken() => dernierEntretien is null || !dossierJustifie || !acceptationJeune;
}

/// <summary>PPAE-03: the entry may be backdated, not before the last entretien already in the DUDE, nor in the future.</summary>
public sealed class Ppae03DateEntree(DateOnly entree, DateOnly aujourdhui, DateOnly? dernierEntretienDude) : BusinessRule
{
    public override string Id => "PPAE-03";

    public override string Champ => "DateEntree";

    public override string Message => entree > aujourdhui
        ? "L'entrée en PPAE ne peut pas être dans le futur."
        : $"Le dernier entretien déjà dans le DUDE a eu lieu le {dernierEntretienDude:dd/MM/yyyy} : l'entrée en PPAE ne peut pas le précéder.";

    public override bool IsBroken() => entree > aujourdhui || (dernierEntretienDude is { } d && entree < d);
}
