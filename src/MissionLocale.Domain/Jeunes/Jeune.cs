using MissionLocale.Domain.Common;
using MissionLocale.Domain.Cursus;

namespace MissionLocale.Domain.Jeunes;

/// <summary>Identity fields as typed (JEU-01).</summary>
public sealed record SaisieIdentite(
    Civilite Civilite,
    string NomUsage,
    string? NomNaissance,
    string Prenom,
    DateOnly DateNaissance,
    bool NeALEtranger,
    string? PaysNaissanceCode,
    string? CommuneNaissanceInsee,
    Nationalite Nationalite,
    SituationFamiliale SituationFamiliale,
    int EnfantsACharge,
    ModeGarde ModeGarde,
    bool? Recense,
    bool? JdcEffectuee);

public sealed record SaisieContacts(string? Email, string? TelephoneMobile, bool MobileJoignable, string? TelephoneFixe, bool FixeJoignable, string? CommentaireContact);

public sealed record SaisieComplements(
    string? CouvertureSociale,
    string? CouvertureComplementaire,
    Rsa Rsa,
    bool Rqth,
    string? RqthCategorie,
    bool InscritFranceTravail,
    string? IdentifiantFt,
    string? NumeroAgdref = null,
    DateOnly? FinTitreSejour = null);

/// <summary>
/// The jeune's dossier. State changes go through methods that enforce the JEU rules;
/// <see cref="Version"/> is the optimistic concurrency token, bumped by every change.
/// </summary>
public sealed class Jeune : Entity, IStructureOwned
{
    private readonly List<Adresse> _adresses = [];
    private readonly List<Ressource> _ressources = [];
    private readonly List<Permis> _permis = [];
    private readonly List<Diplome> _diplomes = [];

    private Jeune()
    {
        NomUsage = Prenom = string.Empty;
        MoyensTransport = [];
    }

    public Guid StructureId { get; private set; }

    public int Version { get; private set; }

    public DateTimeOffset CreeLe { get; private set; }

    // Identité (JEU-01)
    public Civilite Civilite { get; private set; }

    public string NomUsage { get; private set; }

    public string? NomNaissance { get; private set; }

    public string Prenom { get; private set; }

    /// <summary>Prénom without accents nor case, for duplicate detection (JEU-02).</summary>
    public string PrenomCle { get; private set; } = string.Empty;

    /// <summary>Dossier number, readable by people and used as the last key of keyset pagination.</summary>
    public long Numero { get; private set; }

    public DateOnly DateNaissance { get; private set; }

    public bool NeALEtranger { get; private set; }

    public string? PaysNaissanceCode { get; private set; }

    public string? CommuneNaissanceInsee { get; private set; }

    public Nationalite Nationalite { get; private set; }

    public SituationFamiliale SituationFamiliale { get; private set; }

    public int EnfantsACharge { get; private set; }

    public ModeGarde ModeGarde { get; private set; }

    public bool? Recense { get; private set; }

    public bool? JdcEffectuee { get; private set; }

    // Justification (JEU-03)
    public PieceJustificative? PieceJustificative { get; private set; }

    public DateTimeOffset? JustifieLe { get; private set; }

    public Guid? JustifiePar { get; private set; }

    public bool Justifie => PieceJustificative is not null;

    // NIR (JEU-04)
    public string? Nir { get; private set; }

    public bool PasDeNir { get; private set; }

    public bool NirCertifie { get; private set; }

    // Contacts (JEU-05)
    public string? Email { get; private set; }

    public string? TelephoneMobile { get; private set; }

    public bool MobileJoignable { get; private set; }

    public string? TelephoneFixe { get; private set; }

    public bool FixeJoignable { get; private set; }

    public string? CommentaireContact { get; private set; }

    // Compléments (JEU-08)
    public string? CouvertureSociale { get; private set; }

    public string? CouvertureComplementaire { get; private set; }

    /// <summary>PACEA-03: residence permit number of a jeune from outside the EEE.</summary>
    public string? NumeroAgdref { get; private set; }

    /// <summary>PACEA-03: last day of validity of the titre de séjour.</summary>
    public DateOnly? FinTitreSejour { get; private set; }

    public Rsa Rsa { get; private set; }

    public bool Rqth { get; private set; }

