using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Audit;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Offres;
using MissionLocale.Domain.Reference;
using MissionLocale.Domain.Situations;
using MissionLocale.Domain.Structures;
using MissionLocale.Infrastructure.Identity;

namespace MissionLocale.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options, ICurrentUser currentUser, TimeProvider clock)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IAppDbContext, IDataProtectionKeyContext
{
    /// <summary>
    /// The structure every structure-owned query is filtered on (isolation between Missions Locales).
    /// Without an authenticated user it is empty, so nothing structure-owned is visible.
    /// </summary>
    public Guid CurrentStructureId => currentUser.Authentifie ? currentUser.StructureId : Guid.Empty;

    public DbSet<Jeune> Jeunes => Set<Jeune>();

    public DbSet<Evenement> Evenements => Set<Evenement>();

    public DbSet<Antenne> Antennes => Set<Antenne>();

    public DbSet<Proposition> Propositions => Set<Proposition>();

    public DbSet<DomaineProposition> DomainesProposition => Set<DomaineProposition>();

    public DbSet<OffreDeService> Offres => Set<OffreDeService>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<Positionnement> Positionnements => Set<Positionnement>();

    public DbSet<Situation> Situations => Set<Situation>();

    public DbSet<Domain.RendezVous.RendezVous> RendezVous => Set<Domain.RendezVous.RendezVous>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<ModeleLettre> ModelesLettre => Set<ModeleLettre>();

    public DbSet<Domain.Messages.MessageSortant> MessagesSortants => Set<Domain.Messages.MessageSortant>();

    public DbSet<Domain.Dispositifs.Dispositif> Dispositifs => Set<Domain.Dispositifs.Dispositif>();

    public DbSet<Domain.Dispositifs.PhasePacea> PhasesPacea => Set<Domain.Dispositifs.PhasePacea>();

    public DbSet<Domain.Dispositifs.Intervenant> Intervenants => Set<Domain.Dispositifs.Intervenant>();

    public DbSet<Domain.Dispositifs.Parrain> Parrains => Set<Domain.Dispositifs.Parrain>();

    public DbSet<Domain.Dispositifs.ActionParrainage> ActionsParrainage => Set<Domain.Dispositifs.ActionParrainage>();

    public DbSet<Domain.Allocations.CoordonneesBancaires> CoordonneesBancaires => Set<Domain.Allocations.CoordonneesBancaires>();

    public DbSet<Domain.Allocations.DeclarationRessources> DeclarationsRessources => Set<Domain.Allocations.DeclarationRessources>();

    public DbSet<Domain.Allocations.DemandeAllocation> DemandesAllocation => Set<Domain.Allocations.DemandeAllocation>();

    public DbSet<Domain.Allocations.Cerfa> Cerfas => Set<Domain.Allocations.Cerfa>();

    public DbSet<Domain.Allocations.DelegationRgs> DelegationsRgs => Set<Domain.Allocations.DelegationRgs>();

    public DbSet<Domain.Allocations.LotAsp> LotsAsp => Set<Domain.Allocations.LotAsp>();

    public DbSet<Domain.Allocations.ImportRetourAsp> ImportsRetourAsp => Set<Domain.Allocations.ImportRetourAsp>();

    public DbSet<Domain.Dispositifs.TypeDispositif> TypesDispositif => Set<Domain.Dispositifs.TypeDispositif>();

    public DbSet<Domain.Dispositifs.MotifSortie> MotifsSortie => Set<Domain.Dispositifs.MotifSortie>();

    public DbSet<Domain.Dispositifs.ParametreRegle> ParametresRegle => Set<Domain.Dispositifs.ParametreRegle>();

    public DbSet<Domain.Dispositifs.HistoriqueReferentiel> HistoriqueReferentiel => Set<Domain.Dispositifs.HistoriqueReferentiel>();

