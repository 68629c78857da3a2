using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Dispositifs;

/// <summary>DISP-01: a programme a jeune is enrolled in, entered during an événement.</summary>
public sealed class Dispositif : Entity, IStructureOwned, IDossierPart, IVersionnee
{
    private readonly List<PhasePacea> _phases = [];
    private readonly List<ActionParrainage> _actions = [];

    private Dispositif()
    {
        TypeCode = string.Empty;
    }

    internal Dispositif(Guid structureId, Guid jeuneId, string typeCode, DateOnly dateDebut, DateOnly dateFinPrevue, Guid evenementId, Guid? prescripteurId, Guid? referentId, string? pilote, Guid? operateurAntenneId)
    {
        StructureId = structureId;
        JeuneId = jeuneId;
        TypeCode = typeCode;
        DateDebut = dateDebut;
        DateFinPrevue = dateFinPrevue;
        EvenementId = evenementId;
        PrescripteurId = prescripteurId;
        ReferentId = referentId;
        Pilote = pilote;
        OperateurAntenneId = operateurAntenneId;
    }

    public Guid StructureId { get; private set; }

    public Guid JeuneId { get; private set; }

    public string TypeCode { get; private set; }

    public DateOnly DateDebut { get; private set; }

    public DateOnly DateFinPrevue { get; private set; }

    public DateOnly? DateFinReelle { get; private set; }

    public string? MotifSortie { get; private set; }

    public bool? SortiePositive { get; private set; }

    public Guid EvenementId { get; private set; }

    public Guid? PrescripteurId { get; private set; }

    public Guid? ReferentId { get; private set; }

    /// <summary>RE-03 and ENT-01: the company a Relation Entreprise led to (a positive exit), from the companies' file.</summary>
    public Guid? EntrepriseId { get; private set; }

    public string? Pilote { get; private set; }

    public Guid? OperateurAntenneId { get; private set; }

    public int Renouvellements { get; private set; }

    public int Version { get; private set; }

    public bool Ouvert => DateFinReelle is null;

    /// <summary>DISP-03: the state in <see cref="CycleDispositif"/>, derived from the real end.</summary>
    public EtatDispositif Etat => DateFinReelle is null ? EtatDispositif.Ouvert : EtatDispositif.Clos;

    /// <summary>PARR-01: the parrain or marraine, and the dates both accepted the parrainage.</summary>
    public Guid? ParrainId { get; private set; }

    public DateOnly? AcceptationJeune { get; private set; }

    public DateOnly? AcceptationParrain { get; private set; }

    /// <summary>PARR-03: validated (at least 2 professional actions in the period).</summary>
    public DateOnly? ValideLe { get; private set; }

    public IReadOnlyList<ActionParrainage> Actions => _actions;

    /// <summary>PAO-02: the public the PAO is for (and the programme for pupils at risk of dropping out).</summary>
    public string? PublicPao { get; private set; }

    /// <summary>AVP-01: the lycée and the final-year class of the pupil.</summary>
    public string? Lycee { get; private set; }

    public string? Classe { get; private set; }

    /// <summary>AVP-01: the end-of-cycle bilan for France Travail.</summary>
    public string? BilanAvenirPro { get; private set; }

    public DateOnly? BilanAvenirProLe { get; private set; }

    /// <summary>PACEA-05: the plan d'action's phases, in order.</summary>
    public IReadOnlyList<PhasePacea> Phases => _phases;

    // PACEA-09: entry and exit records, as plain columns so every change is in the dossier's history.
    public string? EntreeNiveauCep { get; private set; }

    public string? EntreeSituation { get; private set; }

    public string? EntreeLogement { get; private set; }

    public string? EntreeMobilite { get; private set; }

    public string? EntreeCouverture { get; private set; }

    public string? SortieNiveauCep { get; private set; }

    public string? SortieSituation { get; private set; }

    public string? SortieLogement { get; private set; }

    public string? SortieMobilite { get; private set; }

    public string? SortieCouverture { get; private set; }

    public ReleveParcours? ReleveEntree => EntreeNiveauCep is null ? null : new(EntreeNiveauCep, EntreeSituation!, EntreeLogement!, EntreeMobilite!, EntreeCouverture!);

    public ReleveParcours? ReleveSortie => SortieNiveauCep is null ? null : new(SortieNiveauCep, SortieSituation!, SortieLogement!, SortieMobilite!, SortieCouverture!);

