using MissionLocale.Domain.Common;
using MissionLocale.Domain.Dispositifs;

namespace MissionLocale.Domain.Allocations;

/// <summary>ALLOC-02: the life of an allocation request.</summary>
public enum EtatDemande
{
    Enregistree = 1,
    Soumise = 2,
    Validee = 3,
    EnvoyeeAsp = 4,
    AccepteeAsp = 5,
    VerseeAsp = 6,
    RefuseeAsp = 7,
}

/// <summary>What the request is to the ASP: a month's allocation, a modification (ALLOC-07), a late payment (ALLOC-06).</summary>
public enum NatureDemande
{
    Initiale = 1,
    Modification = 2,
    HorsDelai = 3,
}

/// <summary>
/// ALLOC-12: the barème of a dispositif for a month (dated reference data). The allocation is the maximum amount,
/// reduced by <see cref="TauxReduction"/> % of the resources above <see cref="Franchise"/>, never below zero.
/// </summary>
public sealed record BaremeAllocation(decimal MontantMaximal, decimal Franchise, decimal TauxReduction, DateOnly ValideDepuis, bool Demonstration);

/// <summary>ALLOC-08 and ALLOC-12: the amount of month M from the resources of M-1, with the steps shown to the conseiller.</summary>
public static class CalculAllocation
{
    public static (decimal Montant, IReadOnlyList<EtapeCalcul> Etapes) Calculer(string typeCode, decimal ressources, BaremeAllocation bareme, decimal plafondPacea)
    {
        var etapes = new List<EtapeCalcul> { new("Ressources retenues du mois précédent", ressources) };

        // ALLOC-08: a PACEA allocation is payable only while M-1 resources stay under the ceiling.
        if (typeCode == CodeDispositif.Pacea && ressources >= plafondPacea)
        {
            throw new BusinessRuleException("ALLOC-08", $"Les ressources du mois précédent ({ressources:0.00} €) atteignent {plafondPacea:0.00} € : pas d'allocation PACEA pour ce mois. Corrigez les ressources si elles sont fausses.", "Mois");
        }

        var libelleBareme = $"Montant maximal du barème en vigueur depuis le {bareme.ValideDepuis:dd/MM/yyyy}{(bareme.Demonstration ? " (valeur de démonstration)" : string.Empty)}";
        etapes.Add(new(libelleBareme, bareme.MontantMaximal));
        var reduction = RessourcesMensuelles.Arrondi(Math.Max(0, ressources - bareme.Franchise) * bareme.TauxReduction / 100m);
        if (reduction > 0)
        {
            etapes.Add(new($"Réduction : {bareme.TauxReduction:0.##} % des ressources au-delà de {bareme.Franchise:0.00} €", -reduction));
        }

        var montant = Math.Max(0, bareme.MontantMaximal - reduction);
        etapes.Add(new("Allocation du mois", montant));
        return (montant, etapes);
    }
}

/// <summary>
/// An allocation request for a jeune, a dispositif (PACEA or CEJ) and a month (ALLOC-01), with its amount (ALLOC-12),
/// its state (ALLOC-02) and the ASP's answer. A modification of a sent request (ALLOC-07) is a new request that replaces
/// it; the replaced one is kept as it was sent.
/// </summary>
public sealed class DemandeAllocation : Entity, IStructureOwned, IDossierPart
{
    private DemandeAllocation()
    {
        TypeCode = string.Empty;
    }

    public DemandeAllocation(Guid structureId, Guid jeuneId, Guid dispositifId, string typeCode, DateOnly mois, decimal ressources, decimal montant,
        NatureDemande nature, Guid? cerfaId, bool premiere, Guid creePar, DateTimeOffset creeLe)
    {
        StructureId = structureId;
        JeuneId = jeuneId;
        DispositifId = dispositifId;
        TypeCode = typeCode;
        Mois = new DateOnly(mois.Year, mois.Month, 1);
        Ressources = ressources;
        Montant = montant;
        Nature = nature;
        CerfaId = cerfaId;
        Premiere = premiere;
        CreePar = creePar;
        CreeLe = creeLe;
        Etat = EtatDemande.Enregistree;
    }

    public Guid StructureId { get; private set; }

    public Guid JeuneId { get; private set; }

    public Guid DispositifId { get; private set; }

    public string TypeCode { get; private set; }

    /// <summary>The month the allocation is for (its first day).</summary>
    public DateOnly Mois { get; private set; }

    /// <summary>The resources of M-1 the amount was computed from (ALLOC-08).</summary>
    public decimal Ressources { get; private set; }

    /// <summary>ALLOC-07: on a full reversal, the amount paid entered as differential resources.</summary>
    public decimal? RessourcesDifferentielles { get; private set; }

    public decimal Montant { get; private set; }

    public NatureDemande Nature { get; private set; }

    public EtatDemande Etat { get; private set; }

    /// <summary>The CERFA the request belongs to (the dispositif's latest when it was made).</summary>
    public Guid? CerfaId { get; private set; }

    /// <summary>ALLOC-03: the first allocation of an initial CERFA, validated by the siège with the signed CERFA.</summary>
    public bool Premiere { get; private set; }

    public Guid CreePar { get; private set; }

    public DateTimeOffset CreeLe { get; private set; }

