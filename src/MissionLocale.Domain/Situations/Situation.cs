using System.Globalization;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Cursus;

namespace MissionLocale.Domain.Situations;

/// <summary>EVT-03 kinds of situation.</summary>
public enum TypeSituation
{
    Emploi = 1,
    Formation = 2,
    Immersion = 3,
    ServiceCivique = 4,
    SituationNonProfessionnelle = 5,
    DemandeurEmploi = 6,
}

/// <summary>Details that depend on the kind of situation.</summary>
public sealed record SaisieSituation(
    TypeSituation Type,
    DateOnly DateDebut,
    DateOnly DateFin,
    string? TypeContrat,
    string? Employeur,
    string? Organisme,
    string? ObjectifGeneral,
    string? ValidationPreparee,
    string? Niveau,
    string? Mesure,
    string? Commentaire,
    Guid? EntrepriseId = null);

/// <summary>EVT-03: the end date is never blank (estimate it); an interruption motive only when left before the end.</summary>
public sealed class Evt03DatesSituation(DateOnly debut, DateOnly? fin) : BusinessRule
{
    public override string Id => "EVT-03";

    public override string Champ => "DateFin";

    public override string Message => fin is null
        ? "La date de fin d'une situation est obligatoire : si elle n'est pas connue, indiquez une date estimée."
        : "La date de fin d'une situation ne peut pas précéder sa date de début.";

    public override bool IsBroken() => fin is null || fin < debut;
}

/// <summary>A situation of the jeune: emploi, formation, immersion... (EVT-03).</summary>
public sealed class Situation : Entity, IStructureOwned, IDossierPart
{
    private Situation()
    {
    }

    public Situation(Guid structureId, Guid jeuneId, SaisieSituation s, Guid creePar)
    {
        StructureId = structureId;
        JeuneId = jeuneId;
        CreePar = creePar;
        Appliquer(s);
    }

    public Guid StructureId { get; private set; }

    public Guid JeuneId { get; private set; }

    public Guid CreePar { get; private set; }

    public TypeSituation Type { get; private set; }

    public DateOnly DateDebut { get; private set; }

    public DateOnly DateFin { get; private set; }

    public string? TypeContrat { get; private set; }

    public string? Employeur { get; private set; }

    /// <summary>ENT-01: the employer as a company of the structure's file, when it is one (its name is then the Employeur).</summary>
    public Guid? EntrepriseId { get; private set; }

    public string? Organisme { get; private set; }

    public string? ObjectifGeneral { get; private set; }

    public string? ValidationPreparee { get; private set; }

    public string? Niveau { get; private set; }

    /// <summary>A measure such as "Déclic pour l'action" (CEJ-04) for a situation non professionnelle.</summary>
    public string? Mesure { get; private set; }

    public string? Commentaire { get; private set; }

    public DateOnly? DateInterruption { get; private set; }

    public string? MotifInterruption { get; private set; }

    /// <summary>CUR-03: Obtenu / Échec, once the formation ended.</summary>
    public ResultatFormation? Resultat { get; private set; }

    public DateOnly? DateResultat { get; private set; }

    /// <summary>CUR-03: the level of the validation préparée (set from the nomenclature when it is one of its diplomas).</summary>
    public int? NiveauValidation => int.TryParse(Niveau, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>CUR-03: records the result; the caller adds the validation to the cursus on "Obtenu" (or removes it when it changes).</summary>
    public void Conclure(ResultatFormation resultat, DateOnly date)
    {
        BusinessRuleException.ThrowIfBroken(new Cur03ResultatFormation(Type == TypeSituation.Formation, ValidationPreparee, NiveauValidation, resultat));
        if (date < DateDebut)
        {
            throw new BusinessRuleException("CUR-03", "La date du résultat ne peut pas précéder le début de la formation.", "DateResultat");
        }

        Resultat = resultat;
        DateResultat = date;
    }

    /// <summary>CUR-04 / PIL-01: a formation without objectif général raises an alert.</summary>
    public bool AlerteSansObjectif => Type == TypeSituation.Formation && string.IsNullOrWhiteSpace(ObjectifGeneral);

    public DateOnly FinEffective => DateInterruption ?? DateFin;

    public void Modifier(SaisieSituation s)
    {
        Appliquer(s);
        if (DateInterruption is { } d && d >= DateFin)
        {
            DateInterruption = null;
            MotifInterruption = null;
        }
    }

    /// <summary>EVT-03: leaving before the planned end records the date and the motive.</summary>
    public void Interrompre(DateOnly date, string motif)
    {
        if (date >= DateFin)
        {
            throw new BusinessRuleException("EVT-03", $"Un motif d'interruption ne s'indique que si la situation s'arrête avant sa fin prévue ({DateFin:dd/MM/yyyy}).", "DateInterruption");
        }

        if (date < DateDebut)
        {
            throw new BusinessRuleException("EVT-03", "La date d'interruption ne peut pas précéder le début de la situation.", "DateInterruption");
        }

        if (string.IsNullOrWhiteSpace(motif))
        {
            throw new BusinessRuleException("EVT-03", "Indiquez le motif de l'interruption.", "MotifInterruption");
        }

        DateInterruption = date;
        MotifInterruption = motif.Trim();
    }

    private void Appliquer(SaisieSituation s)
    {
        BusinessRuleException.ThrowIfBroken(new Evt03DatesSituation(s.DateDebut, s.DateFin == default ? null : s.DateFin));
        Type = s.Type;
        DateDebut = s.DateDebut;
        DateFin = s.DateFin;
        TypeContrat = Vide(s.TypeContrat);
        Employeur = Vide(s.Employeur);
        EntrepriseId = s.EntrepriseId;
        Organisme = Vide(s.Organisme);
        ObjectifGeneral = Vide(s.ObjectifGeneral);
        ValidationPreparee = Vide(s.ValidationPreparee);
        Niveau = Vide(s.Niveau);
        Mesure = Vide(s.Mesure);
        Commentaire = Vide(s.Commentaire);
    }

    private static string? Vide(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
