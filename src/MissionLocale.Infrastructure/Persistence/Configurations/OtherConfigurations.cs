using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionLocale.Domain.Audit;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Reference;
using MissionLocale.Domain.Structures;

namespace MissionLocale.Infrastructure.Persistence.Configurations;

public sealed class StructureConfiguration : IEntityTypeConfiguration<Structure>
{
    public void Configure(EntityTypeBuilder<Structure> b)
    {
        b.ToTable("Structures");
        b.Property(s => s.Code).HasMaxLength(20);
        b.HasIndex(s => s.Code).IsUnique();
        b.Property(s => s.Nom).HasMaxLength(150);
        b.Property(s => s.AdresseVoie).HasMaxLength(100);
        b.Property(s => s.CodePostal).HasMaxLength(5);
        b.Property(s => s.CommuneInsee).HasMaxLength(5);
        b.Property(s => s.Telephone).HasMaxLength(20);
        b.Property(s => s.Email).HasMaxLength(254);
        b.HasMany(s => s.Territoire).WithOne().HasForeignKey(t => t.StructureId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Territoire).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class CommuneTerritoireConfiguration : IEntityTypeConfiguration<CommuneTerritoire>
{
    public void Configure(EntityTypeBuilder<CommuneTerritoire> b)
    {
        b.ToTable("TerritoiresStructure");
        b.HasKey(t => new { t.StructureId, t.CommuneInsee });
        b.Property(t => t.CommuneInsee).HasMaxLength(5);
        b.HasIndex(t => t.CommuneInsee);
    }
}

public sealed class AntenneConfiguration : IEntityTypeConfiguration<Antenne>
{
    public void Configure(EntityTypeBuilder<Antenne> b)
    {
        b.ToTable("Antennes");
        b.Property(a => a.Nom).HasMaxLength(150);
        b.Property(a => a.AdresseVoie).HasMaxLength(100);
        b.Property(a => a.CodePostal).HasMaxLength(5);
        b.Property(a => a.CommuneInsee).HasMaxLength(5);
        b.Property(a => a.Telephone).HasMaxLength(20);
        b.Property(a => a.Horaires).HasMaxLength(300);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<Structure>().WithMany().HasForeignKey(a => a.StructureId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.StructureId, a.Nom }).IsUnique();
    }
}

public sealed class EvenementConfiguration : IEntityTypeConfiguration<Evenement>
{
    public void Configure(EntityTypeBuilder<Evenement> b)
    {
        b.ToTable("Evenements", t => t.HasCheckConstraint("ck_evenements_duree", "duree_minutes BETWEEN 1 AND 1440"));
        b.Property(e => e.Commentaire).HasMaxLength(1000);
        b.HasOne<Jeune>().WithMany().HasForeignKey(e => e.JeuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.JeuneId, e.Date });
        b.HasIndex(e => new { e.ConseillerId, e.Date });

        // PIL-03: the dashboards read a structure's événements of a period.
        b.HasIndex(e => new { e.StructureId, e.Date });