    public Guid? ValideePar { get; private set; }

    public DateTimeOffset? ValideeLe { get; private set; }

    /// <summary>ALLOC-11: the batch the request was sent in; a request is in one batch at most.</summary>
    public Guid? LotId { get; private set; }

    public DateOnly? DateAsp { get; private set; }

    public decimal? MontantVerse { get; private set; }

    public string? MotifAsp { get; private set; }

    /// <summary>ALLOC-07: the request that modified this one (this one stays as it was sent).</summary>
    public Guid? RemplaceeParId { get; private set; }

    public Guid? RemplaceId { get; private set; }

    public int Version { get; private set; }

    /// <summary>ALLOC-02: until it is sent, a request can be deleted.</summary>
    public bool Supprimable => CycleDemande.AvantEnvoi.Contains(Etat) && RemplaceeParId is null;

    /// <summary>ALLOC-07: a sent request is modified only once the ASP answered.</summary>
    public bool Modifiable => CycleDemande.Repondues.Contains(Etat) && RemplaceeParId is null;

    public static string LibelleEtat(EtatDemande e) => CycleDemande.Libelle(e);

    /// <summary>
    /// ALLOC-03/04 and CERFA-03: the conseiller submits a saved request to the siège.
    /// <paramref name="premiereValidee"/>: the dispositif's first allocation is validated (or there is none);
    /// <paramref name="cerfaValideAsp"/>: a CERFA of the dispositif is Validée ASP.
    /// </summary>
    public void Soumettre(bool premiereValidee, bool cerfaValideAsp)
    {
        var etat = CycleDemande.Table.Appliquer(Etat, CycleDemande.Soumettre, $"Cette demande est {LibelleEtat(Etat)} : seule une demande Enregistrée se soumet.");

        if (Premiere)
        {
            throw new BusinessRuleException("ALLOC-03", "La première allocation d'un CERFA initial reste Enregistrée : le siège la valide avec le CERFA signé. Déposez le scan du CERFA signé.");
        }

        if (!premiereValidee)
        {
            throw new BusinessRuleException("ALLOC-04", "La première allocation n'est pas encore validée par le siège : enregistrez celle-ci et soumettez-la après cette validation.");
        }

        if (!cerfaValideAsp)
        {
            throw new BusinessRuleException("CERFA-03", "Le CERFA de ce dispositif n'est pas encore Validé ASP : la demande reste Enregistrée, soumettez-la quand l'ASP l'aura validé.");
        }

        Etat = etat;
        Version++;
    }

    /// <summary>
    /// ALLOC-13: the siège validates a submitted request, or the first allocation together with its CERFA (ALLOC-03);
    /// never a request the validator created (separation of duties).
    /// </summary>
    public void Valider(Guid validateurId, DateTimeOffset le, bool avecLeCerfa = false)
    {
        if (validateurId == CreePar)
        {
            throw new BusinessRuleException("ALLOC-13", "Vous avez créé cette demande : un autre validateur doit la valider (séparation des tâches).");
        }

        if (Premiere && !avecLeCerfa)
        {
            throw new BusinessRuleException("ALLOC-03", "La première allocation se valide avec le CERFA signé : validez le CERFA.");
        }

        Etat = Premiere
            ? CycleDemande.Table.Verifier(Etat, EtatDemande.Validee, CycleDemande.ValiderAvecCerfa, "La première allocation se valide avec le CERFA signé : validez le CERFA.").Vers
            : CycleDemande.Table.Verifier(Etat, EtatDemande.Validee, CycleDemande.Valider, $"Cette demande est {LibelleEtat(Etat)} : seule une demande Soumise se valide.").Vers;
        ValideePar = validateurId;
        ValideeLe = le;
        Version++;
    }

    /// <summary>ALLOC-07: the request that replaces this sent one, recomputed (or 0 on a full reversal).</summary>
    public DemandeAllocation Modifier(decimal ressources, decimal montant, decimal? ressourcesDifferentielles, Guid par, DateTimeOffset le)
    {
        if (!Modifiable)
        {
            throw new BusinessRuleException("ALLOC-07", RemplaceeParId is null
                ? $"Cette demande est {LibelleEtat(Etat)} : une demande envoyée se modifie seulement une fois Acceptée, Versée ou Refusée par l'ASP."
                : "Cette demande a déjà été modifiée : modifiez la dernière version.");
        }

        var nouvelle = new DemandeAllocation(StructureId, JeuneId, DispositifId, TypeCode, Mois, ressources, montant, NatureDemande.Modification, CerfaId, false, par, le)
        {
            RemplaceId = Id,
            RessourcesDifferentielles = ressourcesDifferentielles,
            Etat = EtatDemande.Soumise,
        };
        RemplaceeParId = nouvelle.Id;
        Version++;
        return nouvelle;
    }

    /// <summary>ALLOC-02: the modification of this request was deleted before it was sent; this one is the request again.</summary>
    public void ModificationSupprimee()
    {
        RemplaceeParId = null;
        Version++;
    }

    /// <summary>ALLOC-11: the ASP's transitions, checked before a return line is applied.</summary>
    public static bool TransitionAspAutorisee(EtatDemande de, EtatDemande vers) => CycleDemande.Table.Permet(de, vers, CycleDemande.RetourAsp);
}
