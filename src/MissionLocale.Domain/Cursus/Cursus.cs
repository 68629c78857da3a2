using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Cursus;

/// <summary>CUR-03: how a formation ended.</summary>
public enum ResultatFormation
{
    Obtenu = 1,
    Echec = 2,
}

/// <summary>
/// CUR-02 / CUR-05: the levels of the cadre national des certifications professionnelles (décret n° 2019-14), of which a
/// Mission Locale records 3 to 8, and "sans diplôme" (0) for a jeune with none (infra niveau 3). Labels live in the
/// "niveau" nomenclature (reference data); the numbers are the nomenclature's own and order the levels.
/// </summary>
public static class NiveauQualification
{
    public const int SansDiplome = 0;

    /// <summary>Levels a diploma may carry.</summary>
    public static readonly int[] Valeurs = [SansDiplome, 3, 4, 5, 6, 7, 8];

    public static bool Valide(int niveau) => Valeurs.Contains(niveau);

    /// <summary>CUR-05: below level 4 (baccalauréat) counts as infra-bac in reports.</summary>
    public static bool InfraBac(int? niveau) => niveau is not null and < 4;

    /// <summary>
    /// CUR-05: the highest level obtained; "sans diplôme" once the scolarité is known and nothing was obtained; unknown
    /// (null) while nothing is recorded, so a dossier never counts as "sans diplôme" only because nobody asked.
    /// </summary>
    public static int? Calculer(IEnumerable<int> niveauxObtenus, bool scolariteRenseignee)
    {
        var max = niveauxObtenus.DefaultIfEmpty(-1).Max();
        return max >= 0 ? max : scolariteRenseignee ? SansDiplome : null;
    }

    public static string Libelle(int? niveau) => niveau switch
    {
        null => "Non renseigné",
        SansDiplome => "Sans diplôme (infra niveau 3)",
        _ => $"Niveau {niveau}",
    };
}

/// <summary>CUR-01: the scolarité as entered.</summary>
public sealed record SaisieScolarite(string? DerniereClasse, string? Etablissement, int? AnneeSortie, bool Scolarise);

/// <summary>CUR-01: a jeune still in school has no year of leaving; a year of leaving is neither in the future nor before the age of 10.</summary>
public sealed class Cur01Scolarite(SaisieScolarite s, DateOnly dateNaissance, DateOnly aujourdhui) : BusinessRule
{
    public override string Id => "CUR-01";

    public override string Champ => "AnneeSortie";

    public override string Message => s.Scolarise
        ? "Un jeune encore scolarisé n'a pas d'année de sortie : videz l'année ou décochez « encore scolarisé »."
        : $"L'année de sortie du système scolaire doit être comprise entre {dateNaissance.Year + 10} et {aujourdhui.Year}.";

    public override bool IsBroken() => s.AnneeSortie is { } a && (s.Scolarise || a > aujourdhui.Year || a < dateNaissance.Year + 10);
}

/// <summary>CUR-02: a diploma or title carries a level of the nomenclature (3 to 8, or sans diplôme); an RNCP title its RNCP code.</summary>
public sealed class Cur02NiveauDiplome(int niveau, string? codeRncp) : BusinessRule
{
    public override string Id => "CUR-02";

    public override string Champ => codeRncp is not null && !CodeRncpValide(codeRncp) ? "CodeRncp" : "Niveau";

    public override string Message => !NiveauQualification.Valide(niveau)
        ? "Choisissez le niveau du diplôme dans la nomenclature nationale (niveaux 3 à 8, ou sans diplôme)."
        : "Le code RNCP s'écrit « RNCP » suivi de son numéro (par exemple RNCP34853).";

    public override bool IsBroken() => !NiveauQualification.Valide(niveau) || (codeRncp is not null && !CodeRncpValide(codeRncp));

    public static bool CodeRncpValide(string code) =>
        code.Length is > 4 and <= 12 && code.StartsWith("RNCP", StringComparison.Ordinal) && code[4..].All(char.IsAsciiDigit);
}

/// <summary>CUR-02: a diploma or title obtained, with its level (from a formation situation when it came from one, CUR-03).</summary>
public sealed class Diplome : Entity, IDossierPart
{
    private Diplome()
    {
        Libelle = string.Empty;
    }

    internal Diplome(Guid jeuneId, string libelle, int niveau, int? annee, string? codeRncp, Guid? situationId)
    {
        JeuneId = jeuneId;
        Libelle = libelle;
        Niveau = niveau;
        Annee = annee;
        CodeRncp = codeRncp;
        SituationId = situationId;
    }

    public Guid JeuneId { get; private set; }

    public string Libelle { get; private set; }

    public int Niveau { get; private set; }

    public int? Annee { get; private set; }

    public string? CodeRncp { get; private set; }

    /// <summary>CUR-03: the formation situation whose "Obtenu" added it.</summary>
    public Guid? SituationId { get; private set; }
}

/// <summary>CUR-03: only a formation has a result, and "Obtenu" needs the validation préparée and its level.</summary>
public sealed class Cur03ResultatFormation(bool estFormation, string? validationPreparee, int? niveau, ResultatFormation resultat) : BusinessRule
{
    public override string Id => "CUR-03";

    public override string Champ => estFormation ? "ValidationPreparee" : "Resultat";

    public override string Message => !estFormation
        ? "Seule une situation de formation a un résultat (Obtenu ou Échec)."
        : "Pour indiquer « Obtenu », renseignez d'abord la validation préparée et son niveau : elle sera ajoutée au cursus.";

    public override bool IsBroken() => !estFormation
        || (resultat == ResultatFormation.Obtenu && (string.IsNullOrWhiteSpace(validationPreparee) || niveau is null || !NiveauQualification.Valide(niveau.Value)));
}

/// <summary>CUR-04: a formation's objectif général is one of the nomenclature's (reference data, "objectif-formation").</summary>
public sealed class Cur04ObjectifGeneral(string? objectif, IReadOnlyCollection<string> objectifs) : BusinessRule
{
    public override string Id => "CUR-04";

    public override string Champ => "ObjectifGeneral";

    public override string Message => $"Objectif général inconnu : choisissez parmi {string.Join(", ", objectifs.Select(o => $"« {o} »"))}.";

    public override bool IsBroken() => !string.IsNullOrWhiteSpace(objectif) && !objectifs.Contains(objectif.Trim(), StringComparer.OrdinalIgnoreCase);
}

/// <summary>CUR-02: the level entered for a validation outside the nomenclature's diplomas is one of its levels.</summary>
public sealed class Cur02NiveauValidation(string? niveau) : BusinessRule
{
    public override string Id => "CUR-02";

    public override string Champ => "Niveau";

    public override string Message => "Choisissez le niveau de la validation préparée dans la nomenclature nationale (niveaux 3 à 8, ou sans diplôme).";

    public override bool IsBroken() => niveau is not null
        && (!int.TryParse(niveau, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || !NiveauQualification.Valide(n));
}