    public string? RqthCategorie { get; private set; }

    public bool InscritFranceTravail { get; private set; }

    public string? IdentifiantFt { get; private set; }

    // Référent (JEU-09)
    public Guid? ConseillerReferentId { get; private set; }

    public Guid AntenneId { get; private set; }

    public string? OrigineVenue { get; private set; }

    public SavoirsDeBase SavoirsDeBase { get; private set; }

    // Mobilité (JEU-10)
    public RayonMobilite RayonMobilite { get; private set; }

    public List<MoyenTransport> MoyensTransport { get; private set; }

    public MoyenTransport? MoyenPrincipal { get; private set; }

    // RGPD-01
    /// <summary>RGPD-01: null for a partial dossier imported from France Travail (PPAE-01) until the first entretien.</summary>
    public DateTimeOffset? ConsentementLe { get; private set; }

    public Guid? ConsentementPar { get; private set; }

    // JEU-07
    public DateOnly? DateDeces { get; private set; }

    public IReadOnlyList<Adresse> Adresses => _adresses;

    public IReadOnlyList<Ressource> Ressources => _ressources;

    public IReadOnlyList<Permis> Permis => _permis;

    /// <summary>CUR-02: diplomas and titles obtained.</summary>
    public IReadOnlyList<Diplome> Diplomes => _diplomes;

    // CUR-01
    public string? DerniereClasse { get; private set; }

    public string? Etablissement { get; private set; }

    public int? AnneeSortieScolaire { get; private set; }

    public bool Scolarise { get; private set; }

    public bool ScolariteRenseignee { get; private set; }

    /// <summary>RGPD-03: the day the nightly job will anonymise the dossier (shown to the direction until then).</summary>
    public DateOnly? AnonymisationPrevueLe { get; private set; }

    /// <summary>RGPD-03: kept until this day by a decision of the direction (a dispute, a request of the jeune).</summary>
    public DateOnly? ConservationJusquAu { get; private set; }

    /// <summary>RGPD-03: when the dossier was anonymised (its identity erased, its statistics kept).</summary>
    public DateTimeOffset? AnonymiseLe { get; private set; }

    /// <summary>RGPD-03: the direction keeps a dossier due for anonymisation until a date, with its reason (kept in the history).</summary>
    public void ReporterAnonymisation(DateOnly jusquAu, DateOnly aujourdhui)
    {
        if (AnonymiseLe is not null)
        {
            throw new BusinessRuleException("RGPD-03", "Ce dossier est déjà anonymisé : il n'y a plus rien à conserver.", "JusquAu");
        }

        if (jusquAu <= aujourdhui || jusquAu > aujourdhui.AddYears(5))
        {
            throw new BusinessRuleException("RGPD-03", "La conservation se prolonge jusqu'à une date future, de 5 ans au plus.", "JusquAu");
        }

        ConservationJusquAu = jusquAu;
        AnonymisationPrevueLe = null;
        Touch();
    }

    /// <summary>CUR-05: the highest level obtained (0 sans diplôme), kept in a column so counts and reports filter on it.</summary>
    public int? NiveauQualification { get; private set; }

    public Adresse? AdresseCourante => _adresses.Where(a => a.EstCourante).MaxBy(a => a.DateDebut);

    /// <summary>JEU-01: a complete dossier never keeps "Non renseigné".</summary>
    public bool IdentiteComplete => SituationFamiliale != SituationFamiliale.NonRenseigne;

    /// <summary>JEU-01: "Difficulté de garde" or "Aucun" flag a barrier.</summary>
    public bool FreinGarde => EnfantsACharge > 0 && ModeGarde is ModeGarde.DifficulteDeGarde or ModeGarde.Aucun;

    public bool PeutRecevoirCourrier => DateDeces is null && AdresseCourante is { Npai: false };

    public bool PeutRecevoirSms => DateDeces is null && !string.IsNullOrWhiteSpace(TelephoneMobile) && MobileJoignable;

