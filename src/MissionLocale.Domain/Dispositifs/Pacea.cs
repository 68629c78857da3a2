using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Dispositifs;

/// <summary>PACEA-05: what a bilan de phase decides.</summary>
public enum DecisionBilan
{
    PhaseSuivante = 1,
    Prolongation = 2,
    Sortie = 3,
}

/// <summary>PACEA-09: the CEP level and the jeune's situation, housing, mobility and social cover at a moment of the PACEA.</summary>
public sealed record ReleveParcours(string NiveauCep, string Situation, string Logement, string Mobilite, string CouvertureSociale);

/// <summary>PACEA-05: a phase of the plan d'action, with its objectives, ended by a bilan de phase.</summary>
public sealed class PhasePacea : Entity, IStructureOwned, IDossierPart
{
    private PhasePacea()
    {
        Objectifs = string.Empty;
    }

    internal PhasePacea(Dispositif d, int numero, string objectifs, DateOnly debut, DateOnly finPrevue)
    {
        DispositifId = d.Id;
        StructureId = d.StructureId;
        JeuneId = d.JeuneId;
        Numero = numero;
        Objectifs = objectifs;
        DateDebut = debut;
        DateFinPrevue = finPrevue;
    }

    public Guid DispositifId { get; private set; }

    public Guid StructureId { get; private set; }

    public Guid JeuneId { get; private set; }

    public int Numero { get; private set; }

    public string Objectifs { get; private set; }

    public DateOnly DateDebut { get; private set; }

    public DateOnly DateFinPrevue { get; private set; }

    public DateOnly? DateFin { get; private set; }

    public int Prolongations { get; private set; }

    public DecisionBilan? Decision { get; private set; }

    public Guid? BilanEvenementId { get; private set; }

    public DateOnly? DateBilan { get; private set; }

    /// <summary>What became of the objectives (updated at the bilan and at exit).</summary>
    public string? Resultat { get; private set; }

    public bool Ouverte => DateFin is null;

    internal void Prolonger(DateOnly nouvelleFin)
    {
        DateFinPrevue = nouvelleFin;
        Prolongations++;
    }

    internal void Bilan(DateOnly date, Guid evenementId, DecisionBilan decision, string? resultat, bool clore)
    {
        DateBilan = date;
        BilanEvenementId = evenementId;
        Decision = decision;
        Resultat = resultat ?? Resultat;
        if (clore)
        {
            DateFin = date;
        }
    }

    internal void CloreALaSortie(DateOnly date, string resultat)
    {
        DateFin = date < DateDebut ? DateDebut : date;
        Resultat = Resultat is null ? resultat : $"{Resultat} — {resultat}";
    }
}