    /// <summary>PACEA-05: at most 24 months (the type's maximum) from the entry.</summary>
    public DateOnly FinMaximale(TypeDispositif type) => type.FinMaximale(DateDebut);

    internal void Completer(string? publicPao, string? lycee, string? classe)
    {
        PublicPao = publicPao;
        Lycee = lycee;
        Classe = classe;
    }

    /// <summary>AVP-01: the bilan for France Travail at the end of the cycle of ateliers.</summary>
    public void BilanDeCycle(string bilan, DateOnly le, int ateliersSuivis, int ateliersDuCycle)
    {
        if (TypeCode != CodeDispositif.Avp)
        {
            throw new BusinessRuleException("AVP-01", "Le bilan de fin de cycle concerne Avenir Pro.", "TypeCode");
        }

        if (ateliersSuivis < ateliersDuCycle)
        {
            throw new BusinessRuleException("AVP-01", $"Le bilan se fait à la fin du cycle de {ateliersDuCycle} ateliers : {Libelles.Nombre(ateliersSuivis, "atelier enregistré")} pendant Avenir Pro.", "Ateliers");
        }

        if (string.IsNullOrWhiteSpace(bilan))
        {
            throw new BusinessRuleException("AVP-01", "Rédigez le bilan destiné à France Travail.", "Bilan");
        }

        BilanAvenirPro = bilan.Trim();
        BilanAvenirProLe = le;
        Version++;
    }

    /// <summary>PARR-01: recorded at opening, after the joint acceptance of the jeune and the parrain.</summary>
    internal void Parrainer(Guid parrainId, DateOnly acceptationJeune, DateOnly acceptationParrain)
    {
        ParrainId = parrainId;
        AcceptationJeune = acceptationJeune;
        AcceptationParrain = acceptationParrain;
    }

    /// <summary>PARR-03: an action in the professional domain, in the period of the parrainage.</summary>
    public ActionParrainage AjouterActionParrainage(DateOnly date, string domaineCode, string libelle, IReadOnlyCollection<string> domainesProfessionnels)
    {
        if (TypeCode != CodeDispositif.Parr)
        {
            throw new BusinessRuleException("PARR-03", "Les actions de parrainage s'enregistrent sur un parrainage.", "TypeCode");
        }

        if (!domainesProfessionnels.Contains(domaineCode, StringComparer.Ordinal))
        {
            throw new BusinessRuleException("PARR-03", "Une action de parrainage est du domaine professionnel (emploi, formation, projet professionnel) : choisissez un de ces domaines.", "DomaineCode");
        }

        var fin = DateFinReelle ?? DateFinPrevue;
        if (date < DateDebut || date > fin)
        {
            throw new BusinessRuleException("PARR-03", $"L'action doit avoir lieu pendant le parrainage, du {DateDebut:dd/MM/yyyy} au {fin:dd/MM/yyyy}.", "Date");
        }

        if (string.IsNullOrWhiteSpace(libelle))
        {
            throw new BusinessRuleException("PARR-03", "Décrivez l'action de parrainage.", "Libelle");
        }

        var action = new ActionParrainage(this, date, domaineCode, libelle.Trim());
        _actions.Add(action);
        Version++;
        return action;
    }

    /// <summary>PARR-03: validated only with at least the minimum number of actions in the period.</summary>
    public void ValiderParrainage(DateOnly le, int actionsMin)
    {
        if (TypeCode != CodeDispositif.Parr)
        {
            throw new BusinessRuleException("PARR-03", "Seul un parrainage se valide.", "TypeCode");
        }

        var fin = DateFinReelle ?? DateFinPrevue;
        var nombre = _actions.Count(a => a.Date >= DateDebut && a.Date <= fin);
        if (nombre < actionsMin)
        {
            throw new BusinessRuleException("PARR-03", $"Un parrainage se valide avec au moins {actionsMin} actions de parrainage dans la période ; {Libelles.Nombre(nombre, "enregistrée")} : enregistrez les actions avant de valider.", "Actions");
        }

        ValideLe = le;
        Version++;
    }

    /// <summary>PACEA-09: a correction of the entry or exit record by the conseiller.</summary>
    public void CorrigerReleve(ReleveParcours r, bool sortie)
    {
        Relever(r, sortie);
        Version++;
    }