        // PIL-03: the national indicators read who was in contact in a period, from the index alone (no table pages).
        b.HasIndex(e => e.Date).IncludeProperties(e => new { e.JeuneId, e.Nature }).HasDatabaseName("ix_evenements_date_contact");
        b.Navigation(e => e.Propositions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class HistoriqueConfiguration : IEntityTypeConfiguration<HistoriqueModification>
{
    public void Configure(EntityTypeBuilder<HistoriqueModification> b)
    {
        b.ToTable("HistoriqueModifications");

        // RGPD-04/05: the DPO's journal by period and user; the purge by date.
        b.HasIndex(h => new { h.StructureId, h.Le });
        b.HasIndex(h => new { h.UtilisateurId, h.Le });
        b.Property(h => h.Id).UseIdentityAlwaysColumn();
        b.Property(h => h.Utilisateur).HasMaxLength(100);
        b.Property(h => h.Element).HasMaxLength(50);
        b.Property(h => h.Champ).HasMaxLength(100);
        b.HasIndex(h => new { h.JeuneId, h.Le });
    }
}

public sealed class ConsultationConfiguration : IEntityTypeConfiguration<ConsultationDossier>
{
    public void Configure(EntityTypeBuilder<ConsultationDossier> b)
    {
        b.ToTable("ConsultationsDossier");

        // RGPD-04/05: the DPO's journal by period and user; the purge by date.
        b.HasIndex(h => new { h.StructureId, h.Le });
        b.HasIndex(h => new { h.UtilisateurId, h.Le });
        b.Property(h => h.Id).UseIdentityAlwaysColumn();
        b.Property(h => h.Utilisateur).HasMaxLength(100);
        b.Property(h => h.Objet).HasMaxLength(100);
        b.HasIndex(h => new { h.JeuneId, h.Le });
    }
}

public sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> b)
    {
        b.ToTable("Communes");
        b.HasKey(c => c.CodeInsee);
        b.Property(c => c.CodeInsee).HasMaxLength(5);
        b.Property(c => c.Nom).HasMaxLength(100);
        b.Property(c => c.Departement).HasMaxLength(3);
        b.Property(c => c.Epci).HasMaxLength(9);
    }
}

public sealed class CodePostalConfiguration : IEntityTypeConfiguration<CodePostal>
{
    public void Configure(EntityTypeBuilder<CodePostal> b)
    {
        b.ToTable("CodesPostaux");
        b.HasKey(c => new { c.Code, c.CommuneInsee });
        b.Property(c => c.Code).HasMaxLength(5);
        b.Property(c => c.CommuneInsee).HasMaxLength(5);
        b.Property(c => c.LibelleAcheminement).HasMaxLength(100);
        b.HasIndex(c => c.CommuneInsee);
    }
}

public sealed class DepartementConfiguration : IEntityTypeConfiguration<Departement>
{
    public void Configure(EntityTypeBuilder<Departement> b)
    {
        b.ToTable("Departements");
        b.HasKey(c => c.Code);
        b.Property(c => c.Code).HasMaxLength(3);
        b.Property(c => c.Nom).HasMaxLength(100);
        b.Property(c => c.Region).HasMaxLength(100);
    }
}

public sealed class EpciConfiguration : IEntityTypeConfiguration<Epci>
{
    public void Configure(EntityTypeBuilder<Epci> b)
    {
        b.ToTable("Epcis");
        b.HasKey(c => c.Code);
        b.Property(c => c.Code).HasMaxLength(9);
        b.Property(c => c.Nom).HasMaxLength(200);
    }
}

public sealed class PaysConfiguration : IEntityTypeConfiguration<Pays>
{
    public void Configure(EntityTypeBuilder<Pays> b)
    {
        b.ToTable("Pays");
        b.HasKey(c => c.Code);
        b.Property(c => c.Code).HasMaxLength(2);
        b.Property(c => c.Nom).HasMaxLength(100);
        b.Property(c => c.Nationalite).HasMaxLength(100);
        b.Property(c => c.CodeInsee).HasMaxLength(5).IsFixedLength();
        b.HasIndex(c => c.CodeInsee).IsUnique();
    }
}

public sealed class QpvConfiguration : IEntityTypeConfiguration<Qpv>
{
    public void Configure(EntityTypeBuilder<Qpv> b)
    {
        b.ToTable("Qpvs", t => t.HasCheckConstraint("ck_qpvs_dates", "date_fin IS NULL OR date_fin >= date_debut"));
        b.HasKey(c => c.Code);
        b.Property(c => c.Code).HasMaxLength(20);
        b.Property(c => c.Nom).HasMaxLength(200);
        b.Property(c => c.CommuneInsee).HasMaxLength(5);
    }
}

public sealed class QpvVoieConfiguration : IEntityTypeConfiguration<QpvVoie>
{
    public void Configure(EntityTypeBuilder<QpvVoie> b)
    {
        b.ToTable("QpvVoies");
        b.Property(c => c.Id).UseIdentityAlwaysColumn();
        b.Property(c => c.QpvCode).HasMaxLength(20);
        b.Property(c => c.CommuneInsee).HasMaxLength(5);
        b.Property(c => c.VoieCle).HasMaxLength(150);
        b.HasOne<Qpv>().WithMany().HasForeignKey(v => v.QpvCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.CommuneInsee, c.VoieCle, c.QpvCode }).IsUnique();
    }
}

public sealed class FusionReferentielConfiguration : IEntityTypeConfiguration<MissionLocale.Domain.Reference.FusionReferentiel>
{
    public void Configure(EntityTypeBuilder<MissionLocale.Domain.Reference.FusionReferentiel> b)
    {
        b.ToTable("FusionsReferentiel", t => t.HasCheckConstraint("ck_fusions_referentiel_source_cible", "source <> cible"));
        b.Property(f => f.Source).HasMaxLength(40);
        b.Property(f => f.Cible).HasMaxLength(40);
        b.Property(f => f.SourceLibelle).HasMaxLength(150);
        b.Property(f => f.CibleLibelle).HasMaxLength(150);
        b.Property(f => f.DemandeePar).HasMaxLength(256);

        // USR-10, last net: one scheduled merge per source element.
        b.HasIndex(f => new { f.StructureId, f.Table, f.Source }).IsUnique().HasFilter("etat = 1").HasDatabaseName("ux_fusions_referentiel_programmee");
        b.HasIndex(f => new { f.Etat, f.PrevueLe });
    }
}

