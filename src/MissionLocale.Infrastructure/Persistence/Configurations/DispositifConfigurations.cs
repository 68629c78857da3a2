using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Jeunes;

namespace MissionLocale.Infrastructure.Persistence.Configurations;

public sealed class DispositifConfiguration : IEntityTypeConfiguration<Dispositif>
{
    public void Configure(EntityTypeBuilder<Dispositif> b)
    {
        // RE-03 and ENT-01: the company a Relation Entreprise led to; a company named there is not deleted.
        b.HasOne<Domain.Entreprises.Entreprise>().WithMany().HasForeignKey(x => x.EntrepriseId).OnDelete(DeleteBehavior.Restrict);

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
        b.Property(d => d.PublicPao).HasMaxLength(100);
        b.Property(d => d.Lycee).HasMaxLength(150);
        b.Property(d => d.Classe).HasMaxLength(60);
        b.Property(d => d.BilanAvenirPro).HasMaxLength(4000);
        b.Ignore(d => d.ReleveEntree);
        b.Ignore(d => d.ReleveSortie);
        foreach (var p in new[] { "NiveauCep", "Situation", "Logement", "Mobilite", "Couverture" })
        {
            b.Property<string?>("Entree" + p).HasMaxLength(200);
            b.Property<string?>("Sortie" + p).HasMaxLength(200);
        }

        b.HasMany(d => d.Phases).WithOne().HasForeignKey(p => p.DispositifId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Phases).HasField("_phases").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(d => d.Actions).WithOne().HasForeignKey(a => a.DispositifId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Actions).HasField("_actions").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<Parrain>().WithMany().HasForeignKey(d => d.ParrainId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Jeune>().WithMany().HasForeignKey(d => d.JeuneId).OnDelete(DeleteBehavior.Cascade);

        // DISP-02, last net: at most one open dispositif of a type per jeune, even under concurrent requests.
        b.HasIndex(d => new { d.JeuneId, d.TypeCode }).IsUnique().HasFilter("date_fin_reelle IS NULL").HasDatabaseName("ux_dispositifs_ouvert");
        b.HasIndex(d => new { d.StructureId, d.TypeCode, d.DateFinReelle });

        // PIL-03: entries of a period.
        b.HasIndex(d => new { d.StructureId, d.DateDebut });

        // PIL-03, national: entries and exits of a period across structures, read from the index alone.
        b.HasIndex(d => d.DateDebut).IncludeProperties(d => d.TypeCode).HasDatabaseName("ix_dispositifs_entrees");
        b.HasIndex(d => d.DateFinReelle).IncludeProperties(d => new { d.TypeCode, d.SortiePositive }).HasFilter("date_fin_reelle IS NOT NULL").HasDatabaseName("ix_dispositifs_sorties");

        // The dossier's dispositifs (tab, timeline, checks at opening): all of them, not only the open ones of ux_dispositifs_ouvert.
        b.HasIndex(d => d.JeuneId);
    }
}

public sealed class PhasePaceaConfiguration : IEntityTypeConfiguration<PhasePacea>
{
    public void Configure(EntityTypeBuilder<PhasePacea> b)
    {
        b.ToTable("PhasesPacea", t => t.HasCheckConstraint("ck_phases_pacea_dates", "date_fin_prevue >= date_debut AND (date_fin IS NULL OR date_fin >= date_debut)"));
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Objectifs).HasMaxLength(1000);
        b.Property(p => p.Resultat).HasMaxLength(1000);
        b.Ignore(p => p.Ouverte);

        // PACEA-05: phases are numbered in order, one number per PACEA.
        b.HasIndex(p => new { p.DispositifId, p.Numero }).IsUnique();
        b.HasIndex(p => p.DispositifId).IsUnique().HasFilter("date_fin IS NULL").HasDatabaseName("ux_phases_pacea_en_cours");
    }
}

public sealed class IntervenantConfiguration : IEntityTypeConfiguration<Intervenant>
{
    public void Configure(EntityTypeBuilder<Intervenant> b)
    {
        b.ToTable("Intervenants");
        b.Property(i => i.Nom).HasMaxLength(150);

        // USR-07: one entry per function for a user, one per function for a partner's name.
        b.HasIndex(i => new { i.StructureId, i.Fonction, i.UtilisateurId }).IsUnique().HasFilter("utilisateur_id IS NOT NULL");
        b.HasIndex(i => new { i.StructureId, i.Fonction, i.Nom }).IsUnique();
    }
}

public sealed class ParrainConfiguration : IEntityTypeConfiguration<Parrain>
{
    public void Configure(EntityTypeBuilder<Parrain> b)
    {
        b.ToTable("Parrains", t => t.HasCheckConstraint("ck_parrains_benevole", "benevole"));
        b.Property(p => p.Nom).HasMaxLength(100);
        b.Property(p => p.Prenom).HasMaxLength(100);
        b.Property(p => p.Entreprise).HasMaxLength(150);
        b.Property(p => p.Metier).HasMaxLength(150);
        b.Property(p => p.Email).HasMaxLength(254);
        b.Property(p => p.Telephone).HasMaxLength(20);
        b.HasIndex(p => new { p.StructureId, p.Nom, p.Prenom });
    }
}

public sealed class ActionParrainageConfiguration : IEntityTypeConfiguration<ActionParrainage>
{
    public void Configure(EntityTypeBuilder<ActionParrainage> b)
    {
        b.ToTable("ActionsParrainage");
        b.Property(a => a.DomaineCode).HasMaxLength(30);
        b.Property(a => a.Libelle).HasMaxLength(200);
        b.HasIndex(a => new { a.DispositifId, a.Date });
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

public sealed class HistoriqueReferentielConfiguration : IEntityTypeConfiguration<HistoriqueReferentiel>
{
    public void Configure(EntityTypeBuilder<HistoriqueReferentiel> b)
    {
        b.ToTable("HistoriqueReferentiel");
        b.Property(h => h.Id).UseIdentityAlwaysColumn();
        b.Property(h => h.Utilisateur).HasMaxLength(200);
        b.Property(h => h.Code).HasMaxLength(100);
        b.Property(h => h.AncienneValeur).HasMaxLength(ParametreRegle.LongueurValeurMax);
        b.Property(h => h.NouvelleValeur).HasMaxLength(ParametreRegle.LongueurValeurMax);
        b.HasIndex(h => new { h.Code, h.Le });
    }
}

public sealed class ParametreRegleConfiguration : IEntityTypeConfiguration<ParametreRegle>
{
    public void Configure(EntityTypeBuilder<ParametreRegle> b)
    {
        b.ToTable("ParametresRegle");
        b.Property(t => t.Id).UseIdentityAlwaysColumn();
        b.Property(t => t.Code).HasMaxLength(50);
        b.Property(t => t.Valeur).HasMaxLength(ParametreRegle.LongueurValeurMax);
        b.Property(t => t.Description).HasMaxLength(300);
        b.HasIndex(t => new { t.Code, t.DateDebut }).IsUnique();
    }
}
