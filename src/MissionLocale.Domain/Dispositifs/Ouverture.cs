using MissionLocale.Domain.Common;
using MissionLocale.Domain.Jeunes;

namespace MissionLocale.Domain.Dispositifs;

/// <summary>What opening a dispositif needs to know about the dossier, gathered by the caller.</summary>
public sealed record ContexteOuverture(
    Jeune Jeune,
    TypeDispositif Type,
    IReadOnlyList<Dispositif> Dispositifs,
    bool EvenementEstEntretienIndividuel,
    DateOnly? DateEffetPacea02,
    bool PrescripteurConnu = true,
    bool ReferentConnu = true,
    bool RenvoiVersReferentEntreprise = false,
    Parrainage? Parrainage = null,
    ProfilPaoAvp? Public = null);

/// <summary>
/// PAO-02 and AVP-01: who the dispositif is for. PAO: the public ("EtrangerSansAutorisationTravail", "EleveDecrochage",
/// "ObligationFormation") and, for pupils, the programme of the reference list; AVP: lycée, class of the reference list
/// and the statement that the pupil does not continue studies.
/// </summary>
public sealed record ProfilPaoAvp(string? PublicPao, string? Programme, IReadOnlyCollection<string> Programmes, string? Lycee, string? Classe, IReadOnlyCollection<string> Classes, bool NePoursuitPasEtudes);

/// <summary>PARR-01: the parrain chosen (null when unknown or inactive in the structure) and the two acceptance dates.</summary>
public sealed record Parrainage(Guid? ParrainId, bool ParrainConnu, DateOnly? AcceptationJeune, DateOnly? AcceptationParrain);

/// <summary>A warning that needs an explicit confirmation (recorded with who and when).</summary>
public sealed record Avertissement(string RuleId, string Message);

/// <summary>
/// The rules checked when a dispositif is opened (the DISP, DIAG, PACEA, CEJ, PARR, PAO, QPV rules of docs/regles-metier.md). Blocks throw with the rule ID; warnings are
/// returned, and the opening goes through only when the caller confirms them.
/// </summary>
public static class OuvertureDispositif
{
    public static (Dispositif Dispositif, IReadOnlyList<Avertissement> Avertissements) Ouvrir(
        ContexteOuverture c, DateOnly debut, DateOnly finPrevue, Guid evenementId, Guid? prescripteurId, Guid? referentId, string? pilote, Guid? operateur)
    {
        var avertissements = new List<Avertissement>();
        var t = c.Type;
        if (!c.EvenementEstEntretienIndividuel)
        {
            throw new BusinessRuleException("DISP-01", "Un dispositif s'ouvre pendant un entretien individuel : enregistrez d'abord l'entretien, puis ouvrez le dispositif depuis celui-ci.", "EvenementId");
        }

        if (c.Dispositifs.Any(d => d.TypeCode == t.Code && d.Ouvert))
        {
            throw new BusinessRuleException("DISP-02", $"Le jeune a déjà un dispositif {t.Libelle} ouvert : clôturez-le avant d'en ouvrir un autre.", "TypeCode");
        }

        var politique = t.Politique;
        (prescripteurId, referentId) = politique.AvantOuverture(c, prescripteurId, referentId, avertissements);

        // USR-07: prescripteur and référent come from the structure's own reference tables.
        if (prescripteurId is not null && !c.PrescripteurConnu)
        {
            throw new BusinessRuleException("USR-07", "Ce prescripteur n'est pas dans la table des prescripteurs de la structure : choisissez-en un de la liste, ou demandez à un administrateur de l'ajouter.", "PrescripteurId");
        }

        if (referentId is not null && !c.ReferentConnu)
        {
            throw new BusinessRuleException("USR-07", "Ce référent n'est pas dans la table des référents de dispositif de la structure : choisissez-en un de la liste, ou demandez à un administrateur de l'ajouter.", "ReferentId");
        }

        if (finPrevue < t.FinMinimale(debut))
        {
            throw new BusinessRuleException(t.RegleDureeMin, $"Un dispositif {t.Libelle} dure au moins {t.LibelleDureeMin} : la date de fin prévue doit être au plus tôt le {t.FinMinimale(debut):dd/MM/yyyy}.", "DateFinPrevue");
        }

        if (finPrevue > t.FinMaximale(debut))
        {
            throw new BusinessRuleException(t.RegleDuree, $"Un dispositif {t.Libelle} dure au plus {t.DureeMaxMois} mois : la date de fin prévue doit être au plus tard le {t.FinMaximale(debut):dd/MM/yyyy}.", "DateFinPrevue");
        }

        politique.VerifierOuverture(c, debut, finPrevue, avertissements);
        var d = new Dispositif(c.Jeune.StructureId, c.Jeune.Id, t.Code, debut, finPrevue, evenementId, prescripteurId, referentId, pilote, operateur);
        politique.Completer(d, c, debut);
        return (d, avertissements);
    }

    /// <summary>
    /// QPV-01/QPV-02: the QPV marker opened at the premier accueil or on a move into a QPV, during the premier accueil
    /// entretien or an interne/administratif événement; no prescripteur, no référent; runs until the jeune's 26th birthday
    /// or an exit (move out of the QPV).
    /// </summary>
    public static Dispositif? MarqueurQpv(Jeune jeune, IReadOnlyList<Dispositif> dispositifs, DateOnly debut, Guid evenementId, string pilote, Guid? operateur)
    {
        if (dispositifs.Any(d => d.TypeCode == CodeDispositif.Qpv && d.Ouvert))
        {
            return null;
        }

        var fin = jeune.DateNaissance.AddYears(26);
        return new Dispositif(jeune.StructureId, jeune.Id, CodeDispositif.Qpv, debut, fin > debut ? fin : debut, evenementId, null, null, pilote, operateur);
    }
}
