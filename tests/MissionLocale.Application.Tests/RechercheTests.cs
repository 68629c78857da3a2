using MissionLocale.Application.Jeunes.ConsulterDossier;
using MissionLocale.Application.Jeunes.ListerMesJeunes;
using MissionLocale.Application.Jeunes.ModifierComplements;
using MissionLocale.Application.Jeunes.ModifierNir;
using MissionLocale.Application.Jeunes.RechercherJeunes;

namespace MissionLocale.Application.Tests;

[Trait("Rule", "JEU-12")]
public sealed class RechercheTests(AppFixture f) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private Guid elodie;

    public async Task InitializeAsync()
    {
        if (await f.LireAsync("conseiller.a", db => Task.FromResult(db.Jeunes.Any(j => j.NomUsage == "MULLER"))))
        {
            elodie = await f.LireAsync("conseiller.a", db => Task.FromResult(db.Jeunes.Single(j => j.NomUsage == "MULLER").Id));
            return;
        }

        elodie = (await f.EnvoyerAsync("conseiller.a", AppFixture.PremierAccueil("Müller", "Élodie", new DateOnly(2006, 4, 12)))).JeuneId;
        await f.EnvoyerAsync("conseiller.a", AppFixture.PremierAccueil("Mullerin", "Paul", new DateOnly(2001, 1, 1)));
        for (var i = 0; i < 25; i++)
        {
            await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil($"Page{(char)('a' + i)}", "Série", new DateOnly(2003, 1, 1).AddDays(i)));
        }

        // The same name in the other Mission Locale must never show up.
        await f.EnvoyerAsync("chargeaccueil.b", AppFixture.PremierAccueil("Müller", "Élodie", new DateOnly(2006, 4, 12)) with { CodePostal = "69001", CommuneInsee = "69381" });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("elodie mull")]
    [InlineData("ÉLODIE MÜLLER")]
    [InlineData("muller")]
    [InlineData("lodi")]
    [InlineData("mÜll élo")]
    public async Task JEU_12_recherche_partielle_sans_accents_ni_casse(string q)
    {
        var page = await f.EnvoyerAsync("conseiller.a", new RechercherJeunesQuery(q));
        var item = Assert.Single(page.Items, j => j.Prenom == "Élodie");
        Assert.Equal(elodie, item.Id);
        Assert.Equal("MULLER", item.Nom);
    }

    [Fact]
    public async Task JEU_12_seulement_les_dossiers_de_la_structure()
    {
        var a = await f.EnvoyerAsync("conseiller.a", new RechercherJeunesQuery("elodie muller"));
        var b = await f.EnvoyerAsync("conseiller.b", new RechercherJeunesQuery("elodie muller"));
        Assert.Single(a.Items);
        Assert.Single(b.Items);
        Assert.NotEqual(a.Items[0].Id, b.Items[0].Id);
    }

    [Fact]
    public async Task JEU_12_par_date_de_naissance_identifiant_FT_et_NIR()
    {
        var parDate = await f.EnvoyerAsync("conseiller.a", new RechercherJeunesQuery(DateNaissance: new DateOnly(2006, 4, 12)));
        Assert.Equal(elodie, Assert.Single(parDate.Items).Id);

        var d = await f.EnvoyerAsync("conseiller.a", new ConsulterDossierQuery(elodie));
        if (d.IdentifiantFt is null)
        {
            var v = (await f.EnvoyerAsync("conseiller.a", new ModifierComplementsCommand { JeuneId = elodie, Version = d.Version, InscritFranceTravail = true, IdentifiantFt = "7654321Z" })).Version;
            await f.EnvoyerAsync("conseiller.a", new ModifierNirCommand(elodie, v, "2 06 04 35 238 001 23", false));
        }

        Assert.Equal(elodie, Assert.Single((await f.EnvoyerAsync("conseiller.a", new RechercherJeunesQuery(IdentifiantFt: "7654321z"))).Items).Id);
        Assert.Equal(elodie, Assert.Single((await f.EnvoyerAsync("conseiller.a", new RechercherJeunesQuery(Nir: "206043523800123"))).Items).Id);
        Assert.Empty((await f.EnvoyerAsync("conseiller.b", new RechercherJeunesQuery(Nir: "206043523800123"))).Items);
    }

    [Fact]
    public async Task JEU_12_pagination_par_curseur_sans_doublon_ni_trou()
    {
        var vus = new List<string>();
        string? curseur = null;
        var pages = 0;
        do
        {
            var page = await f.EnvoyerAsync("conseiller.a", new RechercherJeunesQuery("serie", Apres: curseur, Taille: 10));
            vus.AddRange(page.Items.Select(i => i.Nom));
            curseur = page.Suivant;
            pages++;
        }
        while (curseur is not null);

        Assert.Equal(3, pages);
        Assert.Equal(25, vus.Count);
        Assert.Equal(vus.Order(StringComparer.Ordinal), vus);
        Assert.Equal(25, vus.Distinct().Count());
    }

    [Fact]
    public async Task Mes_jeunes_liste_le_portefeuille_du_conseiller()
    {
        var page = await f.EnvoyerAsync("conseiller.a", new ListerMesJeunesQuery());
        Assert.Contains(page.Items, j => j.Id == elodie);
        Assert.DoesNotContain(page.Items, j => j.Nom.StartsWith("PAGE", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "JEU-12")]
    public async Task Les_prenoms_se_trient_a_la_francaise_Cecile_avant_Claude_et_la_pagination_suit()
    {
        foreach (var prenom in new[] { "Éric", "Claude", "Zoé", "Cécile", "Emma", "Élodie" })
        {
            await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil("Trifrancais", prenom, new DateOnly(2005, 9, 9)) with { ConfirmerHomonyme = true });
        }

        var tous = (await f.EnvoyerAsync("conseiller.a", new RechercherJeunesQuery("trifrancais", Taille: 50))).Items.Select(i => i.Prenom).ToList();
        Assert.Equal(["Cécile", "Claude", "Élodie", "Emma", "Éric", "Zoé"], tous);

        var pages = new List<string>();
        string? curseur = null;
        do
        {
            var page = await f.EnvoyerAsync("conseiller.a", new RechercherJeunesQuery("trifrancais", Apres: curseur, Taille: 4));
            pages.AddRange(page.Items.Select(i => i.Prenom));
            curseur = page.Suivant;
        }
        while (curseur is not null);

        Assert.Equal(tous, pages);
    }
}
