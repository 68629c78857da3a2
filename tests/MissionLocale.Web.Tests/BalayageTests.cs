using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MissionLocale.Web.Tests;

/// <summary>
/// Issue 10, part 1: sweeps that keep "never a 5xx for something a person or client can do". (a) every operation of
/// the OpenAPI document with a token of each profile, an unknown id, another Mission Locale's id and malformed bodies,
/// nothing saved when refused; (b) every page route and handler × every profile × own id / foreign id.
/// </summary>
public sealed class BalayageTests(WebFixture f) : IClassFixture<WebFixture>
{
    private static readonly string[] ProfilsRennes = ["a.leroy", "s.debout", "v.morel", "d.garnier", "a.bernard", "c.lambert"];

    /// <summary>Path segment before an id → the table its ids come from.</summary>
    private static readonly Dictionary<string, string> TablesParSegment = new(StringComparer.Ordinal)
    {
        ["jeunes"] = "jeunes",
        ["Dossier"] = "jeunes",
        ["dispositifs"] = "dispositifs",
        ["pacea"] = "dispositifs",
        ["parrainage"] = "dispositifs",
        ["phases"] = "phases_pacea",
        ["cerfas"] = "cerfas",
        ["Cerfa"] = "cerfas",
        ["allocations"] = "demandes_allocation",
        ["lots"] = "lots_asp",
        ["delegations-rgs"] = "delegations_rgs",
        ["sessions"] = "sessions",
        ["Session"] = "sessions",
        ["participants"] = "jeunes",
        ["offres"] = "offres_de_service",
        ["rendez-vous"] = "rendez_vous",
        ["propositions"] = "propositions",
        ["situations"] = "situations",
        ["documents"] = "documents",
        ["Document"] = "documents",
        ["modeles"] = "modeles_lettre",
        ["affectations-ft"] = "affectations_ft",
        ["ppae"] = "ppaes",
        ["cers"] = "cers",
        ["saisines-ep"] = "saisines_ep",
    };

    /// <summary>Business tables whose content must not change when a request is refused (reads are logged elsewhere).</summary>
    private static readonly string[] TablesMetier =
    [
        "jeunes", "adresses", "ressources", "permis", "dispositifs", "phases_pacea", "actions_parrainage", "evenements",
        "propositions", "rendez_vous", "situations", "documents", "cerfas", "demandes_allocation", "declarations_ressources",
        "coordonnees_bancaires", "lots_asp", "delegations_rgs", "sessions", "positionnements", "offres_de_service",
        "modeles_lettre", "parrains", "parametres_regle", "historique_modifications", "intervenants",
        "affectations_ft", "ppaes", "flux_dude", "parcours_insertion", "cers", "saisines_ep",
    ];

