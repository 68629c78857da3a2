using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionLocale.Domain.Messages;

namespace MissionLocale.Infrastructure.Persistence.Configurations;

public sealed class MessageSortantConfiguration : IEntityTypeConfiguration<MessageSortant>
{
    public void Configure(EntityTypeBuilder<MessageSortant> b)
    {
        b.ToTable("MessagesSortants");
        b.Property(m => m.Cle).HasMaxLength(120);
        b.Property(m => m.Destinataire).HasMaxLength(254);
        b.Property(m => m.Sujet).HasMaxLength(200);
        b.Property(m => m.Corps).HasMaxLength(2000);
        b.Property(m => m.DerniereErreur).HasMaxLength(500);
        b.Property(m => m.ReferenceFournisseur).HasMaxLength(100);

        // Never the same reminder twice, even with several nodes preparing at once.
        b.HasIndex(m => m.Cle).IsUnique();
        b.HasIndex(m => new { m.StructureId, m.Statut, m.ProchaineTentative });

        // Delivery receipts find their message by the provider's id; reminders are shown on their rendez-vous.
        b.HasIndex(m => m.ReferenceFournisseur).HasFilter("reference_fournisseur IS NOT NULL");
        b.HasIndex(m => m.RendezVousId);
    }
}
