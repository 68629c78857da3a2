using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Cotraitance;

/// <summary>PPAE-01: why France Travail's assignment of a jeune is refused.</summary>
public enum MotifRefusAffectation
{
    /// <summary>The jeune was 26 or older on the assignment date: no longer the Missions Locales' public.</summary>
    AgeAtteint = 1,

    /// <summary>The jeune lives in a commune outside the structure's territory.</summary>
    HorsTerritoire = 2,
}

/// <summary>PPAE-01: the list an accepted assignment goes to, by what the dossiers already say.</summary>
public enum ListeCotraitance
{
    /// <summary>No dossier: a partial dossier « Importé DUDE » is created.</summary>
    DeNonConnus = 1,

    /// <summary>A dossier never in PPAE: to attach (« Rapproché DUDE » once done).</summary>
    RapprochementsPossibles = 2,

    /// <summary>A dossier with a PPAE, ongoing or ended.</summary>
    ReaffectationsFranceTravail = 3,
}

/// <summary>A dossier of the structure the assignment may be about (identity as stored, normalised like the search).</summary>
public sealed record DossierCandidat(Guid JeuneId, string? IdentifiantFt, string NomUsage, string? NomNaissance, string Prenom, DateOnly DateNaissance, bool APpae);

/// <summary>PPAE-01: where an accepted assignment goes, and the dossiers it points to (several homonyms: the gestionnaire chooses).</summary>
public sealed record Rapprochement(ListeCotraitance Liste, IReadOnlyList<Guid> Dossiers);

public static class Affectations
{
    /// <summary>PPAE-01: the motives the assignment must be refused for; none: it may be accepted.</summary>
    /// <param name="ageLimite">26: the Missions Locales receive jeunes of 16 to 25 (a dated parameter of the reference data).</param>
    public static IReadOnlyList<MotifRefusAffectation> MotifsDeRefus(DateOnly naissance, DateOnly dateAffectation, string communeInsee, IReadOnlySet<string> territoire, int ageLimite)
    {
        var motifs = new List<MotifRefusAffectation>();
        if (naissance.AddYears(ageLimite) <= dateAffectation)
        {
            motifs.Add(MotifRefusAffectation.AgeAtteint);
        }

        if (!territoire.Contains(communeInsee))
        {
            motifs.Add(MotifRefusAffectation.HorsTerritoire);
        }

        return motifs;
    }

    /// <summary>
    /// PPAE-01: the identifiant France Travail designates the dossier when one carries it; otherwise the same date of birth,
    /// prénom and name (usage or birth name), compared as the search compares them. Found dossiers with a PPAE make a
    /// réaffectation; others a rapprochement; none: a jeune unknown to the Mission Locale.
    /// </summary>
    public static Rapprochement Classer(string identifiantFt, string nom, string prenom, DateOnly naissance, IEnumerable<DossierCandidat> candidats)
    {
        var tous = candidats.ToList();
        var parIdentifiant = tous.Where(c => string.Equals(c.IdentifiantFt, identifiantFt, StringComparison.Ordinal)).ToList();
        var nomCle = Texte.Cle(nom);
        var prenomCle = Texte.Cle(prenom);
        var trouves = parIdentifiant.Count > 0
            ? parIdentifiant
            : tous.Where(c => c.DateNaissance == naissance && Texte.Cle(c.Prenom) == prenomCle
                              && (Texte.Cle(c.NomUsage) == nomCle || (c.NomNaissance is not null && Texte.Cle(c.NomNaissance) == nomCle))).ToList();
        if (trouves.Count == 0)
        {
            return new Rapprochement(ListeCotraitance.DeNonConnus, []);
        }

        var liste = trouves.Any(c => c.APpae) ? ListeCotraitance.ReaffectationsFranceTravail : ListeCotraitance.RapprochementsPossibles;
        return new Rapprochement(liste, trouves.Select(c => c.JeuneId).ToList());
    }
}

/// <summary>PPAE-01: an assignment with a motive to refuse cannot be accepted.</summary>
public sealed class Ppae01Acceptable(IReadOnlyList<MotifRefusAffectation> motifs) : BusinessRule
{
    public override string Id => "PPAE-01";

    public override string Message => motifs.Contains(MotifRefusAffectation.AgeAtteint) && motifs.Contains(MotifRefusAffectation.HorsTerritoire)
        ? "Ce jeune avait 26 ans ou plus à l'affectation et habite hors du territoire de la Mission Locale : refusez l'affectation."
        : motifs.Contains(MotifRefusAffectation.AgeAtteint)
            ? "Ce jeune avait 26 ans ou plus à l'affectation : refusez l'affectation, France Travail le suivra."
            : "Ce jeune habite une commune hors du territoire de la Mission Locale : refusez l'affectation.";

    public override bool IsBroken() => motifs.Count > 0;
}

/// <summary>PPAE-01: a refusal gives one of the motives that apply (26 or older, outside the territory).</summary>
public sealed class Ppae01MotifRefus(MotifRefusAffectation? motif, IReadOnlyList<MotifRefusAffectation> motifs) : BusinessRule
{
    public override string Id => "PPAE-01";

    public override string Champ => "Motif";

    public override string Message => motif is null
        ? "Indiquez le motif du refus : 26 ans ou plus, ou commune hors du territoire."
        : motifs.Count == 0
            ? "Ce jeune a moins de 26 ans et habite le territoire : l'affectation ne peut pas être refusée, acceptez-la."
            : $"Ce motif ne s'applique pas à ce jeune : le motif du refus est « {Libelle(motifs[0])} ».";

    public override bool IsBroken() => motif is null || !motifs.Contains(motif.Value);

    public static string Libelle(MotifRefusAffectation m) => m == MotifRefusAffectation.AgeAtteint ? "26 ans ou plus" : "Commune hors du territoire";
}