    [Fact]
    public void Aucune_route_ambigue_dans_la_table_des_points_d_entree()
    {
        // The defect: POST /api/v1/jeunes/{id}/ressources mapped twice answered 500 to every client.
        // Static files (MapStaticAssets) have one endpoint per encoding of a file, told apart by content negotiation.
        var endpoints = f.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !Path.HasExtension(e.RoutePattern.RawText ?? string.Empty));
        var doublons = endpoints
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (Methode: m, Route: Normaliser(e.RoutePattern.RawText ?? string.Empty), e.Order)))
            .GroupBy(x => x)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Methode} {g.Key.Route}")
            .ToList();
        Assert.Empty(doublons);

        static string Normaliser(string route) => Regex.Replace(route.Trim('/').ToLowerInvariant(), "\\{[^}]+\\}", "{}");
    }

    [Fact]
    public async Task Balayage_API_jamais_de_5xx_et_rien_d_enregistre_quand_refuse()
    {
        var ids = await IdsAsync();
        var doc = JsonNode.Parse(await f.Client().GetStringAsync("/openapi/v1.json"))!;
        var schemas = doc["components"]?["schemas"]?.AsObject();
        var erreurs = new List<string>();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var login in ProfilsRennes)
        {
            clients[login] = await f.ApiAsync(login);
        }

        foreach (var (chemin, item) in doc["paths"]!.AsObject())
        {
            foreach (var (methode, operation) in item!.AsObject())
            {
                if (chemin.EndsWith("/auth/token", StringComparison.Ordinal))
                {
                    continue;
                }

                var schemaCorps = operation!["requestBody"]?["content"]?["application/json"]?["schema"];
                List<string?> corps = schemaCorps is null ? [null] : [.. CorpsMalformes(schemaCorps, schemas, ids.Rennes).Prepend("{}")];
                foreach (var login in ProfilsRennes)
                {
                    var avant = await EmpreinteAsync();
                    var toutRefuse = true;
                    foreach (var (genre, url) in Urls(chemin, ids))
                    {
                        foreach (var c in genre == "propre" ? corps : corps.Take(1))
                        {
                            using var req = new HttpRequestMessage(new HttpMethod(methode.ToUpperInvariant()), url);
                            if (c is not null)
                            {
                                req.Content = new StringContent(c, Encoding.UTF8, "application/json");
                            }

                            var r = await clients[login].SendAsync(req);
                            var statut = (int)r.StatusCode;
                            var documentes = operation["responses"]?.AsObject().Select(x => x.Key).ToHashSet() ?? [];
                            if (!documentes.Contains(statut.ToString(System.Globalization.CultureInfo.InvariantCulture)) && !documentes.Contains("default"))
                            {
                                erreurs.Add($"{statut} non documenté ({string.Join(", ", documentes.Order())}) : {methode.ToUpperInvariant()} {chemin} ({login}) {Tronquer(c)}");
                            }

                            if (statut >= 500)
                            {
                                erreurs.Add($"{statut} {methode.ToUpperInvariant()} {url} ({login}) {Tronquer(c)} → {Tronquer(await r.Content.ReadAsStringAsync())}");
                            }
                            else if (genre == "étranger" && statut < 300 && !EstSansId(chemin))
                            {
                                erreurs.Add($"{statut} sur l'id d'une autre Mission Locale : {methode.ToUpperInvariant()} {url} ({login})");
                            }

                            toutRefuse &= statut >= 400 || methode == "get";
                        }
                    }

                    if (toutRefuse && await EmpreinteAsync() is var apres && Differences(avant, apres).Any())
                    {
                        erreurs.Add($"Refusé mais enregistré : {methode.ToUpperInvariant()} {chemin} ({login}) : {string.Join(", ", Differences(avant, apres))}");
                    }
                }
            }
        }

        Assert.True(erreurs.Count == 0, string.Join("\n", erreurs.Distinct().Take(60)));
    }

    [Fact]
    public async Task Balayage_pages_chaque_route_et_gestionnaire_par_profil_jamais_de_5xx()
    {
        var ids = await IdsAsync();
        var erreurs = new List<string>();
        var pages = Pages();
        Assert.True(pages.Count > 20, "les pages n'ont pas été trouvées");
        foreach (var login in ProfilsRennes.Append("c.roux"))
        {
            var client = await f.ConnecterAsync(login);
            var html = await client.GetStringAsync("/");
            var jeton = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            var (propres, etrangers) = login == "c.roux" ? (ids.Lyon, ids.Rennes) : (ids.Rennes, ids.Lyon);
            var jeuIds = new IdsDeTest(propres, etrangers);
            foreach (var (route, gestionnaires) in pages)
            {
                foreach (var (genre, url) in Urls(route, jeuIds))
                {
                    foreach (var (verbe, nom) in gestionnaires)
                    {
                        var cible = nom.Length == 0 ? url : $"{url}?handler={nom}";
                        var r = verbe == "GET"
                            ? await client.GetAsync(cible)
                            : await client.PostAsync(cible, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = jeton }));
                        var statut = (int)r.StatusCode;
                        var corps = await r.Content.ReadAsStringAsync();
                        if (statut >= 500 || corps.Contains("   at ", StringComparison.Ordinal))
                        {
                            erreurs.Add($"{statut} {verbe} {cible} ({login}) {Tronquer(corps)}");
                        }
                        else if (verbe == "GET" && nom.Length == 0 && statut is not (200 or 302 or 403 or 404))
                        {
                            erreurs.Add($"{statut} inattendu {verbe} {cible} ({login})");
                        }
                        else if (genre == "étranger" && verbe == "GET" && statut == 200 && route.Contains('{', StringComparison.Ordinal))
                        {
                            erreurs.Add($"200 sur l'id d'une autre Mission Locale : {cible} ({login})");
                        }
                        else if (statut == 403 && !corps.Contains("Accès refusé", StringComparison.Ordinal))
                        {
                            erreurs.Add($"403 sans page « Accès refusé » : {cible} ({login})");
                        }
                    }
                }
            }
        }

        Assert.True(erreurs.Count == 0, string.Join("\n", erreurs.Distinct().Take(60)));
    }

    private static bool EstSansId(string chemin) => !chemin.Contains('{', StringComparison.Ordinal);

    private static string Tronquer(string? s) => s is null ? string.Empty : s.Length > 300 ? s[..300] : s;

    /// <summary>The URLs of a route: own ids, another Mission Locale's ids, unknown ids (a route without id: itself).</summary>
    private static IEnumerable<(string Genre, string Url)> Urls(string route, IdsDeTest ids)
    {
        if (!route.Contains('{', StringComparison.Ordinal))
        {
            yield return ("propre", route);
            yield break;
        }

        foreach (var genre in new[] { "propre", "étranger", "inconnu" })
        {
            var source = genre == "propre" ? ids.Rennes : genre == "étranger" ? ids.Lyon : null;
            var segments = route.Split('/');
            for (var i = 0; i < segments.Length; i++)
            {
                if (!segments[i].StartsWith('{'))
                {
                    continue;
                }

                var table = i > 0 && TablesParSegment.TryGetValue(segments[i - 1], out var t) ? t : "jeunes";
                segments[i] = segments[i].StartsWith("{code", StringComparison.Ordinal)
                    ? "PACEA-08"
                    : (source is not null && source.TryGetValue(table, out var id) ? id : Guid.NewGuid()).ToString();
            }

            yield return (genre, string.Join('/', segments));
        }
    }

    /// <summary>Pages of the app with their handlers: route → (verb, handler name).</summary>
    private List<(string Route, List<(string Verbe, string Nom)> Gestionnaires)> Pages()
    {
        // Static files (MapStaticAssets) have one endpoint per encoding of a file, told apart by content negotiation.
        var endpoints = f.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !Path.HasExtension(e.RoutePattern.RawText ?? string.Empty));
        var modeles = typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract).ToList();
        var pages = new List<(string, List<(string, string)>)>();
        foreach (var e in endpoints)
        {
            var descripteur = e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>();
            if (descripteur is null || descripteur.ViewEnginePath.StartsWith("/Account", StringComparison.Ordinal) || descripteur.ViewEnginePath == "/Error")
            {
                continue;
            }

            var nomModele = "MissionLocale.Web.Pages" + descripteur.ViewEnginePath.Replace('/', '.') + "Model";
            var modele = modeles.FirstOrDefault(t => t.FullName == nomModele);
            var gestionnaires = (modele?.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly) ?? [])
                .Select(m => Regex.Match(m.Name, "^On(Get|Post)(\\w*?)(Async)?$"))
                .Where(m => m.Success)
                .Select(m => (m.Groups[1].Value.ToUpperInvariant(), m.Groups[2].Value))
                .Distinct()
                .ToList();
            if (gestionnaires.Count == 0)
            {
                gestionnaires.Add(("GET", string.Empty));
            }

            var route = "/" + Regex.Replace(e.RoutePattern.RawText ?? string.Empty, ":[a-z]+\\}", "}").TrimStart('/');
            pages.Add((route, gestionnaires));
        }

        return pages;
    }

    private sealed record IdsDeTest(Dictionary<string, Guid> Rennes, Dictionary<string, Guid> Lyon);

    /// <summary>One id of each kind for Rennes and for Lyon, taken from the demo data and a few created here.</summary>
    private async Task<IdsDeTest> IdsAsync()
    {
        await using var cnx = new NpgsqlConnection(f.Connexion);
        await cnx.OpenAsync();
        var resultat = new IdsDeTest([], []);
        foreach (var table in TablesParSegment.Values.Append("antennes").Append("intervenants").Append("asp_net_users").Distinct())
        {
            var colonnes = new List<string>();
            await using (var c = new NpgsqlCommand($"select column_name from information_schema.columns where table_name = '{table}'", cnx))
            await using (var l = await c.ExecuteReaderAsync())
            {
                while (await l.ReadAsync())
                {
                    colonnes.Add(l.GetString(0));
                }
            }

            // The owner structure: directly, through the jeune, or through the dispositif.
            var jointure = colonnes.Contains("structure_id") ? "join structures s on s.id = x.structure_id"
                : colonnes.Contains("jeune_id") ? "join jeunes j on j.id = x.jeune_id join structures s on s.id = j.structure_id"
                : "join dispositifs d on d.id = x.dispositif_id join structures s on s.id = d.structure_id";
            await using var cmd = new NpgsqlCommand($"select s.code, (array_agg(x.id order by x.id))[1] from {table} x {jointure} group by s.code", cnx);
            await using var lecteur = await cmd.ExecuteReaderAsync();
            while (await lecteur.ReadAsync())
            {
                var cible = lecteur.GetString(0).Contains("RENNES", StringComparison.Ordinal) ? resultat.Rennes : resultat.Lyon;
                cible[table] = lecteur.GetGuid(1);
            }
        }

        return resultat;
    }

    /// <summary>A fingerprint of the business tables: the sum of each row's hash, so any insert, update or delete shows.</summary>
    private async Task<Dictionary<string, long>> EmpreinteAsync()
    {
        await using var cnx = new NpgsqlConnection(f.Connexion);
        await cnx.OpenAsync();
        var sql = string.Join(" union all ", TablesMetier.Select(t => $"select '{t}', count(*) + coalesce(sum(hashtext(x::text)::bigint), 0) from {t} x"));
        await using var cmd = new NpgsqlCommand(sql, cnx);
        await using var lecteur = await cmd.ExecuteReaderAsync();
        var empreinte = new Dictionary<string, long>();
        while (await lecteur.ReadAsync())
        {
            empreinte[lecteur.GetString(0)] = lecteur.GetInt64(1);
        }

        return empreinte;
    }

    private static IEnumerable<string> Differences(Dictionary<string, long> avant, Dictionary<string, long> apres) =>
        avant.Where(kv => apres[kv.Key] != kv.Value).Select(kv => kv.Key);

    /// <summary>Bodies a careless or hostile client sends: long strings, edge dates, huge and 3-decimal numbers, unknown enum values, wrong types.</summary>
    private static IEnumerable<string> CorpsMalformes(JsonNode schema, JsonObject? schemas, Dictionary<string, Guid> ids)
    {
        string Corps(Func<JsonObject, string, JsonNode?, JsonNode?> valeur) => Construire(schema, schemas, ids, valeur, 0)?.ToJsonString() ?? "{}";

        yield return Corps((_, _, _) => null);
        yield return Corps((s, _, _) => Type(s) == "string" && s["format"] is null && s["enum"] is null ? JsonValue.Create(new string('x', 10_000)) : null);
        foreach (var date in new[] { "0001-01-01", "1800-01-01", "2100-01-01" })
        {
            yield return Corps((s, _, _) => s["format"]?.GetValue<string>() is "date" or "date-time" ? JsonValue.Create(s["format"]!.GetValue<string>() == "date" ? date : date + "T10:00:00Z") : null);
        }

        yield return Corps((s, _, _) => Type(s) is "number" or "integer" ? JsonValue.Create(99_999_999_999_999m) : null);
        yield return Corps((s, _, _) => Type(s) == "number" ? JsonValue.Create(12.345m) : Type(s) == "integer" ? JsonValue.Create(-1) : null);
        yield return Corps((s, _, _) => s["enum"] is not null ? JsonValue.Create("ValeurInconnue999") : null);
        yield return Corps((s, _, _) => Type(s) switch
        {
            "string" => JsonValue.Create(123),
            "number" or "integer" => JsonValue.Create("abc"),
            "boolean" => JsonValue.Create("peut-être"),
            "array" => new JsonObject(),
            _ => null,
        });
    }

    /// <summary>A uuid property gets an id of its kind (situationId → a situation of the structure), so the body reaches the rules.</summary>
    private static Guid? IdPour(JsonObject s, string nom, Dictionary<string, Guid> ids)
    {
        if (s["format"]?.GetValue<string>() != "uuid" || !nom.EndsWith("Id", StringComparison.Ordinal))
        {
            return null;
        }

        var genre = nom[..^2];
        var table = genre switch
        {
            "jeune" => "jeunes",
            "situation" => "situations",
            "dispositif" => "dispositifs",
            "document" => "documents",
            "session" => "sessions",
            "offre" => "offres_de_service",
            "rendezVous" => "rendez_vous",
            "proposition" => "propositions",
            "cerfa" => "cerfas",
            "demande" => "demandes_allocation",
            "lot" => "lots_asp",
            "phase" => "phases_pacea",
            "modele" => "modeles_lettre",
            "antenne" or "lieuRattachement" => "antennes",
            "prescripteur" or "referentDispositif" or "intervenant" => "intervenants",
            _ => "asp_net_users",
        };
        return ids.TryGetValue(table, out var id) ? id : null;
    }

    private static string? Type(JsonObject s) => s["type"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray a => a.Select(x => x!.GetValue<string>()).FirstOrDefault(x => x != "null"),
        _ => s["enum"] is not null ? "string" : null,
    };

    /// <summary>A body from the schema with plausible values, where <paramref name="surcharge"/> may replace any value.</summary>
    private static JsonNode? Construire(JsonNode noeud, JsonObject? schemas, Dictionary<string, Guid> ids, Func<JsonObject, string, JsonNode?, JsonNode?> surcharge, int profondeur)
    {
        if (profondeur > 4 || noeud is not JsonObject s)
        {
            return null;
        }

        if (s["$ref"]?.GetValue<string>() is { } reference)
        {
            return schemas?[reference.Split('/')[^1]] is { } cible ? Construire(cible, schemas, ids, surcharge, profondeur + 1) : null;
        }

        if (s["oneOf"] is JsonArray oneOf)
        {
            return oneOf.Select(o => Construire(o!, schemas, ids, surcharge, profondeur + 1)).FirstOrDefault(x => x is not null);
        }

        if (s["properties"] is JsonObject proprietes)
        {
            var objet = new JsonObject();
            foreach (var (nom, p) in proprietes)
            {
                var sp = p as JsonObject;
                if (sp?["$ref"] is not null && schemas?[sp["$ref"]!.GetValue<string>().Split('/')[^1]] is JsonObject resolu && resolu["properties"] is null)
                {
                    sp = resolu;
                }

                var valeur = sp is null ? null : surcharge(sp, nom, null) ?? (IdPour(sp, nom, ids) is { } id ? JsonValue.Create(id) : Construire(sp, schemas, ids, surcharge, profondeur + 1));
                objet[nom] = valeur;
            }

            return objet;
        }

        if (surcharge(s, string.Empty, null) is { } direct)
        {
            return direct;
        }

        return Type(s) switch
        {
            "string" when s["enum"] is JsonArray e => e.FirstOrDefault(x => x is not null)?.DeepClone(),
            "string" when s["format"]?.GetValue<string>() == "uuid" => JsonValue.Create(ids.Values.FirstOrDefault()),
            "string" when s["format"]?.GetValue<string>() == "date" => JsonValue.Create("2026-11-02"),
            "string" when s["format"]?.GetValue<string>() == "date-time" => JsonValue.Create("2026-11-02T10:00:00Z"),
            "string" => JsonValue.Create("Texte"),
            "integer" => JsonValue.Create(1),
            "number" => JsonValue.Create(10.5m),
            "boolean" => JsonValue.Create(true),
            "array" when s["items"] is { } items => new JsonArray(Construire(items, schemas, ids, surcharge, profondeur + 1)),
            _ => null,
        };
    }
}
