namespace MissionLocale.Domain.Dispositifs;

/// <summary>
/// DISP-04: the codes of the dispositif types, the one place they are spelt. The bounds of each type are dated reference
/// data (<see cref="TypeDispositif"/>); what the type does differently lives in its policy (<see cref="PolitiqueDispositif"/>).
/// </summary>
public static class CodeDispositif
{
    public const string Pacea = "PACEA";
    public const string Cej = "CEJ";
    public const string Re = "RE";
    public const string Diag = "DIAG";
    public const string Parr = "PARR";
    public const string Qpv = "QPV";
    public const string Pao = "PAO";
    public const string Avp = "AVP";

    public static IReadOnlyList<string> Tous { get; } = [Re, Diag, Pacea, Cej, Parr, Pao, Qpv, Avp];

    /// <summary>ALLOC-01 and CERFA-01: the types that carry a CERFA and monthly allocations.</summary>
    public static IReadOnlyList<string> AvecAllocation { get; } = [Cej, Pacea];

    public static bool AAllocation(string code) => code is Pacea or Cej;
}