    /// <summary>JEU-11 / RGPD-01: the premier accueil creates the dossier with the recorded consent.</summary>
    public static Jeune PremierAccueil(
        Guid structureId,
        Guid antenneId,
        SaisieIdentite identite,
        SaisieContacts contacts,
        bool consentement,
        Guid utilisateurId,
        DateTimeOffset maintenant)
    {
        BusinessRuleException.ThrowIfBroken(new Rgpd01Consentement(consentement));
        var jeune = new Jeune
        {
            StructureId = structureId,
            AntenneId = antenneId,
            CreeLe = maintenant,
            ConsentementLe = maintenant,
            ConsentementPar = utilisateurId,
        };
        jeune.AppliquerIdentite(identite);
        jeune.AppliquerContacts(contacts);
        return jeune;
    }

    /// <summary>
    /// PPAE-01: the partial dossier « Importé DUDE » of a jeune France Travail assigned and the Mission Locale does not
    /// know: the identity of the file, registered at France Travail, family situation not filled in (the dossier shows
    /// « incomplet »), no consent yet (collected at the first entretien, PPAE-03). Legal basis of the import: the
    /// cotraitance agreement, a public-interest mission.
    /// </summary>
    public static Jeune ImporteDude(Guid structureId, Guid antenneId, Civilite civilite, Nationalite nationalite, string nom, string prenom, DateOnly naissance, string identifiantFt, DateTimeOffset maintenant)
    {
        var jeune = new Jeune { StructureId = structureId, AntenneId = antenneId, CreeLe = maintenant };
        // The birthplace is not in the file (JEU-01 asks it when the identity is completed): the identity is applied without it.
        jeune.AppliquerIdentite(new SaisieIdentite(civilite, nom, null, prenom, naissance, false, null, null, nationalite, SituationFamiliale.NonRenseigne, 0, ModeGarde.NonConcerne, null, null), lieuConnu: false);
        jeune.InscritFranceTravail = true;
        jeune.IdentifiantFt = identifiantFt;
        return jeune;
    }

    /// <summary>PPAE-01 / PPAE-07: the France Travail identifier carried onto the dossier the assignment is about.</summary>
    public void InscrireFranceTravail(string identifiantFt)
    {
        InscritFranceTravail = true;
        IdentifiantFt = identifiantFt;
        Touch();
    }

    /// <summary>PPAE-07: a cancelled match takes back the identifier it had carried onto the dossier.</summary>
    public void RetirerIdentifiantFt(string identifiantFt)
    {
        if (IdentifiantFt == identifiantFt)
        {
            InscritFranceTravail = false;
            IdentifiantFt = null;
            Touch();
        }
    }

    /// <summary>RGPD-01: consent collected later for a dossier imported from France Travail.</summary>
    public void RecueillirConsentement(bool consentement, Guid utilisateurId, DateTimeOffset maintenant)
    {
        if (ConsentementLe is not null)
        {
            return;
        }

        BusinessRuleException.ThrowIfBroken(new Rgpd01Consentement(consentement));
        ConsentementLe = maintenant;
        ConsentementPar = utilisateurId;
        Touch();
    }

    public void ModifierIdentite(SaisieIdentite identite, PieceJustificative? nouvellePiece, Guid utilisateurId, DateTimeOffset maintenant)
    {
        var nomUsage = Texte.NomNormalise(identite.NomUsage);
        var nomNaissance = string.IsNullOrWhiteSpace(identite.NomNaissance) ? null : Texte.NomNormalise(identite.NomNaissance);
        var champJustifieModifie = nomUsage != NomUsage || nomNaissance != NomNaissance
            || Texte.PrenomNettoye(identite.Prenom) != Prenom || identite.DateNaissance != DateNaissance;
        BusinessRuleException.ThrowIfBroken(new Jeu03NouvelleJustification(Justifie, champJustifieModifie, nouvellePiece is not null));
        AppliquerIdentite(identite);
        if (nouvellePiece is not null)
        {
            Justifier(nouvellePiece.Value, utilisateurId, maintenant);
        }

        Touch();
    }

    /// <summary>JEU-03: records the piece, who and when; the dossier becomes "justifié".</summary>
    public void Justifier(PieceJustificative piece, Guid utilisateurId, DateTimeOffset maintenant)
    {
        PieceJustificative = piece;
        JustifieLe = maintenant;
        JustifiePar = utilisateurId;
        Touch();
    }

