using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.AjouterRessource;
using MissionLocale.Application.Jeunes.ChangerAdresse;
using MissionLocale.Application.Jeunes.ConsulterDossier;
using MissionLocale.Application.Jeunes.ConsulterHistorique;
using MissionLocale.Application.Jeunes.JustifierIdentite;
using MissionLocale.Application.Jeunes.ModifierComplements;
using MissionLocale.Application.Jeunes.ModifierContacts;
using MissionLocale.Application.Jeunes.ModifierIdentite;
using MissionLocale.Application.Jeunes.ModifierNir;
using MissionLocale.Application.Jeunes.ModifierReferent;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Jeunes;

namespace MissionLocale.Application.Tests;

public sealed class DossierTests(AppFixture f) : IClassFixture<AppFixture>
{
    private const string Accueil = "chargeaccueil.a";
    private const string Conseiller = "conseiller.a";

    [Fact]
    [Trait("Rule", "JEU-11")]
    [Trait("Rule", "RGPD-01")]
    public async Task JEU_11_premier_accueil_cree_le_dossier_avec_consentement_et_premier_entretien()
    {
        var r = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Dupont-Accueil", "Léa"));

        var d = await f.EnvoyerAsync(Accueil, new ConsulterDossierQuery(r.JeuneId));
        Assert.Equal("DUPONT-ACCUEIL", d.Nom);
        Assert.Equal("Léa", d.Prenom);
        Assert.Equal(f.Clock.GetUtcNow(), d.ConsentementLe);
        Assert.Single(d.Adresses);
        Assert.True(r.Numero > 0);
        var entretiens = await f.LireAsync(Accueil, db => db.Evenements.Where(e => e.JeuneId == r.JeuneId).ToListAsync());
        var entretien = Assert.Single(entretiens);
        Assert.Equal(NatureEvenement.EntretienIndividuel, entretien.Nature);
        Assert.Equal(f.Comptes[Accueil].Id, entretien.ConseillerId);
    }

    [Fact]
    [Trait("Rule", "RGPD-01")]
    public async Task RGPD_01_sans_consentement_rien_n_est_cree()
    {
        var avant = await f.LireAsync(Accueil, db => db.Jeunes.CountAsync());
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() =>
            f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Sansconsent", "Paul") with { ConsentementRgpd = false }));
        Assert.Contains("ConsentementRgpd", ex.Erreurs.Keys);
        Assert.Equal(avant, await f.LireAsync(Accueil, db => db.Jeunes.CountAsync()));
    }

    [Fact]
    [Trait("Rule", "JEU-02")]
    public async Task JEU_02_homonyme_avertit_puis_cree_apres_confirmation()
    {
        var premier = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Lefèvre", "Chloé", new DateOnly(2005, 1, 2)));

        // Same person typed differently: accents and case do not matter.
        var ex = await Assert.ThrowsAsync<ConfirmationRequiseException>(() =>
            f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("LEFEVRE", "chloe", new DateOnly(2005, 1, 2))));
        Assert.Equal("JEU-02", ex.RuleId);
        Assert.Equal(premier.JeuneId, Assert.Single(ex.Candidats).Id);
        Assert.Equal(1, await f.LireAsync(Accueil, db => db.Jeunes.CountAsync(j => j.NomUsage == "LEFEVRE")));

