using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MissionLocale.Web.Tests;

public sealed class ApiTests(WebFixture f) : IClassFixture<WebFixture>
{
    // Demo accounts (README): Rennes and Lyon.
    private const string AccueilRennes = "a.leroy";
    private const string ConseillerRennes = "s.debout";
    private const string ConseillerLyon = "c.roux";
    private const string ValidateurRennes = "v.morel";

    private static object Jeune(string nom, string prenom, string naissance = "2006-04-12", bool confirmer = false) => new
    {
        civilite = "Madame",
        nom,
        prenom,
        dateNaissance = naissance,
        communeNaissanceInsee = "35238",
        nationalite = "Francaise",
        situationFamiliale = "Celibataire",
        numero = "5",
        voie = "Rue de Saint-Malo",
        codePostal = "35000",
        communeInsee = "35238",
        email = "jeune@exemple.fr",
        consentementRgpd = true,
        confirmerHomonyme = confirmer,
    };

    private static async Task<Guid> CreerAsync(HttpClient api, string nom, string prenom)
    {
        var r = await api.PostAsJsonAsync("/api/v1/jeunes", Jeune(nom, prenom));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Health_repond_200_quand_la_base_repond()
    {
        var r = await f.Client().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    [Fact]
    public async Task OpenAPI_decrit_les_cas_d_usage()
    {
        var doc = await f.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/jeunes", out _));
        Assert.True(paths.TryGetProperty("/api/v1/jeunes/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/auth/token", out _));
        Assert.True(paths.TryGetProperty("/api/v1/jeunes/{id}/adresses", out _));
    }

    [Fact]
    public async Task Sans_jeton_401_et_mauvais_mot_de_passe_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.Client().GetAsync("/api/v1/jeunes?q=a")).StatusCode);
        var r = await f.Client().PostAsJsonAsync("/api/v1/auth/token", new { login = AccueilRennes, password = "faux" });
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
    }

    [Fact]
    public async Task Jeton_contient_accessToken_et_expiresIn()
    {
        var r = await f.Client().PostAsJsonAsync("/api/v1/auth/token", new { login = AccueilRennes, password = WebFixture.MotDePasse });
        var json = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(json.GetProperty("accessToken").GetString()));
        Assert.Equal(3600, json.GetProperty("expiresIn").GetInt32());
    }

    [Fact]
    [Trait("Rule", "JEU-02")]
    [Trait("Rule", "JEU-11")]
    public async Task JEU_02_creation_homonyme_409_puis_201_avec_confirmation()
    {
        var api = await f.ApiAsync(AccueilRennes);
        var id = await CreerAsync(api, "Apihomonyme", "Zoé");

        var doublon = await api.PostAsJsonAsync("/api/v1/jeunes", Jeune("APIHOMONYME", "zoe"));
        Assert.Equal(HttpStatusCode.Conflict, doublon.StatusCode);
        Assert.Equal("application/problem+json", doublon.Content.Headers.ContentType?.MediaType);
        var probleme = await doublon.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("JEU-02", probleme.GetProperty("rule").GetString());
        Assert.Equal(id, probleme.GetProperty("candidats")[0].GetProperty("id").GetGuid());

        var confirme = await api.PostAsJsonAsync("/api/v1/jeunes", Jeune("APIHOMONYME", "zoe", confirmer: true));
        Assert.Equal(HttpStatusCode.Created, confirme.StatusCode);
    }

    [Fact]
    [Trait("Rule", "JEU-12")]
    public async Task JEU_12_recherche_et_lecture_en_json_camelCase()
    {
        var api = await f.ApiAsync(ConseillerRennes);
        var id = await CreerAsync(api, "Apirecherche", "Élodie");

        var page = await api.GetFromJsonAsync<JsonElement>("/api/v1/jeunes?q=elodie%20apirech");
        var item = page.GetProperty("items")[0];
        Assert.Equal(id, item.GetProperty("id").GetGuid());
        Assert.Equal("APIRECHERCHE", item.GetProperty("nom").GetString());
        Assert.Equal("Élodie", item.GetProperty("prenom").GetString());
        Assert.Equal("2006-04-12", item.GetProperty("dateNaissance").GetString());

        var dossier = await api.GetFromJsonAsync<JsonElement>($"/api/v1/jeunes/{id}");
        Assert.Equal("APIRECHERCHE", dossier.GetProperty("nom").GetString());
        Assert.Equal("Rue de Saint-Malo", dossier.GetProperty("adresses")[0].GetProperty("voie").GetString());
    }

    [Fact]
    public async Task Saisie_invalide_400_avec_messages_francais_par_champ()
    {
        var api = await f.ApiAsync(AccueilRennes);
        var r = await api.PostAsJsonAsync("/api/v1/jeunes", new { nom = new string('x', 300), prenom = "A", dateNaissance = "2099-01-01", communeNaissanceInsee = "35238", consentementRgpd = true, email = "pas-un-email" });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var errors = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("50 caractères", errors.GetProperty("nom")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("futur", errors.GetProperty("dateNaissance")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("e-mail", errors.GetProperty("email")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Date_impossible_400_avec_le_champ_et_rien_d_enregistre()
    {
        var api = await f.ApiAsync(AccueilRennes);
        var corps = new StringContent("{\"nom\":\"Apidateimpossible\",\"prenom\":\"Eve\",\"dateNaissance\":\"2006-02-31\",\"consentementRgpd\":true}", System.Text.Encoding.UTF8, "application/json");
        var r = await api.PostAsync("/api/v1/jeunes", corps);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var errors = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("AAAA-MM-JJ", errors.GetProperty("dateNaissance")[0].GetString(), StringComparison.Ordinal);
        var page = await api.GetFromJsonAsync<JsonElement>("/api/v1/jeunes?q=apidateimpossible");
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "JEU-04")]
    public async Task JEU_04_refus_metier_422_avec_la_regle()
    {
        var api = await f.ApiAsync(ConseillerRennes);
        var id = await CreerAsync(api, "Apinir", "Jules");
        var dossier = await api.GetFromJsonAsync<JsonElement>($"/api/v1/jeunes/{id}");
        var nir = await api.PutAsJsonAsync($"/api/v1/jeunes/{id}/nir", new { version = dossier.GetProperty("version").GetInt32(), nir = "206043523800123", pasDeNir = false });
        var version = (await nir.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();

        var r = await api.PostAsJsonAsync($"/api/v1/jeunes/{id}/nir/certification", new { version });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        var probleme = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("JEU-04", probleme.GetProperty("rule").GetString());
        Assert.Contains("justifié", probleme.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrence_409_et_la_premiere_modification_est_conservee()
    {
        var api = await f.ApiAsync(ConseillerRennes);
        var id = await CreerAsync(api, "Apiconcurrence", "Lou");
        var version = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/jeunes/{id}")).GetProperty("version").GetInt32();

        var premier = await api.PutAsJsonAsync($"/api/v1/jeunes/{id}/contacts", new { version, email = "premier@exemple.fr" });
        Assert.Equal(HttpStatusCode.OK, premier.StatusCode);
        var second = await api.PutAsJsonAsync($"/api/v1/jeunes/{id}/contacts", new { version, email = "second@exemple.fr" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("CONCURRENCE", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
        Assert.Equal("premier@exemple.fr", (await api.GetFromJsonAsync<JsonElement>($"/api/v1/jeunes/{id}")).GetProperty("email").GetString());
    }

    [Fact]
    public async Task Isolation_API_un_dossier_d_une_autre_Mission_Locale_est_introuvable()
    {
        var rennes = await f.ApiAsync(ConseillerRennes);
        var id = await CreerAsync(rennes, "Apiisolation", "Nina");
        var lyon = await f.ApiAsync(ConseillerLyon);

        Assert.Equal(HttpStatusCode.NotFound, (await lyon.GetAsync($"/api/v1/jeunes/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lyon.GetAsync($"/api/v1/jeunes/{id}/historique")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lyon.PutAsJsonAsync($"/api/v1/jeunes/{id}/contacts", new { version = 1, email = "x@exemple.fr" })).StatusCode);
        var page = await lyon.GetFromJsonAsync<JsonElement>("/api/v1/jeunes?q=apiisolation");
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await rennes.GetAsync($"/api/v1/jeunes/{id}")).StatusCode);
    }

    [Fact]
    [Trait("Rule", "USR-06")]
    public async Task USR_06_un_validateur_ne_peut_pas_enregistrer_de_premier_accueil()
    {
        var api = await f.ApiAsync(ValidateurRennes);
        var r = await api.PostAsJsonAsync("/api/v1/jeunes", Jeune("Apivalidateur", "Tim"));
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Equal("USR-06", (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
    }

    [Fact]
    [Trait("Rule", "JEU-06")]
    [Trait("Rule", "QPV-02")]
    public async Task JEU_06_nouvelle_adresse_par_API_en_QPV()
    {
        var api = await f.ApiAsync(ConseillerRennes);
        var id = await CreerAsync(api, "Apiadresse", "Sam");
        var version = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/jeunes/{id}")).GetProperty("version").GetInt32();
        var r = await api.PostAsJsonAsync($"/api/v1/jeunes/{id}/adresses", new { version, mode = "NouvelleAdresse", numero = "8", voie = "Rue de Roumanie", codePostal = "35200", communeInsee = "35238" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("QN03501M", (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("qpvCode").GetString());
        var dossier = await api.GetFromJsonAsync<JsonElement>($"/api/v1/jeunes/{id}");
        Assert.Equal(2, dossier.GetProperty("adresses").GetArrayLength());
    }
}
