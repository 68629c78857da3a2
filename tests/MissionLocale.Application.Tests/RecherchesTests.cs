using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Cursus.AjouterDiplome;
using MissionLocale.Application.Dispositifs.OuvrirDispositif;
using MissionLocale.Application.Evenements.EnregistrerEvenement;
using MissionLocale.Application.Jeunes.ConsulterDossier;
using MissionLocale.Application.Jeunes.ModifierComplements;
using MissionLocale.Application.Jeunes.ModifierReferent;
using MissionLocale.Application.Pilotage.ExporterDossiers;
using MissionLocale.Application.Pilotage.ListerRecherches;
using MissionLocale.Application.Pilotage.RechercherDossiers;
using MissionLocale.Application.Pilotage.SauvegarderRecherche;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Pilotage;

namespace MissionLocale.Application.Tests;

/// <summary>PIL-02: the search builder, saved searches and their two counts; the clock is 2026-03-10.</summary>
public sealed class RecherchesTests(AppFixture f) : IClassFixture<AppFixture>
{
    private const string C = "conseiller.a";
    private const string D = "direction.a";

    /// <summary>A jeune of structure A (Rennes, 35238) in the given portfolio, with a marker name to filter on.</summary>
    private async Task<Guid> JeuneAsync(string nom, DateOnly naissance, Civilite civilite, bool mien, bool rsa = false, int? niveau = null)
    {
        var jeune = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil(nom, "Camille", naissance) with { Civilite = civilite })).JeuneId;
        var v = (await f.EnvoyerAsync(C, new ConsulterDossierQuery(jeune))).Version;
        v = (await f.EnvoyerAsync(C, new ModifierReferentCommand(jeune, v, mien ? f.Comptes[C].Id : null, f.Comptes[C].AntenneId, null, SavoirsDeBase.Acquis))).Version;
        if (rsa)
        {
            v = (await f.EnvoyerAsync(C, new ModifierComplementsCommand { JeuneId = jeune, Version = v, Rsa = Rsa.Beneficiaire })).Version;
        }

        if (niveau is { } n)
        {
            await f.EnvoyerAsync(C, new AjouterDiplomeCommand(jeune, v, "Titre", n, 2024));
        }

        return jeune;
    }

    [Fact]
    [Trait("Rule", "PIL-02")]
    public async Task PIL_02_criteres_combines_age_sexe_rsa_niveau_dispositif_et_contact()
    {
        var femme20 = await JeuneAsync("Critereun", new DateOnly(2005, 6, 1), Civilite.Madame, mien: true, rsa: true, niveau: 3);
        var homme20 = await JeuneAsync("Criteredeux", new DateOnly(2005, 6, 1), Civilite.Monsieur, mien: false, rsa: true, niveau: 3);
        var femme24 = await JeuneAsync("Criteretrois", new DateOnly(2001, 6, 1), Civilite.Madame, mien: true, rsa: false, niveau: 4);
        var e = await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(femme20, NatureEvenement.EntretienIndividuel, new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero), 30, null));
        await f.EnvoyerAsync(C, new OuvrirDispositifCommand(femme20, "DIAG", new DateOnly(2026, 2, 2), new DateOnly(2026, 3, 2), e));

        async Task<IReadOnlyList<Guid>> Ids(CriteresRecherche c) =>
            (await f.EnvoyerAsync(C, new RechercherDossiersQuery(c, Taille: 100))).Page.Items.Where(j => j.Nom.StartsWith("CRITERE", StringComparison.Ordinal)).Select(j => j.Id).ToList();

        Assert.Equal([femme20, femme24], (await Ids(new CriteresRecherche { Civilite = Civilite.Madame })).Order());
        Assert.Equal([femme20, homme20], (await Ids(new CriteresRecherche { AgeMax = 21, Rsa = true })).Order());
        Assert.Equal([femme24], await Ids(new CriteresRecherche { NiveauMin = 4 }));
        Assert.Equal([femme20, homme20], (await Ids(new CriteresRecherche { NiveauMax = 3, AgeMin = 20 })).Order());
        Assert.Equal([femme20], await Ids(new CriteresRecherche { Dispositif = "DIAG", DispositifOuvertLe = new DateOnly(2026, 3, 1) }));
        Assert.Empty(await Ids(new CriteresRecherche { Dispositif = "DIAG", EntreeDu = new DateOnly(2026, 3, 1) }));
        Assert.Equal([femme20], await Ids(new CriteresRecherche { DernierContactApres = new DateOnly(2026, 2, 1), Civilite = Civilite.Madame, AgeMax = 21 }));
        Assert.Equal([homme20], await Ids(new CriteresRecherche { SansReferent = true, Rsa = true }));
        Assert.Equal([femme20], await Ids(new CriteresRecherche { ReferentId = f.Comptes[C].Id, Rsa = true }));

        // Another Mission Locale never sees these dossiers, whatever the criteria.
        var b = await f.EnvoyerAsync("conseiller.b", new RechercherDossiersQuery(new CriteresRecherche { Rsa = true }, Taille: 100));
        Assert.DoesNotContain(b.Page.Items, j => j.Nom.StartsWith("CRITERE", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "PIL-02")]
    public async Task PIL_02_criteres_incoherents_toutes_les_erreurs_a_la_fois()
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => f.EnvoyerAsync(C, new RechercherDossiersQuery(new CriteresRecherche
        {
            AgeMin = 25,
            AgeMax = 18,
            EntreeDu = new DateOnly(2026, 3, 1),
            EntreeAu = new DateOnly(2026, 1, 1),
            CommuneInsee = "ABC",
        })));
        Assert.Contains("Criteres.AgeMax", ex.Erreurs.Keys);
        Assert.Contains("Criteres.EntreeAu", ex.Erreurs.Keys);
        Assert.Contains("Criteres.Dispositif", ex.Erreurs.Keys);
        Assert.Contains("Criteres.CommuneInsee", ex.Erreurs.Keys);
    }

    [Fact]
    [Trait("Rule", "PIL-02")]
    public async Task PIL_02_recherche_sauvegardee_partagee_avec_ses_deux_comptes_seul_l_auteur_la_change()
    {
        await JeuneAsync("Compteun", new DateOnly(2004, 1, 1), Civilite.Madame, mien: true, rsa: true);
        await JeuneAsync("Comptedeux", new DateOnly(2004, 1, 1), Civilite.Madame, mien: false, rsa: true);
        var criteres = new CriteresRecherche { Rsa = true, NeApres = new DateOnly(2004, 1, 1), NeAvant = new DateOnly(2004, 1, 1) };

        var vide = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new SauvegarderRechercheCommand("Vide", false, new CriteresRecherche())));
        Assert.Equal("PIL-02", vide.RuleId);

        var id = await f.EnvoyerAsync(C, new SauvegarderRechercheCommand("RSA nés le 1er janvier 2004", true, criteres));
        var doublon = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new SauvegarderRechercheCommand("RSA nés le 1er janvier 2004", false, criteres)));
        Assert.Equal("PIL-02", doublon.RuleId);

        var miennes = await f.EnvoyerAsync(C, new ListerRecherchesQuery());
        var r = miennes.Single(x => x.Id == id);
        Assert.Equal((2, 1, true), (r.MaStructure, r.MesDossiers, r.MaRecherche));

        // Shared: the direction sees it with its own "Mes dossiers" (none in its portfolio), but cannot change or delete it.
        var direction = (await f.EnvoyerAsync(D, new ListerRecherchesQuery())).Single(x => x.Id == id);
        Assert.Equal((2, 0, false), (direction.MaStructure, direction.MesDossiers, direction.MaRecherche));
        var refus = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(D, new SupprimerRechercheCommand(id)));
        Assert.Equal("PIL-02", refus.RuleId);

        // Private again: the direction no longer sees it; another Mission Locale never did.
        await f.EnvoyerAsync(C, new ModifierRechercheCommand(id, r.Version, r.Nom, false, criteres));
        Assert.DoesNotContain(await f.EnvoyerAsync(D, new ListerRecherchesQuery()), x => x.Id == id);
        Assert.DoesNotContain(await f.EnvoyerAsync("conseiller.b", new ListerRecherchesQuery()), x => x.Id == id);
        await Assert.ThrowsAsync<NotFoundException>(() => f.EnvoyerAsync("conseiller.b", new ConsulterRechercheQuery(id)));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.EnvoyerAsync(C, new ModifierRechercheCommand(id, r.Version, "Autre", false, criteres)));

        await f.EnvoyerAsync(C, new SupprimerRechercheCommand(id));
        Assert.DoesNotContain(await f.EnvoyerAsync(C, new ListerRecherchesQuery()), x => x.Id == id);
    }

    [Fact]
    [Trait("Rule", "PIL-03")]
    public async Task PIL_03_export_de_la_liste_filtree_ligne_a_ligne()
    {
        var j = await JeuneAsync("Exportun", new DateOnly(2003, 5, 4), Civilite.Madame, mien: true, rsa: true, niveau: 5);
        var lignes = await f.EnvoyerEtLireAsync(C, new ExporterDossiersQuery(new CriteresRecherche { NeApres = new DateOnly(2003, 5, 4), NeAvant = new DateOnly(2003, 5, 4), Rsa = true }),
            t => t.Lignes.ToListAsync().AsTask());
        var l = Assert.Single(lignes, x => (string?)x[1] == "EXPORTUN");
        Assert.Equal(ExporterDossiersHandler.Colonnes.Length, l.Length);
        Assert.Equal(("F", new DateOnly(2003, 5, 4), 22, "Niveau 5", true), (l[3], l[4], l[5], l[10], l[13]));
    }

    [Fact]
    [Trait("Rule", "PIL-02")]
    public async Task PIL_02_vingt_enregistrements_simultanes_du_meme_nom_en_laissent_un()
    {
        var criteres = new CriteresRecherche { Rqth = true };
        var essais = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            try
            {
                await f.EnvoyerAsync(C, new SauvegarderRechercheCommand("Double clic", false, criteres));
                return "ok";
            }
            catch (BusinessRuleException e)
            {
                return e.RuleId;
            }
        }));
        Assert.Equal(1, essais.Count(e => e == "ok"));
        Assert.All(essais.Where(e => e != "ok"), e => Assert.Equal("PIL-02", e));
        Assert.Equal(1, await f.LireAsync(C, db => db.RecherchesSauvegardees.CountAsync(r => r.Nom == "Double clic")));
    }
}