        var second = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("LEFEVRE", "chloe", new DateOnly(2005, 1, 2)) with { ConfirmerHomonyme = true });
        Assert.NotEqual(premier.JeuneId, second.JeuneId);
        Assert.Equal(2, await f.LireAsync(Accueil, db => db.Jeunes.CountAsync(j => j.NomUsage == "LEFEVRE")));

        // Another date of birth is not a homonym.
        await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Lefèvre", "Chloé", new DateOnly(2005, 1, 3)));
    }

    [Fact]
    [Trait("Rule", "JEU-02")]
    public async Task JEU_02_un_homonyme_d_une_autre_structure_n_est_pas_signale()
    {
        await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Isolé", "Marc", new DateOnly(2004, 5, 6)));
        var autre = AppFixture.PremierAccueil("Isolé", "Marc", new DateOnly(2004, 5, 6)) with { CodePostal = "69001", CommuneInsee = "69381" };
        var r = await f.EnvoyerAsync("chargeaccueil.b", autre);
        Assert.NotEqual(Guid.Empty, r.JeuneId);
    }

    [Fact]
    [Trait("Rule", "QPV-02")]
    [Trait("Rule", "JEU-05")]
    public async Task Adresse_en_QPV_est_reconnue_et_le_dispositif_QPV_propose()
    {
        var r = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Qpvtest", "Inès") with { Voie = "bd de Yougoslavie" });
        Assert.Equal("QN03501M", r.QpvCode);
        Assert.Equal("Le Blosne", r.QpvNom);

        var hors = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Horsqpv", "Inès"));
        Assert.Null(hors.QpvCode);

        // QPV-01/02: the marker is opened during the premier accueil entretien, piloted "12-MLD", no prescripteur nor référent.
        var qpv = await f.LireAsync(Accueil, db => db.Dispositifs.SingleAsync(d => d.Id == r.DispositifQpvId));
        var entretien = await f.LireAsync(Accueil, db => db.Evenements.SingleAsync(e => e.JeuneId == r.JeuneId));
        Assert.Equal(("QPV", "12-MLD", (Guid?)null, (Guid?)null, entretien.Id), (qpv.TypeCode, qpv.Pilote, qpv.PrescripteurId, qpv.ReferentId, qpv.EvenementId));
        Assert.Equal(DateOnly.FromDateTime(f.Clock.GetLocalNow().DateTime), qpv.DateDebut);
        Assert.Null(hors.DispositifQpvId);
        Assert.False(await f.LireAsync(Accueil, db => db.Dispositifs.AnyAsync(d => d.JeuneId == hors.JeuneId)));

        // Declined at the premier accueil: nothing opened.
        var refuse = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Qpvrefuse", "Inès") with { Voie = "bd de Yougoslavie", OuvrirMarqueurQpv = false });
        Assert.Equal(("QN03501M", (Guid?)null), (refuse.QpvCode, refuse.DispositifQpvId));
    }

    [Theory]
    [Trait("Rule", "JEU-01")]
    [InlineData("Nom", "un nom de trois cents caractères")]
    [InlineData("DateNaissance", "date future")]
    [InlineData("Email", "email mal formé")]
    [InlineData("CommuneInsee", "commune inconnue")]
    [InlineData("CommuneNaissanceInsee", "commune de naissance inconnue")]
    [InlineData("TelephoneMobile", "téléphone invalide")]
    public async Task Saisie_invalide_message_francais_sur_le_champ_et_rien_d_enregistre(string champ, string cas)
    {
        var c = AppFixture.PremierAccueil("Invalide", "Cas") with { };
        c = champ switch
        {
            "Nom" => c with { Nom = new string('A', 300) },
            "DateNaissance" => c with { DateNaissance = new DateOnly(2030, 1, 1) },
            "Email" => c with { Email = "elodie@@exemple" },
            "CommuneInsee" => c with { CommuneInsee = "99999" },
            "CommuneNaissanceInsee" => c with { CommuneNaissanceInsee = "00000" },
            _ => c with { TelephoneMobile = "12" },
        };
        var avant = await f.LireAsync(Accueil, db => db.Jeunes.CountAsync());

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => f.EnvoyerAsync(Accueil, c));

        Assert.True(ex.Erreurs.ContainsKey(champ), $"{cas} : erreur attendue sur {champ}, reçu {string.Join(",", ex.Erreurs.Keys)}");
        Assert.All(ex.Erreurs[champ], m => Assert.Matches("[éèàçêôû]|[Ll]e |[Ll]a |[Ll]'", m));
        Assert.Equal(avant, await f.LireAsync(Accueil, db => db.Jeunes.CountAsync()));
    }

    [Fact]
    [Trait("Rule", "JEU-04")]
    public async Task JEU_04_NIR_a_cle_fausse_refuse_et_rien_ne_change()
    {
        var r = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Nirfaux", "Jean"));
        var d = await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(r.JeuneId));
        await Assert.ThrowsAsync<InvalidInputException>(() => f.EnvoyerAsync(Conseiller, new ModifierNirCommand(r.JeuneId, d.Version, "1 06 04 35 238 001 12", false)));
        var apres = await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(r.JeuneId));
        Assert.Null(apres.Nir);
        Assert.Equal(d.Version, apres.Version);
    }

    [Fact]
    [Trait("Rule", "JEU-04")]
    [Trait("Rule", "JEU-03")]
    public async Task JEU_04_certification_du_NIR_apres_justification_seulement()
    {
        var r = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Certif", "Anne"));
        var v = (await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(r.JeuneId))).Version;
        const string nir = "206043523800123"; // key 23 = 97 - (2060435238001 mod 97)
        v = (await f.EnvoyerAsync(Conseiller, new ModifierNirCommand(r.JeuneId, v, nir, false))).Version;

        var refus = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new MissionLocale.Application.Jeunes.ModifierNir.CertifierNirCommand(r.JeuneId, v)));
        Assert.Equal("JEU-04", refus.RuleId);

        v = (await f.EnvoyerAsync(Accueil, new JustifierIdentiteCommand(r.JeuneId, v, PieceJustificative.Passeport))).Version;
        await f.EnvoyerAsync(Conseiller, new MissionLocale.Application.Jeunes.ModifierNir.CertifierNirCommand(r.JeuneId, v));
        var d = await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(r.JeuneId));
        Assert.True(d.NirCertifie);
        Assert.Equal(PieceJustificative.Passeport, d.PieceJustificative);
        Assert.Equal("A ChargeAccueil", d.JustifiePar);
    }

    [Fact]
    [Trait("Rule", "USR-06")]
    public async Task Un_charge_d_accueil_ne_peut_pas_certifier_un_NIR()
    {
        var r = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Droits", "Yann"));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.EnvoyerAsync(Accueil, new MissionLocale.Application.Jeunes.ModifierNir.CertifierNirCommand(r.JeuneId, 1)));
    }

    [Fact]
    [Trait("Rule", "JEU-06")]
    public async Task JEU_06_nouvelle_adresse_historise_l_ancienne()
    {
        var r = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Demenage", "Tom"));
        var v = (await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(r.JeuneId))).Version;
        f.Clock.Advance(TimeSpan.FromDays(30));
        v = (await f.EnvoyerAsync(Conseiller, new ChangerAdresseCommand
        {
            JeuneId = r.JeuneId,
            Version = v,
            Voie = "Rue de Nantes",
            Numero = "3",
            CodePostal = "35000",
            CommuneInsee = "35238",
        })).Version;
        await f.EnvoyerAsync(Conseiller, new ChangerAdresseCommand { JeuneId = r.JeuneId, Version = v, Mode = ModeChangementAdresse.DemenagementHorsTerritoire });

        var d = await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(r.JeuneId));
        Assert.Equal(3, d.Adresses.Count);
        var courante = Assert.Single(d.Adresses, a => a.DateFin is null);
        Assert.True(courante.Npai);
        Assert.Equal("DEMENAGEMENT", courante.Complement);
        Assert.Equal("Rue de Nantes", courante.Voie);
        Assert.Contains(d.Adresses, a => a.Voie == "Rue de Paris" && a.DateFin is not null);
        Assert.False(d.PeutRecevoirCourrier);
    }

    [Fact]
    [Trait("Rule", "JEU-06")]
    public async Task JEU_06_SDF_prend_l_adresse_de_la_structure()
    {
        var r = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Sansdomicile", "Luc"));
        var v = (await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(r.JeuneId))).Version;
        await f.EnvoyerAsync(Conseiller, new ChangerAdresseCommand { JeuneId = r.JeuneId, Version = v, Mode = ModeChangementAdresse.SansDomicileFixe });
        var courante = (await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(r.JeuneId))).Adresses.Single(a => a.DateFin is null);
        Assert.Equal("1 place de la Mairie", courante.Voie);
        Assert.Equal("SDF", courante.Complement);
        Assert.True(courante.Npai);
    }

    [Fact]
    [Trait("Rule", "JEU-08")]
    public async Task JEU_08_inscrit_France_Travail_sans_identifiant_refuse()
    {
        var r = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Ftsansid", "Noé"));
        var v = (await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(r.JeuneId))).Version;
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() =>
            f.EnvoyerAsync(Conseiller, new ModifierComplementsCommand { JeuneId = r.JeuneId, Version = v, InscritFranceTravail = true }));
        Assert.Contains("IdentifiantFt", ex.Erreurs.Keys);

        await f.EnvoyerAsync(Conseiller, new ModifierComplementsCommand { JeuneId = r.JeuneId, Version = v, InscritFranceTravail = true, IdentifiantFt = "1234567a" });
        Assert.Equal("1234567A", (await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(r.JeuneId))).IdentifiantFt);
    }

    [Fact]
    [Trait("Rule", "JEU-08")]
    public async Task JEU_08_ressources_historisees()
    {
        var r = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Ressource", "Eva"));
        var v = (await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(r.JeuneId))).Version;
        v = (await f.EnvoyerAsync(Conseiller, new AjouterRessourceCommand(r.JeuneId, v, TypeRessource.Salaire, 612.35m, new DateOnly(2026, 1, 1), null))).Version;
        v = (await f.EnvoyerAsync(Conseiller, new AjouterRessourceCommand(r.JeuneId, v, TypeRessource.Salaire, 700m, new DateOnly(2026, 3, 1), null))).Version;
        var d = await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(r.JeuneId));
        Assert.Equal(2, d.Ressources.Count);
        Assert.Equal(new DateOnly(2026, 2, 28), d.Ressources.Single(x => x.MontantMensuel == 612.35m).DateFin);
        Assert.Null(d.Ressources.Single(x => x.MontantMensuel == 700m).DateFin);
    }

    [Fact]
    [Trait("Rule", "JEU-09")]
    public async Task JEU_09_le_referent_doit_etre_un_conseiller_de_la_structure()
    {
        var r = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Referent", "Zoé"));
        var d = await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(r.JeuneId));
        var accueil = f.Comptes[Accueil].Id;
        var conseillerB = f.Comptes["conseiller.b"].Id;
        await Assert.ThrowsAsync<InvalidInputException>(() => f.EnvoyerAsync(Conseiller, new ModifierReferentCommand(r.JeuneId, d.Version, accueil, d.AntenneId, null, SavoirsDeBase.Acquis)));
        await Assert.ThrowsAsync<InvalidInputException>(() => f.EnvoyerAsync(Conseiller, new ModifierReferentCommand(r.JeuneId, d.Version, conseillerB, d.AntenneId, null, SavoirsDeBase.Acquis)));
        await f.EnvoyerAsync(Conseiller, new ModifierReferentCommand(r.JeuneId, d.Version, f.Comptes[Conseiller].Id, d.AntenneId, "France Travail", SavoirsDeBase.AVerifier));
        var apres = await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(r.JeuneId));
        Assert.Equal(f.Comptes[Conseiller].Id, apres.ConseillerReferentId);
        Assert.Equal(SavoirsDeBase.AVerifier, apres.SavoirsDeBase);
    }

    [Fact]
    public async Task Concurrence_la_seconde_sauvegarde_est_refusee_et_rien_n_est_ecrase()
    {
        var r = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Concurrent", "Ana"));
        var v = (await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(r.JeuneId))).Version;

        await f.EnvoyerAsync(Conseiller, new ModifierContactsCommand { JeuneId = r.JeuneId, Version = v, Email = "premier@exemple.fr" });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            f.EnvoyerAsync(Accueil, new ModifierContactsCommand { JeuneId = r.JeuneId, Version = v, Email = "second@exemple.fr" }));

        Assert.Equal("premier@exemple.fr", (await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(r.JeuneId))).Email);
    }

    [Fact]
    public async Task Concurrence_sauvegardes_paralleles_une_seule_passe()
    {
        var r = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Parallele", "Ana"));
        var v = (await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(r.JeuneId))).Version;
        var taches = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            try
            {
                await f.EnvoyerAsync(Conseiller, new ModifierContactsCommand { JeuneId = r.JeuneId, Version = v, Email = $"p{i}@exemple.fr" });
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        })).ToList();
        var resultats = await Task.WhenAll(taches);
        Assert.Equal(1, resultats.Count(x => x));
        Assert.Equal(v + 1, (await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(r.JeuneId))).Version);
    }

    [Fact]
    [Trait("Rule", "RGPD-02")]
    public async Task RGPD_02_chaque_lecture_est_journalisee()
    {
        var r = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Lecture", "Ilan"));
        await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(r.JeuneId));
        await f.EnvoyerAsync("direction.a", new ConsulterDossierQuery(r.JeuneId));
        var lectures = await f.LireAsync(Conseiller, db => db.Consultations.Where(c => c.JeuneId == r.JeuneId).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(["conseiller.a", "direction.a"], lectures.Select(l => l.Utilisateur).ToArray());
        Assert.All(lectures, l => Assert.Equal(f.Clock.GetUtcNow(), l.Le));
    }

    [Fact]
    [Trait("Rule", "RGPD-02")]
    public async Task RGPD_02_chaque_modification_est_historisee_qui_quand_champ_ancien_nouveau()
    {
        var r = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Historique", "Rose"));
        var d = await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(r.JeuneId));
        await f.EnvoyerAsync(Conseiller, new ModifierIdentiteCommand
        {
            JeuneId = r.JeuneId,
            Version = d.Version,
            Civilite = d.Civilite,
            Nom = d.Nom,
            Prenom = d.Prenom,
            DateNaissance = d.DateNaissance,
            CommuneNaissanceInsee = d.CommuneNaissanceInsee,
            Nationalite = d.Nationalite,
            SituationFamiliale = SituationFamiliale.Pacse,
            EnfantsACharge = 1,
            ModeGarde = ModeGarde.Creche,
        });

        var h = await f.EnvoyerAsync(Conseiller, new ConsulterHistoriqueQuery(r.JeuneId));
        var ligne = Assert.Single(h, l => l.Champ == Libelles.Champ("SituationFamiliale"));
        Assert.Equal("Célibataire", ligne.AncienneValeur);
        Assert.Equal("Pacsé(e)", ligne.NouvelleValeur);
        Assert.Equal("A Conseiller", ligne.Utilisateur); // the user's name (prénom nom), not the login
        Assert.Contains(h, l => l.Champ == "Création du dossier" && l.Utilisateur == "A ChargeAccueil");
        Assert.Contains(h, l => l.Element == "Adresse" && l.NouvelleValeur!.Contains("Rue de Paris", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "RGPD-02")]
    public async Task RGPD_02_ni_nom_ni_NIR_dans_les_journaux_applicatifs()
    {
        var r = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Journalisé", "Bérénice"));
        var v = (await f.EnvoyerAsync(Conseiller, new ConsulterDossierQuery(r.JeuneId))).Version;
        await f.EnvoyerAsync(Conseiller, new ModifierNirCommand(r.JeuneId, v, "206043523800123", false));
        try
        {
            await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Journalisé", "Bérénice"));
        }
        catch (ConfirmationRequiseException)
        {
        }

        Assert.NotEmpty(f.Logs.Lignes);
        Assert.Contains(f.Logs.Lignes, l => l.Contains("EnregistrerPremierAccueilCommand", StringComparison.Ordinal));
        foreach (var interdit in new[] { "JOURNALISE", "Journalisé", "Bérénice", "206043523800123" })
        {
            Assert.DoesNotContain(f.Logs.Lignes, l => l.Contains(interdit, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Isolation_un_dossier_d_une_autre_structure_est_introuvable_en_lecture_et_en_ecriture()
    {
        var r = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Isolation", "Hugo"));
        await Assert.ThrowsAsync<NotFoundException>(() => f.EnvoyerAsync("conseiller.b", new ConsulterDossierQuery(r.JeuneId)));
        await Assert.ThrowsAsync<NotFoundException>(() => f.EnvoyerAsync("conseiller.b", new ConsulterHistoriqueQuery(r.JeuneId)));
        await Assert.ThrowsAsync<NotFoundException>(() => f.EnvoyerAsync("conseiller.b", new ModifierContactsCommand { JeuneId = r.JeuneId, Version = 1, Email = "pirate@exemple.fr" }));
        Assert.Equal(0, await f.LireAsync("conseiller.b", db => db.Jeunes.CountAsync(j => j.Id == r.JeuneId)));
        Assert.Equal(0, await f.LireAsync("conseiller.b", db => db.Consultations.CountAsync(j => j.JeuneId == r.JeuneId)));
    }

    [Fact]
    [Trait("Rule", "JEU-06")]
    public async Task Base_de_donnees_dernier_filet_une_seule_adresse_courante()
    {
        var r = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Contrainte", "Eli"));
        var ex = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => f.LireAsync(Accueil, db =>
            db.Database.ExecuteSqlRawAsync(
                "INSERT INTO adresses (id, jeune_id, voie, code_postal, commune_insee, commune_nom, normalisee, npai, zrr, motif, date_debut) " +
                "VALUES (gen_random_uuid(), {0}, 'x', '35000', '35238', 'Rennes', false, false, false, 0, '2026-01-01')", r.JeuneId)));
        Assert.Equal("ux_adresses_courante", ex.ConstraintName);
    }
}

/// <summary>QPV-02 on a move: the clock moves forward, so a class of its own.</summary>
public sealed class QpvDemenagementTests(AppFixture f) : IClassFixture<AppFixture>
{
    private const string Accueil = "chargeaccueil.a";

    [Fact]
    [Trait("Rule", "QPV-02")]
    public async Task QPV_02_demenagement_en_QPV_ouvre_le_dispositif_et_en_sortir_le_clot()
    {
        var r = await f.EnvoyerAsync(Accueil, AppFixture.PremierAccueil("Qpvdemenage", "Inès"));
        var v = (await f.EnvoyerAsync(Accueil, new ConsulterDossierQuery(r.JeuneId))).Version;
        var entree = await f.EnvoyerAsync(Accueil, new ChangerAdresseCommand { JeuneId = r.JeuneId, Version = v, Numero = "3", Voie = "bd de Yougoslavie", CodePostal = "35000", CommuneInsee = "35238", DateDebut = new DateOnly(2026, 3, 11) });
        f.Clock.Advance(TimeSpan.FromDays(10));
        var qpv = await f.LireAsync(Accueil, db => db.Dispositifs.SingleAsync(d => d.JeuneId == r.JeuneId && d.TypeCode == "QPV"));
        Assert.Equal(new DateOnly(2026, 3, 11), qpv.DateDebut);
        var evt = await f.LireAsync(Accueil, db => db.Evenements.SingleAsync(e => e.Id == qpv.EvenementId));
        Assert.Equal(NatureEvenement.InterneAdministratif, evt.Nature);

        await f.EnvoyerAsync(Accueil, new ChangerAdresseCommand { JeuneId = r.JeuneId, Version = entree.Version, Numero = "12", Voie = "Rue de Paris", CodePostal = "35000", CommuneInsee = "35238", DateDebut = new DateOnly(2026, 3, 15) });
        var clos = await f.LireAsync(Accueil, db => db.Dispositifs.SingleAsync(d => d.Id == qpv.Id));
        Assert.Equal((new DateOnly(2026, 3, 15), "Déménagement hors QPV"), (clos.DateFinReelle!.Value, clos.MotifSortie!));
    }
}
