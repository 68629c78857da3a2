using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionLocale.Domain.Insertion;
using MissionLocale.Domain.Jeunes;

namespace MissionLocale.Infrastructure.Persistence.Configurations;

public sealed class ParcoursInsertionConfiguration : IEntityTypeConfiguration<ParcoursInsertion>
{
    public void Configure(EntityTypeBuilder<ParcoursInsertion> b)
    {
        b.ToTable("ParcoursInsertion");
        b.HasOne<Jeune>().WithMany().HasForeignKey(p => p.JeuneId).OnDelete(DeleteBehavior.Cascade);
        // CER-01: one parcours per beneficiary (two clicks on « Ouvrir » make one).
        b.HasIndex(p => p.JeuneId).IsUnique().HasDatabaseName("ux_parcours_insertion_jeune");
    }
}

public sealed class CerConfiguration : IEntityTypeConfiguration<Cer>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Cer> b)
    {
        b.ToTable("Cers", t => t.HasCheckConstraint("ck_cers_refus_motive", "etat <> 6 OR motif_refus IS NOT NULL"));
        b.Ignore(c => c.Contenu);
        b.Ignore(c => c.TypeVerrouille);
        b.Ignore(c => c.ValidationRequise);
        b.Ignore(c => c.Actions);
        foreach (var champ in new[] { nameof(Cer.Perspectives), nameof(Cer.Atouts), nameof(Cer.Defis), nameof(Cer.Observation), nameof(Cer.Engagements), nameof(Cer.RythmeRencontres) })
        {
            b.Property<string?>(champ).HasMaxLength(ContenuCer.LongueurMax);
        }

        b.Property(c => c.MotifRefus).HasMaxLength(500);
        b.Property(c => c.Version).IsConcurrencyToken();

        // CER-05: the actions d'insertion as one jsonb value of the CER (they are signed with it).
        b.Property<List<ActionInsertion>>("_actions").HasColumnName("actions").HasColumnType("jsonb")
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<ActionInsertion>>(v, Json) ?? new List<ActionInsertion>(),
                new ValueComparer<List<ActionInsertion>>((x, y) => x!.SequenceEqual(y!), v => v.Aggregate(0, (h, a) => HashCode.Combine(h, a.GetHashCode())), v => v.ToList()));
        b.HasOne<Jeune>().WithMany().HasForeignKey(c => c.JeuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ParcoursInsertion>().WithMany().HasForeignKey(c => c.ParcoursId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.JeuneId, c.Etat });

        // CER-04 / CER-07: one contract in preparation at a time per parcours (a double click on « Renouveler » or « Avenant » makes one).
        b.HasIndex(c => c.ParcoursId).HasDatabaseName("ux_cers_en_preparation").IsUnique().HasFilter("etat IN (1, 2, 3, 4)");

        // The référent's lists (contracts to renew this month, waiting for validation, refused) read by state and end.
        b.HasIndex(c => new { c.StructureId, c.Etat, c.FinPrevue });
        b.Property(c => c.SignatureBeneficiaire).HasMaxLength(Cer.TailleSignatureMax);
        b.Property(c => c.SignatureReferent).HasMaxLength(Cer.TailleSignatureMax);
    }
}

public sealed class SaisineEpConfiguration : IEntityTypeConfiguration<SaisineEp>
{
    public void Configure(EntityTypeBuilder<SaisineEp> b)
    {
        b.ToTable("SaisinesEp", t =>
        {
            // EP-02 and EP-03 as the last net.
            t.HasCheckConstraint("ck_saisines_ep_reorientation", "motif <> 8 OR (type_cible IN (1, 2, 3) AND structure_cible IS NOT NULL AND structure_cible <> '')");
            t.HasCheckConstraint("ck_saisines_ep_inscrite", "etat = 1 OR etat = 4 OR (commission IS NOT NULL AND date_commission IS NOT NULL)");
            t.HasCheckConstraint("ck_saisines_ep_refus", "etat <> 4 OR commentaire_validation IS NOT NULL");
        });
        b.Ignore(s => s.EstSanctionContrat);
        b.Property(s => s.DecisionProposee).HasMaxLength(100);
        b.Property(s => s.CommentaireInsertion).HasMaxLength(SaisineEp.LongueurCommentaireMax);
        b.Property(s => s.CommentaireValidation).HasMaxLength(SaisineEp.LongueurCommentaireMax);
        b.Property(s => s.Commission).HasMaxLength(200);
        b.Property(s => s.StructureCible).HasMaxLength(SaisineEp.LongueurStructureMax);
        b.Property(s => s.Decision).HasMaxLength(500);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<Jeune>().WithMany().HasForeignKey(s => s.JeuneId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.JeuneId, s.Etat });
        b.HasIndex(s => new { s.StructureId, s.Etat });
    }
}
