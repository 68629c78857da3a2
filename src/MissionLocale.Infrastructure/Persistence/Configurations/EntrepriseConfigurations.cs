using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionLocale.Domain.Entreprises;

namespace MissionLocale.Infrastructure.Persistence.Configurations;

public sealed class EntrepriseConfiguration : IEntityTypeConfiguration<Entreprise>
{
    public void Configure(EntityTypeBuilder<Entreprise> b)
    {
        // ENT-01, last net: 14 then 9 digits, the SIREN the SIRET's head, one company per SIRET in a structure.
        b.ToTable("Entreprises", t =>
        {
            t.HasCheckConstraint("ck_entreprises_siret_format", "siret ~ '^[0-9]{14}$'");
            t.HasCheckConstraint("ck_entreprises_siren_du_siret", "siren = left(siret, 9)");
        });
        b.Property(e => e.Siret).HasMaxLength(14).IsFixedLength();
        b.Property(e => e.Siren).HasMaxLength(9).IsFixedLength();
        b.Property(e => e.RaisonSociale).HasMaxLength(200);
        b.Property(e => e.Enseigne).HasMaxLength(200);
        b.Property(e => e.CodeNaf).HasMaxLength(6);
        b.Property(e => e.NomCle).HasMaxLength(401);
        b.HasIndex(e => e.NomCle).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.Property(e => e.AdresseVoie).HasMaxLength(200);
        b.Property(e => e.CodePostal).HasMaxLength(5);
        b.Property(e => e.CommuneInsee).HasMaxLength(5);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => new { e.StructureId, e.Siret }).IsUnique().HasDatabaseName("ux_entreprises_siret");
        b.HasIndex(e => new { e.StructureId, e.Siren });
        b.HasIndex(e => new { e.StructureId, e.ReferentId });
        b.HasIndex(e => new { e.StructureId, e.CommuneInsee });
        b.HasMany(e => e.Contacts).WithOne().HasForeignKey(c => c.EntrepriseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Contacts).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class ContactEntrepriseConfiguration : IEntityTypeConfiguration<ContactEntreprise>
{
    public void Configure(EntityTypeBuilder<ContactEntreprise> b)
    {
        b.ToTable("ContactsEntreprise");
        b.Property(c => c.Nom).HasMaxLength(100);
        b.Property(c => c.Prenom).HasMaxLength(100);
        b.Property(c => c.Fonction).HasMaxLength(100);
        b.Property(c => c.Telephone).HasMaxLength(20);
        b.Property(c => c.Email).HasMaxLength(200);
    }
}
