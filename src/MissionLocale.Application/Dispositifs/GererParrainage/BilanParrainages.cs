namespace MissionLocale.Application.Dispositifs.GererParrainage;

/// <summary>PARR-04: parrainages of a year with the sortie positive rate and the count of QPV jeunes.</summary>
public sealed record BilanParrainages(int Annee, int Parrainages, int Valides, int Clos, int SortiesPositives, int JeunesQpv);
