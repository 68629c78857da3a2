using System.Text.Json.Serialization.Metadata;

namespace MissionLocale.Web.Api;

/// <summary>
/// Optimistic concurrency through the API: an <c>int Version</c> of a request body is required in the JSON. Without
/// it the body is refused (400, "version" obligatoire) instead of being read as version 0.
/// </summary>
public static class VersionObligatoire
{
    public static void Appliquer(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.Namespace?.StartsWith("MissionLocale", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var p in type.Properties)
        {
            if (p.PropertyType == typeof(int) && string.Equals(p.Name, "version", StringComparison.OrdinalIgnoreCase))
            {
                p.IsRequired = true;
            }
        }
    }
}
