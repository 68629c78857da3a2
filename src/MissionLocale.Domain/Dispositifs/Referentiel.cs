using MissionLocale.Domain.Reference;

namespace MissionLocale.Domain.Dispositifs;

/// <summary>
/// DISP-04: a dispositif type's bounds are reference data with validity dates, not code. A new version of a type
/// (a law change) is a new row with its own dates: decisions made before keep the version valid on their date.
/// </summary>
public sealed class TypeDispositif : IValiditeDatee
{
    public TypeDispositif(string code, string libelle, int dureeMinJours, int dureeMaxMois, int renouvellementsMax, int dureeRenouvellementMaxMois, bool sortiePositive, DateOnly dateDebut, DateOnly? dateFin)
    {
        Code = code;
        Libelle = libelle;
        DureeMinJours = dureeMinJours;
        DureeMaxMois = dureeMaxMois;
        RenouvellementsMax = renouvellementsMax;
        DureeRenouvellementMaxMois = dureeRenouvellementMaxMois;
        SortiePositive = sortiePositive;
        DateDebut = dateDebut;
        DateFin = dateFin;
    }

    public long Id { get; private set; }

    public string Code { get; private set; }

    public string Libelle { get; private set; }

    public int DureeMinJours { get; private set; }

    /// <summary>0: no maximum.</summary>
    public int DureeMaxMois { get; private set; }

    public int RenouvellementsMax { get; private set; }

    public int DureeRenouvellementMaxMois { get; private set; }

    /// <summary>Whether the type has the "sortie positive" notion.</summary>
    public bool SortiePositive { get; private set; }

    public DateOnly DateDebut { get; private set; }

    public DateOnly? DateFin { get; private set; }

    public bool ValideLe(DateOnly date) => DateDebut <= date && (DateFin is null || DateFin >= date);
}

/// <summary>An exit motive of a type (RE-03, DIAG-03, PACEA-06...), with whether it counts as a sortie positive.</summary>
public sealed class MotifSortie : IValiditeDatee
{
    public MotifSortie(string typeCode, string libelle, bool positive, DateOnly dateDebut, DateOnly? dateFin)
    {
        TypeCode = typeCode;
        Libelle = libelle;
        Positive = positive;
        DateDebut = dateDebut;
        DateFin = dateFin;
    }

    public long Id { get; private set; }

    public string TypeCode { get; private set; }

    public string Libelle { get; private set; }

    public bool Positive { get; private set; }

    public DateOnly DateDebut { get; private set; }

    public DateOnly? DateFin { get; private set; }
}

/// <summary>A dated parameter of a rule (e.g. PACEA-02's date of effect), read by the rule at the date of the decision.</summary>
public sealed class ParametreRegle : IValiditeDatee
{
    public ParametreRegle(string code, string valeur, string description, DateOnly dateDebut, DateOnly? dateFin)
    {
        Code = code;
        Valeur = valeur;
        Description = description;
        DateDebut = dateDebut;
        DateFin = dateFin;
    }

    public long Id { get; private set; }

    public string Code { get; private set; }

    public string Valeur { get; private set; }

    public string Description { get; private set; }

    public DateOnly DateDebut { get; private set; }

    public DateOnly? DateFin { get; private set; }

    /// <summary>Ends this version the day before a new one starts.</summary>
    public void Terminer(DateOnly dateFin) => DateFin = dateFin;
}
