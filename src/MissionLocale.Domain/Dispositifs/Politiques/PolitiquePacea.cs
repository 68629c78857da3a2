using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Dispositifs;

/// <summary>PACEA: PACEA-01 after a diagnostic, PACEA-02 France Travail, PACEA-03 titre de séjour, PACEA-04 no renewal,
/// PACEA-05 24 months, PACEA-06 motives, PACEA-07 age; allocations (ALLOC-01).</summary>
public sealed class PolitiquePacea : PolitiqueDispositif
{
    public override string Code => CodeDispositif.Pacea;

    public override string RegleDuree => "PACEA-05";

    public override string RegleMotifs => "PACEA-06";

    public override string RegleSansRenouvellement => "PACEA-04";

    public override bool AAllocation => true;

    /// <summary>PACEA-01: the diagnostic's exit motive that leads to the PACEA (a motive of the reference list).</summary>
    public const string MotifSortieVersPacea = "PACEA";

    /// <summary>PACEA-03: a PACEA does not run past the titre de séjour: its fin réelle is the last day of validity.</summary>
    public override DateOnly FinReelle(Dispositif d, DateOnly dateFinReelle, DateOnly? finTitreSejour) =>
        finTitreSejour is { } t && t < dateFinReelle && t >= d.DateDebut ? t : dateFinReelle;

    internal override void VerifierOuverture(ContexteOuverture c, DateOnly debut, DateOnly finPrevue, List<Avertissement> avertissements)
    {
        // PACEA-07: 16 to 25 at entry.
        var age = c.Jeune.Age(debut);
        if (age is < 16 or > 25)
        {
            throw new BusinessRuleException("PACEA-07", $"Le jeune a {age} ans à la date d'entrée : le PACEA est ouvert aux jeunes de 16 à 25 ans.", "DateDebut");
        }

        // PACEA-01: a Diagnostic approfondi closed with motif « PACEA », the PACEA starting after its end and less than a month after.
        var diag = c.Dispositifs.Where(d => d.TypeCode == CodeDispositif.Diag && d.MotifSortie == MotifSortieVersPacea && d.DateFinReelle is not null)
            .OrderByDescending(d => d.DateFinReelle).FirstOrDefault();
        if (diag is null)
        {
            throw new BusinessRuleException("PACEA-01", "L'entrée en PACEA suit un diagnostic approfondi clôturé avec le motif « PACEA » : ouvrez et clôturez d'abord le diagnostic.", "TypeCode");
        }

        if (debut <= diag.DateFinReelle || debut >= diag.DateFinReelle!.Value.AddMonths(1))
        {
            throw new BusinessRuleException("PACEA-01", $"Le PACEA commence le lendemain de la fin du diagnostic ({diag.DateFinReelle:dd/MM/yyyy}) ou moins d'un mois après : choisissez une date d'entrée entre le {diag.DateFinReelle.Value.AddDays(1):dd/MM/yyyy} et le {diag.DateFinReelle.Value.AddMonths(1).AddDays(-1):dd/MM/yyyy}.", "DateDebut");
        }

        // PACEA-02: from its date of effect (reference data), registration at France Travail with an identifiant.
        if (c.DateEffetPacea02 is { } effet && debut >= effet && (!c.Jeune.InscritFranceTravail || string.IsNullOrWhiteSpace(c.Jeune.IdentifiantFt)))
        {
            throw new BusinessRuleException("PACEA-02", $"Depuis le {effet:dd/MM/yyyy}, l'entrée en PACEA exige l'inscription à France Travail comme demandeur d'emploi : renseignez l'identifiant France Travail dans l'onglet Compléments.", "IdentifiantFt");
        }

        // PACEA-03: outside the EEE, the AGDREF number and the titre de séjour's end are required; the PACEA stays within it.
        if (c.Jeune.Nationalite == Jeunes.Nationalite.HorsUe)
        {
            if (string.IsNullOrWhiteSpace(c.Jeune.NumeroAgdref) || c.Jeune.FinTitreSejour is null)
            {
                throw new BusinessRuleException("PACEA-03", "Le jeune est de nationalité hors Union européenne / EEE : renseignez le numéro AGDREF et la date de fin de validité du titre de séjour dans l'onglet Compléments.", "NumeroAgdref");
            }

            if (c.Jeune.FinTitreSejour < debut)
            {
                throw new BusinessRuleException("PACEA-03", $"Le titre de séjour a expiré le {c.Jeune.FinTitreSejour:dd/MM/yyyy} : mettez à jour le titre de séjour avant l'entrée en PACEA.", "FinTitreSejour");
            }

            if (finPrevue > c.Jeune.FinTitreSejour)
            {
                throw new BusinessRuleException("PACEA-03", $"Le PACEA ne peut pas dépasser la fin de validité du titre de séjour : fin prévue au plus tard le {c.Jeune.FinTitreSejour:dd/MM/yyyy}.", "DateFinPrevue");
            }
        }

        // PACEA-04: a second PACEA in the month the first one closed means two allocations for one month.
        var precedent = c.Dispositifs.Where(d => d.TypeCode == CodeDispositif.Pacea && d.DateFinReelle is not null).OrderByDescending(d => d.DateFinReelle).FirstOrDefault();
        if (precedent is not null && precedent.DateFinReelle!.Value.Year == debut.Year && precedent.DateFinReelle.Value.Month == debut.Month)
        {
            avertissements.Add(new Avertissement("PACEA-04", "Le précédent PACEA s'est terminé ce mois-ci : deux allocations pourraient être versées pour le même mois. Confirmez l'entrée."));
        }
    }
}