    /// <summary>JEU-04: a NIR with a valid key, or "Pas de NIR". A changed NIR loses its certification.</summary>
    public void ModifierNir(string? nir, bool pasDeNir)
    {
        var normalise = pasDeNir || string.IsNullOrWhiteSpace(nir) ? null : Jeunes.Nir.Normaliser(nir);
        BusinessRuleException.ThrowIfBroken(new Jeu04CleNir(normalise));
        if (normalise != Nir)
        {
            NirCertifie = false;
        }

        Nir = normalise;
        PasDeNir = pasDeNir;
        Touch();
    }

    public void CertifierNir()
    {
        BusinessRuleException.ThrowIfBroken(new Jeu04CertificationNir(Nir, Justifie));
        NirCertifie = true;
        Touch();
    }

    public void ModifierContacts(SaisieContacts contacts)
    {
        AppliquerContacts(contacts);
        Touch();
    }

    /// <summary>JEU-06: a new address historises the current one (closed the day before), never overwrites it.</summary>
    public Adresse NouvelleAdresse(SaisieAdresse saisie, DateOnly dateDebut, string? qpvCode, bool zrr)
        => AjouterAdresse(saisie, dateDebut, MotifAdresse.Nouvelle, npai: false, qpvCode, zrr);

    /// <summary>JEU-06: moved out of the territory: keep the old commune, NPAI, complément "DEMENAGEMENT".</summary>
    public Adresse DemenagementHorsTerritoire(DateOnly date)
    {
        var courante = AdresseCourante ?? throw new BusinessRuleException(
            "JEU-06", "Aucune adresse n'est enregistrée : le déménagement hors territoire part de l'adresse connue.", "Adresse");
        var s = courante.Saisie with { Complement = "DEMENAGEMENT" };
        return AjouterAdresse(s, date, MotifAdresse.DemenagementHorsTerritoire, npai: true, qpvCode: null, zrr: false);
    }

    /// <summary>JEU-06: SDF: the structure's address, NPAI, complément "SDF".</summary>
    public Adresse SansDomicileFixe(SaisieAdresse adresseStructure, DateOnly date)
        => AjouterAdresse(adresseStructure with { Complement = "SDF" }, date, MotifAdresse.Sdf, npai: true, qpvCode: null, zrr: false);

    /// <summary>JEU-05: mail came back: mark the current address NPAI (no letter goes out).</summary>
    public void MarquerNpai(bool npai)
    {
        var courante = AdresseCourante ?? throw new BusinessRuleException("JEU-05", "Aucune adresse n'est enregistrée.", "Adresse");
        courante.MarquerNpai(npai);
        Touch();
    }

    public void ModifierComplements(SaisieComplements c)
    {
        BusinessRuleException.ThrowIfBroken(new Jeu08IdentifiantFt(c.InscritFranceTravail, c.IdentifiantFt));
        CouvertureSociale = Vide(c.CouvertureSociale);
        CouvertureComplementaire = Vide(c.CouvertureComplementaire);
        Rsa = c.Rsa;
        Rqth = c.Rqth;
        RqthCategorie = c.Rqth ? Vide(c.RqthCategorie) : null;
        InscritFranceTravail = c.InscritFranceTravail;
        IdentifiantFt = c.InscritFranceTravail ? c.IdentifiantFt!.Trim().ToUpperInvariant() : null;
        NumeroAgdref = Vide(c.NumeroAgdref)?.ToUpperInvariant();
        FinTitreSejour = c.FinTitreSejour;
        Touch();
    }

    /// <summary>
    /// JEU-08: resources are historised. A new resource of a type closes the open one of the same type;
    /// "Aucun" closes every open resource, and any real resource closes an open "Aucun".
    /// </summary>
    public Ressource AjouterRessource(TypeRessource type, decimal montantMensuel, DateOnly dateDebut, DateOnly? dateFin)
    {
        BusinessRuleException.ThrowIfBroken(new Jeu08MontantRessource(type, montantMensuel));
        if (dateFin is not null && dateFin < dateDebut)
        {
            throw new BusinessRuleException("JEU-08", "La date de fin d'une ressource ne peut pas précéder sa date de début.", "DateFin");
        }

        foreach (var r in _ressources.Where(r => r.DateFin is null || r.DateFin >= dateDebut))
        {
            if (r.Type == type || type == TypeRessource.Aucun || r.Type == TypeRessource.Aucun)
            {
                r.Clore(dateDebut.AddDays(-1));
            }
        }

        var ressource = new Ressource(Id, type, decimal.Round(montantMensuel, 2), dateDebut, dateFin);
        _ressources.Add(ressource);
        Touch();
        return ressource;
    }

