using Microsoft.EntityFrameworkCore;
using MissionLocale.Domain.Audit;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Offres;
using MissionLocale.Domain.Reference;
using MissionLocale.Domain.Situations;
using MissionLocale.Domain.Structures;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Common;

/// <summary>
/// The data the use cases work on. Queries on structure-owned sets are already filtered on the
/// current user's structure by the implementation (isolation between Missions Locales).
/// </summary>
public interface IAppDbContext
{
    DbSet<Jeune> Jeunes { get; }

    DbSet<Evenement> Evenements { get; }

    DbSet<Antenne> Antennes { get; }

    DbSet<Proposition> Propositions { get; }

    DbSet<DomaineProposition> DomainesProposition { get; }

    DbSet<OffreDeService> Offres { get; }

    DbSet<Session> Sessions { get; }

    DbSet<Positionnement> Positionnements { get; }

    DbSet<Situation> Situations { get; }

    DbSet<Domain.RendezVous.RendezVous> RendezVous { get; }

    DbSet<Document> Documents { get; }

    DbSet<ModeleLettre> ModelesLettre { get; }

    DbSet<Domain.Messages.MessageSortant> MessagesSortants { get; }

    DbSet<Domain.Dispositifs.Dispositif> Dispositifs { get; }

    DbSet<Domain.Dispositifs.PhasePacea> PhasesPacea { get; }

    DbSet<Domain.Dispositifs.Intervenant> Intervenants { get; }

    DbSet<Domain.Dispositifs.Parrain> Parrains { get; }

    DbSet<Domain.Dispositifs.ActionParrainage> ActionsParrainage { get; }

    DbSet<Domain.Allocations.CoordonneesBancaires> CoordonneesBancaires { get; }

    DbSet<Domain.Allocations.DeclarationRessources> DeclarationsRessources { get; }

    DbSet<Domain.Allocations.DemandeAllocation> DemandesAllocation { get; }

    DbSet<Domain.Allocations.Cerfa> Cerfas { get; }

    DbSet<Domain.Allocations.DelegationRgs> DelegationsRgs { get; }

    DbSet<Domain.Allocations.LotAsp> LotsAsp { get; }

    DbSet<Domain.Allocations.ImportRetourAsp> ImportsRetourAsp { get; }

    DbSet<Domain.Dispositifs.TypeDispositif> TypesDispositif { get; }

    DbSet<Domain.Dispositifs.MotifSortie> MotifsSortie { get; }

    DbSet<Domain.Dispositifs.ParametreRegle> ParametresRegle { get; }

    /// <summary>DISP-06: the history of national reference data.</summary>
    DbSet<Domain.Dispositifs.HistoriqueReferentiel> HistoriqueReferentiel { get; }

    /// <summary>The outbox messages due now, locked for this transaction and skipped by other nodes (FOR UPDATE SKIP LOCKED).</summary>
    Task<List<Domain.Messages.MessageSortant>> MessagesALivrerAsync(DateTimeOffset maintenant, int nombre, CancellationToken ct);

    DbSet<Structure> Structures { get; }

    /// <summary>ENT-01: the structure's companies.</summary>
    DbSet<Domain.Entreprises.Entreprise> Entreprises { get; }

    /// <summary>DEM-01..07 (proposal): requests for a dossier between two Missions Locales (not filtered: each query names its side).</summary>
    DbSet<Domain.Demenagements.DemandeDemenagement> Demenagements { get; }

    /// <summary>DEM-01: dossiers of other structures with this identity (normalised nom, prénom key, date of birth): where, never what.</summary>
    Task<IReadOnlyList<DossierAilleurs>> RechercherDossiersAilleursAsync(string nomNormalise, string prenomCle, DateOnly dateNaissance, CancellationToken ct);

    /// <summary>DEM-03/05/06: moves the dossier of an accepted request to the asking structure, in the current transaction.</summary>
    Task<int> DemenagerDossierAsync(Domain.Demenagements.DemandeDemenagement demande, CancellationToken ct);

    /// <summary>The parcours d'insertion of RSA beneficiaries (CER-01).</summary>
    DbSet<Domain.Insertion.ParcoursInsertion> ParcoursInsertion { get; }

    /// <summary>The contrats d'engagement réciproque (CER-04: a signed one is immutable, also in the database).</summary>
    DbSet<Domain.Insertion.Cer> Cers { get; }

    /// <summary>The saisines of the équipe pluridisciplinaire (EP-01 to EP-05).</summary>
    DbSet<Domain.Insertion.SaisineEp> SaisinesEp { get; }

