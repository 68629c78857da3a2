using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Dispositifs;

/// <summary>Parrainage: PARR-01 joint acceptance, PARR-02 duration.</summary>
public sealed class PolitiqueParr : PolitiqueDispositif
{
    public override string Code => CodeDispositif.Parr;

    public override string RegleDuree => "PARR-02";

    public override string RegleDureeMin => "PARR-02";

    /// <summary>PARR-01: starts after the joint acceptance of the jeune and of the parrain/marraine (a volunteer of the structure).</summary>
    internal override void Completer(Dispositif d, ContexteOuverture c, DateOnly debut)
    {
        var p = c.Parrainage;
        if (p?.ParrainId is not { } parrain || !p.ParrainConnu)
        {
            throw new BusinessRuleException("PARR-01", "Choisissez le parrain ou la marraine (un bénévole enregistré dans la structure).", "ParrainId");
        }

        if (p.AcceptationJeune is not { } aj || p.AcceptationParrain is not { } ap)
        {
            throw new BusinessRuleException("PARR-01", "Le parrainage commence après l'acceptation conjointe du jeune et du parrain : indiquez les deux dates d'acceptation.", "AcceptationJeune");
        }

        if (aj > debut || ap > debut)
        {
            throw new BusinessRuleException("PARR-01", $"Le parrainage commence après l'acceptation conjointe : les deux acceptations doivent dater du {debut:dd/MM/yyyy} au plus tard.", "DateDebut");
        }

        d.Parrainer(parrain, aj, ap);
    }
}