    /// <summary>
    /// Claims due outbox messages of the current structure with a lease: one statement locks them (SKIP LOCKED, so several
    /// nodes never take the same rows) and pushes their next attempt 10 minutes away; a node that dies mid-send leaves them
    /// to be retried after the lease.
    /// </summary>
    public async Task VerrouillerAsync(string cle, CancellationToken ct)
    {
        if (Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("VerrouillerAsync needs a transaction: mark the command ITransactional.");
        }

        // A transaction-scoped advisory lock on a 64-bit hash of the key: released at commit or rollback.
        await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({cle}, 0))", ct);
    }

    public async Task<T> EnTransactionAsync<T>(Func<CancellationToken, Task<T>> travail, CancellationToken ct)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await travail(ct);
        }

        await using var transaction = await Database.BeginTransactionAsync(ct);
        var resultat = await travail(ct);
        await transaction.CommitAsync(ct);
        return resultat;
    }

    public async Task<(int Nombre, decimal Total)> ReserverDemandesLotAsync(Guid lotId, string typeCode, CancellationToken ct)
    {
        // Under READ COMMITTED a concurrent builder waits on the row lock, then re-checks "lot_id IS NULL" and skips the row:
        // a request never lands in two batches.
        var r = await Database.SqlQuery<Compte>($"""
            WITH u AS (
                UPDATE demandes_allocation SET lot_id = {lotId}, version = version + 1
                WHERE structure_id = {CurrentStructureId} AND type_code = {typeCode} AND etat = ANY({CycleDemande.Table.SourcesSql(CycleDemande.Envoyer)}) AND lot_id IS NULL
                RETURNING montant)
            SELECT count(*)::int AS "Nombre", coalesce(sum(montant), 0)::numeric(12,2) AS "Total" FROM u
            """).ToListAsync(ct);
        return (r[0].Nombre, r[0].Total);
    }

    public Task LibererDemandesLotAsync(Guid lotId, CancellationToken ct) =>
        Database.ExecuteSqlAsync($"""
            UPDATE demandes_allocation SET lot_id = NULL, version = version + 1
            WHERE structure_id = {CurrentStructureId} AND lot_id = {lotId} AND etat = ANY({CycleDemande.Table.SourcesSql(CycleDemande.Envoyer)})
            """, ct);

    public async Task<(int Nombre, decimal Total)> EnvoyerDemandesLotAsync(Guid lotId, CancellationToken ct)
    {
        var le = clock.GetUtcNow();
        var uid = currentUser.UtilisateurId == Guid.Empty ? (Guid?)null : currentUser.UtilisateurId;

        // ALLOC-11: the step "EnvoyerLot" of the request and CERFA workflows, set-based: sources, target and labels come
        // from the tables (CycleDemande, CycleCerfa); a test proves this statement and the tables agree.
        var demande = CycleDemande.Table.Transitions.Single(t => t.Action == CycleDemande.Envoyer);
        var cerfa = CycleCerfa.Table.Transitions.Single(t => t.Action == CycleCerfa.Envoyer);
        var r = await Database.SqlQuery<Compte>($"""
            WITH u AS (
                UPDATE demandes_allocation SET etat = {(int)demande.Vers}, version = version + 1
                WHERE structure_id = {CurrentStructureId} AND lot_id = {lotId} AND etat = {(int)demande.De}
                RETURNING id, structure_id, jeune_id, cerfa_id, montant),
            h AS (
                INSERT INTO historique_modifications (structure_id, jeune_id, le, utilisateur_id, utilisateur, element, champ, ancienne_valeur, nouvelle_valeur)
                SELECT structure_id, jeune_id, {le}, {uid}, {currentUser.Login}, {HistoriqueBuilder.ElementDemande}, 'Etat', {CycleDemande.Libelle(demande.De)}, {CycleDemande.Libelle(demande.Vers)} FROM u),
            c AS (
                UPDATE cerfas SET etat = {(int)cerfa.Vers}, version = version + 1
                WHERE etat = {(int)cerfa.De} AND id IN (SELECT cerfa_id FROM u)
                RETURNING structure_id, jeune_id),
            hc AS (
                INSERT INTO historique_modifications (structure_id, jeune_id, le, utilisateur_id, utilisateur, element, champ, ancienne_valeur, nouvelle_valeur)
                SELECT structure_id, jeune_id, {le}, {uid}, {currentUser.Login}, {HistoriqueBuilder.ElementCerfa}, 'Etat', {CycleCerfa.Libelle(cerfa.De)}, {CycleCerfa.Libelle(cerfa.Vers)} FROM c)
            SELECT count(*)::int AS "Nombre", coalesce(sum(montant), 0)::numeric(12,2) AS "Total" FROM u
            """).ToListAsync(ct);
        return (r[0].Nombre, r[0].Total);
    }

    public async Task<IReadOnlyList<DossierAilleurs>> RechercherDossiersAilleursAsync(string nomNormalise, string prenomCle, DateOnly dateNaissance, CancellationToken ct) =>
        await Jeunes.IgnoreQueryFilters().AsNoTracking()
            .Where(j => j.StructureId != CurrentStructureId && j.DateNaissance == dateNaissance && j.PrenomCle == prenomCle && (j.NomUsage == nomNormalise || j.NomNaissance == nomNormalise))
            .Join(Structures, j => j.StructureId, s => s.Id, (j, s) => new DossierAilleurs(j.Id, s.Id, s.Nom))
            .ToListAsync(ct);

    public async Task<int> DemenagerDossierAsync(Domain.Demenagements.DemandeDemenagement d, CancellationToken ct)
    {
        var a = d.StructureCedanteId;
        var b = d.StructureDemandeuseId;
        var jeune = d.JeuneId;
        var le = clock.GetUtcNow();
        var uid = currentUser.UtilisateurId;
        var noms = await Structures.Where(s => s.Id == a || s.Id == b).ToDictionaryAsync(s => s.Id, s => s.Nom, ct);
        var antenne = await Antennes.IgnoreQueryFilters().Where(x => x.StructureId == b).OrderBy(x => x.Nom).Select(x => x.Id).FirstAsync(ct);

        // DEM-05: what accounting keeps (allocation requests, their CERFA and the declared resources) and A's own access log
        // stay with A; every other row of the dossier that names a structure moves to B. The list of tables is read from
        // the schema, so a table added later moves with the dossier unless it is named here.
        string[] restent = ["consultations_dossier", "demandes_allocation", "cerfas", "declarations_ressources", "jeunes"];
        var tables = await Database.SqlQuery<string>($"""
            SELECT c.table_name AS "Value" FROM information_schema.columns c
            JOIN information_schema.columns s ON s.table_schema = c.table_schema AND s.table_name = c.table_name AND s.column_name = 'structure_id'
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema = current_schema() AND c.column_name = 'jeune_id'
            ORDER BY 1
            """).ToListAsync(ct);
        var lignes = 0;
        foreach (var table in tables.Where(t => !restent.Contains(t)))
        {
            // Dispositifs that carry allocations stay with A (DEM-05); they were closed before the move (DEM-04).
            var garder = table == "dispositifs" ? " AND NOT EXISTS (SELECT 1 FROM demandes_allocation x WHERE x.dispositif_id = dispositifs.id)" : string.Empty;
#pragma warning disable EF1002 // The table names come from the database's own catalogue, never from input.
            lignes += await Database.ExecuteSqlRawAsync($"UPDATE \"{table}\" SET structure_id = {{0}} WHERE jeune_id = {{1}} AND structure_id = {{2}}{garder}", [b, jeune, a], ct);
#pragma warning restore EF1002
        }

        lignes += await Database.ExecuteSqlAsync($"""
            UPDATE jeunes SET structure_id = {b}, antenne_id = {antenne}, conseiller_referent_id = NULL, version = version + 1
            WHERE id = {jeune} AND structure_id = {a}
            """, ct);

        // DEM-03 and DEM-06: the history says it, both access logs record it.
        await Database.ExecuteSqlAsync($"""
            INSERT INTO historique_modifications (structure_id, jeune_id, le, utilisateur_id, utilisateur, element, champ, ancienne_valeur, nouvelle_valeur)
            VALUES ({b}, {jeune}, {le}, {uid}, {currentUser.Login}, 'Dossier', 'Mission Locale', {noms[a]}, {noms[b]})
            """, ct);
        await Database.ExecuteSqlAsync($"""
            INSERT INTO consultations_dossier (structure_id, jeune_id, le, utilisateur_id, utilisateur, objet) VALUES
            ({a}, {jeune}, {le}, {uid}, {currentUser.Login}, {Tronquer($"Dossier cédé à {noms[b]}")}),
            ({b}, {jeune}, {le}, {d.DemandeeParId}, {d.DemandeePar}, {Tronquer($"Dossier reçu de {noms[a]}")})
            """, ct);
        return lignes;
    }

    private static string Tronquer(string s) => s.Length <= 100 ? s : s[..100];

    public async Task<int> CompterUtilisationsAsync(Domain.Reference.TableFusionnable table, string cle, CancellationToken ct)
    {
        var s = CurrentStructureId;
        var id = Guid.TryParse(cle, out var g) ? g : Guid.Empty;
        var r = table switch
        {
            Domain.Reference.TableFusionnable.DomaineProposition => await Database.SqlQuery<int>($"""
                SELECT ((SELECT count(*) FROM propositions p JOIN jeunes j ON j.id = p.jeune_id WHERE j.structure_id = {s} AND p.domaine_code = {cle})
                      + (SELECT count(*) FROM offres_de_service WHERE structure_id = {s} AND domaine_code = {cle}))::int AS "Value"
                """).ToListAsync(ct),
            Domain.Reference.TableFusionnable.Prescripteur => await Database.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM dispositifs WHERE structure_id = {s} AND prescripteur_id = {id}""").ToListAsync(ct),
            _ => await Database.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM dispositifs WHERE structure_id = {s} AND referent_id = {id}""").ToListAsync(ct),
        };
        return r[0];
    }

    public async Task<int> ReaffecterAsync(Domain.Reference.FusionReferentiel f, CancellationToken ct)
    {
        var s = CurrentStructureId;
        var le = clock.GetUtcNow();
        var qui = $"Fusion programmée par {f.DemandeePar}";

        // USR-10: set-based, in the caller's transaction; each dossier changed gets its history line (RGPD-02).
        if (f.Table == Domain.Reference.TableFusionnable.DomaineProposition)
        {
            var r = await Database.SqlQuery<int>($"""
                WITH p AS (
                    UPDATE propositions p SET domaine_code = {f.Cible}
                    FROM jeunes j WHERE j.id = p.jeune_id AND j.structure_id = {s} AND p.domaine_code = {f.Source}
                    RETURNING p.jeune_id),
                o AS (UPDATE offres_de_service SET domaine_code = {f.Cible} WHERE structure_id = {s} AND domaine_code = {f.Source} RETURNING id),
                h AS (
                    INSERT INTO historique_modifications (structure_id, jeune_id, le, utilisateur_id, utilisateur, element, champ, ancienne_valeur, nouvelle_valeur)
                    SELECT {s}, jeune_id, {le}, NULL, {qui}, 'Proposition', 'Domaine', {f.SourceLibelle}, {f.CibleLibelle} FROM p)
                SELECT ((SELECT count(*) FROM p) + (SELECT count(*) FROM o))::int AS "Value"
                """).ToListAsync(ct);
            return r[0];
        }

        var source = Guid.Parse(f.Source);
        var cible = Guid.Parse(f.Cible);
        var prescripteur = f.Table == Domain.Reference.TableFusionnable.Prescripteur;
        var champ = prescripteur ? "Prescripteur" : "Référent";
        var n = await Database.SqlQuery<int>($"""
            WITH d AS (
                UPDATE dispositifs SET prescripteur_id = CASE WHEN {prescripteur} THEN {cible} ELSE prescripteur_id END,
                                       referent_id = CASE WHEN {prescripteur} THEN referent_id ELSE {cible} END,
                                       version = version + 1
                WHERE structure_id = {s} AND ((NOT {prescripteur} AND referent_id = {source}) OR ({prescripteur} AND prescripteur_id = {source}))
                RETURNING jeune_id),
            h AS (
                INSERT INTO historique_modifications (structure_id, jeune_id, le, utilisateur_id, utilisateur, element, champ, ancienne_valeur, nouvelle_valeur)
                SELECT {s}, jeune_id, {le}, NULL, {qui}, 'Dispositif', {champ}, {f.SourceLibelle}, {f.CibleLibelle} FROM d)
            SELECT count(*)::int AS "Value" FROM d
            """).ToListAsync(ct);
        return n[0];
    }

    public async Task<int> AnonymiserDossiersAsync(IReadOnlyList<Guid> jeunes, DateTimeOffset le, CancellationToken ct)
    {
        if (jeunes.Count == 0)
        {
            return 0;
        }

        var ids = jeunes.ToArray();
        var s = CurrentStructureId;

        // RGPD-03: one transaction per batch; the dossiers are locked and marked, so a rerun skips the done ones. Identity
        // goes, statistics stay: sex, birth year, commune and QPV, niveau, dispositifs, situations' kinds and dates, and
        // for accounting (10 years) the allocation requests with their amounts, the bank holder replaced by the number.
        await using var tx = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        var n = await Database.ExecuteSqlInterpolatedAsync($"""
            WITH cibles AS (
                SELECT id FROM jeunes WHERE structure_id = {s} AND id = ANY({ids}::uuid[]) AND anonymise_le IS NULL FOR UPDATE)
            UPDATE jeunes j SET nom_usage = 'ANONYME', nom_naissance = NULL, prenom = 'Anonyme', prenom_cle = 'anonyme',
                date_naissance = make_date(extract(year FROM j.date_naissance)::int, 1, 1), commune_naissance_insee = NULL,
                nir = NULL, pas_de_nir = true, nir_certifie = false, email = NULL, telephone_mobile = NULL, mobile_joignable = false,
                telephone_fixe = NULL, fixe_joignable = false, commentaire_contact = NULL, numero_agdref = NULL, fin_titre_sejour = NULL,
                identifiant_ft = NULL, inscrit_france_travail = false, etablissement = NULL, origine_venue = NULL,
                anonymise_le = {le}, anonymisation_prevue_le = NULL, version = j.version + 1
            FROM cibles c WHERE j.id = c.id
            """, ct);
        // RGPD-03: the one sanctioned way past the guards of signed contracts and stored documents (CER-04, CER-08), for this transaction only.
        await Database.ExecuteSqlRawAsync("SELECT set_config('missionlocale.rgpd_effacement', 'on', true)", ct);
        await Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE adresses SET numero = NULL, voie = 'Adresse effacée', complement = NULL, batiment = NULL, escalier = NULL, etage = NULL, appartement = NULL
            WHERE jeune_id = ANY({ids}::uuid[]);
            UPDATE evenements SET commentaire = NULL WHERE jeune_id = ANY({ids}::uuid[]);
            UPDATE situations SET commentaire = NULL WHERE jeune_id = ANY({ids}::uuid[]);
            UPDATE rendez_vous SET commentaire = NULL WHERE jeune_id = ANY({ids}::uuid[]);
            UPDATE documents SET contenu = ''::bytea, taille = 0, nom = 'Document effacé (RGPD-03)' WHERE jeune_id = ANY({ids}::uuid[]);
            UPDATE cers SET perspectives = NULL, atouts = NULL, defis = NULL, observation = NULL, engagements = NULL, rythme_rencontres = NULL,
                actions = '[]'::jsonb, signature_beneficiaire = NULL, signature_referent = NULL WHERE jeune_id = ANY({ids}::uuid[]);
            UPDATE saisines_ep SET commentaire_insertion = NULL, commentaire_validation = NULL WHERE jeune_id = ANY({ids}::uuid[]);
            UPDATE coordonnees_bancaires cb SET titulaire = 'ANONYME N° ' || j.numero FROM jeunes j WHERE cb.jeune_id = j.id AND j.id = ANY({ids}::uuid[]);
            DELETE FROM messages_sortants WHERE jeune_id = ANY({ids}::uuid[]);
            DELETE FROM consultations_dossier WHERE jeune_id = ANY({ids}::uuid[]);
            UPDATE historique_modifications SET ancienne_valeur = NULL, nouvelle_valeur = NULL WHERE jeune_id = ANY({ids}::uuid[]);
            INSERT INTO historique_modifications (structure_id, jeune_id, le, utilisateur_id, utilisateur, element, champ, ancienne_valeur, nouvelle_valeur)
            SELECT structure_id, id, {le}, NULL, 'Traitement automatique', 'Dossier', 'Anonymisation (RGPD-03)', NULL, 'Identité effacée'
            FROM jeunes WHERE id = ANY({ids}::uuid[]) AND anonymise_le = {le};
            """, ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return n;
    }

    public async Task RafraichirRapportJeunesAsync(CancellationToken ct)
    {
        // CONCURRENTLY: the reports keep reading the previous rows while the new ones are computed (unique index on jeune_id).
        var avant = Database.GetCommandTimeout();
        Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        try
        {
            await Database.ExecuteSqlRawAsync("REFRESH MATERIALIZED VIEW CONCURRENTLY rapport_jeunes", ct);
        }
        finally
        {
            Database.SetCommandTimeout(avant);
        }
    }

    public async Task<int> PurgerConsultationsAsync(DateTimeOffset avant, CancellationToken ct)
    {
        // RGPD-05: by batches of 10,000 rows, each its own statement, so a long purge never holds one huge transaction.
        var total = 0;
        while (true)
        {
            var n = await Database.ExecuteSqlInterpolatedAsync($"""
                DELETE FROM consultations_dossier WHERE id IN (
                    SELECT id FROM consultations_dossier WHERE structure_id = {CurrentStructureId} AND le < {avant} LIMIT 10000)
                """, ct);
            total += n;
            if (n < 10000)
            {
                return total;
            }
        }
    }

    public async Task<int> TransfererJeunesAsync(IReadOnlyCollection<Guid> jeunes, Guid? depuisConseiller, Guid? versConseiller, Guid? versAntenne, CancellationToken ct)
    {
        if (jeunes.Count == 0 || (versConseiller is null && versAntenne is null))
        {
            return 0;
        }

        var le = clock.GetUtcNow();
        var uid = currentUser.UtilisateurId == Guid.Empty ? (Guid?)null : currentUser.UtilisateurId;
        var ids = jeunes.ToArray();
        var champReferent = Libelles.Champ(nameof(Jeune.ConseillerReferentId));
        var champAntenne = Libelles.Champ(nameof(Jeune.AntenneId));

        // USR-09: one statement; the selected dossiers of the structure (still held by A when A is given) are locked,
        // changed and their version bumped (an open edit of one of them then fails as a concurrent change), with one
        // history line per changed field, the names as people read them.
        var r = await Database.SqlQuery<int>($"""
            WITH avant AS (
                SELECT id, conseiller_referent_id, antenne_id FROM jeunes
                WHERE structure_id = {CurrentStructureId} AND id = ANY({ids}::uuid[])
                  AND ({depuisConseiller}::uuid IS NULL OR conseiller_referent_id = {depuisConseiller}::uuid)
                FOR UPDATE),
            u AS (
                UPDATE jeunes j SET conseiller_referent_id = coalesce({versConseiller}::uuid, j.conseiller_referent_id),
                                    antenne_id = coalesce({versAntenne}::uuid, j.antenne_id), version = j.version + 1
                FROM avant a WHERE j.id = a.id
                RETURNING j.id, a.conseiller_referent_id AS ancien_referent, j.conseiller_referent_id AS referent, a.antenne_id AS ancienne_antenne, j.antenne_id AS antenne),
            h AS (
                INSERT INTO historique_modifications (structure_id, jeune_id, le, utilisateur_id, utilisateur, element, champ, ancienne_valeur, nouvelle_valeur)
                SELECT {CurrentStructureId}, u.id, {le}, {uid}, {currentUser.Login}, 'Dossier', {champReferent},
                       (SELECT prenom || ' ' || nom FROM asp_net_users WHERE id = u.ancien_referent), (SELECT prenom || ' ' || nom FROM asp_net_users WHERE id = u.referent)
                FROM u WHERE u.ancien_referent IS DISTINCT FROM u.referent
                UNION ALL
                SELECT {CurrentStructureId}, u.id, {le}, {uid}, {currentUser.Login}, 'Dossier', {champAntenne},
                       (SELECT nom FROM antennes WHERE id = u.ancienne_antenne), (SELECT nom FROM antennes WHERE id = u.antenne)
                FROM u WHERE u.ancienne_antenne <> u.antenne)
            SELECT count(*)::int AS "Value" FROM u
            """).ToListAsync(ct);
        return r[0];
    }

    public async Task<int> AppliquerRetourAspAsync(IReadOnlyList<MajRetourAsp> lignes, CancellationToken ct)
    {
        if (lignes.Count == 0)
        {
            return 0;
        }

        var le = clock.GetUtcNow();
        var uid = currentUser.UtilisateurId == Guid.Empty ? (Guid?)null : currentUser.UtilisateurId;
        var ids = lignes.Select(l => l.DemandeId).ToArray();
        var avant = lignes.Select(l => (int)l.Avant).ToArray();
        var apres = lignes.Select(l => (int)l.Apres).ToArray();
        var dates = lignes.Select(l => l.Date).ToArray();
        var montants = lignes.Select(l => l.MontantVerse).ToArray();
        var motifs = lignes.Select(l => l.Motif).ToArray();

        // The workflow tables, as arrays indexed by the stored state (1-based in SQL): labels, the allowed ASP steps
        // (CycleDemande, action ImporterRetourAsp), and what an answer does to the CERFA (CycleCerfa.ApresRetour).
        var etatsDemande = Enum.GetValues<EtatDemande>();
        var libelles = etatsDemande.Select(CycleDemande.Libelle).ToArray();
        var libellesCerfa = Enum.GetValues<EtatCerfa>().Select(CycleCerfa.Libelle).ToArray();
        var permis = CycleDemande.Table.Transitions.Where(t => t.Action == CycleDemande.RetourAsp).Select(t => $"{(int)t.De}>{(int)t.Vers}").ToArray();
        var cerfaPremiere = etatsDemande.Select(e => (int?)CycleCerfa.ApresRetour(e, premiere: true) ?? 0).ToArray();
        var cerfaAutre = etatsDemande.Select(e => (int?)CycleCerfa.ApresRetour(e, premiere: false) ?? 0).ToArray();
        var sourcesCerfa = CycleCerfa.Table.SourcesSql(CycleCerfa.RetourAsp);
        var refuseeCerfa = (int)EtatCerfa.RefuseeAsp;

        // One statement: the requests (only from the state the check saw, and only along the table), their CERFA, and a
        // history line for each change.
        var n = await Database.SqlQuery<int>($"""
            WITH r AS (
                SELECT * FROM unnest({ids}::uuid[], {avant}::int[], {apres}::int[], {dates}::date[], {montants}::numeric[], {motifs}::text[])
                    AS r(id, avant, apres, date_asp, montant_verse, motif)
                WHERE (r.avant || '>' || r.apres) = ANY({permis}::text[])),
            u AS (
                UPDATE demandes_allocation d
                SET etat = r.apres, date_asp = r.date_asp, montant_verse = coalesce(r.montant_verse, d.montant_verse), motif_asp = r.motif, version = d.version + 1
                FROM r WHERE d.id = r.id AND d.etat = r.avant AND d.structure_id = {CurrentStructureId}
                RETURNING d.id, d.structure_id, d.jeune_id, d.cerfa_id, d.premiere, r.avant, r.apres, r.motif),
            h AS (
                INSERT INTO historique_modifications (structure_id, jeune_id, le, utilisateur_id, utilisateur, element, champ, ancienne_valeur, nouvelle_valeur)
                SELECT structure_id, jeune_id, {le}, {uid}, {currentUser.Login}, {HistoriqueBuilder.ElementDemande}, 'Etat',
                       ({libelles}::text[])[avant], ({libelles}::text[])[apres] || coalesce(' : ' || motif, '') FROM u),
            x AS (
                SELECT DISTINCT ON (cerfa_id) cerfa_id, cible, motif FROM (
                    SELECT cerfa_id, CASE WHEN premiere THEN ({cerfaPremiere}::int[])[apres] ELSE ({cerfaAutre}::int[])[apres] END AS cible, motif
                    FROM u WHERE cerfa_id IS NOT NULL) y
                WHERE cible > 0 ORDER BY cerfa_id, (cible = {refuseeCerfa})),
            c AS (
                UPDATE cerfas c
                SET etat = x.cible, motif_asp = x.motif, version = c.version + 1
                FROM x WHERE c.id = x.cerfa_id AND c.etat = ANY({sourcesCerfa})
                RETURNING c.structure_id, c.jeune_id, c.etat, x.cible),
            hc AS (
                INSERT INTO historique_modifications (structure_id, jeune_id, le, utilisateur_id, utilisateur, element, champ, ancienne_valeur, nouvelle_valeur)
                SELECT structure_id, jeune_id, {le}, {uid}, {currentUser.Login}, {HistoriqueBuilder.ElementCerfa}, 'Etat',
                       ({libellesCerfa}::text[])[{sourcesCerfa[0]}], ({libellesCerfa}::text[])[cible] FROM c)
            SELECT count(*)::int AS "Value" FROM u
            """).ToListAsync(ct);
        return n[0];
    }

    private sealed record Compte(int Nombre, decimal Total);

    public async Task<List<Domain.Messages.MessageSortant>> MessagesALivrerAsync(DateTimeOffset maintenant, int nombre, CancellationToken ct)
    {
        var ids = await Database.SqlQuery<Guid>($"""
            UPDATE messages_sortants SET prochaine_tentative = {maintenant.ToUniversalTime().AddMinutes(10)}
            WHERE id IN (
                SELECT id FROM messages_sortants
                WHERE structure_id = {CurrentStructureId} AND statut = 1 AND prochaine_tentative <= {maintenant.ToUniversalTime()}
                ORDER BY prochaine_tentative LIMIT {nombre}
                FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        return await MessagesSortants.Where(m => ids.Contains(m.Id)).OrderBy(m => m.PrevuPour).ToListAsync(ct);
    }

    public DbSet<Structure> Structures => Set<Structure>();

    public DbSet<Domain.Entreprises.Entreprise> Entreprises => Set<Domain.Entreprises.Entreprise>();

    public DbSet<Domain.Reference.FusionReferentiel> Fusions => Set<Domain.Reference.FusionReferentiel>();

    public DbSet<Domain.Demenagements.DemandeDemenagement> Demenagements => Set<Domain.Demenagements.DemandeDemenagement>();

    public DbSet<Domain.Cotraitance.AffectationFt> AffectationsFt => Set<Domain.Cotraitance.AffectationFt>();

    public DbSet<Domain.Insertion.ParcoursInsertion> ParcoursInsertion => Set<Domain.Insertion.ParcoursInsertion>();

    public DbSet<Domain.Insertion.Cer> Cers => Set<Domain.Insertion.Cer>();

    public DbSet<Domain.Insertion.SaisineEp> SaisinesEp => Set<Domain.Insertion.SaisineEp>();

    public DbSet<Domain.Cotraitance.Ppae> Ppaes => Set<Domain.Cotraitance.Ppae>();

    public Task<int> EnregistrerAffectationsAsync(IReadOnlyList<(Domain.Cotraitance.AffectationFt Affectation, int VersionAvant)> a, CancellationToken ct)
    {
        if (a.Count == 0)
        {
            return Task.FromResult(0);
        }

        var ids = a.Select(x => x.Affectation.Id).ToArray();
        var avant = a.Select(x => x.VersionAvant).ToArray();
        var etats = a.Select(x => (int)x.Affectation.Etat).ToArray();
        var listes = a.Select(x => (int?)x.Affectation.Liste).ToArray();
        var candidats = a.Select(x => "{" + string.Join(',', x.Affectation.Candidats) + "}").ToArray();
        var jeunes = a.Select(x => x.Affectation.JeuneId).ToArray();
        var marques = a.Select(x => (int?)x.Affectation.Marque).ToArray();
        var versions = a.Select(x => x.Affectation.Version).ToArray();
        var le = a.Select(x => x.Affectation.DecideeLe).ToArray();
        var par = a.Select(x => x.Affectation.DecideePar).ToArray();
        return Database.ExecuteSqlAsync($"""
            UPDATE affectations_ft a
            SET etat = u.etat, liste = u.liste, candidats = u.candidats::uuid[], jeune_id = u.jeune_id, marque = u.marque, version = u.version,
                decidee_le = u.le, decidee_par = u.par
            FROM unnest({ids}, {avant}, {etats}, {listes}, {candidats}, {jeunes}, {marques}, {versions}, {le}, {par})
                 AS u (id, avant, etat, liste, candidats, jeune_id, marque, version, le, par)
            WHERE a.id = u.id AND a.version = u.avant AND a.structure_id = {CurrentStructureId}
            """, ct);
    }

    public async Task InsererDossiersImportesAsync(IReadOnlyList<Jeune> jeunes, IReadOnlyList<Domain.Cotraitance.Ppae> ppaes, CancellationToken ct)
    {
        if (jeunes.Count == 0)
        {
            return;
        }

        var structure = CurrentStructureId;
        var ids = jeunes.Select(j => j.Id).ToArray();
        var creation = jeunes[0].CreeLe;
        await Database.ExecuteSqlAsync($"""
            INSERT INTO jeunes (id, structure_id, version, cree_le, civilite, nom_usage, prenom, prenom_cle, date_naissance, ne_al_etranger, nationalite,
                                situation_familiale, enfants_a_charge, mode_garde, pas_de_nir, nir_certifie, mobile_joignable, fixe_joignable, rsa, rqth,
                                inscrit_france_travail, identifiant_ft, antenne_id, savoirs_de_base, rayon_mobilite, moyens_transport, scolarise, scolarite_renseignee)
            SELECT u.id, {structure}, 0, {creation}, u.civilite, u.nom, u.prenom, u.cle, u.naissance, false, u.nationalite,
                   {(int)SituationFamiliale.NonRenseigne}, 0, {(int)ModeGarde.NonConcerne}, false, false, false, false, {(int)jeunes[0].Rsa}, false,
                   true, u.identifiant, u.antenne, {(int)jeunes[0].SavoirsDeBase}, {(int)jeunes[0].RayonMobilite}, ARRAY[]::integer[], false, false
            FROM unnest({ids}, {jeunes.Select(j => (int)j.Civilite).ToArray()}, {jeunes.Select(j => j.NomUsage).ToArray()}, {jeunes.Select(j => j.Prenom).ToArray()},
                        {jeunes.Select(j => j.PrenomCle).ToArray()}, {jeunes.Select(j => j.DateNaissance).ToArray()}, {jeunes.Select(j => (int)j.Nationalite).ToArray()},
                        {jeunes.Select(j => j.IdentifiantFt).ToArray()}, {jeunes.Select(j => j.AntenneId).ToArray()})
                 AS u (id, civilite, nom, prenom, cle, naissance, nationalite, identifiant, antenne)
            """, ct);
        await Database.ExecuteSqlAsync($"""
            INSERT INTO ppaes (id, structure_id, jeune_id, affectation_id, etat, date_affectation, debut_affectation, dernier_entretien_dude, version)
            SELECT u.id, {structure}, u.jeune, u.affectation, {(int)Domain.Cotraitance.EtatPpae.NonInitialise}, u.date, u.debut, u.dernier, 0
            FROM unnest({ppaes.Select(p => p.Id).ToArray()}, {ppaes.Select(p => p.JeuneId).ToArray()}, {ppaes.Select(p => p.AffectationId).ToArray()},
                        {ppaes.Select(p => p.DateAffectation).ToArray()}, {ppaes.Select(p => p.DebutAffectation).ToArray()}, {ppaes.Select(p => p.DernierEntretienDude).ToArray()})
                 AS u (id, jeune, affectation, date, debut, dernier)
            """, ct);

        // RGPD-02: the creation of each dossier and of its PPAE, in its history, as the change tracker would write them.
        var uid = currentUser.UtilisateurId == Guid.Empty ? (Guid?)null : currentUser.UtilisateurId;
        var le = clock.GetUtcNow();
        var lignes = jeunes.Select(j => (j.Id, "Dossier", "Création du dossier", HistoriqueBuilder.Resume(j, clock.LocalTimeZone)))
            .Concat(ppaes.Select(p => (p.JeuneId, "PPAE", "Ajout", HistoriqueBuilder.Resume(p, clock.LocalTimeZone)))).ToList();
        await Database.ExecuteSqlAsync($"""
            INSERT INTO historique_modifications (structure_id, jeune_id, le, utilisateur_id, utilisateur, element, champ, nouvelle_valeur)
            SELECT {structure}, u.jeune, {le}, {uid}, {currentUser.Login}, u.element, u.champ, u.valeur
            FROM unnest({lignes.Select(l => l.Item1).ToArray()}, {lignes.Select(l => l.Item2).ToArray()}, {lignes.Select(l => l.Item3).ToArray()}, {lignes.Select(l => l.Item4).ToArray()})
                 AS u (jeune, element, champ, valeur)
            """, ct);
    }

    public Task<int> InsererAffectationsAsync(IReadOnlyList<Domain.Cotraitance.AffectationFt> a, CancellationToken ct)
    {
        // PPAE-01: one statement for a whole file (20,000 lines), idempotent by the unique index ux_affectations_ft_ligne.
        var ids = a.Select(x => x.Id).ToArray();
        var identifiants = a.Select(x => x.IdentifiantFt).ToArray();
        var civilites = a.Select(x => (int)x.Civilite).ToArray();
        var nationalites = a.Select(x => (int)x.Nationalite).ToArray();
        var noms = a.Select(x => x.Nom).ToArray();
        var prenoms = a.Select(x => x.Prenom).ToArray();
        var naissances = a.Select(x => x.DateNaissance).ToArray();
        var communes = a.Select(x => x.CommuneInsee).ToArray();
        var dates = a.Select(x => x.DateAffectation).ToArray();
        var entretiens = a.Select(x => x.DernierEntretienDude).ToArray();
        var premiere = a.Count == 0 ? null : a[0];
        return premiere is null ? Task.FromResult(0) : Database.ExecuteSqlAsync($"""
            INSERT INTO affectations_ft (id, structure_id, identifiant_ft, civilite, nationalite, nom, prenom, date_naissance, commune_insee, date_affectation,
                                         dernier_entretien_dude, importee_le, fichier, etat, candidats, version)
            SELECT u.id, {CurrentStructureId}, u.identifiant, u.civilite, u.nationalite, u.nom, u.prenom, u.naissance, u.commune, u.date, u.entretien,
                   {premiere.ImporteeLe}, {premiere.Fichier}, {(int)premiere.Etat}, ARRAY[]::uuid[], 0
            FROM unnest({ids}, {identifiants}, {civilites}, {nationalites}, {noms}, {prenoms}, {naissances}, {communes}, {dates}, {entretiens})
                 AS u (id, identifiant, civilite, nationalite, nom, prenom, naissance, commune, date, entretien)
            ON CONFLICT (structure_id, identifiant_ft, date_affectation) DO NOTHING
            """, ct);
    }

    public DbSet<Domain.Cotraitance.FluxDude> FluxDude => Set<Domain.Cotraitance.FluxDude>();

    public async Task<List<Domain.Cotraitance.FluxDude>> FluxALivrerAsync(DateTimeOffset maintenant, int nombre, CancellationToken ct)
    {
        var ids = await Database.SqlQuery<Guid>($"""
            UPDATE flux_dude SET prochaine_tentative = {maintenant.ToUniversalTime().AddMinutes(10)}
            WHERE id IN (
                SELECT id FROM flux_dude
                WHERE structure_id = {CurrentStructureId} AND statut = 1 AND prochaine_tentative <= {maintenant.ToUniversalTime()}
                ORDER BY prochaine_tentative LIMIT {nombre}
                FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        return await FluxDude.Where(m => ids.Contains(m.Id)).OrderBy(m => m.CreeLe).ToListAsync(ct);
    }

    public DbSet<HistoriqueModification> Historique => Set<HistoriqueModification>();

    public DbSet<ConsultationDossier> Consultations => Set<ConsultationDossier>();

    public DbSet<Commune> Communes => Set<Commune>();

    public DbSet<CodePostal> CodesPostaux => Set<CodePostal>();

    public DbSet<Departement> Departements => Set<Departement>();

    public DbSet<Epci> Epcis => Set<Epci>();

    public DbSet<Pays> Pays => Set<Pays>();

    public DbSet<Qpv> Qpvs => Set<Qpv>();

    public DbSet<QpvVoie> QpvVoies => Set<QpvVoie>();

    public DbSet<ElementNomenclature> Nomenclatures => Set<ElementNomenclature>();

    public DbSet<Domain.Pilotage.RechercheSauvegardee> RecherchesSauvegardees => Set<Domain.Pilotage.RechercheSauvegardee>();

    public DbSet<Domain.Pilotage.IndicateursPrecalcules> IndicateursPrecalcules => Set<Domain.Pilotage.IndicateursPrecalcules>();

    public IQueryable<Domain.Pilotage.RapportJeune> RapportJeunes => Set<Domain.Pilotage.RapportJeune>().AsNoTracking();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public IQueryable<UtilisateurResume> Utilisateurs =>
        Users.AsNoTracking().Where(u => u.StructureId == CurrentStructureId)
            .Select(u => new UtilisateurResume
            {
                Id = u.Id,
                StructureId = u.StructureId,
                Login = u.UserName!,
                Nom = u.Nom,
                Prenom = u.Prenom,
                Profil = u.Profil,
                Civilite = u.Civilite,
                Actif = u.Actif,
                Fonctions = u.Fonctions,
                NomAffiche = u.DesabonneLe == null ? u.Prenom + " " + u.Nom : Domain.Utilisateurs.ReglesComptes.DonneeAnonymisee,
            });

    private static readonly Dictionary<string, (string Id, string Message)> ContraintesMetier = new()
    {
        ["ux_dispositifs_ouvert"] = ("DISP-02", "Le jeune a déjà un dispositif de ce type ouvert : clôturez-le avant d'en ouvrir un autre."),
        ["ux_declarations_ressources_mois"] = ("ALLOC-08", "Les ressources de ce mois viennent d'être déclarées par quelqu'un d'autre : rechargez la page pour les corriger."),
        ["ux_coordonnees_bancaires_en_vigueur"] = ("RIB-01", "Un autre compte vient d'être enregistré pour ce jeune : rechargez la page."),
        ["ux_demandes_allocation_mois"] = ("ALLOC-01", "Une demande d'allocation existe déjà pour ce jeune, ce dispositif et ce mois : modifiez-la plutôt que d'en créer une autre."),
        ["ux_entreprises_siret"] = ("ENT-01", "Une entreprise de votre structure porte déjà ce SIRET : ouvrez-la plutôt que d'en créer une seconde."),
        ["ux_fusions_referentiel_programmee"] = ("USR-10", "Une fusion de cet élément vient d'être programmée par quelqu'un d'autre : rechargez la page."),
        ["ux_demandes_demenagement_en_cours"] = ("DEM-07", "Une demande vient d'être faite pour ce dossier par quelqu'un d'autre : rechargez la page."),
        ["ux_recherches_nom"] = ("PIL-02", "Une recherche de ce nom vient d'être enregistrée : choisissez un autre nom ou modifiez-la."),
        ["ux_diplomes_situation"] = ("CUR-03", "Le résultat de cette formation vient d'être enregistré : rechargez la page."),
        ["ux_users_dpo_unique"] = ("RGPD-04", "Un autre compte de la structure est déjà délégué à la protection des données : retirez-lui d'abord cette fonction, elle est unique."),
        ["ux_users_direction_unique"] = ("USR-05", "La fonction Direction vient d'être attribuée à un autre compte de la structure : elle est unique, rechargez la page."),
        ["ux_rendez_vous_convocation_groupee"] = ("RDV-03", "Cette convocation vient d'être envoyée : rechargez la page pour voir les rendez-vous planifiés."),
        ["ux_affectations_ft_ligne"] = ("PPAE-01", "Cette affectation vient d'être importée par quelqu'un d'autre : rechargez la page."),
        ["ux_ppaes_actif"] = ("PPAE-03", "Ce jeune a déjà un PPAE non initialisé ou en cours : rechargez la page."),
        ["ux_flux_dude_source"] = ("PPAE-05", "Ce flux vers France Travail vient d'être produit : rechargez la page."),
        ["ux_parcours_insertion_jeune"] = ("CER-01", "Ce bénéficiaire a déjà un parcours d'insertion : rechargez la page."),
        ["ux_cers_en_preparation"] = ("CER-07", "Un contrat est déjà en préparation pour ce parcours : terminez-le (ou rechargez la page, quelqu'un vient peut-être de le créer)."),
        ["ck_documents_immuable"] = ("CER-08", "Un document conservé ne se modifie pas : déposez une nouvelle version."),
        ["ck_cers_signe_immuable"] = ("CER-04", "Ce contrat est signé : il ne se modifie plus. Pour le changer, faites un avenant une fois validé."),
        ["ux_lots_asp_numero"] = ("ALLOC-11", "Un autre lot vient d'être préparé au même moment : rechargez la page."),
    };

    private bool SeulementDesConsultations()
    {
        var modifiees = ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        return modifiees.Count > 0 && modifiees.All(e => e.State == EntityState.Added && e.Entity is ConsultationDossier);
    }

    public void AttendreVersion(Jeune jeune, int version) =>
        Entry(jeune).Property(j => j.Version).OriginalValue = version;

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        ProtegerIsolation();
        LimitesColonnes.Verifier(ChangeTracker);
        Historique.AddRange(HistoriqueBuilder.Construire(ChangeTracker, CurrentStructureId, currentUser, clock.GetUtcNow(), clock.LocalTimeZone));
        try
        {
            if (Database.CurrentTransaction is null && SeulementDesConsultations())
            {
                // Opening a dossier only logs the consultation (RGPD-02): that log need not wait for the WAL on disk
                // (a power cut could lose the last few hundred milliseconds of read logs, never a data change, which
                // keeps full durability). Measured in docs/performance.md.
                await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
                await Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", cancellationToken);
                var n = await base.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return n;
            }

            return await base.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(new ConcurrencyConflictException().Message, ex);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505", ConstraintName: { } contrainte }
            && ContraintesMetier.TryGetValue(contrainte, out var regle))
        {
            // The database, last net, caught what a concurrent request slipped past the domain check.
            throw new BusinessRuleException(regle.Id, regle.Message);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: ['2', '2', ..] })
        {
            // Class 22 (data exception: too long, out of range): bad input that slipped past the validators, not a server error.
            throw new InvalidInputException("Une valeur saisie est trop longue ou hors des limites permises ; rien n'a été enregistré.", ex);
        }
    }

    /// <summary>PostgreSQL timestamptz takes UTC only: every DateTimeOffset (column or query parameter) is converted to UTC, so
    /// callers may pass local times (Europe/Paris) safely.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("unaccent").HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.Entity<ApplicationUser>(u =>
        {
            u.Property(x => x.Nom).HasMaxLength(100);
            u.Property(x => x.Prenom).HasMaxLength(100);
            u.Property(x => x.Profil).HasConversion<string>().HasMaxLength(30);
            u.HasIndex(x => x.StructureId);
            u.Property(x => x.Fonctions).HasConversion<int>();
            u.Property(x => x.NomCle).HasMaxLength(100)
                .HasComputedColumnSql("btrim(regexp_replace(lower(ml_unaccent(nom)), '[^a-z0-9]+', ' ', 'g'))", stored: true);
            u.HasIndex(x => x.NomCle);
            u.Ignore(x => x.DeuxFacteursObligatoires);
            u.Ignore(x => x.NomAffiche);

            // USR-05, last net: one Direction per structure, deactivated accounts included (an unsubscribed one no longer counts).
            u.HasIndex([nameof(ApplicationUser.StructureId)], "ux_users_direction_unique").IsUnique().HasFilter("profil = 'Direction' AND desabonne_le IS NULL");

            // RGPD-04, last net: one data protection officer per structure.
            u.HasIndex([nameof(ApplicationUser.StructureId)], "ux_users_dpo_unique").IsUnique().HasFilter("(fonctions & 8) <> 0 AND desabonne_le IS NULL");
        });

        // Ids are made by the domain (Guid v7): a new child reached through a navigation is then an insert, not an update.
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(type.ClrType).Property(nameof(Entity.Id)).ValueGeneratedNever();
        }

        // Isolation between Missions Locales, in one place: every structure-owned entity is filtered
        // on the current user's structure.
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IStructureOwned).IsAssignableFrom(t.ClrType)))
        {
            var method = typeof(AppDbContext).GetMethod(nameof(FiltrerStructure), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type.ClrType);
            method.Invoke(this, [builder]);
        }

        // French sorting of what people read in lists (Bénin before Burundi): ICU collation on the name and label columns;
        // equality stays exact (the collation is deterministic). The jeunes' names are stored normalised (capitals without
        // accents) and feed a generated search column and the search's keyset pagination: they keep theirs.
        foreach (var propriete in builder.Model.GetEntityTypes().Where(t => t.ClrType != typeof(Jeune)).SelectMany(t => t.GetProperties())
                     .Where(p => p.ClrType == typeof(string) && ColonnesTriees.Contains(p.Name)))
        {
            propriete.SetCollation(CollationFrancaise);
        }

        SnakeCase.Appliquer(builder);
    }

    public const string CollationFrancaise = Collations.Francaise;

    private static readonly HashSet<string> ColonnesTriees = ["Nom", "NomUsage", "NomNaissance", "Prenom", "Libelle"];

    private void FiltrerStructure<T>(ModelBuilder builder)
        where T : class, IStructureOwned
    {
        Expression<Func<T, bool>> filtre = e => e.StructureId == CurrentStructureId;
        builder.Entity<T>().HasQueryFilter(filtre);
    }

    /// <summary>A user never writes into another structure, even through a bug in a handler.</summary>
    private void ProtegerIsolation()
    {
        if (!currentUser.Authentifie)
        {
            return;
        }

        // USR-06: a structure being created in this unit of work (by the national administrator) has nothing to protect
        // yet: its first antenne is written with it.
        var nouvelles = ChangeTracker.Entries<Structure>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToHashSet();
        foreach (var entry in ChangeTracker.Entries<IStructureOwned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity.StructureId != CurrentStructureId && !(entry.State == EntityState.Added && nouvelles.Contains(entry.Entity.StructureId)))
            {
                throw new NotFoundException();
            }
        }
    }
}

internal sealed class UtcConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
    d => d.ToUniversalTime(), d => d.ToUniversalTime());
