using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Dispositifs;

/// <summary>DISP-01: a programme a jeune is enrolled in, entered during an événement.</summary>
public sealed class Dispositif : Entity, IStructureOwned, IDossierPart
{
    private Dispositif()
    {
        TypeCode = string.Empty;
    }

    internal Dispositif(Guid structureId, Guid jeuneId, string typeCode, DateOnly dateDebut, DateOnly dateFinPrevue, Guid evenementId, Guid? prescripteurId, Guid? referentId, string? pilote, Guid? operateurAntenneId)
    {
        StructureId = structureId;
        JeuneId = jeuneId;
        TypeCode = typeCode;
        DateDebut = dateDebut;
        DateFinPrevue = dateFinPrevue;
        EvenementId = evenementId;
        PrescripteurId = prescripteurId;
        ReferentId = referentId;
        Pilote = pilote;
        OperateurAntenneId = operateurAntenneId;
    }

    public Guid StructureId { get; private set; }

    public Guid JeuneId { get; private set; }

    public string TypeCode { get; private set; }

    public DateOnly DateDebut { get; private set; }

    public DateOnly DateFinPrevue { get; private set; }

    public DateOnly? DateFinReelle { get; private set; }

    public string? MotifSortie { get; private set; }

    public bool? SortiePositive { get; private set; }

    public Guid EvenementId { get; private set; }

    public Guid? PrescripteurId { get; private set; }

    public Guid? ReferentId { get; private set; }

    public string? Pilote { get; private set; }

    public Guid? OperateurAntenneId { get; private set; }

    public int Renouvellements { get; private set; }

    public int Version { get; private set; }

    public bool Ouvert => DateFinReelle is null;

    /// <summary>DISP-04: the type's renewal policy (RE-02 one renewal of at most 2 months; DIAG-02 and PACEA-04 none; CEJ-07 up to 18 months).</summary>
    public void Renouveler(DateOnly nouvelleFinPrevue, TypeDispositif type)
    {
        if (!Ouvert)
        {
            throw new BusinessRuleException("DISP-04", "Un dispositif clos ne se renouvelle pas.", "DateFinPrevue");
        }

        if (type.RenouvellementsMax == 0)
        {
            var regle = TypeCode switch { "DIAG" => "DIAG-02", "PACEA" => "PACEA-04", _ => "DISP-04" };
            throw new BusinessRuleException(regle, $"Le dispositif {type.Libelle} ne se renouvelle pas : clôturez-le et, si besoin, ouvrez le dispositif qui convient.", "DateFinPrevue");
        }

        var regleType = TypeCode switch { "RE" => "RE-02", "CEJ" => "CEJ-07", _ => "DISP-04" };
        if (Renouvellements >= type.RenouvellementsMax)
        {
            throw new BusinessRuleException(regleType, $"Le dispositif {type.Libelle} se renouvelle au plus {type.RenouvellementsMax} fois : il a déjà été renouvelé.", "DateFinPrevue");
        }

        if (nouvelleFinPrevue <= DateFinPrevue)
        {
            throw new BusinessRuleException(regleType, "Un renouvellement prolonge la date de fin prévue : choisissez une date après la fin prévue actuelle.", "DateFinPrevue");
        }

        if (nouvelleFinPrevue > DateFinPrevue.AddMonths(type.DureeRenouvellementMaxMois))
        {
            throw new BusinessRuleException(regleType, $"Un renouvellement du dispositif {type.Libelle} dure au plus {type.DureeRenouvellementMaxMois} mois : la fin prévue peut aller jusqu'au {DateFinPrevue.AddMonths(type.DureeRenouvellementMaxMois):dd/MM/yyyy}.", "DateFinPrevue");
        }

        DateFinPrevue = nouvelleFinPrevue;
        Renouvellements++;
        Version++;
    }

    /// <summary>DISP-03: a motive of the type's list, an end between the start and today; sortie positive derived from the motive.</summary>
    public void Clore(DateOnly dateFinReelle, MotifSortie motif, TypeDispositif type, DateOnly aujourdhui)
    {
        if (!Ouvert)
        {
            throw new BusinessRuleException("DISP-03", "Ce dispositif est déjà clos.", "DateFinReelle");
        }

        if (motif.TypeCode != TypeCode)
        {
            throw new BusinessRuleException("DISP-03", $"Ce motif de sortie n'est pas dans la liste du dispositif {type.Libelle} : choisissez un motif de la liste.", "MotifSortie");
        }

        if (dateFinReelle < DateDebut || dateFinReelle > aujourdhui)
        {
            throw new BusinessRuleException("DISP-03", $"La date de fin réelle doit être comprise entre le début du dispositif ({DateDebut:dd/MM/yyyy}) et aujourd'hui.", "DateFinReelle");
        }

        DateFinReelle = dateFinReelle;
        MotifSortie = motif.Libelle;
        SortiePositive = type.SortiePositive ? motif.Positive : null;
        Version++;
    }
}
