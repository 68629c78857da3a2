using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Jeunes;

/// <summary>The fields of a postal address as typed (JEU-05).</summary>
public sealed record SaisieAdresse(
    string? Numero,
    string Voie,
    string? Complement,
    string? Batiment,
    string? Escalier,
    string? Etage,
    string? Appartement,
    string CodePostal,
    string CommuneInsee,
    string CommuneNom);

/// <summary>
/// One entry of the address history (JEU-06): a new address closes the previous one, nothing is overwritten.
/// QPV and ZRR membership are derived from the reference data when the entry is made.
/// </summary>
public sealed class Adresse : Entity, IDossierPart
{
    private Adresse()
    {
        Voie = CodePostal = CommuneInsee = CommuneNom = string.Empty;
    }

    internal Adresse(Guid jeuneId, SaisieAdresse s, DateOnly dateDebut, MotifAdresse motif, bool npai, string? qpvCode, bool zrr)
    {
        JeuneId = jeuneId;
        Numero = s.Numero;
        Voie = s.Voie;
        Complement = s.Complement;
        Batiment = s.Batiment;
        Escalier = s.Escalier;
        Etage = s.Etage;
        Appartement = s.Appartement;
        CodePostal = s.CodePostal;
        CommuneInsee = s.CommuneInsee;
        CommuneNom = s.CommuneNom;
        DateDebut = dateDebut;
        Motif = motif;
        Npai = npai;
        QpvCode = qpvCode;
        Zrr = zrr;
    }

    public Guid JeuneId { get; private set; }

    public string? Numero { get; private set; }

    public string Voie { get; private set; }

    public string? Complement { get; private set; }

    public string? Batiment { get; private set; }

    public string? Escalier { get; private set; }

    public string? Etage { get; private set; }

    public string? Appartement { get; private set; }

    public string CodePostal { get; private set; }

    public string CommuneInsee { get; private set; }

    public string CommuneNom { get; private set; }

    /// <summary>Normalised against the national address base (set by the normalisation service, later).</summary>
    public bool Normalisee { get; private set; }

    /// <summary>N'habite pas à l'adresse indiquée: no letter goes out (JEU-05).</summary>
    public bool Npai { get; private set; }

    public string? QpvCode { get; private set; }

    public bool Zrr { get; private set; }

    public MotifAdresse Motif { get; private set; }

    public DateOnly DateDebut { get; private set; }

    /// <summary>Null while current.</summary>
    public DateOnly? DateFin { get; private set; }

    public bool EstCourante => DateFin is null;

    public SaisieAdresse Saisie => new(Numero, Voie, Complement, Batiment, Escalier, Etage, Appartement, CodePostal, CommuneInsee, CommuneNom);

    internal void Clore(DateOnly dateFin) => DateFin = dateFin < DateDebut ? DateDebut : dateFin;

    internal void MarquerNpai(bool npai) => Npai = npai;

    /// <summary>CERFA-01: the full address as postal lines, each detail with its label (null for the street and the town).</summary>
    public IEnumerable<(string? Libelle, string Valeur)> Lignes()
    {
        yield return (null, $"{Numero} {Voie}".Trim());
        foreach (var (libelle, valeur) in new[] { ("Complément", Complement), ("Bâtiment", Batiment), ("Escalier", Escalier), ("Étage", Etage), ("Appartement", Appartement) })
        {
            if (!string.IsNullOrWhiteSpace(valeur))
            {
                yield return (libelle, valeur);
            }
        }

        yield return (null, $"{CodePostal} {CommuneNom}");
    }

    public override string ToString() =>
        string.Join(", ", new[] { $"{Numero} {Voie}".Trim(), Complement, $"{CodePostal} {CommuneNom}" }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
}
