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

public sealed class DeclarationRessourcesConfiguration : IEntityTypeConfiguration<DeclarationRessources>
{
    public void Configure(EntityTypeBuilder<DeclarationRessources> b)
    {
        b.ToTable("DeclarationsRessources", t => t.HasCheckConstraint("ck_declarations_ressources_premier_du_mois", "extract(day from mois) = 1"));

        // Money is numeric(10,2), never floating point.
        foreach (var p in new[] { nameof(DeclarationRessources.NetAPayer), nameof(DeclarationRessources.AvanceHorsNet), nameof(DeclarationRessources.RevenuEcologique), nameof(DeclarationRessources.RemunerationStagiaire),
            nameof(DeclarationRessources.ChiffreAffaires), nameof(DeclarationRessources.AutresRessources), nameof(DeclarationRessources.AllocationCejRecue), nameof(DeclarationRessources.Total) })
        {
            b.Property(p).HasPrecision(10, 2);
        }

        b.Property(d => d.Version).IsConcurrencyToken();
        b.Ignore(d => d.Saisie);
        b.HasOne<Jeune>().WithMany().HasForeignKey(d => d.JeuneId).OnDelete(DeleteBehavior.Cascade);

        // ALLOC-08: one declaration per jeune and month, even under concurrent saves.
        b.HasIndex(d => new { d.JeuneId, d.Mois }).IsUnique().HasDatabaseName("ux_declarations_ressources_mois");
    }
}

public sealed class DemandeAllocationConfiguration : IEntityTypeConfiguration<DemandeAllocation>
{
    public void Configure(EntityTypeBuilder<DemandeAllocation> b)
    {
        b.ToTable("DemandesAllocation", t =>
        {
            t.HasCheckConstraint("ck_demandes_allocation_premier_du_mois", "extract(day from mois) = 1");
            t.HasCheckConstraint("ck_demandes_allocation_montant_positif", "montant >= 0");
        });
        b.Property(d => d.TypeCode).HasMaxLength(20);
        b.Property(d => d.Ressources).HasPrecision(10, 2);
        b.Property(d => d.RessourcesDifferentielles).HasPrecision(10, 2);
        b.Property(d => d.Montant).HasPrecision(10, 2);
        b.Property(d => d.MontantVerse).HasPrecision(10, 2);
        b.Property(d => d.MotifAsp).HasMaxLength(200);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.Ignore(d => d.Supprimable);
        b.Ignore(d => d.Modifiable);
        b.HasOne<Jeune>().WithMany().HasForeignKey(d => d.JeuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MissionLocale.Domain.Dispositifs.Dispositif>().WithMany().HasForeignKey(d => d.DispositifId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LotAsp>().WithMany().HasForeignKey(d => d.LotId).OnDelete(DeleteBehavior.Restrict);

        // ALLOC-01: one request per jeune, dispositif and month (a modification replaces the request it modifies).
        b.HasIndex(d => new { d.JeuneId, d.DispositifId, d.Mois }).IsUnique().HasFilter("remplacee_par_id IS NULL").HasDatabaseName("ux_demandes_allocation_mois");

        // The siège's queues and the batch builder read by structure and state.
        b.HasIndex(d => new { d.StructureId, d.Etat, d.TypeCode });
        b.HasIndex(d => d.LotId);
    }
}

public sealed class CerfaConfiguration : IEntityTypeConfiguration<Cerfa>
{
    public void Configure(EntityTypeBuilder<Cerfa> b)
    {
        b.ToTable("Cerfas", t => t.HasCheckConstraint("ck_cerfas_numero", "numero IN (0, 1, 2)"));
        b.Property(c => c.TypeCode).HasMaxLength(20);
        b.Property(c => c.MotifAsp).HasMaxLength(200);
        b.Property(c => c.MotifRenvoi).HasMaxLength(Cerfa.LongueurMotifRenvoiMax);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Jeune>().WithMany().HasForeignKey(c => c.JeuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MissionLocale.Domain.Dispositifs.Dispositif>().WithMany().HasForeignKey(c => c.DispositifId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.DispositifId);
        b.HasIndex(c => new { c.StructureId, c.Etat });
    }
}

public sealed class DelegationRgsConfiguration : IEntityTypeConfiguration<DelegationRgs>
{
    public void Configure(EntityTypeBuilder<DelegationRgs> b)
    {
        b.ToTable("DelegationsRgs", t => t.HasCheckConstraint("ck_delegations_rgs_dates", "au >= du"));
        b.Property(d => d.Certificat).HasMaxLength(100);
        b.HasIndex(d => d.UtilisateurId);
    }
}

public sealed class LotAspConfiguration : IEntityTypeConfiguration<LotAsp>
{
    public void Configure(EntityTypeBuilder<LotAsp> b)
    {
        b.ToTable("LotsAsp");
        b.Property(l => l.TypeCode).HasMaxLength(20);
        b.Property(l => l.Total).HasPrecision(12, 2);
        b.Property(l => l.NomFichier).HasMaxLength(200);
        b.Property(l => l.Version).IsConcurrencyToken();
        b.HasIndex(l => new { l.StructureId, l.Numero }).IsUnique().HasDatabaseName("ux_lots_asp_numero");
    }
}

public sealed class ImportRetourAspConfiguration : IEntityTypeConfiguration<ImportRetourAsp>
{
    public void Configure(EntityTypeBuilder<ImportRetourAsp> b)
    {
        b.ToTable("ImportsRetourAsp");
        b.Property(i => i.NomFichier).HasMaxLength(200);
        b.Property(i => i.Empreinte).HasMaxLength(64);
    }
}
