using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Jeunes;

using static MissionLocale.Infrastructure.Persistence.Configurations.EtatsSql;

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

            // ALLOC-02, ALLOC-11, ALLOC-13: state consistency, the states taken from the workflow table.
            t.HasCheckConstraint("ck_demandes_allocation_envoyee_dans_un_lot", $"etat NOT IN ({Etats(CycleDemande.EnvoyeesAsp)}) OR lot_id IS NOT NULL");
            t.HasCheckConstraint("ck_demandes_allocation_refus_motive", $"etat <> {(int)EtatDemande.RefuseeAsp} OR motif_asp IS NOT NULL");
            t.HasCheckConstraint("ck_demandes_allocation_validee_par", $"etat NOT IN ({Etats(CycleDemande.Table.Atteignables(EtatDemande.Validee))}) OR (validee_par IS NOT NULL AND validee_le IS NOT NULL)");
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
        b.ToTable("Cerfas", t =>
        {
            t.HasCheckConstraint("ck_cerfas_numero", "numero IN (0, 1, 2)");

            // CERFA-03: a CERFA the siège validated carries its validator; a signed one its scan.
            t.HasCheckConstraint("ck_cerfas_valide_par", $"etat NOT IN ({Etats(CycleCerfa.ValideesSiege)}) OR (valide_par IS NOT NULL AND valide_le IS NOT NULL)");
            t.HasCheckConstraint("ck_cerfas_scan", $"etat <> {(int)EtatCerfa.Signee} OR scan_document_id IS NOT NULL");
        });
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
        // ALLOC-11: a sent batch keeps its file as sent.
        b.ToTable("LotsAsp", t => t.HasCheckConstraint("ck_lots_asp_envoye", $"etat <> {(int)EtatLot.Envoye} OR (fichier IS NOT NULL AND envoye_le IS NOT NULL)"));
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

/// <summary>States as the integers of a SQL list, for check constraints derived from the workflow tables.</summary>
internal static class EtatsSql
{
    public static string Etats<TEtat>(IEnumerable<TEtat> etats)
        where TEtat : struct, Enum => string.Join(", ", etats.Select(e => Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture)).Order());
}
