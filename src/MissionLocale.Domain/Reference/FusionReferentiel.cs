using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Reference;

/// <summary>USR-10: the reference tables of a structure whose elements can be merged.</summary>
public enum TableFusionnable
{
    /// <summary>Domains of propositions (événements' propositions, offres de service).</summary>
    DomaineProposition = 1,

    /// <summary>Prescripteurs (dispositifs' prescripteur).</summary>
    Prescripteur = 2,

    /// <summary>Référents de dispositif (dispositifs' référent).</summary>
    ReferentDispositif = 3,
}

public enum EtatFusion
{
    Programmee = 1,
    Executee = 2,
    Annulee = 3,
}

/// <summary>
/// USR-10: "merge element A into element B" is scheduled and runs the next night at 04:00 (Europe/Paris), when nobody
/// works in the dossiers; every use of A then points to B. A stays, and becomes deletable once nothing uses it.
/// </summary>
public sealed class FusionReferentiel : Entity, IStructureOwned
{
    private FusionReferentiel()
    {
        Source = Cible = SourceLibelle = CibleLibelle = DemandeePar = string.Empty;
    }

    public Guid StructureId { get; private set; }

    public TableFusionnable Table { get; private set; }

    /// <summary>The element merged away: a domain code, or an intervenant's id as text.</summary>
    public string Source { get; private set; }

    public string Cible { get; private set; }

    public string SourceLibelle { get; private set; }

    public string CibleLibelle { get; private set; }

    public DateTimeOffset DemandeeLe { get; private set; }

    public string DemandeePar { get; private set; }

    public DateTimeOffset PrevueLe { get; private set; }

    public EtatFusion Etat { get; private set; }

    public DateTimeOffset? ExecuteeLe { get; private set; }

    /// <summary>How many uses were moved from the source to the target.</summary>
    public int? Reaffectations { get; private set; }

    /// <summary>USR-10: scheduled at the next 04:00 local time strictly after <paramref name="maintenant"/>.</summary>
    public static FusionReferentiel Programmer(Guid structureId, TableFusionnable table, (string Cle, string Libelle) source, (string Cle, string Libelle) cible,
        DateTimeOffset maintenant, TimeZoneInfo fuseau, string demandeePar)
    {
        if (source.Cle == cible.Cle)
        {
            throw new BusinessRuleException("USR-10", "Un élément ne se fusionne pas avec lui-même : choisissez un autre élément cible.", "Cible");
        }

        return new FusionReferentiel
        {
            StructureId = structureId,
            Table = table,
            Source = source.Cle,
            SourceLibelle = source.Libelle,
            Cible = cible.Cle,
            CibleLibelle = cible.Libelle,
            DemandeeLe = maintenant,
            DemandeePar = demandeePar,
            PrevueLe = ProchaineNuit(maintenant, fuseau),
            Etat = EtatFusion.Programmee,
        };
    }

    /// <summary>The next 04:00 in the zone after the instant (a DST change night included: 04:00 exists on both).</summary>
    public static DateTimeOffset ProchaineNuit(DateTimeOffset maintenant, TimeZoneInfo fuseau)
    {
        var local = TimeZoneInfo.ConvertTime(maintenant, fuseau);
        var jour = local.TimeOfDay < TimeSpan.FromHours(4) ? local.Date : local.Date.AddDays(1);
        var quatreHeures = jour.AddHours(4);
        return new DateTimeOffset(quatreHeures, fuseau.GetUtcOffset(quatreHeures));
    }

    public void Annuler()
    {
        if (Etat != EtatFusion.Programmee)
        {
            throw new BusinessRuleException("USR-10", "Cette fusion n'est plus programmée : elle a déjà été exécutée ou annulée.");
        }

        Etat = EtatFusion.Annulee;
    }

    public void Executer(DateTimeOffset le, int reaffectations)
    {
        Etat = EtatFusion.Executee;
        ExecuteeLe = le;
        Reaffectations = reaffectations;
    }
}

/// <summary>USR-10 applied to the facts the use cases gathered.</summary>
public static class ReglesFusion
{
    public static void VerifierElements(bool sourceExiste, bool cibleExiste)
    {
        if (!sourceExiste || !cibleExiste)
        {
            throw new BusinessRuleException("USR-10", "L'élément à fusionner et l'élément cible doivent exister dans la même table de votre structure : choisissez-les dans la liste.", sourceExiste ? "Cible" : "Source");
        }
    }

    /// <summary>One scheduled merge per source; a target that is itself being merged away would leave uses on it.</summary>
    public static void VerifierSansConflit(bool sourceDejaProgrammee, bool cibleEnCoursDeFusion)
    {
        if (sourceDejaProgrammee)
        {
            throw new BusinessRuleException("USR-10", "Une fusion de cet élément est déjà programmée pour la nuit prochaine : annulez-la pour en programmer une autre.", "Source");
        }

        if (cibleEnCoursDeFusion)
        {
            throw new BusinessRuleException("USR-10", "L'élément cible doit lui-même être fusionné cette nuit : choisissez comme cible l'élément qui restera.", "Cible");
        }
    }

    /// <summary>An element is deleted only once nothing uses it (after its merge, typically).</summary>
    public static void VerifierInutilise(int utilisations, string libelle)
    {
        if (utilisations > 0)
        {
            throw new BusinessRuleException("USR-10", $"« {libelle} » est encore utilisé {Libelles.Nombre(utilisations, "fois", "fois")} : fusionnez-le d'abord dans un autre élément (la fusion s'exécute la nuit à 4h), puis supprimez-le.");
        }
    }
}
