using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MissionLocale.Application.Common;

namespace MissionLocale.Infrastructure.Persistence;

/// <summary>
/// The column limits of the model (text length, numeric precision) checked before saving, for every entity: a value a
/// use case's validator did not bound (a 10,000-character motif, two amounts whose sum overflows numeric(10,2)) is a
/// French error on its field and nothing is saved, never a 500 from PostgreSQL.
/// </summary>
internal static class LimitesColonnes
{
    public static void Verifier(ChangeTracker tracker)
    {
        var erreurs = new Dictionary<string, string[]>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var p in entry.Properties)
            {
                if (entry.State == EntityState.Modified && !p.IsModified)
                {
                    continue;
                }

                var meta = p.Metadata;
                switch (p.CurrentValue)
                {
                    case string texte when meta.GetMaxLength() is { } max && texte.Length > max:
                        erreurs.TryAdd(meta.Name, [$"Ce champ ne peut pas dépasser {max.ToString("N0", Fr)} caractères ({texte.Length.ToString("N0", Fr)} saisis)."]);
                        break;
                    case decimal montant when meta.GetPrecision() is { } precision && Math.Abs(decimal.Truncate(montant)) >= Puissance10(precision - (meta.GetScale() ?? 0)):
                        erreurs.TryAdd(meta.Name, [$"Montant trop élevé : au plus {(Puissance10(precision - (meta.GetScale() ?? 0)) - 0.01m).ToString("N2", Fr)}."]);
                        break;
                }
            }
        }

        if (erreurs.Count > 0)
        {
            throw new InvalidInputException(erreurs);
        }
    }

    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    private static decimal Puissance10(int n)
    {
        var r = 1m;
        for (var i = 0; i < n; i++)
        {
            r *= 10;
        }

        return r;
    }
}