    public void CloreRessource(Guid ressourceId, DateOnly dateFin)
    {
        var r = _ressources.SingleOrDefault(x => x.Id == ressourceId)
            ?? throw new BusinessRuleException("JEU-08", "Cette ressource n'existe pas dans le dossier.", "Ressource");
        r.Clore(dateFin);
        Touch();
    }

    /// <summary>JEU-09: the référent must hold the conseiller référent function; checked by the caller against the users.</summary>
    public void ModifierReferent(Guid? conseillerReferentId, Guid antenneId, string? origineVenue, SavoirsDeBase savoirsDeBase)
    {
        ConseillerReferentId = conseillerReferentId;
        AntenneId = antenneId;
        OrigineVenue = Vide(origineVenue);
        SavoirsDeBase = savoirsDeBase;
        Touch();
    }

    /// <summary>JEU-10.</summary>
    public void ModifierMobilite(RayonMobilite rayon, IReadOnlyCollection<MoyenTransport> moyens, MoyenTransport? principal)
    {
        BusinessRuleException.ThrowIfBroken(new Jeu10MoyenPrincipal(moyens, principal));
        RayonMobilite = rayon;
        MoyensTransport = moyens.Distinct().Order().ToList();
        MoyenPrincipal = moyens.Count == 0 ? null : principal;
        Touch();
    }

    /// <summary>JEU-10: one entry per licence category; an obtained licence needs its date.</summary>
    public Permis EnregistrerPermis(string categorie, EtapePermis etape, DateOnly? dateObtention)
    {
        BusinessRuleException.ThrowIfBroken(new Jeu10DatePermis(etape, dateObtention));
        var cat = categorie.Trim().ToUpperInvariant();
        var existant = _permis.SingleOrDefault(p => p.Categorie == cat);
        if (existant is null)
        {
            existant = new Permis(Id, cat, etape, etape == EtapePermis.Obtenu ? dateObtention : null);
            _permis.Add(existant);
        }
        else
        {
            existant.Modifier(etape, dateObtention);
        }

        Touch();
        return existant;
    }

    public void SupprimerPermis(Guid permisId)
    {
        var p = _permis.SingleOrDefault(x => x.Id == permisId);
        if (p is not null)
        {
            _permis.Remove(p);
            Touch();
        }
    }

    /// <summary>CUR-01: the scolarité (last class, school, year of leaving, still in school).</summary>
    public void ModifierScolarite(SaisieScolarite s, DateOnly aujourdhui)
    {
        BusinessRuleException.ThrowIfBroken(new Cur01Scolarite(s, DateNaissance, aujourdhui));
        DerniereClasse = string.IsNullOrWhiteSpace(s.DerniereClasse) ? null : s.DerniereClasse.Trim();
        Etablissement = string.IsNullOrWhiteSpace(s.Etablissement) ? null : s.Etablissement.Trim();
        AnneeSortieScolaire = s.AnneeSortie;
        Scolarise = s.Scolarise;
        ScolariteRenseignee = true;
        RecalculerNiveau();
        Touch();
    }

    /// <summary>CUR-02: a diploma or title obtained; CUR-03 passes the formation situation it comes from (once per situation).</summary>
    public Diplome AjouterDiplome(string libelle, int niveau, int? annee, string? codeRncp, Guid? situationId = null)
    {
        var rncp = string.IsNullOrWhiteSpace(codeRncp) ? null : codeRncp.Trim().ToUpperInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
        BusinessRuleException.ThrowIfBroken(new Cur02NiveauDiplome(niveau, rncp));
        if (situationId is not null && _diplomes.SingleOrDefault(d => d.SituationId == situationId) is { } deja)
        {
            return deja;
        }

        var d = new Diplome(Id, libelle.Trim(), niveau, annee, rncp, situationId);
        _diplomes.Add(d);
        RecalculerNiveau();
        Touch();
        return d;
    }

