using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MissionLocale.Infrastructure.Persistence;

/// <summary>snake_case names for tables, columns, keys and indexes: readable SQL for COPY, benchmarks and DBAs.</summary>
internal static class SnakeCase
{
    public static string Convertir(string nom)
    {
        var sb = new StringBuilder(nom.Length + 8);
        for (var i = 0; i < nom.Length; i++)
        {
            var c = nom[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && nom[i - 1] != '_' && (char.IsLower(nom[i - 1]) || (i + 1 < nom.Length && char.IsLower(nom[i + 1]))))
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    public static void Appliquer(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table)
            {
                entity.SetTableName(Convertir(table));
            }

            // A view (the reporting rows): its columns are named after the view.
            var store = entity.GetTableName() is { } nom ? StoreObjectIdentifier.Table(nom, entity.GetSchema()) : StoreObjectIdentifier.View(entity.GetViewName()!, entity.GetViewSchema());
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(Convertir(property.GetColumnName(store) ?? property.Name));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(Convertir(key.GetName()!));
            }

            foreach (var fk in entity.GetForeignKeys())
            {
                fk.SetConstraintName(Convertir(fk.GetConstraintName()!));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(Convertir(index.GetDatabaseName()!));
            }
        }
    }
}
