using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Jeunes;

namespace MissionLocale.Infrastructure.Persistence.Configurations;

public sealed class CoordonneesBancairesConfiguration : IEntityTypeConfiguration<CoordonneesBancaires>
{
    public void Configure(EntityTypeBuilder<CoordonneesBancaires> b)
    {
        // RIB-02 as the last net: no Livret A (type 3).
        b.ToTable("CoordonneesBancaires", t => t.HasCheckConstraint("ck_coordonnees_bancaires_pas_de_livret_a", "type_compte <> 3"));
        b.Property(c => c.Iban).HasMaxLength(34);
        b.Property(c => c.Bic).HasMaxLength(11);
        b.Property(c => c.Titulaire).HasMaxLength(100);
        b.Ignore(c => c.EnVigueur);
        b.HasOne<Jeune>().WithMany().HasForeignKey(c => c.JeuneId).OnDelete(DeleteBehavior.Cascade);

        // One account in force per jeune, even under concurrent saves.
        b.HasIndex(c => c.JeuneId).IsUnique().HasFilter("date_fin IS NULL").HasDatabaseName("ux_coordonnees_bancaires_en_vigueur");
    }
}