public sealed class DemandeDemenagementConfiguration : IEntityTypeConfiguration<MissionLocale.Domain.Demenagements.DemandeDemenagement>
{
    public void Configure(EntityTypeBuilder<MissionLocale.Domain.Demenagements.DemandeDemenagement> b)
    {
        b.ToTable("DemandesDemenagement", t =>
        {
            t.HasCheckConstraint("ck_demandes_demenagement_deux_structures", "structure_cedante_id <> structure_demandeuse_id");
            t.HasCheckConstraint("ck_demandes_demenagement_refus_motive", "etat <> 3 OR motif_refus IS NOT NULL");
        });
        b.Property(d => d.Motif).HasMaxLength(300);
        b.Property(d => d.MotifRefus).HasMaxLength(300);
        b.Property(d => d.DemandeePar).HasMaxLength(256);
        b.Property(d => d.DecideePar).HasMaxLength(256);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne<Jeune>().WithMany().HasForeignKey(d => d.JeuneId).OnDelete(DeleteBehavior.Cascade);

        // DEM-07, last net: one pending request per dossier.
        b.HasIndex(d => d.JeuneId).IsUnique().HasFilter("etat = 1").HasDatabaseName("ux_demandes_demenagement_en_cours");
        b.HasIndex(d => new { d.StructureCedanteId, d.Etat });
        b.HasIndex(d => new { d.StructureDemandeuseId, d.Etat });
    }
}

public sealed class ElementNomenclatureConfiguration : IEntityTypeConfiguration<ElementNomenclature>
{
    public void Configure(EntityTypeBuilder<ElementNomenclature> b)
    {
        b.ToTable("Nomenclatures", t => t.HasCheckConstraint("ck_nomenclatures_dates", "date_fin IS NULL OR date_fin >= date_debut"));
        b.HasKey(n => n.Id);
        b.Property(n => n.Liste).HasMaxLength(30);
        b.Property(n => n.Code).HasMaxLength(30);
        b.Property(n => n.Libelle).HasMaxLength(150);
        b.HasIndex(n => new { n.Liste, n.Code, n.DateDebut }).IsUnique();
    }
}

public sealed class RechercheSauvegardeeConfiguration : IEntityTypeConfiguration<Domain.Pilotage.RechercheSauvegardee>
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public void Configure(EntityTypeBuilder<Domain.Pilotage.RechercheSauvegardee> b)
    {
        b.ToTable("RecherchesSauvegardees");
        b.HasKey(r => r.Id);
        b.Property(r => r.Nom).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();

        // PIL-02: the criteria as JSON, so a new criterion needs no migration of the saved searches.
        b.Property(r => r.Criteres).HasColumnType("jsonb").HasConversion(
            c => System.Text.Json.JsonSerializer.Serialize(c, Json),
            s => System.Text.Json.JsonSerializer.Deserialize<Domain.Pilotage.CriteresRecherche>(s, Json) ?? new Domain.Pilotage.CriteresRecherche());

        // PIL-02: a user's searches have distinct names.
        b.HasIndex(r => new { r.ProprietaireId, r.Nom }).IsUnique().HasDatabaseName("ux_recherches_nom");
        b.HasIndex(r => new { r.StructureId, r.Partagee });
    }
}

public sealed class IndicateursPrecalculesConfiguration : IEntityTypeConfiguration<Domain.Pilotage.IndicateursPrecalcules>
{
    public void Configure(EntityTypeBuilder<Domain.Pilotage.IndicateursPrecalcules> b)
    {
        b.ToTable("IndicateursPrecalcules");
        b.HasKey(i => i.Cle);
        b.Property(i => i.Cle).HasMaxLength(100);
        b.Property(i => i.Contenu).HasColumnType("jsonb");
    }
}

/// <summary>PIL-03: the materialised view rapport_jeunes (created by the migration "RapportJeunes"), read-only.</summary>
public sealed class RapportJeuneConfiguration : IEntityTypeConfiguration<Domain.Pilotage.RapportJeune>
{
    public void Configure(EntityTypeBuilder<Domain.Pilotage.RapportJeune> b)
    {
        b.ToView("rapport_jeunes");
        b.HasNoKey();
    }
}
