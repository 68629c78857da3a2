using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionLocale.Domain.Cotraitance;
using MissionLocale.Domain.Jeunes;

namespace MissionLocale.Infrastructure.Persistence.Configurations;

public sealed class AffectationFtConfiguration : IEntityTypeConfiguration<AffectationFt>
{
    public void Configure(EntityTypeBuilder<AffectationFt> b)
    {
        b.ToTable("AffectationsFt", t =>
        {
            t.HasCheckConstraint("ck_affectations_ft_refus_motive", "etat <> 2 OR motif_refus IS NOT NULL");
            t.HasCheckConstraint("ck_affectations_ft_dossier", "etat IN (1, 2, 3) OR jeune_id IS NOT NULL");
        });
        b.Property(a => a.IdentifiantFt).HasMaxLength(11);
        b.Property(a => a.Nom).HasMaxLength(50);
        b.Property(a => a.Prenom).HasMaxLength(50);
        b.Property(a => a.CommuneInsee).HasMaxLength(5);
        b.Property(a => a.Fichier).HasMaxLength(200);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<Jeune>().WithMany().HasForeignKey(a => a.JeuneId).OnDelete(DeleteBehavior.SetNull);

        // PPAE-01: importing the same file twice changes nothing: one row per jeune and assignment date.
        b.HasIndex(a => new { a.StructureId, a.IdentifiantFt, a.DateAffectation }).IsUnique().HasDatabaseName("ux_affectations_ft_ligne");
        b.HasIndex(a => new { a.StructureId, a.Etat, a.Liste });
        b.HasIndex(a => a.JeuneId);
    }
}

public sealed class PpaeConfiguration : IEntityTypeConfiguration<Ppae>
{
    public void Configure(EntityTypeBuilder<Ppae> b)
    {
        b.ToTable("Ppaes", t =>
        {
            t.HasCheckConstraint("ck_ppaes_en_cours_entree", "etat = 1 OR (date_entree IS NOT NULL AND acceptation_le IS NOT NULL)");
            t.HasCheckConstraint("ck_ppaes_termine_sortie", "etat <> 3 OR (date_sortie IS NOT NULL AND date_sortie >= date_entree)");
        });
        b.Property(p => p.MotifSortie).HasMaxLength(100);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Jeune>().WithMany().HasForeignKey(p => p.JeuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AffectationFt>().WithMany().HasForeignKey(p => p.AffectationId).OnDelete(DeleteBehavior.Cascade);

        // PPAE-03, last net: one PPAE not yet ended per dossier.
        b.HasIndex(p => p.JeuneId).IsUnique().HasFilter("etat IN (1, 2)").HasDatabaseName("ux_ppaes_actif");
        b.HasIndex(p => new { p.StructureId, p.Etat });
        b.HasIndex(p => p.AffectationId);
    }
}

public sealed class FluxDudeConfiguration : IEntityTypeConfiguration<FluxDude>
{
    public void Configure(EntityTypeBuilder<FluxDude> b)
    {
        b.ToTable("FluxDude");
        b.Property(f => f.Objet).HasMaxLength(200);
        b.Property(f => f.IdentifiantFt).HasMaxLength(11);
        b.Property(f => f.Nom).HasMaxLength(100);
        b.Property(f => f.Prenom).HasMaxLength(100);
        b.Property(f => f.DerniereErreur).HasMaxLength(500);
        b.HasOne<Jeune>().WithMany().HasForeignKey(f => f.JeuneId).OnDelete(DeleteBehavior.Cascade);

        // PPAE-05: an événement, a proposition or a PPAE's start, end or stop makes one flow of its type, never two.
        b.HasIndex(f => new { f.SourceId, f.Type }).IsUnique().HasDatabaseName("ux_flux_dude_source");
        b.HasIndex(f => new { f.StructureId, f.Statut, f.ProchaineTentative });
        b.HasIndex(f => new { f.StructureId, f.Fichier });
        b.HasIndex(f => f.JeuneId);
    }
}
