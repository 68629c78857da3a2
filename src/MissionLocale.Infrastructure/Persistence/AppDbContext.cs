using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
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

    public DbSet<Domain.Dispositifs.TypeDispositif> TypesDispositif => Set<Domain.Dispositifs.TypeDispositif>();

    public DbSet<Domain.Dispositifs.MotifSortie> MotifsSortie => Set<Domain.Dispositifs.MotifSortie>();

    public DbSet<Domain.Dispositifs.ParametreRegle> ParametresRegle => Set<Domain.Dispositifs.ParametreRegle>();

    /// <summary>
    /// Claims due outbox messages of the current structure with a lease: one statement locks them (SKIP LOCKED, so several
    /// nodes never take the same rows) and pushes their next attempt 10 minutes away; a node that dies mid-send leaves them
    /// to be retried after the lease.
    /// </summary>
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

    public DbSet<HistoriqueModification> Historique => Set<HistoriqueModification>();

    public DbSet<ConsultationDossier> Consultations => Set<ConsultationDossier>();

    public DbSet<Commune> Communes => Set<Commune>();

    public DbSet<CodePostal> CodesPostaux => Set<CodePostal>();

    public DbSet<Departement> Departements => Set<Departement>();

    public DbSet<Epci> Epcis => Set<Epci>();

    public DbSet<Pays> Pays => Set<Pays>();

    public DbSet<Qpv> Qpvs => Set<Qpv>();

    public DbSet<QpvVoie> QpvVoies => Set<QpvVoie>();

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
                Actif = u.Actif,
            });

    private static readonly Dictionary<string, (string Id, string Message)> ContraintesMetier = new()
    {
        ["ux_dispositifs_ouvert"] = ("DISP-02", "Le jeune a déjà un dispositif de ce type ouvert : clôturez-le avant d'en ouvrir un autre."),
        ["ux_declarations_ressources_mois"] = ("ALLOC-08", "Les ressources de ce mois viennent d'être déclarées par quelqu'un d'autre : rechargez la page pour les corriger."),
        ["ux_coordonnees_bancaires_en_vigueur"] = ("RIB-01", "Un autre compte vient d'être enregistré pour ce jeune : rechargez la page."),
    };

    public void AttendreVersion(Jeune jeune, int version) =>
        Entry(jeune).Property(j => j.Version).OriginalValue = version;

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        ProtegerIsolation();
        Historique.AddRange(HistoriqueBuilder.Construire(ChangeTracker, CurrentStructureId, currentUser, clock.GetUtcNow()));
        try
        {
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

        SnakeCase.Appliquer(builder);
    }

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

        foreach (var entry in ChangeTracker.Entries<IStructureOwned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity.StructureId != CurrentStructureId)
            {
                throw new NotFoundException();
            }
        }
    }
}

internal sealed class UtcConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
    d => d.ToUniversalTime(), d => d.ToUniversalTime());
