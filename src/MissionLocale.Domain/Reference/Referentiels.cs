namespace MissionLocale.Domain.Reference;

/// <summary>Reference rows carry validity dates: nothing a dossier uses is deleted, it is closed.</summary>
public interface IValiditeDatee
{
    DateOnly DateDebut { get; }

    DateOnly? DateFin { get; }
}

/// <summary>A commune of the official referential (@etalab/decoupage-administratif).</summary>
public sealed class Commune : IValiditeDatee
{
    public Commune(string codeInsee, string nom, string departement, string? epci, DateOnly dateDebut)
    {
        CodeInsee = codeInsee;
        Nom = nom;
        Departement = departement;
        Epci = epci;
        DateDebut = dateDebut;
    }

    public string CodeInsee { get; private set; }

    public string Nom { get; private set; }

    public string Departement { get; private set; }

    public string? Epci { get; private set; }

    public DateOnly DateDebut { get; private set; }

    public DateOnly? DateFin { get; private set; }
}

/// <summary>Code postal ↔ commune (codes-postaux).</summary>
public sealed class CodePostal
{
    public CodePostal(string code, string communeInsee, string libelleAcheminement)
    {
        Code = code;
        CommuneInsee = communeInsee;
        LibelleAcheminement = libelleAcheminement;
    }

    public string Code { get; private set; }

    public string CommuneInsee { get; private set; }

    public string LibelleAcheminement { get; private set; }
}

public sealed class Departement
{
    public Departement(string code, string nom, string region)
    {
        Code = code;
        Nom = nom;
        Region = region;
    }

    public string Code { get; private set; }

    public string Nom { get; private set; }

    public string Region { get; private set; }
}

public sealed class Epci
{
    public Epci(string code, string nom)
    {
        Code = code;
        Nom = nom;
    }

    public string Code { get; private set; }

    public string Nom { get; private set; }
}

/// <summary>Countries with the nationality adjective and EEE membership (JEU-01, PACEA-03).</summary>
public sealed class Pays : IValiditeDatee
{
    public Pays(string code, string nom, string nationalite, bool eee, DateOnly dateDebut)
    {
        Code = code;
        Nom = nom;
        Nationalite = nationalite;
        Eee = eee;
        DateDebut = dateDebut;
    }

    /// <summary>ISO 3166-1 alpha-2 (XK for Kosovo, which has none).</summary>
    public string Code { get; private set; }

    /// <summary>The INSEE code of the Code officiel géographique (99100 France, 99127 Italie…), used by the NIR of people born abroad.</summary>
    public string? CodeInsee { get; private set; }

    /// <summary>Brings an existing row to the current official list (INSEE code and short name).</summary>
    public void Actualiser(string codeInsee, string nom)
    {
        CodeInsee = codeInsee;
        Nom = nom;
    }

    public string Nom { get; private set; }

    public string Nationalite { get; private set; }

    public bool Eee { get; private set; }

    public DateOnly DateDebut { get; private set; }

    public DateOnly? DateFin { get; private set; }
}

/// <summary>Quartier prioritaire de la politique de la ville.</summary>
public sealed class Qpv : IValiditeDatee
{
    public Qpv(string code, string nom, string communeInsee, DateOnly dateDebut, DateOnly? dateFin)
    {
        Code = code;
        Nom = nom;
        CommuneInsee = communeInsee;
        DateDebut = dateDebut;
        DateFin = dateFin;
    }

    public string Code { get; private set; }

    public string Nom { get; private set; }

    public string CommuneInsee { get; private set; }

    public DateOnly DateDebut { get; private set; }

    public DateOnly? DateFin { get; private set; }

    public void Modifier(string nom, string communeInsee, DateOnly dateDebut, DateOnly? dateFin)
    {
        Nom = nom;
        CommuneInsee = communeInsee;
        DateDebut = dateDebut;
        DateFin = dateFin;
    }
}

/// <summary>
/// A street (or a stretch of it) of a commune that lies in a QPV. Membership of an address is derived from
/// (commune, normalised street name); see docs/reference-data.md.
/// </summary>
public sealed class QpvVoie
{
    public QpvVoie(string qpvCode, string communeInsee, string voieCle)
    {
        QpvCode = qpvCode;
        CommuneInsee = communeInsee;
        VoieCle = voieCle;
    }

    public long Id { get; private set; }

    public string QpvCode { get; private set; }

    public string CommuneInsee { get; private set; }

    public string VoieCle { get; private set; }
}

/// <summary>
/// An entry of a dated nomenclature (CUR-01 classes, CUR-02 levels and diplomas, CUR-04 objectifs généraux): closed,
/// never deleted, so past dossiers keep their values. <see cref="Niveau"/> is the qualification level a diploma carries.
/// </summary>
public sealed class ElementNomenclature : IValiditeDatee
{
    public const string Classes = "classe";
    public const string Niveaux = "niveau";
    public const string Validations = "validation";
    public const string ObjectifsFormation = "objectif-formation";

    public ElementNomenclature(string liste, string code, string libelle, int? niveau, int ordre, DateOnly dateDebut, DateOnly? dateFin = null)
    {
        Liste = liste;
        Code = code;
        Libelle = libelle;
        Niveau = niveau;
        Ordre = ordre;
        DateDebut = dateDebut;
        DateFin = dateFin;
    }

    public long Id { get; private set; }

    public string Liste { get; private set; }

    public string Code { get; private set; }

    public string Libelle { get; private set; }

    public int? Niveau { get; private set; }

    public int Ordre { get; private set; }

    public DateOnly DateDebut { get; private set; }

    public DateOnly? DateFin { get; private set; }
}
