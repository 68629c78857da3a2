using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Jeunes;

namespace MissionLocale.Infrastructure.Persistence.Configurations;

public sealed class DispositifConfiguration : IEntityTypeConfiguration<Dispositif>
{
    public void Configure(EntityTypeBuilder<Dispositif> b)
    {
        b.ToTable("Dispositifs", t =>
        {
            t.HasCheckConstraint("ck_dispositifs_dates", "date_fin_prevue >= date_debut AND (date_fin_reelle IS NULL OR date_fin_reelle >= date_debut)");
            t.HasCheckConstraint("ck_dispositifs_motif", "(date_fin_reelle IS NULL) = (motif_sortie IS NULL)");
        });
        b.Property(d => d.TypeCode).HasMaxLength(10);
        b.Property(d => d.MotifSortie).HasMaxLength(100);
        b.Property(d => d.Pilote).HasMaxLength(20);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.Ignore(d => d.Ouvert);
        b.HasOne<Jeune>().WithMany().HasForeignKey(d => d.JeuneId).OnDelete(DeleteBehavior.Cascade);

        // DISP-02, last net: at most one open dispositif of a type per jeune, even under concurrent requests.
        b.HasIndex(d => new { d.JeuneId, d.TypeCode }).IsUnique().HasFilter("date_fin_reelle IS NULL").HasDatabaseName("ux_dispositifs_ouvert");
        b.HasIndex(d => new { d.StructureId, d.TypeCode, d.DateFinReelle });
    }
}

public sealed class TypeDispositifConfiguration : IEntityTypeConfiguration<TypeDispositif>
{
    public void Configure(EntityTypeBuilder<TypeDispositif> b)
    {
        b.ToTable("TypesDispositif");
        b.Property(t => t.Id).UseIdentityAlwaysColumn();
        b.Property(t => t.Code).HasMaxLength(10);
        b.Property(t => t.Libelle).HasMaxLength(100);
        b.HasIndex(t => new { t.Code, t.DateDebut }).IsUnique();
    }
}

public sealed class MotifSortieConfiguration : IEntityTypeConfiguration<MotifSortie>
{
    public void Configure(EntityTypeBuilder<MotifSortie> b)
    {
        b.ToTable("MotifsSortie");
        b.Property(t => t.Id).UseIdentityAlwaysColumn();
        b.Property(t => t.TypeCode).HasMaxLength(10);
        b.Property(t => t.Libelle).HasMaxLength(100);
        b.HasIndex(t => new { t.TypeCode, t.Libelle, t.DateDebut }).IsUnique();
    }
}

public sealed class ParametreRegleConfiguration : IEntityTypeConfiguration<ParametreRegle>
{
    public void Configure(EntityTypeBuilder<ParametreRegle> b)
    {
        b.ToTable("ParametresRegle");
        b.Property(t => t.Id).UseIdentityAlwaysColumn();
        b.Property(t => t.Code).HasMaxLength(50);
        b.Property(t => t.Valeur).HasMaxLength(200);
        b.Property(t => t.Description).HasMaxLength(300);
        b.HasIndex(t => new { t.Code, t.DateDebut }).IsUnique();
    }
}
