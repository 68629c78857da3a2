using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MissionLocale.Web.Api;

/// <summary>
/// Completes the OpenAPI document for generated clients (issue 10, part 5): the bearer security scheme and its
/// requirement on every operation but the token's, a unique operationId per operation, and the refusals every
/// operation can answer (401, 403, and 404 for those that take an id), as RFC 7807 problem details.
/// </summary>
public static partial class DocumentOpenApi
{
    public const string Schema = "Bearer";

    public const string SchemaPartenaire = "SecretPartenaire";

    public const string SchemaProbleme = "Probleme";

    public static Task CompleterAsync(OpenApiDocument doc, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        doc.Components ??= new OpenApiComponents();
        doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        doc.Components.SecuritySchemes[Schema] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Jeton obtenu par POST /api/v1/auth/token (login et mot de passe), valable une heure.",
        };

        doc.Components.SecuritySchemes[SchemaPartenaire] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Secret partagé avec le partenaire (fournisseur SMS), fixé dans la configuration de l'application.",
        };

        // The body of every refusal: RFC 7807 problem details with our extensions (rule, errors, reference…).
        doc.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        doc.Components.Schemas[SchemaProbleme] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Refus au format RFC 7807 (problem details), en français.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Ce qui a bloqué, en une phrase." },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "Ce qu'il faut faire." },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["rule"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "Identifiant de la règle métier (docs/regles-metier.md), ou CONCURRENCE." },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object | JsonSchemaType.Null,
                    Description = "Messages par champ (saisie invalide).",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
                ["reference"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "Référence à donner au support (erreur inattendue)." },
            },
        };

        // Servers as the request saw them, without a trailing slash (paths start with one).
        foreach (var serveur in doc.Servers ?? [])
        {
            serveur.Url = serveur.Url?.TrimEnd('/');
        }

        var identifiants = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (chemin, item) in doc.Paths)
        {
            foreach (var (methode, operation) in item.Operations ?? [])
            {
                var id = Identifiant(methode.Method, chemin);
                for (var n = 2; !identifiants.Add(id); n++)
                {
                    id = Identifiant(methode.Method, chemin) + n;
                }

                operation.OperationId ??= id;
                operation.Summary ??= $"{methode.Method} {chemin}";
                operation.Responses ??= new OpenApiResponses();
                operation.Responses.TryAdd("503", Reponse(doc, "Base de données momentanément indisponible : réessayer dans un instant."));
                if (chemin.EndsWith("/auth/token", StringComparison.Ordinal))
                {
                    operation.Responses.TryAdd("401", Reponse(doc, "Login ou mot de passe incorrect, ou compte verrouillé."));
                    operation.Responses.TryAdd("429", Reponse(doc, "Trop de tentatives depuis ce client : réessayer dans une minute."));
                    operation.Security = [];
                    continue;
                }

                if (chemin.Contains("/partenaires/", StringComparison.Ordinal))
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemaPartenaire, doc)] = [] }];
                    operation.Responses.TryAdd("401", Reponse(doc, "Secret du partenaire absent ou incorrect."));
                    operation.Responses.TryAdd("404", Reponse(doc, "Point d'entrée non configuré sur ce déploiement."));
                    continue;
                }

                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Schema, doc)] = [] }];
                operation.Responses.TryAdd("401", Reponse(doc, "Jeton absent, expiré ou invalide."));
                operation.Responses.TryAdd("403", Reponse(doc, "Le profil de l'utilisateur ne permet pas cette action (USR-06)."));
                if (chemin.Contains('{', StringComparison.Ordinal))
                {
                    operation.Responses.TryAdd("404", Reponse(doc, "Inconnu, ou appartenant à une autre Mission Locale."));
                }

                operation.Responses.TryAdd("400", Reponse(doc, "Saisie invalide : messages par champ (errors), règle citée (rule) le cas échéant."));
                if (methode != HttpMethod.Get)
                {
                    operation.Responses.TryAdd("409", Reponse(doc, "Modifié entre-temps par quelqu'un d'autre (rule CONCURRENCE, relire la version), ou confirmation demandée (confirmation)."));
                    operation.Responses.TryAdd("422", Reponse(doc, "Refus d'une règle métier : message en français et règle citée (rule)."));
                }
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiResponse Reponse(OpenApiDocument doc, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(SchemaProbleme, doc) } },
    };

    /// <summary>"POST /api/v1/jeunes/{id}/allocations" → "postJeunesIdAllocations".</summary>
    private static string Identifiant(string methode, string chemin)
    {
        var mots = Mots().Matches(chemin.Replace("/api/v1", string.Empty, StringComparison.Ordinal)).Select(m => m.Value);
        return methode.ToLowerInvariant() + string.Concat(mots.Select(m => char.ToUpperInvariant(m[0]) + m[1..]));
    }

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex Mots();
}
