using MissionLocale.Domain.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Domain.Dispositifs;

/// <summary>DISP-03: a dispositif is open (it may be renewed, DISP-04) until it is closed with a motive; closed is final.</summary>
public enum EtatDispositif
{
    Ouvert = 1,
    Clos = 2,
}

/// <summary>DISP-03, DISP-04: the life of a dispositif; what each type allows within it is its policy's.</summary>
public static class CycleDispositif
{
    public const string Renouveler = "RenouvelerDispositif";
    public const string Clore = "CloreDispositif";

    public static Workflow<EtatDispositif> Table { get; } = new(
        "Ce dispositif", "DISP-03", EtatDispositif.Ouvert,
        new Dictionary<EtatDispositif, string>
        {
            [EtatDispositif.Ouvert] = "Ouvert",
            [EtatDispositif.Clos] = "Clos",
        },
        [
            new(EtatDispositif.Ouvert, EtatDispositif.Ouvert, Renouveler, Droit.GererDispositifs, "DISP-04"),
            new(EtatDispositif.Ouvert, EtatDispositif.Clos, Clore, Droit.GererDispositifs, "DISP-03"),
        ]);
}
