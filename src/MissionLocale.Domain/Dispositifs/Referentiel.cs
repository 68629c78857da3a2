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

    /// <summary>CEJ-07: a minimum stated in months, counted in calendar months (0: the minimum is <see cref="DureeMinJours"/>).</summary>
    public int DureeMinMois { get; private set; }

    /// <summary>The earliest end allowed for a start: calendar months when the minimum is stated in months, else days.</summary>
    public DateOnly FinMinimale(DateOnly debut) => DureeMinMois > 0 ? debut.AddMonths(DureeMinMois) : debut.AddDays(DureeMinJours);

    /// <summary>The latest end allowed for a start (DISP-07: at opening, renewal and closing).</summary>
    public DateOnly FinMaximale(DateOnly debut) => DureeMaxMois > 0 ? debut.AddMonths(DureeMaxMois) : DateOnly.MaxValue;

    /// <summary>The minimum in words, for the refusal.</summary>
    public string LibelleDureeMin => DureeMinMois > 0 ? $"{DureeMinMois} mois" : DureeMinJours == 1 ? "1 jour" : $"{DureeMinJours} jours";

    /// <summary>DISP-05: the rule that states this type's duration bounds, cited by a refusal (RE-01, DIAG-01, PACEA-05, PARR-02, CEJ-07).</summary>
    public string RegleDuree => Politique.RegleDuree;

    /// <summary>DISP-05: the rule cited when the end is too early (DIAG-01, PARR-02, CEJ-07), else the general DISP-04.</summary>
    public string RegleDureeMin => Politique.RegleDureeMin;

    /// <summary>DISP-05: the rule that lists this type's exit motives (RE-03, DIAG-03, PACEA-06), else the general DISP-03.</summary>
    public string RegleMotifs => Politique.RegleMotifs;

    /// <summary>What this type does differently (one class per type).</summary>
    public PolitiqueDispositif Politique => PolitiqueDispositif.Pour(Code);

    /// <summary>Set the minimum in calendar months (CEJ-07's 6 months), the day minimum becoming 1 day.</summary>
    public TypeDispositif AvecDureeMinMois(int mois)
    {
        DureeMinMois = mois;
        return this;
    }
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
    /// <summary>A value may be a list (CER-05's nomenclature of actions d'insertion, RIB-06's SEPA countries).</summary>
    public const int LongueurValeurMax = 1000;

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

/// <summary>DISP-06: every change of national reference data, kept: who, when, what, old → new, from which date.</summary>
public sealed class HistoriqueReferentiel
{
    public HistoriqueReferentiel(DateTimeOffset le, Guid utilisateurId, string utilisateur, string code, string? ancienneValeur, string nouvelleValeur, DateOnly dateEffet)
    {
        Le = le;
        UtilisateurId = utilisateurId;
        Utilisateur = utilisateur;
        Code = code;
        AncienneValeur = ancienneValeur;
        NouvelleValeur = nouvelleValeur;
        DateEffet = dateEffet;
    }

    public long Id { get; private set; }

    public DateTimeOffset Le { get; private set; }

    public Guid UtilisateurId { get; private set; }

    public string Utilisateur { get; private set; }

    public string Code { get; private set; }

    public string? AncienneValeur { get; private set; }

    public string NouvelleValeur { get; private set; }

    public DateOnly DateEffet { get; private set; }
}