    /// <summary>PACEA-09: records the situation at entry (opening) or at exit (closing, which bumps the version itself).</summary>
    public void Relever(ReleveParcours r, bool sortie)
    {
        if (sortie)
        {
            (SortieNiveauCep, SortieSituation, SortieLogement, SortieMobilite, SortieCouverture) = (r.NiveauCep, r.Situation, r.Logement, r.Mobilite, r.CouvertureSociale);
        }
        else
        {
            (EntreeNiveauCep, EntreeSituation, EntreeLogement, EntreeMobilite, EntreeCouverture) = (r.NiveauCep, r.Situation, r.Logement, r.Mobilite, r.CouvertureSociale);
        }
    }

    /// <summary>
    /// PACEA-05: a new phase of the plan d'action with its objectives, after the previous one ended with a bilan deciding
    /// "phase suivante"; within the 24 months and, PACEA-03, within the titre de séjour.
    /// </summary>
    public PhasePacea OuvrirPhase(string objectifs, DateOnly debut, DateOnly finPrevue, TypeDispositif type, DateOnly? finTitreSejour)
    {
        if (TypeCode != CodeDispositif.Pacea)
        {
            throw new BusinessRuleException("PACEA-05", "Seul un PACEA a un plan d'action en phases.", "TypeCode");
        }

        if (!Ouvert)
        {
            throw new BusinessRuleException("PACEA-05", "Le PACEA est clos : ses phases ne changent plus.", "DateDebut");
        }

        if (string.IsNullOrWhiteSpace(objectifs))
        {
            throw new BusinessRuleException("PACEA-05", "Chaque phase a ses objectifs : décrivez-les.", "Objectifs");
        }

        var precedente = _phases.OrderBy(p => p.Numero).LastOrDefault();
        if (precedente is { Ouverte: true })
        {
            throw new BusinessRuleException("PACEA-05", $"La phase {precedente.Numero} est en cours : terminez-la par un bilan de phase avant d'en ouvrir une autre.", "DateDebut");
        }

        if (precedente is { Decision: DecisionBilan.Sortie })
        {
            throw new BusinessRuleException("PACEA-05", "Le dernier bilan de phase a décidé la sortie : clôturez le PACEA.", "DateDebut");
        }

        var auPlusTot = precedente?.DateFin!.Value.AddDays(1) ?? DateDebut;
        if (debut < auPlusTot)
        {
            throw new BusinessRuleException("PACEA-05", $"La phase commence au plus tôt le {auPlusTot:dd/MM/yyyy}.", "DateDebut");
        }

        if (finPrevue < debut)
        {
            throw new BusinessRuleException("PACEA-05", "La fin prévue de la phase ne peut pas précéder son début.", "DateFinPrevue");
        }

        VerifierFin(finPrevue, type, finTitreSejour);
        var phase = new PhasePacea(this, (precedente?.Numero ?? 0) + 1, objectifs.Trim(), debut, finPrevue);
        _phases.Add(phase);
        Etendre(finPrevue);
        return phase;
    }

    /// <summary>PACEA-05: a phase end date may be extended (within 24 months; PACEA-03 within the titre de séjour).</summary>
    public void ProlongerPhase(Guid phaseId, DateOnly nouvelleFin, TypeDispositif type, DateOnly? finTitreSejour)
    {
        var phase = PhaseOuverte(phaseId);
        if (nouvelleFin <= phase.DateFinPrevue)
        {
            throw new BusinessRuleException("PACEA-05", $"La prolongation repousse la fin prévue de la phase (actuellement le {phase.DateFinPrevue:dd/MM/yyyy}).", "NouvelleFin");
        }

        VerifierFin(nouvelleFin, type, finTitreSejour);
        phase.Prolonger(nouvelleFin);
        Etendre(nouvelleFin);
    }

