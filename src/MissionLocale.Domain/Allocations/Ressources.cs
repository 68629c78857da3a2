using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Allocations;

/// <summary>ALLOC-09: the micro-entrepreneur's kind of activity, which sets the flat allowance.</summary>
public enum ActiviteMicro
{
    AchatReventeHebergement = 1,
    AutresBic = 2,
    Bnc = 3,
    Agricole = 4,
}

/// <summary>What the jeune declares for a month (M-1), in euros; empty fields are nothing received.</summary>
public sealed record SaisieRessources(
    decimal? NetAPayer = null,
    decimal? AvanceHorsNet = null,
    decimal? RevenuEcologique = null,
    decimal? RemunerationStagiaire = null,
    decimal? ChiffreAffaires = null,
    ActiviteMicro? Activite = null,
    decimal? AutresRessources = null,
    decimal? AllocationCejRecue = null);

/// <summary>ALLOC-09's flat allowances (dated reference data) and ALLOC-08's PACEA ceiling.</summary>
public sealed record BaremeRessources(IReadOnlyDictionary<ActiviteMicro, decimal> Abattements, decimal PlafondPacea);

/// <summary>One step of the calculation shown to the conseiller (ALLOC-12).</summary>
public sealed record EtapeCalcul(string Libelle, decimal Montant);

/// <summary>The month's resources retained, their steps, and whether a PACEA allocation is payable (ALLOC-08).</summary>
public sealed record CalculRessources(decimal Total, IReadOnlyList<EtapeCalcul> Etapes, bool PaceaPayable);

/// <summary>ALLOC-08..10: the resources of month M-1 that decide the allocation of month M.</summary>
public static class RessourcesMensuelles
{
    public static decimal Arrondi(decimal montant) => Math.Round(montant, 2, MidpointRounding.AwayFromZero);

    public static CalculRessources Calculer(SaisieRessources s, BaremeRessources b)
    {
        foreach (var m in new[] { s.NetAPayer, s.AvanceHorsNet, s.RevenuEcologique, s.RemunerationStagiaire, s.ChiffreAffaires, s.AutresRessources, s.AllocationCejRecue })
        {
            if (m is < 0 or > 99_999_999.99m)
            {
                throw new BusinessRuleException("ALLOC-08", "Un montant de ressources est positif (en euros, deux décimales au plus).", "Ressources");
            }
        }

        if (s.ChiffreAffaires is > 0 && s.Activite is null)
        {
            throw new BusinessRuleException("ALLOC-09", "Indiquez l'activité du micro-entrepreneur : elle fixe l'abattement forfaitaire (71 %, 50 %, 34 % ou 87 %).", "Activite");
        }

        var etapes = new List<EtapeCalcul>();
        void Ajouter(string libelle, decimal? montant)
        {
            if (montant is { } m && m != 0)
            {
                etapes.Add(new EtapeCalcul(libelle, Arrondi(m)));
            }
        }

        // ALLOC-10: the "net à payer" counts, plus an advance not included in it; the revenu écologique does not count.
        Ajouter("Salaire : net à payer", s.NetAPayer);
        Ajouter("Salaire : avance non comprise dans le net à payer", s.AvanceHorsNet);
        if (s.RevenuEcologique is > 0)
        {
            etapes.Add(new EtapeCalcul($"Revenu écologique ({s.RevenuEcologique:0.00} €) : non compté", 0m));
        }

        // ALLOC-10: a trainee's back pay counts entirely in the month it is received.
        Ajouter("Rémunération de stagiaire reçue dans le mois (rappels compris)", s.RemunerationStagiaire);

        // ALLOC-09: turnover minus the flat allowance of the activity.
        if (s.ChiffreAffaires is > 0 && s.Activite is { } a)
        {
            var taux = b.Abattements[a];
            var retenu = Arrondi(s.ChiffreAffaires.Value * (1 - (taux / 100m)));
            etapes.Add(new EtapeCalcul($"Micro-entreprise : chiffre d'affaires {s.ChiffreAffaires:0.00} € moins l'abattement de {taux:0.##} %", retenu));
        }

        Ajouter("Autres ressources", s.AutresRessources);

        // ALLOC-08: a CEJ allocation received in M-1 counts.
        Ajouter("Allocation CEJ reçue", s.AllocationCejRecue);
        var total = etapes.Sum(e => e.Montant);
        etapes.Add(new EtapeCalcul("Total des ressources retenues", total));
        return new CalculRessources(total, etapes, total < b.PlafondPacea);
    }
}

/// <summary>ALLOC-08: the resources declared for a month (the first day of M-1), with their supporting documents.</summary>
public sealed class DeclarationRessources : Entity, IStructureOwned, IDossierPart
{
    private DeclarationRessources()
    {
    }

    public DeclarationRessources(Guid structureId, Guid jeuneId, DateOnly mois)
    {
        StructureId = structureId;
        JeuneId = jeuneId;
        Mois = new DateOnly(mois.Year, mois.Month, 1);
    }

    public Guid StructureId { get; private set; }

    public Guid JeuneId { get; private set; }

    /// <summary>The month of the resources (M-1), as its first day.</summary>
    public DateOnly Mois { get; private set; }

    public decimal? NetAPayer { get; private set; }

    public decimal? AvanceHorsNet { get; private set; }

    public decimal? RevenuEcologique { get; private set; }

    public decimal? RemunerationStagiaire { get; private set; }

    public decimal? ChiffreAffaires { get; private set; }

    public ActiviteMicro? Activite { get; private set; }

    public decimal? AutresRessources { get; private set; }

    public decimal? AllocationCejRecue { get; private set; }

    public decimal Total { get; private set; }

    public List<Guid> Justificatifs { get; private set; } = [];

    public int Version { get; private set; }

    public SaisieRessources Saisie => new(NetAPayer, AvanceHorsNet, RevenuEcologique, RemunerationStagiaire, ChiffreAffaires, Activite, AutresRessources, AllocationCejRecue);

    /// <summary>Records (or corrects) the declaration; amounts are kept to the cent.</summary>
    public CalculRessources Declarer(SaisieRessources s, BaremeRessources b, IReadOnlyCollection<Guid> justificatifs)
    {
        var calcul = RessourcesMensuelles.Calculer(s, b);
        static decimal? C(decimal? m) => m is { } v ? RessourcesMensuelles.Arrondi(v) : null;
        (NetAPayer, AvanceHorsNet, RevenuEcologique, RemunerationStagiaire, ChiffreAffaires, Activite, AutresRessources, AllocationCejRecue) =
            (C(s.NetAPayer), C(s.AvanceHorsNet), C(s.RevenuEcologique), C(s.RemunerationStagiaire), C(s.ChiffreAffaires), s.ChiffreAffaires is > 0 ? s.Activite : null, C(s.AutresRessources), C(s.AllocationCejRecue));
        Total = calcul.Total;
        Justificatifs = justificatifs.Distinct().ToList();
        Version++;
        return calcul;
    }
}
