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

        if (t.Code == "AVP")
        {
            // AVP-01: final-year vocational pupils (CAP, lycée professionnel) who do not continue studies.
            var p = c.Public;
            if (p is null || string.IsNullOrWhiteSpace(p.Lycee) || p.Classe is null || !p.Classes.Contains(p.Classe))
            {
                throw new BusinessRuleException("AVP-01", "Avenir Pro s'adresse aux élèves de dernière année de CAP ou de lycée professionnel : indiquez le lycée et la classe.", "Classe");
            }

            if (!p.NePoursuitPasEtudes)
            {
                throw new BusinessRuleException("AVP-01", "Avenir Pro concerne les élèves qui ne poursuivent pas d'études : confirmez que l'élève ne poursuit pas ses études.", "NePoursuitPasEtudes");
            }
        }

        // QPV-01: a marker with no prescripteur and no référent, piloted by the configured pilote.
        if (t.Code == "QPV")
        {
            prescripteurId = null;
            referentId = null;
        }

        // USR-07: prescripteur and référent come from the structure's own reference tables.
        if (prescripteurId is not null && !c.PrescripteurConnu)
        {
            throw new BusinessRuleException("USR-07", "Ce prescripteur n'est pas dans la table des prescripteurs de la structure : choisissez-en un de la liste, ou demandez à un administrateur de l'ajouter.", "PrescripteurId");
        }

        if (referentId is not null && !c.ReferentConnu)
        {
            throw new BusinessRuleException("USR-07", "Ce référent n'est pas dans la table des référents de dispositif de la structure : choisissez-en un de la liste, ou demandez à un administrateur de l'ajouter.", "ReferentId");
        }

        if (t.Code == "RE")
        {
            // RE-04: the CRE is the dispositif's référent; the dossier's conseiller référent stays the generalist CIP.
            if (referentId is null)
            {
                throw new BusinessRuleException("RE-04", "Choisissez le conseiller relation entreprise (CRE) référent du dispositif ; le conseiller référent du dossier reste inchangé.", "ReferentId");
            }

            // RE-05: entered after the CIP proposed "renvoi vers référent entreprise".
            if (!c.RenvoiVersReferentEntreprise)
            {
                avertissements.Add(new Avertissement("RE-05", "Aucune proposition « Renvoi vers référent entreprise » n'a été enregistrée par le conseiller du jeune : confirmez l'entrée en Relation Entreprise."));
            }
        }

        if (finPrevue < t.FinMinimale(debut))
        {
            throw new BusinessRuleException(t.RegleDureeMin, $"Un dispositif {t.Libelle} dure au moins {t.LibelleDureeMin} : la date de fin prévue doit être au plus tôt le {t.FinMinimale(debut):dd/MM/yyyy}.", "DateFinPrevue");
        }

        if (finPrevue > t.FinMaximale(debut))
        {
            throw new BusinessRuleException(t.RegleDuree, $"Un dispositif {t.Libelle} dure au plus {t.DureeMaxMois} mois : la date de fin prévue doit être au plus tard le {t.FinMaximale(debut):dd/MM/yyyy}.", "DateFinPrevue");
        }

        if (t.Code == "DIAG" && finPrevue > debut.AddMonths(1))
        {
            avertissements.Add(new Avertissement("DIAG-01", "Un diagnostic approfondi dure un mois en principe : confirmez la durée plus longue et justifiez-la dans le commentaire de l'entretien."));
        }

        if (t.Code == "PACEA")
        {
            VerifierPacea(c, debut, finPrevue, avertissements);
        }

        // CEJ-01: the PACEA exit is at the latest the day before the CEJ entry (the ASP rejects overlapping contracts).
        if (t.Code == "CEJ" && c.Dispositifs.Any(d => d.TypeCode == "PACEA" && (d.DateFinReelle is null || d.DateFinReelle >= debut)))
        {
            throw new BusinessRuleException("CEJ-01", "Le PACEA doit être clôturé au plus tard la veille de l'entrée en CEJ : clôturez le PACEA ou choisissez une date d'entrée postérieure à sa sortie.", "DateDebut");
        }

        // PAO-01: for jeunes who are not registered at France Travail.
        if (t.Code == "PAO" && c.Jeune.InscritFranceTravail)
        {
            throw new BusinessRuleException("PAO-01", "Le jeune est inscrit à France Travail : le PAO est réservé aux jeunes non inscrits (un PACEA ou un CEJ peut suivre, PAO-03).", "TypeCode");
        }

        if (t.Code == "PAO")
        {
            VerifierPao(c, debut);
        }

        var d = new Dispositif(c.Jeune.StructureId, c.Jeune.Id, t.Code, debut, finPrevue, evenementId, prescripteurId, referentId, pilote, operateur);
        if (t.Code == "PARR")
        {
            // PARR-01: starts after the joint acceptance of the jeune and of the parrain/marraine (a volunteer of the structure).
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

        if (t.Code == "PAO")
        {
            d.Completer(c.Public!.PublicPao + (c.Public.PublicPao == "EleveDecrochage" ? $" ({c.Public.Programme})" : string.Empty), null, null);
        }
        else if (t.Code == "AVP")
        {
            d.Completer(null, c.Public!.Lycee!.Trim(), c.Public.Classe);
        }

        return (d, avertissements);
    }

    /// <summary>
    /// QPV-01/QPV-02: the QPV marker opened at the premier accueil or on a move into a QPV, during the premier accueil
    /// entretien or an interne/administratif événement; no prescripteur, no référent; runs until the jeune's 26th birthday
    /// or an exit (move out of the QPV).
    /// </summary>
    public static Dispositif? MarqueurQpv(Jeune jeune, IReadOnlyList<Dispositif> dispositifs, DateOnly debut, Guid evenementId, string pilote, Guid? operateur)
    {
        if (dispositifs.Any(d => d.TypeCode == "QPV" && d.Ouvert))
        {
            return null;
        }

        var fin = jeune.DateNaissance.AddYears(26);
        return new Dispositif(jeune.StructureId, jeune.Id, "QPV", debut, fin > debut ? fin : debut, evenementId, null, null, pilote, operateur);
    }

    /// <summary>PAO-02: the three publics of the PAO.</summary>
    private static void VerifierPao(ContexteOuverture c, DateOnly debut)
    {
        var p = c.Public;
        switch (p?.PublicPao)
        {
            case "EtrangerSansAutorisationTravail":
                if (c.Jeune.Nationalite != Nationalite.HorsUe)
                {
                    throw new BusinessRuleException("PAO-02", "Ce public concerne les jeunes étrangers hors Union européenne dont le titre ne permet pas de travailler : vérifiez la nationalité du jeune.", "PublicPao");
                }

                break;
            case "EleveDecrochage":
                if (p.Programme is null || !p.Programmes.Contains(p.Programme))
                {
                    throw new BusinessRuleException("PAO-02", $"Pour un élève en risque de décrochage, choisissez le programme : {string.Join(", ", p.Programmes)}.", "Programme");
                }

                break;
            case "ObligationFormation":
                if (c.Jeune.Age(debut) >= 18)
                {
                    throw new BusinessRuleException("PAO-02", "L'obligation de formation concerne les jeunes de 16 et 17 ans : ce jeune a 18 ans ou plus à la date d'entrée.", "PublicPao");
                }

                break;
            default:
                throw new BusinessRuleException("PAO-02", "Choisissez le public du PAO : étranger dont le titre ne permet pas de travailler, élève en risque de décrochage, ou jeune en obligation de formation qui ne cherche pas d'emploi.", "PublicPao");
        }
    }

    private static void VerifierPacea(ContexteOuverture c, DateOnly debut, DateOnly finPrevue, List<Avertissement> avertissements)
    {
        // PACEA-07: 16 to 25 at entry.
        var age = c.Jeune.Age(debut);
        if (age is < 16 or > 25)
        {
            throw new BusinessRuleException("PACEA-07", $"Le jeune a {age} ans à la date d'entrée : le PACEA est ouvert aux jeunes de 16 à 25 ans.", "DateDebut");
        }

        // PACEA-01: a Diagnostic approfondi closed with motif "PACEA", the PACEA starting after its end and less than a month after.
        var diag = c.Dispositifs.Where(d => d.TypeCode == "DIAG" && d.MotifSortie == "PACEA" && d.DateFinReelle is not null)
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
        var precedent = c.Dispositifs.Where(d => d.TypeCode == "PACEA" && d.DateFinReelle is not null).OrderByDescending(d => d.DateFinReelle).FirstOrDefault();
        if (precedent is not null && precedent.DateFinReelle!.Value.Year == debut.Year && precedent.DateFinReelle.Value.Month == debut.Month)
        {
            avertissements.Add(new Avertissement("PACEA-04", "Le précédent PACEA s'est terminé ce mois-ci : deux allocations pourraient être versées pour le même mois. Confirmez l'entrée."));
        }
    }
}
