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
        b.HasIndex(p => p.JeuneId);
    }
}

public sealed class CerConfiguration : IEntityTypeConfiguration<Cer>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Cer> b)
    {
        b.ToTable("Cers", t => t.HasCheckConstraint("ck_cers_refus_motive", "etat <> 6 OR motif_refus IS NOT NULL"));
        b.Ignore(c => c.Contenu);
        b.Ignore(c => c.FinPrevue);
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
    }
}
