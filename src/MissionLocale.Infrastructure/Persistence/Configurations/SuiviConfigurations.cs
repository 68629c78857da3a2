using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Offres;
using MissionLocale.Domain.Situations;
using RendezVousEntity = MissionLocale.Domain.RendezVous.RendezVous;

namespace MissionLocale.Infrastructure.Persistence.Configurations;

public sealed class PropositionConfiguration : IEntityTypeConfiguration<Proposition>
{
    public void Configure(EntityTypeBuilder<Proposition> b)
    {
        b.ToTable("Propositions");
        b.Property(p => p.DomaineCode).HasMaxLength(30);
        b.Property(p => p.Libelle).HasMaxLength(200);
        b.HasOne<Evenement>().WithMany(e => e.Propositions).HasForeignKey(p => p.EvenementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OffreDeService>().WithMany().HasForeignKey(p => p.OffreId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.JeuneId);
    }
}

public sealed class DomainePropositionConfiguration : IEntityTypeConfiguration<DomaineProposition>
{
    public void Configure(EntityTypeBuilder<DomaineProposition> b)
    {
        b.ToTable("DomainesProposition");
        b.HasKey(d => new { d.StructureId, d.Code });
        b.Property(d => d.Code).HasMaxLength(30);
        b.Property(d => d.Libelle).HasMaxLength(100);
    }
}

public sealed class OffreConfiguration : IEntityTypeConfiguration<OffreDeService>
{
    public void Configure(EntityTypeBuilder<OffreDeService> b)
    {
        b.ToTable("OffresDeService");
        b.Property(o => o.DomaineCode).HasMaxLength(30);
        b.Property(o => o.Libelle).HasMaxLength(200);
        b.Property(o => o.Description).HasMaxLength(2000);
        b.HasMany(o => o.Sessions).WithOne().HasForeignKey(s => s.OffreId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(o => o.Sessions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(o => new { o.StructureId, o.Libelle });
    }
}

public sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> b)
    {
        // EVT-02, last net: never more participants than places.
        b.ToTable("Sessions", t => t.HasCheckConstraint("ck_sessions_capacite", "inscrits >= 0 AND inscrits <= capacite"));
        b.Property(s => s.Lieu).HasMaxLength(200);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.Complete);
        b.HasMany(s => s.Participants).WithOne().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(s => new { s.StructureId, s.Debut });
    }
}

public sealed class PositionnementConfiguration : IEntityTypeConfiguration<Positionnement>
{
    public void Configure(EntityTypeBuilder<Positionnement> b)
    {
        b.ToTable("Positionnements");
        b.HasKey(p => new { p.SessionId, p.JeuneId });
        b.HasOne<Jeune>().WithMany().HasForeignKey(p => p.JeuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.JeuneId);
    }
}

public sealed class SituationConfiguration : IEntityTypeConfiguration<Situation>
{
    public void Configure(EntityTypeBuilder<Situation> b)
    {
        b.ToTable("Situations", t =>
        {
            t.HasCheckConstraint("ck_situations_dates", "date_fin >= date_debut");
            t.HasCheckConstraint("ck_situations_resultat", "resultat IS NULL OR (type = 2 AND date_resultat IS NOT NULL)");
            t.HasCheckConstraint("ck_situations_interruption", "(date_interruption IS NULL AND motif_interruption IS NULL) OR (date_interruption < date_fin AND motif_interruption IS NOT NULL)");
        });
        foreach (var p in new[] { nameof(Situation.TypeContrat), nameof(Situation.Employeur), nameof(Situation.Organisme), nameof(Situation.ObjectifGeneral), nameof(Situation.ValidationPreparee), nameof(Situation.Niveau), nameof(Situation.Mesure), nameof(Situation.MotifInterruption) })
        {
            b.Property(p).HasMaxLength(150);
        }

        // ENT-01: the employer from the companies' file; a company used by a situation is not deleted.
        b.HasOne<Domain.Entreprises.Entreprise>().WithMany().HasForeignKey(x => x.EntrepriseId).OnDelete(DeleteBehavior.Restrict);

        b.Property(s => s.Commentaire).HasMaxLength(1000);
        b.Ignore(s => s.AlerteSansObjectif);
        b.Ignore(s => s.NiveauValidation);
        b.Ignore(s => s.FinEffective);
        b.HasOne<Jeune>().WithMany().HasForeignKey(s => s.JeuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.JeuneId, s.DateDebut });
    }
}

public sealed class RendezVousConfiguration : IEntityTypeConfiguration<RendezVousEntity>
{
    public void Configure(EntityTypeBuilder<RendezVousEntity> b)
    {
        b.ToTable("RendezVous", t =>
        {
            t.HasCheckConstraint("ck_rendez_vous_dates", "fin > debut");
            t.HasCheckConstraint("ck_rendez_vous_absence", "statut <> 3 OR motif_absence IS NOT NULL");
        });
        b.Property(r => r.Objet).HasMaxLength(200);
        b.Property(r => r.Lieu).HasMaxLength(200);
        b.Property(r => r.Commentaire).HasMaxLength(RendezVousEntity.LongueurCommentaireMax);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.DureeMinutes);
        b.HasOne<Jeune>().WithMany().HasForeignKey(r => r.JeuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.IntervenantId, r.Debut });
        b.HasIndex(r => new { r.JeuneId, r.Debut });

        // RDV-03: one rendez-vous per jeune in a bulk convocation, whatever races past the handler's lock.
        b.HasIndex(r => new { r.ConvocationGroupeeId, r.JeuneId }).IsUnique().HasDatabaseName("ux_rendez_vous_convocation_groupee")
            .HasFilter("convocation_groupee_id IS NOT NULL");
    }
}

public sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.ToTable("Documents");
        b.Property(d => d.Nom).HasMaxLength(200);
        b.Property(d => d.TypeMime).HasMaxLength(100);
        b.Property(d => d.Empreinte).HasMaxLength(64);
        b.HasOne<Jeune>().WithMany().HasForeignKey(d => d.JeuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.JeuneId, d.CreeLe });
    }
}

public sealed class ModeleLettreConfiguration : IEntityTypeConfiguration<ModeleLettre>
{
    public void Configure(EntityTypeBuilder<ModeleLettre> b)
    {
        b.ToTable("ModelesLettre");
        b.Property(m => m.Titre).HasMaxLength(150);
        b.Property(m => m.Corps).HasMaxLength(20000);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => new { m.StructureId, m.Categorie });
    }
}
