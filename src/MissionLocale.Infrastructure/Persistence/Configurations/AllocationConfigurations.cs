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