    /// <summary>France Travail's assignments of jeunes to the structure (PPAE-01).</summary>
    DbSet<Domain.Cotraitance.AffectationFt> AffectationsFt { get; }

    /// <summary>Inserts France Travail's assignments in one statement, skipping those already imported (same identifiant and date); answers how many were new.</summary>
    Task<int> InsererAffectationsAsync(IReadOnlyList<Domain.Cotraitance.AffectationFt> affectations, CancellationToken ct);

    /// <summary>
    /// Writes the decisions taken on these assignments (state, list, candidates, dossier, mark) in one statement, each
    /// only if its version is still <c>VersionAvant</c>; answers how many were written (fewer: someone else decided first).
    /// </summary>
    Task<int> EnregistrerAffectationsAsync(IReadOnlyList<(Domain.Cotraitance.AffectationFt Affectation, int VersionAvant)> affectations, CancellationToken ct);

    /// <summary>
    /// PPAE-01: adds the partial dossiers « Importé DUDE » and their PPAE in a few statements (an import accepts up to
    /// 20,000 at once), with their creation in each dossier's history.
    /// </summary>
    Task InsererDossiersImportesAsync(IReadOnlyList<Jeune> jeunes, IReadOnlyList<Domain.Cotraitance.Ppae> ppaes, CancellationToken ct);

    /// <summary>The PPAE dispositifs (PPAE-03).</summary>
    DbSet<Domain.Cotraitance.Ppae> Ppaes { get; }

    /// <summary>The flows to France Travail, an outbox (PPAE-05).</summary>
    DbSet<Domain.Cotraitance.FluxDude> FluxDude { get; }

    /// <summary>Claims (PPAE-05) up to <paramref name="nombre"/> flows due for delivery (several nodes never take the same one).</summary>
    Task<List<Domain.Cotraitance.FluxDude>> FluxALivrerAsync(DateTimeOffset maintenant, int nombre, CancellationToken ct);

    /// <summary>USR-10: scheduled merges of reference-table elements.</summary>
    DbSet<Domain.Reference.FusionReferentiel> Fusions { get; }

    /// <summary>USR-10: how many dossiers, offres or dispositifs of the structure use the element.</summary>
    Task<int> CompterUtilisationsAsync(Domain.Reference.TableFusionnable table, string cle, CancellationToken ct);

    /// <summary>USR-10: every use of the source element now points to the target, with a history line per dossier changed.</summary>
    Task<int> ReaffecterAsync(Domain.Reference.FusionReferentiel fusion, CancellationToken ct);

    /// <summary>USR-09: moves, in one statement each, the selected jeunes' référent or lieu de rattachement, with a history line per dossier.</summary>
    Task<int> TransfererJeunesAsync(IReadOnlyCollection<Guid> jeunes, Guid? depuisConseiller, Guid? versConseiller, Guid? versAntenne, CancellationToken ct);

    DbSet<HistoriqueModification> Historique { get; }

    /// <summary>
    /// RGPD-03: erases the identity of these dossiers in one transaction (names, birth day and month, NIR, contacts,
    /// street, comments, documents' content, values in the history, reads) and keeps what statistics and accounting need
    /// (sex, birth year, commune and QPV, niveau, dispositifs, amounts, the dossier number as pseudonym); marks them anonymised.
    /// </summary>
    Task<int> AnonymiserDossiersAsync(IReadOnlyList<Guid> jeunes, DateTimeOffset le, CancellationToken ct);

    /// <summary>RGPD-05: deletes the reads logged before this instant, by batches; answers how many.</summary>
    Task<int> PurgerConsultationsAsync(DateTimeOffset avant, CancellationToken ct);

    /// <summary>PIL-03: recomputes the national reporting rows (on the primary; replicas receive them by replication).</summary>
    Task RafraichirRapportJeunesAsync(CancellationToken ct);

    DbSet<ConsultationDossier> Consultations { get; }

    DbSet<Commune> Communes { get; }

    DbSet<Epci> Epcis { get; }

    DbSet<CodePostal> CodesPostaux { get; }

    DbSet<Pays> Pays { get; }

    DbSet<Qpv> Qpvs { get; }

    DbSet<QpvVoie> QpvVoies { get; }

    /// <summary>PIL-03: the national reporting rows (materialised view, see <see cref="RafraichirRapportJeunesAsync"/>).</summary>
    IQueryable<Domain.Pilotage.RapportJeune> RapportJeunes { get; }

    /// <summary>PIL-03: indicators computed ahead (national), with their time.</summary>
    DbSet<Domain.Pilotage.IndicateursPrecalcules> IndicateursPrecalcules { get; }