    /// <summary>
    /// PACEA-05: the bilan de phase, during an entretien individuel, decides the next phase (this one ends), an extension
    /// (this one goes on to the new end), or the exit (this one ends; the PACEA is then closed).
    /// </summary>
    public void BilanDePhase(Guid phaseId, DateOnly date, Guid evenementId, bool estEntretienIndividuel, DecisionBilan decision, string? resultat, DateOnly? nouvelleFin, TypeDispositif type, DateOnly? finTitreSejour)
    {
        var phase = PhaseOuverte(phaseId);
        if (!estEntretienIndividuel)
        {
            throw new BusinessRuleException("PACEA-05", "Le bilan de phase se fait pendant un entretien individuel : choisissez l'entretien.", "EvenementId");
        }

        if (date < phase.DateDebut)
        {
            throw new BusinessRuleException("PACEA-05", $"Le bilan ne peut pas précéder le début de la phase ({phase.DateDebut:dd/MM/yyyy}).", "Date");
        }

        if (decision == DecisionBilan.Prolongation)
        {
            ProlongerPhase(phaseId, nouvelleFin ?? throw new BusinessRuleException("PACEA-05", "Une prolongation indique la nouvelle fin prévue de la phase.", "NouvelleFin"), type, finTitreSejour);
        }

        phase.Bilan(date, evenementId, decision, string.IsNullOrWhiteSpace(resultat) ? null : resultat.Trim(), clore: decision != DecisionBilan.Prolongation);
        Version++;
    }

    private PhasePacea PhaseOuverte(Guid phaseId)
    {
        var phase = _phases.SingleOrDefault(p => p.Id == phaseId) ?? throw new BusinessRuleException("PACEA-05", "Phase introuvable dans ce PACEA.", "PhaseId");
        if (!phase.Ouverte || !Ouvert)
        {
            throw new BusinessRuleException("PACEA-05", $"La phase {phase.Numero} est terminée : elle ne change plus.", "PhaseId");
        }

        return phase;
    }

    private void VerifierFin(DateOnly fin, TypeDispositif type, DateOnly? finTitreSejour)
    {
        if (fin > FinMaximale(type))
        {
            throw new BusinessRuleException("PACEA-05", $"Un PACEA dure au plus {type.DureeMaxMois} mois : la fin ne peut pas dépasser le {FinMaximale(type):dd/MM/yyyy}.", "DateFinPrevue");
        }

        if (finTitreSejour is { } t && fin > t)
        {
            throw new BusinessRuleException("PACEA-03", $"Le titre de séjour est valable jusqu'au {t:dd/MM/yyyy} : le PACEA ne peut pas aller au-delà, et ne se prolonge pas tant que le jeune ne peut pas s'inscrire à France Travail.", "DateFinPrevue");
        }
    }

    private void Etendre(DateOnly fin)
    {
        if (fin > DateFinPrevue)
        {
            DateFinPrevue = fin;
        }

        Version++;
    }

    /// <summary>DISP-04: the type's renewal policy (RE-02 one renewal of at most 2 months; DIAG-02 and PACEA-04 none; CEJ-07 up to 18 months).</summary>
    public void Renouveler(DateOnly nouvelleFinPrevue, TypeDispositif type)
    {
        if (!CycleDispositif.Table.Permet(Etat, CycleDispositif.Renouveler))
        {
            throw new BusinessRuleException("DISP-04", "Un dispositif clos ne se renouvelle pas.", "DateFinPrevue");
        }

        if (type.RenouvellementsMax == 0)
        {
            throw new BusinessRuleException(type.Politique.RegleSansRenouvellement, $"Le dispositif {type.Libelle} ne se renouvelle pas : clôturez-le et, si besoin, ouvrez le dispositif qui convient.", "DateFinPrevue");
        }

        var regleType = type.Politique.RegleRenouvellement;
        if (Renouvellements >= type.RenouvellementsMax)
        {
            throw new BusinessRuleException(regleType, $"Le dispositif {type.Libelle} se renouvelle au plus {type.RenouvellementsMax} fois : il a déjà été renouvelé.", "DateFinPrevue");
        }

        if (nouvelleFinPrevue <= DateFinPrevue)
        {
            throw new BusinessRuleException(regleType, "Un renouvellement prolonge la date de fin prévue : choisissez une date après la fin prévue actuelle.", "DateFinPrevue");
        }

        if (nouvelleFinPrevue > DateFinPrevue.AddMonths(type.DureeRenouvellementMaxMois))
        {
            throw new BusinessRuleException(regleType, $"Un renouvellement du dispositif {type.Libelle} dure au plus {type.DureeRenouvellementMaxMois} mois : la fin prévue peut aller jusqu'au {DateFinPrevue.AddMonths(type.DureeRenouvellementMaxMois):dd/MM/yyyy}.", "DateFinPrevue");
        }

        DateFinPrevue = nouvelleFinPrevue;
        Renouvellements++;
        Version++;
    }

