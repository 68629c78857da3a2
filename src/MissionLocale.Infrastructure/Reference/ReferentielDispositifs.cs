using Microsoft.EntityFrameworkCore;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Infrastructure.Persistence;

namespace MissionLocale.Infrastructure.Reference;

/// <summary>
/// The dispositif types of the specification (docs/dispositifs.md) with their bounds and exit motives, and the dated parameters of the rules,
/// loaded when empty. Administrators change them by adding a version with a start date: past decisions keep theirs.
/// </summary>
public static class ReferentielDispositifs
{
    private static readonly DateOnly Origine = new(2017, 1, 1);

    public static async Task ChargerAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.TypesDispositif.AnyAsync(ct))
        {
            await ParametresAsync(db, ct);
            return;
        }

        db.TypesDispositif.AddRange(
            new TypeDispositif(CodeDispositif.Re, "Relation Entreprise", 1, 3, 1, 2, true, Origine, null),
            new TypeDispositif(CodeDispositif.Diag, "Diagnostic approfondi", 1, 3, 0, 0, false, Origine, null),
            new TypeDispositif(CodeDispositif.Pacea, CodeDispositif.Pacea, 1, 24, 0, 0, false, Origine, null),
            new TypeDispositif(CodeDispositif.Cej, "Contrat d'Engagement Jeune", 1, 12, 1, 6, true, new DateOnly(2022, 3, 1), null).AvecDureeMinMois(6),
            new TypeDispositif(CodeDispositif.Parr, "Parrainage", 42, 6, 0, 0, true, Origine, null),
            new TypeDispositif(CodeDispositif.Pao, CodeDispositif.Pao, 1, 0, 0, 0, false, Origine, null),
            new TypeDispositif(CodeDispositif.Qpv, CodeDispositif.Qpv, 0, 0, 0, 0, false, Origine, null),
            new TypeDispositif(CodeDispositif.Avp, "Avenir Pro", 1, 12, 0, 0, false, Origine, null));

        void Motifs(string type, (string Libelle, bool Positive)[] motifs) =>
            db.MotifsSortie.AddRange(motifs.Select(m => new MotifSortie(type, m.Libelle, m.Positive, Origine, null)));

        // RE-03 (positive: employment, training and service civique, proposed).
        Motifs(CodeDispositif.Re,
        [
            ("Décès", false), ("Sans solution en fin de programme", false), ("Abandon du jeune", false), ("Autres", false), ("Accès au service civique", true),
            ("Déménagement", false), ("CDD moins de 6 mois", true), ("CUI - CIE", true), ("CDI", true), ("Formation moins de 6 mois", true),
            ("Contrat de professionnalisation", true), ("CDD plus de 6 mois", true), ("CUI - CAE", true), ("Contrat d'apprentissage", true), ("Formation plus de 6 mois", true),
        ]);

        // DIAG-03.
        Motifs(CodeDispositif.Diag,
        [
            ("Abandon", false), ("Déménagement", false), ("Orientation vers un autre accompagnement au sein de la ML", false),
            ("Orientation vers un accompagnement d'un autre partenaire", false), (PolitiquePacea.MotifSortieVersPacea, false), ("Contrat d'Engagement Jeune", false), ("Décès", false),
        ]);

        // PACEA-06 (+ Décès, JEU-07).
        Motifs(CodeDispositif.Pacea,
        [
            ("Abandon", false), ("Non respect des engagements", false), ("Accès à l'autonomie", false), ("Fin de la durée maximale du parcours", false),
            ("Limite d'âge 26 ans", false), ("Réorientation anticipée autre dispositif", false), ("Décès", false),
        ]);
        Motifs(CodeDispositif.Cej, [("Accès à l'autonomie", true), ("Abandon", false), ("Fin du contrat", false), ("Limite d'âge 26 ans", false), ("Décès", false)]);
        Motifs(CodeDispositif.Parr, [("Emploi", true), ("Formation", true), ("Fin de parrainage", false), ("Abandon", false), ("Décès", false)]);
        Motifs(CodeDispositif.Pao, [("Inscription à France Travail", false), ("Fin", false), ("Décès", false)]);
        Motifs(CodeDispositif.Qpv, [("Déménagement hors QPV", false), ("Fin d'accompagnement", false), ("Décès", false)]);
        Motifs(CodeDispositif.Avp, [("Fin du cycle", false), ("Abandon", false), ("Décès", false)]);

        await db.SaveChangesAsync(ct);
        await ParametresAsync(db, ct);
    }

    /// <summary>RIB-06: IBAN country codes of the SEPA schemes' geographical scope (EPC409-09), French overseas codes included.</summary>
    private const string PaysSepa = "AT;BE;BG;CY;CZ;DE;DK;EE;ES;FI;FR;GR;HR;HU;IE;IT;LT;LU;LV;MT;NL;PL;PT;RO;SE;SI;SK;IS;LI;NO;CH;GB;MC;SM;VA;AD;GI;GG;JE;IM;"
        + "GF;GP;MQ;RE;YT;PM;BL;MF;AL;ME";

    /// <summary>The dated parameters of the rules; a code missing from the table is added (new rules on an existing database).</summary>
    private static async Task ParametresAsync(AppDbContext db, CancellationToken ct)
    {
        var cej = new DateOnly(2022, 3, 1);
        var parametres = new[]
        {
            new ParametreRegle("RGPD-03.SansContactMois", "24", "RGPD-03 : mois sans contact avant anonymisation du dossier (CNIL, délibération n° 2023-095, accompagnement social : 2 ans après le dernier contact)", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("RGPD-03.PreavisJours", "30", "RGPD-03 : jours pendant lesquels la direction voit un dossier avant son anonymisation", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("RGPD-05.JournauxMois", "12", "RGPD-05 : mois de conservation du journal des consultations de dossiers", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("PACEA-02.DateEffet", "2025-01-01", "PACEA-02 : inscription France Travail exigée pour une entrée à partir de cette date", new DateOnly(2025, 1, 1), null),
            new ParametreRegle("RE-05.Proposition", "Renvoi vers référent entreprise", "RE-05 : libellé de la proposition du conseiller qui précède l'entrée en Relation Entreprise", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("PARR-03.Domaines", "EMPLOI;FORMATION;PROJET_PRO", "PARR-03 : domaines de proposition des actions de parrainage (domaine professionnel)", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("PARR-03.ActionsMin", "2", "PARR-03 : nombre minimal d'actions de parrainage dans la période pour valider", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("PPAE-01.AgeLimite", "26", "PPAE-01 : âge à la date d'affectation à partir duquel l'affectation de France Travail est refusée (les Missions Locales accueillent les 16-25 ans)", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("PPAE-05.MotifsSortie", "Déménagement;Abandon;Radiation France Travail;Entrée en emploi durable;Entrée en formation qualifiante;Fin de la cotraitance", "PPAE-05 : motifs de sortie d'un PPAE transmis à France Travail", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("CER-05.ActionsInsertion", "EMPLOI-RECH:Recherche d'emploi accompagnée;PROJET-PRO:Élaboration du projet professionnel;FORMATION:Entrée en formation;IAE:Parcours en insertion par l'activité économique;CREATION:Création ou reprise d'activité;SAVOIRS:Savoirs de base, langue française;MOB-PERMIS:Permis de conduire;MOB-TRANSPORT:Mobilité, transports;LOGEMENT:Accès ou maintien dans le logement;SANTE:Démarches de santé;BUDGET:Gestion budgétaire;DROITS:Accès aux droits;FAMILLE:Garde d'enfants, vie familiale", "CER-05 : nomenclature des actions d'insertion du contrat d'engagement réciproque (code:libellé ; valeurs de démonstration que l'administrateur national remplace par la nomenclature du département)", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("QPV-01.Pilote", "12-MLD", "QPV-01 : pilote du dispositif QPV", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("PAO-02.Programmes", "Tous droits ouverts;Avenir pro;Ambition emploi", "PAO-02 : programmes pour les élèves en risque de décrochage", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("AVP-01.Classes", "Terminale CAP;Terminale bac professionnel", "AVP-01 : classes de dernière année de la voie professionnelle", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("AVP-01.Ateliers", "4", "AVP-01 : nombre d'ateliers du cycle Avenir Pro avant le bilan", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("RIB-06.PaysSepa", PaysSepa, "RIB-06 : pays des IBAN payables par virement SEPA (liste EPC409-09 du European Payments Council : UE, EEE, Suisse, Royaume-Uni, Monaco, Saint-Marin, Vatican, Andorre, Gibraltar, Guernesey, Jersey, île de Man, collectivités françaises ; Albanie et Monténégro depuis 2025)", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("RIB-05.LongueurPacea", "38", "RIB-05 : longueur maximale de l'intitulé du compte sur le CERFA PACEA", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("RIB-05.LongueurCej", "49", "RIB-05 : longueur maximale de l'intitulé du compte sur le CERFA CEJ", new DateOnly(2022, 3, 1), null),
            new ParametreRegle("ALLOC-08.PlafondPacea", "300", "ALLOC-08 : ressources du mois M-1 en dessous desquelles l'allocation PACEA est due (euros)", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("ALLOC-09.Abattement.AchatReventeHebergement", "71", "ALLOC-09 : abattement forfaitaire micro-entrepreneur, achat-revente et hébergement (%)", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("ALLOC-09.Abattement.AutresBic", "50", "ALLOC-09 : abattement forfaitaire micro-entrepreneur, autres BIC (%)", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("ALLOC-09.Abattement.Bnc", "34", "ALLOC-09 : abattement forfaitaire micro-entrepreneur, BNC (%)", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("ALLOC-09.Abattement.Agricole", "87", "ALLOC-09 : abattement forfaitaire micro-entrepreneur, activité agricole (%)", new DateOnly(2017, 1, 1), null),
            // ALLOC-12: the barème. PACEA, the CEJ's franchise and reduction rate, and the CEJ amounts before April 2024 are
            // DEMONSTRATION VALUES (the description says so and the calculation shows it): the national administrator
            // replaces them with the official ones (DISP-06). Sourced amounts are listed in docs/allocations.md.
            new ParametreRegle("ALLOC-12.PACEA.MontantMaximal", "528.00", "ALLOC-12 : montant mensuel maximal de l'allocation PACEA (euros) — valeur de démonstration", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("ALLOC-12.PACEA.Franchise", "0", "ALLOC-12 : ressources non déduites de l'allocation PACEA (euros) — valeur de démonstration", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("ALLOC-12.PACEA.TauxReduction", "0", "ALLOC-12 : part des ressources au-delà de la franchise déduite de l'allocation PACEA (%) — valeur de démonstration", new DateOnly(2017, 1, 1), null),
            // CEJ (décret n° 2022-199 du 18 février 2022, in force 1 March 2022, revalued each 1 April from 2023): the amount
            // for a jeune majeur whose foyer fiscal is not taxable, and for a minor. Sources in docs/allocations.md; the
            // rows before 1 April 2024 have no public source for the exact amounts and say "démonstration".
            new ParametreRegle("ALLOC-12.CEJ.MontantMaximal", "500.00", "ALLOC-12 : montant mensuel maximal de l'allocation CEJ, jeune majeur (euros) — « jusqu'à 500 euros » annoncé au lancement ; centimes non sourcés, valeur de démonstration", new DateOnly(2022, 3, 1), new DateOnly(2024, 3, 31)),
            new ParametreRegle("ALLOC-12.CEJ.MontantMaximal", "552.29", "ALLOC-12 : montant mensuel maximal de l'allocation CEJ, jeune majeur, foyer fiscal non imposable (euros) — au 1er avril 2024", new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31)),
            new ParametreRegle("ALLOC-12.CEJ.MontantMaximal", "561.68", "ALLOC-12 : montant mensuel maximal de l'allocation CEJ, jeune majeur, foyer fiscal non imposable (euros) — au 1er avril 2025", new DateOnly(2025, 4, 1), null),
            new ParametreRegle("ALLOC-12.CEJ.MontantMaximalMineur", "200.00", "ALLOC-12 : montant mensuel maximal de l'allocation CEJ, jeune mineur (euros) — valeur de démonstration", new DateOnly(2022, 3, 1), new DateOnly(2024, 3, 31)),
            new ParametreRegle("ALLOC-12.CEJ.MontantMaximalMineur", "220.92", "ALLOC-12 : montant mensuel maximal de l'allocation CEJ, jeune mineur (euros) — au 1er avril 2024", new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31)),
            new ParametreRegle("ALLOC-12.CEJ.MontantMaximalMineur", "224.68", "ALLOC-12 : montant mensuel maximal de l'allocation CEJ, jeune mineur (euros) — au 1er avril 2025", new DateOnly(2025, 4, 1), null),
            new ParametreRegle("ALLOC-12.CEJ.Demonstration", "oui", "ALLOC-12 : le montant maximal CEJ de cette période est de démonstration", new DateOnly(2022, 3, 1), new DateOnly(2024, 3, 31)),
            new ParametreRegle("ALLOC-12.CEJ.Demonstration", "non", "ALLOC-12 : le montant maximal CEJ de cette période est officiel (source dans la documentation)", new DateOnly(2024, 4, 1), null),
            new ParametreRegle("ALLOC-12.CEJ.Franchise", "300.00", "ALLOC-12 : ressources non déduites de l'allocation CEJ (euros) — valeur de démonstration", new DateOnly(2022, 3, 1), null),
            new ParametreRegle("ALLOC-12.CEJ.TauxReduction", "100", "ALLOC-12 : part des ressources au-delà de la franchise déduite de l'allocation CEJ (%) — valeur de démonstration", new DateOnly(2022, 3, 1), null),
            new ParametreRegle("ALLOC-12.Demonstration", "oui", "ALLOC-12 : le barème est de démonstration (mettre « non » avec les montants officiels)", new DateOnly(2017, 1, 1), null),
            new ParametreRegle("PACEA-09.NiveauCep", "2", "PACEA-09 : niveau du conseil en évolution professionnelle (CEP) de l'accompagnement PACEA", new DateOnly(2017, 1, 1), null),
            new ParametreRegle(BaremeHeuresCej.CodeSeuil, "15", "CEJ-02 : heures d'activité par semaine en dessous desquelles une alerte est levée", cej, null),
            new ParametreRegle(BaremeHeuresCej.PrefixeSituation + "Emploi", "7", "CEJ-02 : heures comptées par jour ouvré en emploi (proposé)", cej, null),
            new ParametreRegle(BaremeHeuresCej.PrefixeSituation + "Formation", "7", "CEJ-02 : heures comptées par jour ouvré en formation (proposé)", cej, null),
            new ParametreRegle(BaremeHeuresCej.PrefixeSituation + "Immersion", "7", "CEJ-02 : heures comptées par jour ouvré en immersion (proposé)", cej, null),
            new ParametreRegle(BaremeHeuresCej.PrefixeSituation + "ServiceCivique", "5", "CEJ-02 : heures comptées par jour ouvré en service civique (proposé)", cej, null),
            new ParametreRegle(BaremeHeuresCej.CodeAutoEntrepreneur, "4", "CEJ-03 : heures comptées par jour ouvré pour un auto-entrepreneur", cej, null),
            new ParametreRegle(BaremeHeuresCej.CodeContratsAutoEntrepreneur, "Auto-entrepreneur;Micro-entrepreneur", "CEJ-03 : types de contrat d'emploi traités comme auto-entrepreneur", cej, null),
            new ParametreRegle(BaremeHeuresCej.CodeDeclic, "7", "CEJ-04 : heures comptées pour une journée « Déclic pour l'action »", cej, null),
            new ParametreRegle(BaremeHeuresCej.CodeMesureDeclic, "Déclic pour l'action", "CEJ-04 : mesure de situation non professionnelle comptée comme Déclic", cej, null),
        };
        var existants = await db.ParametresRegle.Select(p => p.Code).Distinct().ToListAsync(ct);
        db.ParametresRegle.AddRange(parametres.Where(p => !existants.Contains(p.Code)));
        await db.SaveChangesAsync(ct);
    }
}