    /// <summary>PIL-02: saved searches (mine and those shared in the structure).</summary>
    DbSet<Domain.Pilotage.RechercheSauvegardee> RecherchesSauvegardees { get; }

    /// <summary>CUR-01/02/04: dated nomenclatures (classes, levels, diplomas, objectifs généraux).</summary>
    DbSet<ElementNomenclature> Nomenclatures { get; }

    /// <summary>Users of the current structure (id, names, profile).</summary>
    IQueryable<UtilisateurResume> Utilisateurs { get; }

    /// <summary>Sets the version the client last saw, so a stale save fails (optimistic concurrency).</summary>
    void AttendreVersion(Jeune jeune, int version);

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Serialises the requests that check then insert on the same key (JEU-02 homonyms, a session's places, a
    /// conseiller's agenda): a lock held until the current transaction ends. Requires a transaction (ITransactional).
    /// </summary>
    Task VerrouillerAsync(string cle, CancellationToken ct);

    /// <summary>Runs work in a transaction of its own, or in the current one when there is one (jobs outside the pipeline).</summary>
    Task<T> EnTransactionAsync<T>(Func<CancellationToken, Task<T>> travail, CancellationToken ct);

    /// <summary>ALLOC-11: reserves the structure's validated requests of a type not yet in a batch for this batch, in one
    /// statement; a request another batch took meanwhile is skipped (row lock, condition re-checked).</summary>
    Task<(int Nombre, decimal Total)> ReserverDemandesLotAsync(Guid lotId, string typeCode, CancellationToken ct);

    /// <summary>ALLOC-11: releases the requests of an abandoned batch.</summary>
    Task LibererDemandesLotAsync(Guid lotId, CancellationToken ct);

    /// <summary>ALLOC-11: the batch's requests go Validée → Envoyée ASP (their CERFA Validée siège → Envoyée ASP), with history.</summary>
    Task<(int Nombre, decimal Total)> EnvoyerDemandesLotAsync(Guid lotId, CancellationToken ct);

    /// <summary>ALLOC-11: applies checked ASP return lines in one statement (requests, their CERFA, history).</summary>
    Task<int> AppliquerRetourAspAsync(IReadOnlyList<MajRetourAsp> lignes, CancellationToken ct);
}

/// <summary>One checked line of an ASP return: the request, its state before and after, the ASP's date, amount and motif.</summary>
public sealed record MajRetourAsp(Guid DemandeId, Domain.Allocations.EtatDemande Avant, Domain.Allocations.EtatDemande Apres, DateOnly Date, decimal? MontantVerse, string? Motif);

/// <summary>A user as the use cases see it (member-initialised so queries can filter on it).</summary>
public sealed record UtilisateurResume
{
    public Guid Id { get; init; }

    public Guid StructureId { get; init; }

    public string Login { get; init; } = string.Empty;

    public string Nom { get; init; } = string.Empty;

    public string Prenom { get; init; } = string.Empty;

    public Profil Profil { get; init; }

    public Domain.Jeunes.Civilite? Civilite { get; init; }

    public bool Actif { get; init; }

    public FonctionsCompte Fonctions { get; init; }

    /// <summary>"Prénom Nom", or "Donnée anonymisée" once the user has unsubscribed (USR-08); translatable to SQL.</summary>
    public string NomAffiche { get; init; } = string.Empty;

    public string NomComplet => NomAffiche;
}

/// <summary>DEM-01: a dossier held by another Mission Locale: its reference and where it is, nothing of its content.</summary>
public sealed record DossierAilleurs(Guid Reference, Guid StructureId, string Structure);

/// <summary>The person behind the request.</summary>
/// <summary>
/// The reporting reads (dashboards, saved-search counts, exports, the territorial report) go through this context: on
/// the read-only connection ConnectionStrings:MissionLocaleLecture (a PostgreSQL streaming replica) when configured,
/// on the primary otherwise; either way the session is read-only (default_transaction_read_only), so a report never writes.
/// </summary>
public interface ILectureDb
{
    IAppDbContext Db { get; }
}

public interface ICurrentUser
{
    bool Authentifie { get; }

    Guid UtilisateurId { get; }

    Guid StructureId { get; }

    Guid? AntenneId { get; }

    string Login { get; }

    Profil Profil { get; }
}

/// <summary>Runs a unit of work in one database transaction.</summary>
public interface IUnitOfWork
{
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}

/// <summary>Derives QPV / ZRR membership of an address from reference data (JEU-05, QPV-02).</summary>
public interface IZonageAdresse
{
    Task<string?> QpvAsync(string communeInsee, string voie, DateOnly date, CancellationToken cancellationToken);
}