    /// <summary>
    /// DIAG-01 at closing (DISP-07): beyond the recommended month, the closing is confirmed with a justification, unless
    /// the longer duration was already confirmed at opening (the real end within the planned end).
    /// </summary>
    public IReadOnlyList<Avertissement> AvertissementsCloture(DateOnly dateFinReelle) => PolitiqueDispositif.Pour(TypeCode).AvertissementsCloture(this, dateFinReelle);

    /// <summary>DISP-03, DISP-07: what closing on this date with this motive would refuse, checked before anything changes.</summary>
    public DateOnly VerifierCloture(DateOnly dateFinReelle, MotifSortie motif, TypeDispositif type, DateOnly aujourdhui, DateOnly? finTitreSejour = null)
    {
        dateFinReelle = type.Politique.FinReelle(this, dateFinReelle, finTitreSejour);

        if (!CycleDispositif.Table.Permet(Etat, CycleDispositif.Clore))
        {
            throw new BusinessRuleException("DISP-03", "Ce dispositif est déjà clos.", "DateFinReelle");
        }

        if (motif.TypeCode != TypeCode)
        {
            throw new BusinessRuleException(type.RegleMotifs, $"Ce motif de sortie n'est pas dans la liste du dispositif {type.Libelle} : choisissez un motif de la liste.", "MotifSortie");
        }

        if (dateFinReelle < DateDebut || dateFinReelle > aujourdhui)
        {
            throw new BusinessRuleException("DISP-03", $"La date de fin réelle doit être comprise entre le début du dispositif ({DateDebut:dd/MM/yyyy}) et aujourd'hui.", "DateFinReelle");
        }

        // DISP-07: the duration limit holds at closing too (a renewed end beyond it was allowed by the renewal policy).
        var limite = FinMaximale(type) > DateFinPrevue ? FinMaximale(type) : DateFinPrevue;
        if (dateFinReelle > limite)
        {
            throw new BusinessRuleException(type.RegleDuree, $"Un dispositif {type.Libelle} dure au plus {type.DureeMaxMois} mois : la date de fin réelle doit être au plus tard le {limite:dd/MM/yyyy} (DISP-07).", "DateFinReelle");
        }

        return dateFinReelle;
    }

    /// <summary>DISP-03: a motive of the type's list, an end between the start and today; sortie positive derived from the motive.</summary>
    public void Clore(DateOnly dateFinReelle, MotifSortie motif, TypeDispositif type, DateOnly aujourdhui, DateOnly? finTitreSejour = null)
    {
        dateFinReelle = VerifierCloture(dateFinReelle, motif, type, aujourdhui, finTitreSejour);
        DateFinReelle = dateFinReelle;
        MotifSortie = motif.Libelle;

        // PACEA-05: phases and objectives are updated at exit.
        foreach (var p in _phases.Where(p => p.Ouverte))
        {
            p.CloreALaSortie(dateFinReelle, $"Sortie du PACEA le {dateFinReelle:dd/MM/yyyy} : {motif.Libelle}");
        }

        SortiePositive = type.SortiePositive ? motif.Positive : null;
        Version++;
    }

    /// <summary>RE-03 and ENT-01: a Relation Entreprise that ended in a job or a training names the company, from the file.</summary>
    public void IndiquerEntreprise(Guid? entrepriseId)
    {
        if (entrepriseId is not null && (TypeCode != CodeDispositif.Re || SortiePositive != true))
        {
            throw new BusinessRuleException("RE-03", "L'entreprise se renseigne pour une sortie positive de Relation Entreprise (emploi, formation, service civique) : choisissez un tel motif, ou laissez l'entreprise vide.", "EntrepriseId");
        }

        EntrepriseId = entrepriseId;
    }
}

/// <summary>CEJ-06: a CEJ can be deleted only while none of its allocation requests has gone to the ASP.</summary>
public sealed class Cej06Suppression(int demandesEnvoyeesAsp) : BusinessRule
{
    public override string Id => "CEJ-06";

    public override string Champ => "DispositifId";

    public override string Message => $"Ce CEJ a {Libelles.Nombre(demandesEnvoyeesAsp, "demande d'allocation")} déjà {(demandesEnvoyeesAsp > 1 ? "envoyées" : "envoyée")} à l'ASP : il ne peut plus être supprimé ; clôturez-le avec un motif de sortie.";

    public override bool IsBroken() => demandesEnvoyeesAsp > 0;
}
