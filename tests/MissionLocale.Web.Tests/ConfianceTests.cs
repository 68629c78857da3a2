using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Npgsql;

namespace MissionLocale.Web.Tests;

/// <summary>Issue 10: each defect found when the app was tried as a user, an attacker and a partner would, with its regression test.</summary>
public sealed class ConfianceTests(WebFixture f) : IClassFixture<WebFixture>
{
    private static readonly HtmlParser Parser = new();

    private async Task<Guid> CreerAsync(string nom, string prenom = "Confiance", string naissance = "2005-02-03")
    {
        var api = await f.ApiAsync("a.leroy");
        var r = await api.PostAsJsonAsync("/api/v1/jeunes", new
        {
            civilite = "Madame",
            nom,
            prenom,
            dateNaissance = naissance,
            communeNaissanceInsee = "35238",
            consentementRgpd = true,
            voie = "Rue de Nantes",
            codePostal = "35000",
            communeInsee = "35238",
            confirmerHomonyme = true,
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The first value of a query on the fixture's database.</summary>
    private async Task<T> ScalaireAsync<T>(string sql)
    {
        await using var cnx = new NpgsqlConnection(f.Connexion);
        await cnx.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, cnx);
        var valeur = (await cmd.ExecuteScalarAsync())!;
        return valeur is T t ? t : (T)Convert.ChangeType(valeur, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<long> CompterAsync(string sql) => ScalaireAsync<long>(sql);

    private Task<Guid> PremierIdAsync(string sql) => ScalaireAsync<Guid>(sql);

    [Theory]
    [InlineData("s.debout", "/Allocations/Siege")]
    [InlineData("a.leroy", "/Allocations/Siege")]
    [InlineData("s.debout", "/Reference/DelegationsRgs")]
    [InlineData("v.morel", "/Reference/DelegationsRgs")]
    [InlineData("v.morel", "/RendezVous/Convocations")]
    [InlineData("d.garnier", "/RendezVous/Convocations")]
    [InlineData("a.bernard", "/RendezVous/Convocations")]
    public async Task Page_hors_des_droits_du_profil_repond_403_Acces_refuse_en_francais(string login, string page)
    {
        var client = await f.ConnecterAsync(login);
        var r = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Contains("Accès refusé", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Examen_d_un_CERFA_par_un_conseiller_403_et_par_une_autre_Mission_Locale_404()
    {
        var cerfa = await CompterAsync("select count(*) from cerfas") > 0
            ? await PremierIdAsync("select c.id from cerfas c join structures s on s.id = c.structure_id where s.code = 'ML35-RENNES' limit 1")
            : Guid.NewGuid();
        var conseiller = await f.ConnecterAsync("s.debout");
        Assert.Equal(HttpStatusCode.Forbidden, (await conseiller.GetAsync($"/Allocations/Cerfa/{cerfa}")).StatusCode);
        var validateurLyon = await f.ConnecterAsync("h.perrin");
        Assert.Equal(HttpStatusCode.NotFound, (await validateurLyon.GetAsync($"/Allocations/Cerfa/{cerfa}")).StatusCode);
        var validateur = await f.ConnecterAsync("v.morel");
        Assert.Equal(HttpStatusCode.OK, (await validateur.GetAsync($"/Allocations/Cerfa/{cerfa}")).StatusCode);
    }

    [Theory]
    [InlineData("v.morel")]
    [InlineData("d.garnier")]
    [InlineData("a.bernard")]
    public async Task Liens_vers_les_pages_interdites_caches(string login)
    {
        var client = await f.ConnecterAsync(login);
        var accueil = await client.GetStringAsync("/");
        Assert.DoesNotContain("/RendezVous/Convocations", accueil, StringComparison.Ordinal);
        if (login != "a.bernard")
        {
            Assert.DoesNotContain("href=\"/Reference/DelegationsRgs\"", accueil, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Convocations_du_jour_sans_parametre_jour_donne_le_PDF_du_jour()
    {
        var client = await f.ConnecterAsync("s.debout");
        var r = await client.GetAsync("/RendezVous/Convocations");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/pdf", r.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    [Trait("Rule", "JEU-08")]
    public async Task Ressources_du_dossier_et_ressources_mensuelles_ont_chacune_leur_route()
    {
        var id = await CreerAsync("Routeressources");
        var api = await f.ApiAsync("s.debout");
        var dossier = await api.GetFromJsonAsync<JsonElement>($"/api/v1/jeunes/{id}");
        var r = await api.PostAsJsonAsync($"/api/v1/jeunes/{id}/ressources", new
        {
            version = dossier.GetProperty("version").GetInt32(),
            type = "Salaire",
            montantMensuel = 450.5m,
            dateDebut = "2026-10-01",
        });
        Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        var mensuelles = await api.GetAsync($"/api/v1/jeunes/{id}/ressources-mensuelles");
        Assert.Equal(HttpStatusCode.OK, mensuelles.StatusCode);
    }

    [Fact]
    public async Task Previsualisation_d_un_modele_au_corps_vide_400_obligatoire()
    {
        var api = await f.ApiAsync("a.bernard");
        var r = await api.PostAsJsonAsync("/api/v1/modeles/previsualisation", new { titre = "Essai", corps = "" });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("obligatoire", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var vide = await api.PostAsJsonAsync("/api/v1/modeles/previsualisation", new { });
        Assert.Equal(HttpStatusCode.BadRequest, vide.StatusCode);
    }

    [Fact]
    [Trait("Rule", "ALLOC-11")]
    public async Task Commande_sans_version_400_et_rien_ne_change()
    {
        var api = await f.ApiAsync("v.morel");
        var lotId = await PremierIdAsync("select coalesce((select l.id from lots_asp l join structures s on s.id = l.structure_id where s.code = 'ML35-RENNES' limit 1), gen_random_uuid())");
        var avant = await CompterAsync("select count(*) + coalesce(sum(hashtext(x::text)), 0) from lots_asp x");
        foreach (var action in new[] { "envoyer", "abandonner" })
        {
            var r = await api.PostAsJsonAsync($"/api/v1/lots/{lotId}/{action}", new { });
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            var corps = await r.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("obligatoire", corps.GetProperty("errors").GetProperty("version")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(avant, await CompterAsync("select count(*) + coalesce(sum(hashtext(x::text)), 0) from lots_asp x"));
        var conseiller = await f.ApiAsync("s.debout");
        var id = await CreerAsync("Sansversion");
        var identite = await conseiller.PutAsJsonAsync($"/api/v1/jeunes/{id}/identite", new { civilite = "Madame", nom = "Sansversion", prenom = "Autre", dateNaissance = "2005-02-03", communeNaissanceInsee = "35238" });
        Assert.Equal(HttpStatusCode.BadRequest, identite.StatusCode);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1800-01-01")]
    [InlineData("2100-01-01")]
    public async Task Date_invraisemblable_refusee_400_et_rien_d_enregistre(string date)
    {
        var id = await CreerAsync("Datelimite" + date[..4].Replace("0", "o", StringComparison.Ordinal).Replace("1", "u", StringComparison.Ordinal).Replace("2", "d", StringComparison.Ordinal).Replace("8", "h", StringComparison.Ordinal));
        var api = await f.ApiAsync("s.debout");
        var avant = await CompterAsync($"select count(*) from situations where jeune_id = '{id}'");
        var r = await api.PostAsJsonAsync($"/api/v1/jeunes/{id}/situations", new { type = "Emploi", dateDebut = date, intitule = "Vendeur" });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal(avant, await CompterAsync($"select count(*) from situations where jeune_id = '{id}'"));
    }

    [Fact]
    public async Task Valeur_d_enumeration_non_definie_refusee_400()
    {
        var api = await f.ApiAsync("a.leroy");
        var r = await api.PostAsJsonAsync("/api/v1/jeunes", new
        {
            civilite = 999,
            nom = "Enuminconnu",
            prenom = "Test",
            dateNaissance = "2005-02-03",
            communeNaissanceInsee = "35238",
            consentementRgpd = true,
        });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal(0, await CompterAsync("select count(*) from jeunes where nom_usage = 'ENUMINCONNU'"));
    }

    [Theory]
    [InlineData("35310", "Choisissez la commune")]
    [InlineData("99999", "Code postal inconnu")]
    [InlineData("00000", "Code postal inconnu")]
    [InlineData("98000", "Code postal inconnu")]
    public async Task Premier_accueil_code_postal_sans_commune_choisie_ou_inconnu_message_sous_le_champ(string codePostal, string message)
    {
        var client = await f.ConnecterAsync("a.leroy");
        var r = await WebFixture.PosterFormulaireAsync(client, "/Accueil/EnregistrerPremierAccueil", "/Accueil/EnregistrerPremierAccueil", new()
        {
            ["Input.Civilite"] = "Madame",
            ["Input.Nom"] = "Codepostal",
            ["Input.Prenom"] = "Inconnu",
            ["Input.DateNaissance"] = "2006-02-01",
            ["Input.CommuneNaissanceInsee"] = "35238",
            ["Input.ConsentementRgpd"] = "true",
            ["Input.Voie"] = "Rue de la Gare",
            ["Input.CodePostal"] = codePostal,
        });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = Parser.ParseDocument(await r.Content.ReadAsStringAsync());
        var erreurs = string.Join(" ", doc.QuerySelectorAll("span[data-valmsg-for='Input.CommuneInsee'], span[data-valmsg-for='Input.CodePostal']").Select(e => e.TextContent));
        Assert.Contains(message, erreurs, StringComparison.Ordinal);
        if (codePostal == "35310")
        {
            // Without JavaScript the communes of the code postal are rendered by the server after the first submit.
            Assert.True(doc.QuerySelectorAll("select[name='Input.CommuneInsee'] option[value]").Count(o => o.GetAttribute("value")!.Length == 5) > 1);
        }

        Assert.Equal(0, await CompterAsync("select count(*) from jeunes where nom_usage = 'CODEPOSTAL'"));
    }

    [Fact]
    [Trait("Rule", "JEU-02")]
    public async Task JEU_02_vingt_premiers_accueils_identiques_au_meme_instant_un_seul_dossier()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => f.ApiAsync("a.leroy")));
        var corps = new
        {
            civilite = "Monsieur",
            nom = "Course",
            prenom = "Simultané",
            dateNaissance = "2004-07-14",
            communeNaissanceInsee = "35238",
            consentementRgpd = true,
        };
        using var depart = new SemaphoreSlim(0);
        var taches = Enumerable.Range(0, 20).Select(async i =>
        {
            await depart.WaitAsync();
            return await clients[i % clients.Length].PostAsJsonAsync("/api/v1/jeunes", corps);
        }).ToList();
        depart.Release(20);
        var reponses = await Task.WhenAll(taches);
        Assert.Equal(1, reponses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(reponses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await CompterAsync("select count(*) from jeunes where nom_usage = 'COURSE'"));
    }

    [Fact]
    [Trait("Rule", "RDV-01")]
    public async Task RDV_01_vingt_rendez_vous_simultanes_sur_le_meme_creneau_un_seul_sans_confirmation()
    {
        var id = await CreerAsync("Agendacourse");
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => f.ApiAsync("s.debout")));
        var debut = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(20).AddHours(9), TimeSpan.Zero);
        using var depart = new SemaphoreSlim(0);
        var taches = Enumerable.Range(0, 20).Select(async i =>
        {
            await depart.WaitAsync();
            return await clients[i % clients.Length].PostAsJsonAsync($"/api/v1/jeunes/{id}/rendez-vous", new { objet = "Entretien", debut, dureeMinutes = 45 });
        }).ToList();
        depart.Release(20);
        var reponses = await Task.WhenAll(taches);
        Assert.Equal(1, reponses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(reponses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    [Fact]
    [Trait("Rule", "EVT-02")]
    public async Task EVT_02_positionnements_simultanes_sur_une_session_tous_enregistres_sans_erreur()
    {
        var api = await f.ApiAsync("s.debout");
        var domaine = await ScalaireAsync<string>("select code from domaines_proposition order by code limit 1");
        var offre = await api.PostAsJsonAsync("/api/v1/offres", new { domaineCode = domaine, type = "Atelier", libelle = "Atelier CV course", description = "Course" });
        Assert.Equal(HttpStatusCode.Created, offre.StatusCode);
        var offreId = (await offre.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var session = await api.PostAsJsonAsync($"/api/v1/offres/{offreId}/sessions", new { debut = DateTimeOffset.UtcNow.AddDays(10), dureeMinutes = 120, lieu = "Salle 1", capacite = 30 });
        Assert.Equal(HttpStatusCode.Created, session.StatusCode);
        var sessionId = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var jeunes = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            jeunes.Add(await CreerAsync("Positionnement", "Numero" + (char)('a' + i)));
        }

        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => f.ApiAsync("s.debout")));
        using var depart = new SemaphoreSlim(0);
        var taches = jeunes.Select(async (j, i) =>
        {
            await depart.WaitAsync();
            return await clients[i % clients.Length].PostAsJsonAsync($"/api/v1/sessions/{sessionId}/participants", new { jeuneId = j });
        }).ToList();
        depart.Release(jeunes.Count);
        var reponses = await Task.WhenAll(taches);
        Assert.All(reponses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Equal(jeunes.Count, await CompterAsync($"select count(*) from positionnements where session_id = '{sessionId}'"));
    }

    [Fact]
    public async Task Motif_d_interruption_de_10000_caracteres_400_sur_le_champ()
    {
        var id = await CreerAsync("Motiflong");
        var api = await f.ApiAsync("s.debout");
        var debut = DateTime.UtcNow.Date.AddMonths(-2);
        var s = await api.PostAsJsonAsync($"/api/v1/jeunes/{id}/situations", new { type = "Emploi", dateDebut = DateOnly.FromDateTime(debut), dateFin = DateOnly.FromDateTime(debut.AddMonths(6)), typeContrat = "CDD" });
        Assert.Equal(HttpStatusCode.OK, s.StatusCode);
        var situation = (await s.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var r = await api.PostAsJsonAsync($"/api/v1/situations/{situation}/interruption", new { date = DateOnly.FromDateTime(debut.AddDays(10)), motif = new string('m', 10_000) });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.True((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("motif", out _));
        Assert.Equal(0, await CompterAsync($"select count(*) from situations where id = '{situation}' and motif_interruption is not null"));
    }

    [Fact]
    [Trait("Rule", "ALLOC-08")]
    public async Task Ressources_mensuelles_dont_la_somme_depasse_numeric_10_2_refusees_400()
    {
        var id = await CreerAsync("Montantenorme");
        var api = await f.ApiAsync("s.debout");
        var mois = DateTime.UtcNow.AddMonths(-1);
        var r = await api.PostAsJsonAsync($"/api/v1/jeunes/{id}/ressources-mensuelles", new
        {
            mois = new DateOnly(mois.Year, mois.Month, 1),
            saisie = new { netAPayer = 60_000_000m, autresRessources = 60_000_000m },
        });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("99 999,99", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CompterAsync($"select count(*) from declarations_ressources where jeune_id = '{id}'"));
    }

    [Theory]
    [InlineData("/api/v1/jeunes/{id}/frise?du=0001-01-01")]
    [InlineData("/api/v1/jeunes/{id}/frise?au=9999-12-31")]
    [InlineData("/api/v1/convocations?jour=0001-01-01")]
    [InlineData("/api/v1/convocations?jour=9999-12-31")]
    [InlineData("/api/v1/convocations")]
    [InlineData("/api/v1/jeunes?dateNaissance=0001-01-01")]
    public async Task Dates_limites_dans_la_requete_jamais_de_500(string url)
    {
        var id = await CreerAsync("Datesrequete");
        var api = await f.ApiAsync("s.debout");
        var r = await api.GetAsync(url.Replace("{id}", id.ToString(), StringComparison.Ordinal));
        Assert.True((int)r.StatusCode < 500, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Entetes_de_securite_sur_chaque_reponse_et_pas_de_cache_des_donnees_personnelles()
    {
        var client = await f.ConnecterAsync("s.debout");
        foreach (var url in new[] { "/", "/Jeunes/RechercherJeunes?q=a", "/Account/Login", "/page-inexistante" })
        {
            var r = await client.GetAsync(url);
            var csp = string.Join(";", r.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline'; img", csp.Replace("style-src 'self' 'unsafe-inline'; img", "style; img", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", r.Headers.GetValues("Referrer-Policy").Single());
            Assert.True(r.Headers.CacheControl?.NoStore, url);
        }

        var api = await f.ApiAsync("s.debout");
        var json = await api.GetAsync("/api/v1/jeunes?q=a");
        Assert.True(json.Headers.CacheControl?.NoStore);
        Assert.Equal("nosniff", json.Headers.GetValues("X-Content-Type-Options").Single());

        var css = await client.GetAsync("/css/site.css");
        Assert.NotEqual(true, css.Headers.CacheControl?.NoStore);
        Assert.Equal("nosniff", css.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    [Trait("Rule", "JEU-04")]
    public async Task JEU_04_un_NIR_a_la_cle_fausse_400_avec_la_regle_dans_la_reponse()
    {
        var id = await CreerAsync("Nirfaux");
        var api = await f.ApiAsync("s.debout");
        var dossier = await api.GetFromJsonAsync<JsonElement>($"/api/v1/jeunes/{id}");
        var r = await api.PutAsJsonAsync($"/api/v1/jeunes/{id}/nir", new { version = dossier.GetProperty("version").GetInt32(), nir = "1 05 02 35 238 001 12", pasDeNir = false });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var corps = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("JEU-04", corps.GetProperty("rule").GetString());
        var message = corps.GetProperty("errors").GetProperty("nir")[0].GetString()!;
        Assert.DoesNotContain("JEU-04", message, StringComparison.Ordinal); // the ID is given apart, not as the message
        Assert.EndsWith(".", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_corps_portant_les_ids_d_une_autre_Mission_Locale_est_refuse_comme_un_id_inconnu()
    {
        var accueilLyon = await f.ApiAsync("l.fabre");
        var cree = await accueilLyon.PostAsJsonAsync("/api/v1/jeunes", new
        {
            civilite = "Monsieur",
            nom = "Idsetrangers",
            prenom = "Lyon",
            dateNaissance = "2005-05-05",
            communeNaissanceInsee = "69381",
            consentementRgpd = true,
            confirmerHomonyme = true,
        });
        Assert.Equal(HttpStatusCode.Created, cree.StatusCode);
        var jeune = (await cree.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var utilisateurRennes = await PremierIdAsync("select u.id from asp_net_users u where u.user_name = 's.debout'");
        var antenneRennes = await PremierIdAsync("select a.id from antennes a join structures s on s.id = a.structure_id where s.code = 'ML35-RENNES' limit 1");
        var lyon = await f.ApiAsync("c.roux");
        var avant = await CompterAsync($"select count(*) from evenements where jeune_id = '{jeune}'");

        var evenement = await lyon.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/evenements", new { nature = "EntretienIndividuel", date = DateTimeOffset.UtcNow, dureeMinutes = 30, commentaire = "x", conseillerId = utilisateurRennes, antenneId = antenneRennes });
        Assert.Equal(HttpStatusCode.BadRequest, evenement.StatusCode);
        var erreurs = (await evenement.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(erreurs.TryGetProperty("conseillerId", out _));
        Assert.True(erreurs.TryGetProperty("antenneId", out _));
        Assert.Equal(avant, await CompterAsync($"select count(*) from evenements where jeune_id = '{jeune}'"));

        var rdv = await lyon.PostAsJsonAsync($"/api/v1/jeunes/{jeune}/rendez-vous", new { objet = "Entretien", debut = DateTimeOffset.UtcNow.AddDays(30), dureeMinutes = 30, intervenantId = utilisateurRennes });
        Assert.Equal(HttpStatusCode.BadRequest, rdv.StatusCode);
        Assert.Equal(0, await CompterAsync($"select count(*) from rendez_vous where jeune_id = '{jeune}'"));
    }

    [Fact]
    [Trait("Rule", "JEU-07")]
    public async Task JEU_07_le_deces_a_sa_route_API_et_son_formulaire_confirme()
    {
        var id = await CreerAsync("Deces");
        var api = await f.ApiAsync("s.debout");
        var e = await api.PostAsJsonAsync($"/api/v1/jeunes/{id}/evenements", new { nature = "EntretienIndividuel", date = DateTimeOffset.UtcNow.AddDays(-3), dureeMinutes = 30, commentaire = "Entretien" });
        var entretien = (await e.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var aujourdhui = DateOnly.FromDateTime(DateTime.UtcNow);
        var diag = await api.PostAsJsonAsync($"/api/v1/jeunes/{id}/dispositifs", new { typeCode = "DIAG", dateDebut = aujourdhui.AddDays(-3), dateFinPrevue = aujourdhui.AddDays(10), evenementId = entretien });
        Assert.Equal(HttpStatusCode.Created, diag.StatusCode);

        // The page: the death is confirmed explicitly; without it nothing changes.
        var page = await f.ConnecterAsync("s.debout");
        var sansConfirmation = await WebFixture.PosterFormulaireAsync(page, $"/Jeunes/Dossier/{id}?onglet=identite", $"/Jeunes/Dossier/{id}?handler=Deces",
            new() { ["Version"] = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/jeunes/{id}")).GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), ["DateDeces"] = aujourdhui.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, sansConfirmation.StatusCode);
        Assert.Contains("Cochez la confirmation", await sansConfirmation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CompterAsync($"select count(*) from dispositifs where jeune_id = '{id}' and date_fin_reelle is not null"));

        var version = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/jeunes/{id}")).GetProperty("version").GetInt32();
        var r = await api.PostAsJsonAsync($"/api/v1/jeunes/{id}/deces", new { version, date = aujourdhui });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(1, await CompterAsync($"select count(*) from dispositifs where jeune_id = '{id}' and motif_sortie = 'Décès'"));
    }

    [Fact]
    [Trait("Rule", "DISP-06")]
    public async Task DISP_06_seul_l_administrateur_national_programme_une_valeur_nationale_historisee()
    {
        var demain = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var admin = await f.ConnecterAsync("a.bernard");
        var lecture = await admin.GetStringAsync("/Reference/Dispositifs");
        Assert.Contains("PACEA-02.DateEffet", lecture, StringComparison.Ordinal);
        Assert.DoesNotContain("Programmer", lecture, StringComparison.Ordinal);
        var refus = await WebFixture.PosterFormulaireAsync(admin, "/Reference/Dispositifs", "/Reference/Dispositifs", new() { ["code"] = "PARR-03.ActionsMin", ["valeur"] = "3", ["dateDebut"] = demain });
        Assert.Contains("ne permet pas cette action", await refus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CompterAsync("select count(*) from historique_referentiel"));

        var national = await f.ConnecterAsync("c.lambert");
        Assert.Equal(HttpStatusCode.OK, (await national.GetAsync("/")).StatusCode);
        var ok = await WebFixture.PosterFormulaireAsync(national, "/Reference/Dispositifs", "/Reference/Dispositifs", new() { ["code"] = "PARR-03.ActionsMin", ["valeur"] = "3", ["dateDebut"] = demain });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var apres = await admin.GetStringAsync("/Reference/Dispositifs");
        Assert.Contains("Claire Lambert", apres, StringComparison.Ordinal);
        Assert.Equal(1, await CompterAsync("select count(*) from historique_referentiel where code = 'PARR-03.ActionsMin' and ancienne_valeur = '2' and nouvelle_valeur = '3'"));

        // Today or before is refused: a decision already taken keeps its value.
        var aujourdhui = await WebFixture.PosterFormulaireAsync(national, "/Reference/Dispositifs", "/Reference/Dispositifs", new() { ["code"] = "PARR-03.ActionsMin", ["valeur"] = "4", ["dateDebut"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("data-rule=\"DISP-06\"", await aujourdhui.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_PDF_envoye_comme_scan_exe_est_range_et_servi_comme_scan_pdf()
    {
        var id = await CreerAsync("Extensionpdf");
        var api = await f.ApiAsync("s.debout");
        using var contenu = new MultipartFormDataContent();
        var fichier = new ByteArrayContent("%PDF-1.4\n%\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray());
        fichier.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        contenu.Add(fichier, "fichier", "scan.exe");
        var r = await api.PostAsync($"/api/v1/jeunes/{id}/documents", contenu);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var doc = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var telechargement = await api.GetAsync($"/api/v1/documents/{doc}");
        Assert.Equal("application/pdf", telechargement.Content.Headers.ContentType!.MediaType);
        Assert.Equal("scan.pdf", telechargement.Content.Headers.ContentDisposition!.FileNameStar ?? telechargement.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("attachment", telechargement.Content.Headers.ContentDisposition.DispositionType);

        using var html = new MultipartFormDataContent();
        html.Add(new ByteArrayContent("<html><script>alert(1)</script></html>"u8.ToArray()), "fichier", "page.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync($"/api/v1/jeunes/{id}/documents", html)).StatusCode);
    }

    [Fact]
    public async Task Session_expiree_pendant_une_requete_htmx_redirection_HX_Redirect_sans_page_imbriquee()
    {
        var client = f.Client();
        using var req = new HttpRequestMessage(HttpMethod.Get, "/Reference/Communes?CodePostal=35000");
        req.Headers.Add("HX-Request", "true");
        var r = await client.SendAsync(req);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("/Account/Login?ReturnUrl=", r.Headers.GetValues("HX-Redirect").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("<form", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accessibilite_champs_obligatoires_marques_erreurs_reliees_a_leur_champ_et_resume_avec_liens()
    {
        var client = await f.ConnecterAsync("a.leroy");
        var vide = Parser.ParseDocument(await client.GetStringAsync("/Accueil/EnregistrerPremierAccueil"));
        var obligatoires = vide.QuerySelectorAll("[aria-required=true]").Select(e => e.GetAttribute("name")).ToList();
        Assert.Contains("Input.Nom", obligatoires);
        Assert.Contains("Input.Prenom", obligatoires);
        Assert.Contains("Input.DateNaissance", obligatoires);
        Assert.All(vide.QuerySelectorAll("[aria-required=true]"), e => Assert.True(e.HasAttribute("required")));
        Assert.NotNull(vide.QuerySelector("label[for='Input_Nom'] .obligatoire"));
        Assert.Null(vide.QuerySelector("label[for='Input_NomNaissance'] .obligatoire"));

        var r = await WebFixture.PosterFormulaireAsync(client, "/Accueil/EnregistrerPremierAccueil", "/Accueil/EnregistrerPremierAccueil", new()
        {
            ["Input.Civilite"] = "Madame",
            ["Input.Email"] = "pas-un-email",
        });
        var doc = Parser.ParseDocument(await r.Content.ReadAsStringAsync());
        var invalides = doc.QuerySelectorAll("[aria-invalid=true]").ToList();
        Assert.True(invalides.Count >= 3, $"{invalides.Count} champs en erreur");
        foreach (var champ in invalides)
        {
            var message = doc.GetElementById(champ.GetAttribute("aria-describedby")!);
            Assert.NotNull(message);
            Assert.False(string.IsNullOrWhiteSpace(message!.TextContent));
        }

        var liens = doc.QuerySelectorAll("#resume-erreurs a").ToList();
        Assert.True(liens.Count >= 3);
        Assert.All(liens, a => Assert.NotNull(doc.GetElementById(a.GetAttribute("href")![1..])));
        Assert.Contains(liens, a => a.TextContent.Contains("obligatoire", StringComparison.Ordinal));

        var declaration = await f.Client().GetStringAsync("/accessibilite");
        Assert.Contains("Partiellement conforme", declaration, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAPI_schema_bearer_operationId_uniques_et_refus_documentes()
    {
        var brut = await f.Client().GetStringAsync("/openapi/v1.json");

        // Kept for the linter that .ci/run runs on it (Redocly, zero errors).
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "openapi-v1.json"), brut);
        var doc = JsonDocument.Parse(brut).RootElement;
        var schema = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer"), (schema.GetProperty("type").GetString(), schema.GetProperty("scheme").GetString()));
        var ids = new List<string>();
        foreach (var chemin in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in chemin.Value.EnumerateObject())
            {
                ids.Add(operation.Value.GetProperty("operationId").GetString()!);
                var reponses = operation.Value.GetProperty("responses");
                Assert.True(reponses.TryGetProperty("401", out _), $"{operation.Name} {chemin.Name} : 401 non documenté");
                if (!chemin.Name.EndsWith("/auth/token", StringComparison.Ordinal))
                {
                    Assert.True(operation.Value.TryGetProperty("security", out var securite) && securite.GetArrayLength() == 1, $"{operation.Name} {chemin.Name} : sécurité non déclarée");
                    // A partner's call carries a shared secret, no user profile: nothing to forbid beyond 401.
                    Assert.True(chemin.Name.Contains("/partenaires/", StringComparison.Ordinal) || reponses.TryGetProperty("403", out _), $"{operation.Name} {chemin.Name} : 403 non documenté");
                }

                // Every refusal and every success says what its body is (a generated client needs the schema).
                foreach (var r in reponses.EnumerateObject().Where(r => r.Name != "204" && r.Value.TryGetProperty("content", out _)))
                {
                    Assert.True(r.Value.GetProperty("content").EnumerateObject().All(c => c.Value.TryGetProperty("schema", out _)), $"{operation.Name} {chemin.Name} {r.Name} : corps sans schéma");
                }
            }
        }

        Assert.Equal("object", doc.GetProperty("components").GetProperty("schemas").GetProperty("Probleme").GetProperty("type").GetString());

        Assert.True(ids.Count > 80);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("postJeunesIdRessourcesMensuelles", ids);
    }

    [Fact]
    public async Task Tri_a_la_francaise_Benin_avant_Burundi_et_Cecile_avant_Claude_collation_ICU()
    {
        var client = await f.ConnecterAsync("a.leroy");
        var page = Parser.ParseDocument(await client.GetStringAsync("/Accueil/EnregistrerPremierAccueil"));
        var pays = page.QuerySelectorAll("select[name='Input.PaysNaissanceCode'] option").Select(o => o.TextContent.Trim()).ToList();
        Assert.True(pays.IndexOf("Bénin") >= 0 && pays.IndexOf("Bénin") < pays.IndexOf("Burundi"), string.Join(", ", pays.Take(30)));

        var parrains = await f.ApiAsync("s.debout");
        foreach (var prenom in new[] { "Claude", "Cécile" })
        {
            Assert.True((await parrains.PostAsJsonAsync("/api/v1/parrains", new { nom = "Tricollation", prenom, email = "p@exemple.fr", benevole = true })).IsSuccessStatusCode);
        }

        var liste = await parrains.GetFromJsonAsync<JsonElement>("/api/v1/parrains");
        var prenoms = liste.EnumerateArray().Where(p => string.Equals(p.GetProperty("nom").GetString(), "Tricollation", StringComparison.OrdinalIgnoreCase)).Select(p => p.GetProperty("prenom").GetString()).ToList();
        Assert.Equal(["Cécile", "Claude"], prenoms);
    }

    [Fact]
    [Trait("Rule", "ALLOC-03")]
    public async Task Premiere_allocation_enregistree_dit_qu_elle_part_avec_le_CERFA()
    {
        var jeune = await PremierIdAsync("select d.jeune_id from demandes_allocation d join structures s on s.id = d.structure_id where s.code = 'ML35-RENNES' and d.premiere and d.etat = 1 limit 1");
        var client = await f.ConnecterAsync("s.debout");
        var page = await client.GetStringAsync($"/Jeunes/Dossier/{jeune}/allocations");
        Assert.Contains("elle part avec le CERFA", page, StringComparison.Ordinal);
    }
}
