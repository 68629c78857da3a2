namespace MissionLocale.Domain.Dispositifs;

/// <summary>Diagnostic approfondi: DIAG-01 one month in principle, DIAG-02 no renewal, DIAG-03 motives.</summary>
public sealed class PolitiqueDiag : PolitiqueDispositif
{
    public override string Code => CodeDispositif.Diag;

    public override string RegleDuree => "DIAG-01";

    public override string RegleDureeMin => "DIAG-01";

    public override string RegleMotifs => "DIAG-03";

    public override string RegleSansRenouvellement => "DIAG-02";

    internal override void VerifierOuverture(ContexteOuverture c, DateOnly debut, DateOnly finPrevue, List<Avertissement> avertissements)
    {
        if (finPrevue > debut.AddMonths(1))
        {
            avertissements.Add(new Avertissement("DIAG-01", "Un diagnostic approfondi dure un mois en principe : confirmez la durée plus longue et justifiez-la dans le commentaire de l'entretien."));
        }
    }

    /// <summary>
    /// DIAG-01 at closing (DISP-07): beyond the recommended month, the closing is confirmed with a justification, unless
    /// the longer duration was already confirmed at opening (the real end within the planned end).
    /// </summary>
    public override IReadOnlyList<Avertissement> AvertissementsCloture(Dispositif d, DateOnly dateFinReelle) =>
        dateFinReelle > d.DateDebut.AddMonths(1) && dateFinReelle > d.DateFinPrevue
            ? [new Avertissement("DIAG-01", "Un diagnostic approfondi dure un mois en principe : confirmez cette durée plus longue et justifiez-la dans un entretien.")]
            : [];
}
