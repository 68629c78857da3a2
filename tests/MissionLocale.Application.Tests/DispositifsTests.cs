using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.CloreDispositif;
using MissionLocale.Application.Dispositifs.OuvrirDispositif;
using MissionLocale.Application.Dispositifs.RenouvelerDispositif;
using MissionLocale.Application.Evenements.EnregistrerEvenement;
using MissionLocale.Application.Jeunes.ConsulterDossier;
using MissionLocale.Application.Jeunes.ConsulterHistorique;
using MissionLocale.Application.Jeunes.ModifierComplements;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Evenements;

namespace MissionLocale.Application.Tests;

public sealed class DispositifsTests(AppFixture f) : IClassFixture<AppFixture>
{
    private const string C = "conseiller.a";

    private async Task<(Guid Jeune, Guid Entretien)> JeuneAsync(string nom, bool inscritFt = true, DateOnly? naissance = null)
    {
        var jeune = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil(nom, "Noa", naissance ?? new DateOnly(2005, 3, 3)))).JeuneId;
        if (inscritFt)
        {
            var v = (await f.EnvoyerAsync(C, new ConsulterDossierQuery(jeune))).Version;
            await f.EnvoyerAsync(C, new ModifierComplementsCommand { JeuneId = jeune, Version = v, InscritFranceTravail = true, IdentifiantFt = "1234567X" });
        }

        // RE-05: the CIP's proposition "renvoi vers référent entreprise" precedes a Relation Entreprise.
        var entretien = await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(jeune, NatureEvenement.EntretienIndividuel, f.Clock.GetUtcNow(), 45, null,
            [new PropositionSaisie("EMPLOI", null, "Renvoi vers référent entreprise")]));
        return (jeune, entretien);
    }

    private async Task<Guid> DiagClosPaceaAsync(Guid jeune, Guid entretien, DateOnly debut, DateOnly fin)
    {
        var diag = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "DIAG", debut, debut.AddDays(20), entretien));
        await f.EnvoyerAsync(C, new CloreDispositifCommand(diag, 0, fin, "PACEA", ConfirmerAvertissements: true));
        return diag;
    }

    [Fact]
    [Trait("Rule", "DISP-01")]
    public async Task DISP_01_un_dispositif_s_ouvre_pendant_un_entretien_individuel()
    {
        var (jeune, _) = await JeuneAsync("Dispun");
        var atelier = await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(jeune, NatureEvenement.Atelier, f.Clock.GetUtcNow(), 60, null));
        var ex = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "RE", new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), atelier, ReferentId: f.Intervenants["A"].Referent)));
        Assert.Equal("DISP-01", ex.RuleId);
    }

    [Fact]
    [Trait("Rule", "DISP-02")]
    [Trait("Rule", "RE-01")]
    public async Task DISP_02_un_seul_dispositif_ouvert_par_type_et_RE_01_trois_mois_au_plus()
    {
        var (jeune, e) = await JeuneAsync("Dispdeux");
        var trop = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "RE", new DateOnly(2026, 1, 10), new DateOnly(2026, 4, 11), e, ReferentId: f.Intervenants["A"].Referent)));
        Assert.Equal("RE-01", trop.RuleId);
        await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "RE", new DateOnly(2026, 1, 10), new DateOnly(2026, 4, 10), e, ReferentId: f.Intervenants["A"].Referent));
        var deux = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "RE", new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1), e, ReferentId: f.Intervenants["A"].Referent)));
        Assert.Equal("DISP-02", deux.RuleId);
    }

    [Fact]
    [Trait("Rule", "DISP-02")]
    public async Task DISP_02_ouvertures_paralleles_une_seule_passe_la_base_est_le_dernier_filet()
    {
        var (jeune, e) = await JeuneAsync("Dispparallele");
        var resultats = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            try
            {
                await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "RE", new DateOnly(2026, 1, 10), new DateOnly(2026, 3, 10), e, ReferentId: f.Intervenants["A"].Referent));
                return "ok";
            }
            catch (BusinessRuleException ex)
            {
                return ex.RuleId;
            }
        })));
        Assert.Equal(1, resultats.Count(r => r == "ok"));
        Assert.All(resultats.Where(r => r != "ok"), r => Assert.Equal("DISP-02", r));
        Assert.Equal(1, await f.LireAsync(C, db => db.Dispositifs.CountAsync(d => d.JeuneId == jeune && d.DateFinReelle == null)));
    }

    [Fact]
    [Trait("Rule", "DISP-03")]
    public async Task DISP_03_cloture_avec_un_motif_de_la_liste_et_une_date_entre_debut_et_aujourd_hui()
    {
        var (jeune, e) = await JeuneAsync("Disptrois");
        var re = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "RE", new DateOnly(2026, 1, 10), new DateOnly(2026, 3, 10), e, ReferentId: f.Intervenants["A"].Referent));
        // DISP-05: a motive outside the type's list cites the type's own motive rule (RE-03).
        Assert.Equal("RE-03", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new CloreDispositifCommand(re, 0, new DateOnly(2026, 2, 1), "PACEA")))).RuleId);
        Assert.Equal("DISP-03", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new CloreDispositifCommand(re, 0, new DateOnly(2026, 1, 9), "CDI")))).RuleId);
        Assert.Equal("DISP-03", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new CloreDispositifCommand(re, 0, new DateOnly(2026, 12, 1), "CDI")))).RuleId);
        await f.EnvoyerAsync(C, new CloreDispositifCommand(re, 0, new DateOnly(2026, 2, 1), "CDI"));
        var d = await f.LireAsync(C, db => db.Dispositifs.SingleAsync(x => x.Id == re));
        Assert.Equal("CDI", d.MotifSortie);
        Assert.True(d.SortiePositive);
    }

    [Fact]
    [Trait("Rule", "DIAG-01")]
    public async Task DIAG_01_plus_d_un_mois_averti_et_confirme_plus_de_trois_mois_refuse()
    {
        var (jeune, e) = await JeuneAsync("Diag");
        Assert.Equal("DIAG-01", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "DIAG", new DateOnly(2026, 1, 10), new DateOnly(2026, 4, 11), e)))).RuleId);
        var avert = await Assert.ThrowsAsync<ConfirmationRequiseException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "DIAG", new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 11), e)));
        Assert.Equal("DIAG-01", avert.RuleId);
        await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "DIAG", new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 11), e, ConfirmerAvertissements: true));
        var h = await f.EnvoyerAsync(C, new ConsulterHistoriqueQuery(jeune));
        Assert.Contains(h, l => l.Champ == "Avertissement confirmé" && l.NouvelleValeur!.StartsWith("DIAG-01", StringComparison.Ordinal) && l.Utilisateur == "A Conseiller"); // the user's name (prénom nom), not the login
    }

    [Fact]
    [Trait("Rule", "PACEA-01")]
    public async Task PACEA_01_apres_un_diagnostic_clos_avec_le_motif_PACEA_le_lendemain_ou_moins_d_un_mois_apres()
    {
        var (jeune, e) = await JeuneAsync("Paceaun");
        Assert.Equal("PACEA-01", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "PACEA", new DateOnly(2026, 2, 1), new DateOnly(2026, 8, 1), e)))).RuleId);
        await DiagClosPaceaAsync(jeune, e, new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 20));
        Assert.Equal("PACEA-01", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "PACEA", new DateOnly(2026, 1, 20), new DateOnly(2026, 8, 1), e)))).RuleId);
        Assert.Equal("PACEA-01", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "PACEA", new DateOnly(2026, 2, 20), new DateOnly(2026, 8, 1), e)))).RuleId);
        await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "PACEA", new DateOnly(2026, 1, 21), new DateOnly(2026, 8, 1), e));
    }

    [Theory]
    [Trait("Rule", "PACEA-02")]
    [InlineData(2024, 12, 31, true)]
    [InlineData(2025, 1, 1, false)]
    [InlineData(2025, 1, 2, false)]
    public async Task PACEA_02_a_partir_du_1er_janvier_2025_l_identifiant_France_Travail_est_exige(int annee, int mois, int jour, bool accepte)
    {
        var entree = new DateOnly(annee, mois, jour);
        var (jeune, e) = await JeuneAsync("Paceadeux" + new string($"{annee}{mois}{jour}".Select(ch => (char)('a' + ch - '0')).ToArray()), inscritFt: false);
        await DiagClosPaceaAsync(jeune, e, entree.AddDays(-20), entree.AddDays(-1));
        var commande = new OuvrirDispositifCommand(jeune, "PACEA", entree, entree.AddMonths(6), e);
        if (accepte)
        {
            await f.EnvoyerAsync(C, commande);
        }
        else
        {
            var ex = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, commande));
            Assert.Equal("PACEA-02", ex.RuleId);
            Assert.Contains("identifiant France Travail", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    [Trait("Rule", "PACEA-07")]
    public async Task PACEA_07_de_16_a_25_ans_a_l_entree()
    {
        var (jeune, e) = await JeuneAsync("Paceasept", naissance: new DateOnly(1999, 6, 1));
        await DiagClosPaceaAsync(jeune, e, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 10));
        Assert.Equal("PACEA-07", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "PACEA", new DateOnly(2026, 1, 11), new DateOnly(2026, 6, 1), e)))).RuleId);
    }

    [Fact]
    [Trait("Rule", "CEJ-01")]
    public async Task CEJ_01_sortie_du_PACEA_au_plus_tard_la_veille_de_l_entree_en_CEJ()
    {
        var (jeune, e) = await JeuneAsync("Cejun");
        await DiagClosPaceaAsync(jeune, e, new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 10));
        var pacea = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "PACEA", new DateOnly(2025, 6, 11), new DateOnly(2026, 6, 10), e));
        Assert.Equal("CEJ-01", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "CEJ", new DateOnly(2026, 2, 1), new DateOnly(2026, 9, 1), e)))).RuleId);
        await f.EnvoyerAsync(C, new CloreDispositifCommand(pacea, 0, new DateOnly(2026, 2, 1), "Réorientation anticipée autre dispositif"));
        Assert.Equal("CEJ-01", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "CEJ", new DateOnly(2026, 2, 1), new DateOnly(2026, 9, 1), e)))).RuleId);
        await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "CEJ", new DateOnly(2026, 2, 2), new DateOnly(2026, 9, 1), e));
    }

    [Fact]
    [Trait("Rule", "PAO-01")]
    [Trait("Rule", "PARR-02")]
    [Trait("Rule", "QPV-01")]
    public async Task PAO_01_PARR_02_QPV_01()
    {
        var (inscrit, e1) = await JeuneAsync("Paoinscrit");
        Assert.Equal("PAO-01", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(inscrit, "PAO", new DateOnly(2026, 2, 1), new DateOnly(2026, 6, 1), e1)))).RuleId);
        var (nonInscrit, e2) = await JeuneAsync("Paononinscrit", inscritFt: false);
        await f.EnvoyerAsync(C, new OuvrirDispositifCommand(nonInscrit, "PAO", new DateOnly(2026, 2, 1), new DateOnly(2026, 6, 1), e2, PublicPao: "EleveDecrochage", Programme: "Avenir pro"));

        Assert.Equal("PARR-02", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(inscrit, "PARR", new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1), e1)))).RuleId);
        Assert.Equal("PARR-02", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(inscrit, "PARR", new DateOnly(2026, 2, 1), new DateOnly(2026, 8, 2), e1)))).RuleId);
        var parrain = await f.EnvoyerAsync(C, new Dispositifs.CreerParrain.CreerParrainCommand("Durand", "Michel", "Boulangerie Durand", "Artisan boulanger", null, null));
        await f.EnvoyerAsync(C, new OuvrirDispositifCommand(inscrit, "PARR", new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 15), e1, ParrainId: parrain, AcceptationJeune: new DateOnly(2026, 1, 30), AcceptationParrain: new DateOnly(2026, 1, 31)));

        var qpv = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(inscrit, "QPV", new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 1), e1, PrescripteurId: Guid.NewGuid(), ReferentId: Guid.NewGuid()));
        var d = await f.LireAsync(C, db => db.Dispositifs.SingleAsync(x => x.Id == qpv));
        Assert.Null(d.PrescripteurId);
        Assert.Null(d.ReferentId);
        Assert.Equal("12-MLD", d.Pilote);
    }

    [Fact]
    [Trait("Rule", "EVT-04")]
    public async Task EVT_04_la_frise_montre_les_dispositifs()
    {
        var (jeune, e) = await JeuneAsync("Frisedispositif");
        var re = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "RE", new DateOnly(2026, 1, 10), new DateOnly(2026, 3, 10), e, ReferentId: f.Intervenants["A"].Referent));
        await f.EnvoyerAsync(C, new CloreDispositifCommand(re, 0, new DateOnly(2026, 2, 1), "CDI"));
        var frise = await f.EnvoyerAsync(C, new MissionLocale.Application.Jeunes.ConsulterFrise.ConsulterFriseQuery(jeune, [MissionLocale.Application.Jeunes.ConsulterFrise.TypeElementFrise.Dispositif]));
        var ligne = Assert.Single(frise);
        Assert.Equal("Dispositif RE", ligne.Titre);
        Assert.Contains("sortie positive", ligne.Detail, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "RE-03")]
    [Trait("Rule", "ENT-01")]
    public async Task RE_03_une_sortie_positive_de_relation_entreprise_nomme_l_entreprise_du_fichier()
    {
        var (jeune, e) = await JeuneAsync("Entreprisere");
        var entreprise = await f.EnvoyerAsync(C, new MissionLocale.Application.Entreprises.CreerEntreprise.CreerEntrepriseCommand("35600000049837", "La Poste Rennes Colombier", null, null, null, "35000", "35238", true, null));
        var re = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "RE", new DateOnly(2026, 1, 10), new DateOnly(2026, 3, 10), e, ReferentId: f.Intervenants["A"].Referent));
        var refus = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new CloreDispositifCommand(re, 0, new DateOnly(2026, 2, 1), "Abandon du jeune", EntrepriseId: entreprise)));
        Assert.Equal(("RE-03", "EntrepriseId"), (refus.RuleId, refus.Champ));
        Assert.Null(await f.LireAsync(C, db => db.Dispositifs.Where(d => d.Id == re).Select(d => d.DateFinReelle).SingleAsync()));
        await f.EnvoyerAsync(C, new CloreDispositifCommand(re, 0, new DateOnly(2026, 2, 1), "CDI", EntrepriseId: entreprise));
        Assert.Equal(entreprise, await f.LireAsync(C, db => db.Dispositifs.Where(d => d.Id == re).Select(d => d.EntrepriseId).SingleAsync()));
    }

    [Fact]
    [Trait("Rule", "JEU-07")]
    public async Task JEU_07_un_deces_clot_les_dispositifs_ouverts_et_bloque_courriers_et_SMS()
    {
        var (jeune, e) = await JeuneAsync("Deces");
        await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "RE", new DateOnly(2026, 1, 10), new DateOnly(2026, 3, 10), e, ReferentId: f.Intervenants["A"].Referent));
        await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "DIAG", new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 9), e));
        var v = (await f.EnvoyerAsync(C, new ConsulterDossierQuery(jeune))).Version;
        await f.EnvoyerAsync(C, new MissionLocale.Application.Jeunes.EnregistrerDeces.EnregistrerDecesCommand(jeune, v, new DateOnly(2026, 2, 20)));

        var dispositifs = await f.LireAsync(C, db => db.Dispositifs.Where(d => d.JeuneId == jeune).ToListAsync());
        Assert.All(dispositifs, d => Assert.Equal("Décès", d.MotifSortie));
        Assert.All(dispositifs, d => Assert.Equal(new DateOnly(2026, 2, 20), d.DateFinReelle));
        var dossier = await f.EnvoyerAsync(C, new ConsulterDossierQuery(jeune));
        Assert.False(dossier.PeutRecevoirCourrier);
        Assert.False(dossier.PeutRecevoirSms);

        var rdv = await f.EnvoyerAsync(C, new MissionLocale.Application.RendezVous.PlanifierRendezVous.PlanifierRendezVousCommand { JeuneId = jeune, Objet = "Suivi", Debut = f.Clock.GetUtcNow().AddDays(2), DureeMinutes = 30, ConfirmerChevauchement = true });
        var ex = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new MissionLocale.Application.Documents.GenererConvocation.GenererConvocationCommand(rdv)));
        Assert.Equal("JEU-07", ex.RuleId);
    }

    [Fact]
    [Trait("Rule", "RE-02")]
    [Trait("Rule", "DIAG-02")]
    public async Task RE_02_un_renouvellement_de_deux_mois_au_plus_DIAG_02_aucun()
    {
        var (jeune, e) = await JeuneAsync("Renouvellement");
        var re = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "RE", new DateOnly(2026, 1, 10), new DateOnly(2026, 3, 10), e, ReferentId: f.Intervenants["A"].Referent));
        Assert.Equal("RE-02", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new RenouvelerDispositifCommand(re, 0, new DateOnly(2026, 5, 11))))).RuleId);
        var v = await f.EnvoyerAsync(C, new RenouvelerDispositifCommand(re, 0, new DateOnly(2026, 5, 10)));
        Assert.Equal("RE-02", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new RenouvelerDispositifCommand(re, v, new DateOnly(2026, 6, 1))))).RuleId);

        var diag = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "DIAG", new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 1), e));
        Assert.Equal("DIAG-02", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new RenouvelerDispositifCommand(diag, 0, new DateOnly(2026, 2, 5))))).RuleId);
    }

    [Fact]
    [Trait("Rule", "PACEA-04")]
    public async Task PACEA_04_pas_de_renouvellement_et_second_PACEA_le_mois_de_la_sortie_averti()
    {
        var (jeune, e) = await JeuneAsync("Paceaquatre");
        await DiagClosPaceaAsync(jeune, e, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 10));
        var premier = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "PACEA", new DateOnly(2025, 3, 11), new DateOnly(2026, 3, 10), e));
        Assert.Equal("PACEA-04", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new RenouvelerDispositifCommand(premier, 0, new DateOnly(2026, 6, 10))))).RuleId);
        await f.EnvoyerAsync(C, new CloreDispositifCommand(premier, 0, new DateOnly(2026, 2, 3), "Abandon"));

        await DiagClosPaceaAsync(jeune, e, new DateOnly(2026, 2, 4), new DateOnly(2026, 2, 10));
        var avert = await Assert.ThrowsAsync<ConfirmationRequiseException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "PACEA", new DateOnly(2026, 2, 11), new DateOnly(2026, 8, 1), e)));
        Assert.Equal("PACEA-04", avert.RuleId);
        await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "PACEA", new DateOnly(2026, 2, 11), new DateOnly(2026, 8, 1), e, ConfirmerAvertissements: true));
    }

    [Theory]
    [Trait("Rule", "RE-03")]
    [Trait("Rule", "DIAG-03")]
    [Trait("Rule", "PACEA-06")]
    [InlineData("RE", "Formation plus de 6 mois", true, true)]
    [InlineData("RE", "Accès au service civique", true, true)]
    [InlineData("RE", "Abandon du jeune", true, false)]
    [InlineData("RE", "PACEA", false, false)]
    [InlineData("DIAG", "Orientation vers un accompagnement d'un autre partenaire", true, null)]
    [InlineData("DIAG", "Contrat d'Engagement Jeune", true, null)]
    [InlineData("DIAG", "CDI", false, null)]
    [InlineData("PACEA", "Réorientation anticipée autre dispositif", true, null)]
    [InlineData("PACEA", "Limite d'âge 26 ans", true, null)]
    [InlineData("PACEA", "Formation plus de 6 mois", false, null)]
    public async Task Motifs_de_sortie_de_la_liste_du_type_et_sortie_positive(string type, string motif, bool accepte, bool? positive)
    {
        var (jeune, e) = await JeuneAsync("Motif" + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(8).ToArray()));
        Guid id;
        if (type == "PACEA")
        {
            await DiagClosPaceaAsync(jeune, e, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 5));
            id = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "PACEA", new DateOnly(2026, 1, 6), new DateOnly(2026, 12, 1), e));
        }
        else
        {
            id = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, type, new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 1), e, ReferentId: type == "RE" ? f.Intervenants["A"].Referent : null));
        }

        var cloture = new CloreDispositifCommand(id, 0, new DateOnly(2026, 2, 1), motif);
        if (!accepte)
        {
            // DISP-05: the refusal cites the type's own list of motives.
            var regle = type switch { "RE" => "RE-03", "DIAG" => "DIAG-03", "PACEA" => "PACEA-06", _ => "DISP-03" };
            Assert.Equal(regle, (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, cloture))).RuleId);
            return;
        }

        await f.EnvoyerAsync(C, cloture);
        var d = await f.LireAsync(C, db => db.Dispositifs.SingleAsync(x => x.Id == id));
        Assert.Equal(motif, d.MotifSortie);
        Assert.Equal(positive, d.SortiePositive);
    }

    [Fact]
    [Trait("Rule", "RE-04")]
    [Trait("Rule", "USR-07")]
    public async Task RE_04_le_CRE_est_le_referent_du_dispositif_et_le_CIP_reste_referent_du_dossier()
    {
        var (jeune, e) = await JeuneAsync("Doubleaccompagnement");
        var v = (await f.EnvoyerAsync(C, new ConsulterDossierQuery(jeune))).Version;
        await f.EnvoyerAsync(C, new Jeunes.ModifierReferent.ModifierReferentCommand(jeune, v, f.Comptes["conseiller.a"].Id, f.Comptes[C].AntenneId, null, Domain.Jeunes.SavoirsDeBase.Acquis));

        var sansCre = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "RE", new DateOnly(2026, 1, 10), new DateOnly(2026, 3, 10), e)));
        Assert.Equal("RE-04", sansCre.RuleId);

        // USR-07: only elements of the structure's own tables; a prescripteur is not a référent, another ML's référent is unknown here.
        var pasReferent = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "RE", new DateOnly(2026, 1, 10), new DateOnly(2026, 3, 10), e, ReferentId: f.Intervenants["A"].Prescripteur)));
        Assert.Equal("USR-07", pasReferent.RuleId);
        var autreMl = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "RE", new DateOnly(2026, 1, 10), new DateOnly(2026, 3, 10), e, ReferentId: f.Intervenants["B"].Referent)));
        Assert.Equal("USR-07", autreMl.RuleId);

        var id = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "RE", new DateOnly(2026, 1, 10), new DateOnly(2026, 3, 10), e, PrescripteurId: f.Intervenants["A"].Prescripteur, ReferentId: f.Intervenants["A"].Referent));
        var d = await f.LireAsync(C, db => db.Dispositifs.SingleAsync(x => x.Id == id));
        Assert.Equal((f.Intervenants["A"].Referent, f.Intervenants["A"].Prescripteur), (d.ReferentId!.Value, d.PrescripteurId!.Value));
        Assert.Equal(f.Comptes["conseiller.a"].Id, (await f.EnvoyerAsync(C, new ConsulterDossierQuery(jeune))).ConseillerReferentId);
    }

    [Fact]
    [Trait("Rule", "RE-05")]
    public async Task RE_05_sans_proposition_renvoi_vers_referent_entreprise_averti_puis_confirme()
    {
        var jeune = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil("Sansrenvoi", "Noa", new DateOnly(2005, 3, 3)))).JeuneId;
        var e = await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(jeune, NatureEvenement.EntretienIndividuel, f.Clock.GetUtcNow(), 45, null, [new PropositionSaisie("EMPLOI", null, "Atelier CV")]));
        var commande = new OuvrirDispositifCommand(jeune, "RE", new DateOnly(2026, 1, 10), new DateOnly(2026, 3, 10), e, ReferentId: f.Intervenants["A"].Referent);
        var avert = await Assert.ThrowsAsync<ConfirmationRequiseException>(() => f.EnvoyerAsync(C, commande));
        Assert.Equal("RE-05", avert.RuleId);
        await f.EnvoyerAsync(C, commande with { ConfirmerAvertissements = true });
        var h = await f.EnvoyerAsync(C, new ConsulterHistoriqueQuery(jeune));
        Assert.Contains(h, l => l.Champ == "Avertissement confirmé" && l.NouvelleValeur!.StartsWith("RE-05", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "PARR-01")]
    [Trait("Rule", "PARR-03")]
    [Trait("Rule", "PARR-04")]
    public async Task PARR_01_acceptation_conjointe_PARR_03_deux_actions_professionnelles_PARR_04_sortie_positive_et_QPV()
    {
        var jeune = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil("Parraine", "Lina", new DateOnly(2005, 3, 3)) with { Voie = "bd de Yougoslavie" })).JeuneId;
        var e = await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(jeune, NatureEvenement.EntretienIndividuel, f.Clock.GetUtcNow(), 45, null));
        var parrain = await f.EnvoyerAsync(C, new Dispositifs.CreerParrain.CreerParrainCommand("Martin", "Claire", "Hôpital Sud", "Infirmière", "claire.martin@exemple.fr", null));
        Assert.True((await f.EnvoyerAsync(C, new Dispositifs.ListerParrains.ListerParrainsQuery())).Single(p => p.Id == parrain).Benevole);
        var debut = new DateOnly(2026, 1, 10);
        var fin = new DateOnly(2026, 3, 10);
        OuvrirDispositifCommand Parr(Guid? p, DateOnly? aj, DateOnly? ap) => new(jeune, "PARR", debut, fin, e, ParrainId: p, AcceptationJeune: aj, AcceptationParrain: ap);

        Assert.Equal("PARR-01", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, Parr(null, debut, debut)))).RuleId);
        Assert.Equal("PARR-01", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, Parr(Guid.NewGuid(), debut, debut)))).RuleId);
        Assert.Equal("PARR-01", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, Parr(parrain, debut, null)))).RuleId);
        Assert.Equal("PARR-01", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, Parr(parrain, debut, debut.AddDays(1))))).RuleId); // the day after: refused
        var id = await f.EnvoyerAsync(C, Parr(parrain, debut.AddDays(-1), debut)); // the day before and the day of: accepted

        // PARR-03: professional domain only, in the period; validated with at least 2 actions.
        var p0 = await f.EnvoyerAsync(C, new Dispositifs.ConsulterParrainage.ConsulterParrainageQuery(id));
        Assert.Equal("PARR-03", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new Dispositifs.EnregistrerActionParrainage.EnregistrerActionParrainageCommand(id, p0.Version, new DateOnly(2026, 1, 20), "SANTE", "Bilan de santé")))).RuleId);
        Assert.Equal("PARR-03", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new Dispositifs.EnregistrerActionParrainage.EnregistrerActionParrainageCommand(id, p0.Version, debut.AddDays(-1), "EMPLOI", "Simulation d'entretien")))).RuleId);
        var v = await f.EnvoyerAsync(C, new Dispositifs.EnregistrerActionParrainage.EnregistrerActionParrainageCommand(id, p0.Version, debut, "EMPLOI", "Simulation d'entretien d'embauche"));
        Assert.Equal("PARR-03", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new Dispositifs.ValiderParrainage.ValiderParrainageCommand(id, v)))).RuleId);
        v = await f.EnvoyerAsync(C, new Dispositifs.EnregistrerActionParrainage.EnregistrerActionParrainageCommand(id, v, fin, "PROJET_PRO", "Visite de l'hôpital"));
        v = await f.EnvoyerAsync(C, new Dispositifs.ValiderParrainage.ValiderParrainageCommand(id, v));
        var valide = await f.EnvoyerAsync(C, new Dispositifs.ConsulterParrainage.ConsulterParrainageQuery(id));
        Assert.Equal((2, (DateOnly?)new DateOnly(2026, 3, 10)), (valide.Actions.Count, valide.ValideLe));
        Assert.Equal("Claire MARTIN", valide.Parrain);

        // PARR-04: sortie positive, and the QPV jeunes are counted.
        await f.EnvoyerAsync(C, new CloreDispositifCommand(id, v, new DateOnly(2026, 3, 10), "Emploi"));
        var bilan = await f.EnvoyerAsync(C, new Dispositifs.ConsulterBilanParrainages.ConsulterBilanParrainagesQuery(2026));
        Assert.True(bilan.SortiesPositives >= 1);
        Assert.True(bilan.JeunesQpv >= 1);
        Assert.True(bilan.Valides >= 1);
        Assert.True(await f.LireAsync(C, db => db.Dispositifs.Where(d => d.Id == id).Select(d => d.SortiePositive == true).SingleAsync()));
    }

    [Fact]
    [Trait("Rule", "CEJ-07")]
    public async Task CEJ_07_six_a_douze_mois_prolongeable_jusqu_a_dix_huit_mois()
    {
        var (jeune, e) = await JeuneAsync("Cejdureee");
        var debut = new DateOnly(2026, 1, 5);
        Assert.Equal("CEJ-07", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "CEJ", debut, debut.AddDays(179), e)))).RuleId);

        // Six calendar months, not 180 days: an end one day short of 6 months (181 days here) is refused.
        var court = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "CEJ", debut, debut.AddMonths(6).AddDays(-1), e)));
        Assert.Equal("CEJ-07", court.RuleId);
        Assert.Contains("6 mois", court.Message, StringComparison.Ordinal);
        Assert.Equal("CEJ-07", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "CEJ", debut, new DateOnly(2027, 1, 6), e)))).RuleId);
        var id = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "CEJ", debut, new DateOnly(2027, 1, 5), e));

        // One extension of at most 6 months: 18 months in all.
        Assert.Equal("CEJ-07", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new RenouvelerDispositifCommand(id, 0, new DateOnly(2027, 7, 6))))).RuleId);
        var v = await f.EnvoyerAsync(C, new RenouvelerDispositifCommand(id, 0, new DateOnly(2027, 7, 5)));
        Assert.Equal("CEJ-07", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new RenouvelerDispositifCommand(id, v, new DateOnly(2027, 8, 1))))).RuleId);
    }

    [Fact]
    [Trait("Rule", "DISP-01")]
    public async Task DISP_01_pilote_et_operateur_une_antenne_de_la_structure_par_defaut_celle_du_jeune()
    {
        var (jeune, e) = await JeuneAsync("Operateur");
        var autre = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "DIAG", new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 20), e, Pilote: "ML", OperateurAntenneId: f.Comptes["conseiller.b"].AntenneId)));
        Assert.Equal("DISP-01", autre.RuleId);
        var id = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "DIAG", new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 20), e, Pilote: "ML"));
        var d = await f.LireAsync(C, db => db.Dispositifs.SingleAsync(x => x.Id == id));
        var antenne = await f.LireAsync(C, db => db.Jeunes.Where(j => j.Id == jeune).Select(j => j.AntenneId).SingleAsync());
        Assert.Equal(("ML", (Guid?)antenne), (d.Pilote, d.OperateurAntenneId));
    }

    [Fact]
    [Trait("Rule", "DISP-07")]
    [Trait("Rule", "DIAG-01")]
    public async Task DISP_07_un_diagnostic_clos_plus_de_trois_mois_apres_son_debut_est_refuse_et_plus_d_un_mois_confirme()
    {
        var (jeune, e) = await JeuneAsync("Diagcloturelongue");
        var diag = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "DIAG", new DateOnly(2025, 11, 10), new DateOnly(2025, 11, 30), e));
        var trop = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new CloreDispositifCommand(diag, 0, new DateOnly(2026, 2, 11), "PACEA")));
        Assert.Equal("DIAG-01", trop.RuleId);
        Assert.Equal("DateFinReelle", trop.Champ);

        var avert = await Assert.ThrowsAsync<ConfirmationRequiseException>(() => f.EnvoyerAsync(C, new CloreDispositifCommand(diag, 0, new DateOnly(2026, 1, 15), "PACEA")));
        Assert.Equal("DIAG-01", avert.RuleId);
        Assert.Null(await f.LireAsync(C, db => db.Dispositifs.Where(d => d.Id == diag).Select(d => d.DateFinReelle).SingleAsync()));

        await f.EnvoyerAsync(C, new CloreDispositifCommand(diag, 0, new DateOnly(2026, 1, 15), "PACEA", ConfirmerAvertissements: true));
        Assert.Equal(new DateOnly(2026, 1, 15), await f.LireAsync(C, db => db.Dispositifs.Where(d => d.Id == diag).Select(d => d.DateFinReelle).SingleAsync()));
    }

    [Fact]
    [Trait("Rule", "DISP-05")]
    [Trait("Rule", "DIAG-02")]
    [Trait("Rule", "DIAG-03")]
    public async Task DISP_05_le_refus_cite_la_regle_qui_bloque_allocation_sur_diagnostic_et_motif_hors_liste()
    {
        var (jeune, e) = await JeuneAsync("Diagregle");
        var diag = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "DIAG", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 20), e));
        var allocation = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new MissionLocale.Application.Allocations.DemanderAllocation.DemanderAllocationCommand(jeune, diag, new DateOnly(2026, 3, 1))));
        Assert.Equal("DIAG-02", allocation.RuleId);
        Assert.Equal("DIAG-03", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(C, new CloreDispositifCommand(diag, 0, new DateOnly(2026, 3, 5), "CDI")))).RuleId);
    }
}
