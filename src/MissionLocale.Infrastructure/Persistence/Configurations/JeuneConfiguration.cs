using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionLocale.Application.Jeunes.RechercherJeunes;
using MissionLocale.Domain.Cursus;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Structures;

namespace MissionLocale.Infrastructure.Persistence.Configurations;

public sealed class JeuneConfiguration : IEntityTypeConfiguration<Jeune>
{
    public void Configure(EntityTypeBuilder<Jeune> b)
    {
        b.ToTable("Jeunes", t =>
        {
            t.HasCheckConstraint("ck_jeunes_enfants", "enfants_a_charge BETWEEN 0 AND 20");
            t.HasCheckConstraint("ck_jeunes_nir", "nir IS NULL OR length(nir) = 15");
            t.HasCheckConstraint("ck_jeunes_ft", "NOT inscrit_france_travail OR identifiant_ft IS NOT NULL");
            t.HasCheckConstraint("ck_jeunes_niveau_qualification", "niveau_qualification IS NULL OR niveau_qualification IN (0, 3, 4, 5, 6, 7, 8)");
            t.HasCheckConstraint("ck_jeunes_scolarise", "NOT scolarise OR annee_sortie_scolaire IS NULL");
        });
        b.HasKey(j => j.Id);
        b.Property(j => j.Numero).UseIdentityAlwaysColumn();
        b.HasIndex(j => j.Numero).IsUnique();
        b.Property(j => j.Version).IsConcurrencyToken();
        b.Property(j => j.NomUsage).HasMaxLength(50).IsRequired();
        b.Property(j => j.NomNaissance).HasMaxLength(50);
        b.Property(j => j.Prenom).HasMaxLength(50).IsRequired();
        b.Property(j => j.PrenomCle).HasMaxLength(50).IsRequired();
        b.Property(j => j.PaysNaissanceCode).HasMaxLength(2);
        b.Property(j => j.CommuneNaissanceInsee).HasMaxLength(5);
        b.Property(j => j.Nir).HasMaxLength(15);
        b.Property(j => j.Email).HasMaxLength(254);
        b.Property(j => j.TelephoneMobile).HasMaxLength(20);
        b.Property(j => j.TelephoneFixe).HasMaxLength(20);
        b.Property(j => j.CommentaireContact).HasMaxLength(500);
        b.Property(j => j.CouvertureSociale).HasMaxLength(50);
        b.Property(j => j.CouvertureComplementaire).HasMaxLength(50);
        b.Property(j => j.RqthCategorie).HasMaxLength(50);
        b.Property(j => j.NumeroAgdref).HasMaxLength(10);
        b.Property(j => j.IdentifiantFt).HasMaxLength(11);
        b.Property(j => j.OrigineVenue).HasMaxLength(100);
        b.Property(j => j.DerniereClasse).HasMaxLength(100);
        b.Property(j => j.Etablissement).HasMaxLength(150);
        b.Ignore(j => j.AdresseCourante);
        b.Ignore(j => j.Justifie);
        b.Ignore(j => j.IdentiteComplete);
        b.Ignore(j => j.FreinGarde);
        b.Ignore(j => j.PeutRecevoirCourrier);
        b.Ignore(j => j.PeutRecevoirSms);

        // JEU-12: accent- and case-insensitive search key, computed by PostgreSQL (unaccent) and indexed with pg_trgm.
        b.Property<string>(RechercherJeunesHandler.ColonneRecherche)
            .HasComputedColumnSql("lower(ml_unaccent(nom_usage || ' ' || coalesce(nom_naissance, '') || ' ' || prenom))", stored: true);
        b.HasIndex(RechercherJeunesHandler.ColonneRecherche).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_jeunes_recherche_trgm");

        // Keyset pagination and duplicates (JEU-02) within a structure.
        b.HasIndex(j => new { j.StructureId, j.NomUsage, j.Prenom, j.Numero });
        b.HasIndex(j => new { j.StructureId, j.DateNaissance, j.PrenomCle });
        b.HasIndex(j => new { j.ConseillerReferentId, j.NomUsage, j.Prenom, j.Numero });
        b.HasIndex(j => new { j.StructureId, j.IdentifiantFt }).HasFilter("identifiant_ft IS NOT NULL");
        b.HasIndex(j => new { j.StructureId, j.Nir }).HasFilter("nir IS NOT NULL");

        b.HasOne<Structure>().WithMany().HasForeignKey(j => j.StructureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Antenne>().WithMany().HasForeignKey(j => j.AntenneId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(j => j.Adresses).WithOne().HasForeignKey(a => a.JeuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(j => j.Ressources).WithOne().HasForeignKey(a => a.JeuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(j => j.Permis).WithOne().HasForeignKey(a => a.JeuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(j => j.Diplomes).WithOne().HasForeignKey(a => a.JeuneId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(j => j.Diplomes).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(j => j.Adresses).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(j => j.Ressources).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(j => j.Permis).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class AdresseConfiguration : IEntityTypeConfiguration<Adresse>
{
    public void Configure(EntityTypeBuilder<Adresse> b)
    {
        b.ToTable("Adresses", t => t.HasCheckConstraint("ck_adresses_dates", "date_fin IS NULL OR date_fin >= date_debut"));
        b.HasKey(a => a.Id);
        b.Property(a => a.Numero).HasMaxLength(10);
        b.Property(a => a.Voie).HasMaxLength(100);
        b.Property(a => a.Complement).HasMaxLength(38);
        b.Property(a => a.Batiment).HasMaxLength(20);
        b.Property(a => a.Escalier).HasMaxLength(10);
        b.Property(a => a.Etage).HasMaxLength(10);
        b.Property(a => a.Appartement).HasMaxLength(10);
        b.Property(a => a.CodePostal).HasMaxLength(5);
        b.Property(a => a.CommuneInsee).HasMaxLength(5);
        b.Property(a => a.CommuneNom).HasMaxLength(100);
        b.Property(a => a.QpvCode).HasMaxLength(20);
        b.Ignore(a => a.EstCourante);
        b.Ignore(a => a.Saisie);

        // JEU-06, last net: one current address per jeune.
        b.HasIndex(a => a.JeuneId).IsUnique().HasFilter("date_fin IS NULL").HasDatabaseName("ux_adresses_courante");
        b.HasIndex(a => new { a.JeuneId, a.DateDebut });
    }
}

public sealed class RessourceConfiguration : IEntityTypeConfiguration<Ressource>
{
    public void Configure(EntityTypeBuilder<Ressource> b)
    {
        b.ToTable("Ressources", t =>
        {
            t.HasCheckConstraint("ck_ressources_montant", "montant_mensuel >= 0");
            t.HasCheckConstraint("ck_ressources_dates", "date_fin IS NULL OR date_fin >= date_debut");
        });
        b.HasKey(r => r.Id);
        b.Property(r => r.MontantMensuel).HasPrecision(10, 2);
        b.HasIndex(r => r.JeuneId);
    }
}

public sealed class PermisConfiguration : IEntityTypeConfiguration<Permis>
{
    public void Configure(EntityTypeBuilder<Permis> b)
    {
        b.ToTable("Permis", t => t.HasCheckConstraint("ck_permis_date", "etape <> 4 OR date_obtention IS NOT NULL"));
        b.HasKey(p => p.Id);
        b.Property(p => p.Categorie).HasMaxLength(4);
        b.HasIndex(p => new { p.JeuneId, p.Categorie }).IsUnique();
    }
}

public sealed class DiplomeConfiguration : IEntityTypeConfiguration<Diplome>
{
    public void Configure(EntityTypeBuilder<Diplome> b)
    {
        // CUR-02 as the last net: a level of the nomenclature and an RNCP code of the right shape.
        b.ToTable("Diplomes", t =>
        {
            t.HasCheckConstraint("ck_diplomes_niveau", "niveau IN (0, 3, 4, 5, 6, 7, 8)");
            t.HasCheckConstraint("ck_diplomes_rncp", "code_rncp IS NULL OR code_rncp ~ '^RNCP[0-9]{1,8}$'");
        });
        b.HasKey(d => d.Id);
        b.Property(d => d.Libelle).HasMaxLength(150);
        b.Property(d => d.CodeRncp).HasMaxLength(12);
        b.HasIndex(d => d.JeuneId);

        // CUR-03: one diploma per formation situation.
        b.HasIndex(d => d.SituationId).IsUnique().HasFilter("situation_id IS NOT NULL").HasDatabaseName("ux_diplomes_situation");
        b.HasOne<Domain.Situations.Situation>().WithMany().HasForeignKey(d => d.SituationId).OnDelete(DeleteBehavior.SetNull);
    }
}