    /// <summary>CUR-02: removes a diploma entered by mistake; CUR-03: or the one a formation added, when its result changes.</summary>
    public bool RetirerDiplome(Guid? diplomeId, Guid? situationId = null)
    {
        var d = _diplomes.SingleOrDefault(x => (diplomeId is not null && x.Id == diplomeId) || (situationId is not null && x.SituationId == situationId));
        if (d is null)
        {
            return false;
        }

        _diplomes.Remove(d);
        RecalculerNiveau();
        Touch();
        return true;
    }

    private void RecalculerNiveau() =>
        NiveauQualification = Cursus.NiveauQualification.Calculer(_diplomes.Select(d => d.Niveau), ScolariteRenseignee);

    /// <summary>JEU-07: after a death no letter or SMS goes out. (Closing open dispositifs with motif "Décès" comes with the dispositifs.)</summary>
    public void EnregistrerDeces(DateOnly date, DateOnly aujourdhui)
    {
        if (date > aujourdhui || date < DateNaissance)
        {
            throw new BusinessRuleException("JEU-07", "La date de décès doit être comprise entre la date de naissance et aujourd'hui.", "DateDeces");
        }

        DateDeces = date;
        Touch();
    }

    public int Age(DateOnly date)
    {
        var age = date.Year - DateNaissance.Year;
        return DateNaissance.AddYears(age) > date ? age - 1 : age;
    }

    private static string? Vide(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private Adresse AjouterAdresse(SaisieAdresse saisie, DateOnly dateDebut, MotifAdresse motif, bool npai, string? qpvCode, bool zrr)
    {
        var courante = AdresseCourante;
        if (courante is not null && dateDebut < courante.DateDebut)
        {
            throw new BusinessRuleException(
                "JEU-06",
                $"La nouvelle adresse doit commencer après le début de l'adresse actuelle ({courante.DateDebut:dd/MM/yyyy}).",
                "DateDebut");
        }

        courante?.Clore(dateDebut.AddDays(-1));
        var adresse = new Adresse(Id, saisie, dateDebut, motif, npai, qpvCode, zrr);
        _adresses.Add(adresse);
        Touch();
        return adresse;
    }

    private void AppliquerIdentite(SaisieIdentite s, bool lieuConnu = true)
    {
        if (lieuConnu)
        {
            BusinessRuleException.ThrowIfBroken(new Jeu01LieuDeNaissance(s.NeALEtranger, s.PaysNaissanceCode, s.CommuneNaissanceInsee));
        }

        Civilite = s.Civilite;
        NomUsage = Texte.NomNormalise(s.NomUsage);
        NomNaissance = string.IsNullOrWhiteSpace(s.NomNaissance) ? null : Texte.NomNormalise(s.NomNaissance);
        Prenom = Texte.PrenomNettoye(s.Prenom);
        PrenomCle = Texte.Cle(Prenom);
        DateNaissance = s.DateNaissance;
        NeALEtranger = s.NeALEtranger;
        PaysNaissanceCode = s.NeALEtranger ? s.PaysNaissanceCode : null;
        CommuneNaissanceInsee = s.NeALEtranger ? null : s.CommuneNaissanceInsee;
        Nationalite = s.Nationalite;
        SituationFamiliale = s.SituationFamiliale;
        EnfantsACharge = s.EnfantsACharge;
        ModeGarde = s.ModeGarde;
        Recense = s.Recense;
        JdcEffectuee = s.JdcEffectuee;
    }

    /// <summary>JEU-05: the jeune answered STOP to an SMS: no more SMS to this number until a conseiller marks it joignable again.</summary>
    public void RefuserSms()
    {
        if (MobileJoignable)
        {
            MobileJoignable = false;
            Touch();
        }
    }

    private void AppliquerContacts(SaisieContacts c)
    {
        Email = Vide(c.Email)?.ToLowerInvariant();
        TelephoneMobile = Vide(c.TelephoneMobile);
        MobileJoignable = TelephoneMobile is not null && c.MobileJoignable;
        TelephoneFixe = Vide(c.TelephoneFixe);
        FixeJoignable = TelephoneFixe is not null && c.FixeJoignable;
        CommentaireContact = Vide(c.CommentaireContact);
    }

    private void Touch() => Version++;
}
