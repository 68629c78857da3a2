using MissionLocale.Domain.Common;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Domain.Tests;

public sealed class JeuneTests
{
    private static readonly DateTimeOffset Maintenant = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Utilisateur = Guid.NewGuid();

    private static SaisieIdentite Identite(string nom = "Müller", string prenom = "Élodie") =>
        new(Civilite.Madame, nom, null, prenom, new DateOnly(2006, 4, 12), false, null, "35238", Nationalite.Francaise,
            SituationFamiliale.Celibataire, 0, ModeGarde.NonConcerne, null, null);

    private static Jeune Nouveau(SaisieIdentite? identite = null) =>
        Jeune.PremierAccueil(Guid.NewGuid(), Guid.NewGuid(), identite ?? Identite(), new SaisieContacts(null, "06 12 34 56 78", true, null, false, null), true, Utilisateur, Maintenant);

    private static SaisieAdresse Adresse(string voie = "Rue de Paris") => new("12", voie, null, null, null, null, null, "35000", "35238", "Rennes");

    [Fact]
    [Trait("Rule", "JEU-01")]
    public void JEU_01_noms_en_capitales_sans_accents_prenom_tel_que_saisi()
    {
        var j = Nouveau(Identite("  de la  Fontaine-Müller ", " Élodie  Anne "));
        Assert.Equal("DE LA FONTAINE-MULLER", j.NomUsage);
        Assert.Equal("Élodie Anne", j.Prenom);
        Assert.Equal("elodie anne", j.PrenomCle);
    }

    [Fact]
    [Trait("Rule", "JEU-01")]
    public void JEU_01_ne_a_l_etranger_exige_le_pays_sinon_la_commune()
    {
        var sansPays = Identite() with { NeALEtranger = true, PaysNaissanceCode = null };
        var ex = Assert.Throws<BusinessRuleException>(() => Nouveau(sansPays));
        Assert.Equal("JEU-01", ex.RuleId);
        Assert.Equal("PaysNaissanceCode", ex.Champ);

        var sansCommune = Identite() with { CommuneNaissanceInsee = null };
        Assert.Equal("JEU-01", Assert.Throws<BusinessRuleException>(() => Nouveau(sansCommune)).RuleId);

        var j = Nouveau(Identite() with { NeALEtranger = true, PaysNaissanceCode = "MA", CommuneNaissanceInsee = "35238" });
        Assert.Equal("MA", j.PaysNaissanceCode);
        Assert.Null(j.CommuneNaissanceInsee);
    }

    [Fact]
    [Trait("Rule", "JEU-01")]
    public void JEU_01_dossier_incomplet_tant_que_situation_familiale_non_renseignee_et_frein_de_garde()
    {
        Assert.False(Nouveau(Identite() with { SituationFamiliale = SituationFamiliale.NonRenseigne }).IdentiteComplete);
        Assert.True(Nouveau().IdentiteComplete);
        Assert.True(Nouveau(Identite() with { EnfantsACharge = 1, ModeGarde = ModeGarde.DifficulteDeGarde }).FreinGarde);
        Assert.True(Nouveau(Identite() with { EnfantsACharge = 2, ModeGarde = ModeGarde.Aucun }).FreinGarde);
        Assert.False(Nouveau(Identite() with { EnfantsACharge = 1, ModeGarde = ModeGarde.Creche }).FreinGarde);
    }

    [Fact]
    [Trait("Rule", "JEU-03")]
    public void JEU_03_justification_enregistre_qui_et_quand()
    {
        var j = Nouveau();
        Assert.False(j.Justifie);
        j.Justifier(PieceJustificative.CarteNationaleIdentite, Utilisateur, Maintenant);
        Assert.True(j.Justifie);
        Assert.Equal(Utilisateur, j.JustifiePar);
        Assert.Equal(Maintenant, j.JustifieLe);
        Assert.Equal(1, (int)PieceJustificative.CarteNationaleIdentite);
        Assert.Equal(6, (int)PieceJustificative.AutrePiece);
    }

    [Fact]
    [Trait("Rule", "JEU-03")]
    public void JEU_03_dossier_justifie_changer_nom_ou_naissance_exige_une_nouvelle_piece()
    {
        var j = Nouveau();
        j.Justifier(PieceJustificative.CarteNationaleIdentite, Utilisateur, Maintenant);

        var ex = Assert.Throws<BusinessRuleException>(() => j.ModifierIdentite(Identite("Muller-Martin"), null, Utilisateur, Maintenant));
        Assert.Equal("JEU-03", ex.RuleId);
        Assert.Equal("MULLER", j.NomUsage);
        Assert.Throws<BusinessRuleException>(() => j.ModifierIdentite(Identite() with { DateNaissance = new DateOnly(2006, 4, 13) }, null, Utilisateur, Maintenant));

        // A field that is not justified changes freely.
        j.ModifierIdentite(Identite() with { SituationFamiliale = SituationFamiliale.Marie }, null, Utilisateur, Maintenant);
        Assert.Equal(SituationFamiliale.Marie, j.SituationFamiliale);

        var plusTard = Maintenant.AddDays(1);
        j.ModifierIdentite(Identite("Muller-Martin"), PieceJustificative.Passeport, Utilisateur, plusTard);
        Assert.Equal("MULLER-MARTIN", j.NomUsage);
        Assert.Equal(PieceJustificative.Passeport, j.PieceJustificative);
        Assert.Equal(plusTard, j.JustifieLe);
    }

    [Theory]
    [Trait("Rule", "JEU-04")]
    [InlineData("206043523800123", true)]
    [InlineData("1 06 04 35 238 001 73", true)]
    [InlineData("106043523800174", false)]
    [InlineData("2 85 05 2A 004 001 31", true)]
    [InlineData("2 85 05 2B 004 001 58", true)]
    [InlineData("285052A00400123", false)]
    [InlineData("70604352380017", false)]
    [InlineData("X06043523800173", false)]
    public void JEU_04_cle_du_NIR(string nir, bool valide) => Assert.Equal(valide, Nir.CleValide(Nir.Normaliser(nir)));

    [Fact]
    [Trait("Rule", "JEU-04")]
    public void JEU_04_cle_corse_calculee_avec_19_et_18()
    {
        // 2A → 19, 2B → 18 before the modulo.
        Assert.Equal(97 - (int)(2850519004001 % 97), Nir.CleCalculee("285052A004001"));
        Assert.Equal(97 - (int)(2850518004001 % 97), Nir.CleCalculee("285052B004001"));
    }

    [Fact]
    [Trait("Rule", "JEU-04")]
    public void JEU_04_NIR_faux_refuse_pas_de_NIR_accepte()
    {
        var j = Nouveau();
        var ex = Assert.Throws<BusinessRuleException>(() => j.ModifierNir("106043523800174", false));
        Assert.Equal("JEU-04", ex.RuleId);
        Assert.Null(j.Nir);
        j.ModifierNir(null, pasDeNir: true);
        Assert.True(j.PasDeNir);
        Assert.Null(j.Nir);
    }

    [Fact]
    [Trait("Rule", "JEU-04")]
    public void JEU_04_certification_refusee_pour_NIR_provisoire_ou_dossier_non_justifie()
    {
        var provisoire = "7" + "06043523800";
        provisoire += "1" + Nir.CleCalculee(provisoire + "1").ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        var j = Nouveau();
        j.Justifier(PieceJustificative.Passeport, Utilisateur, Maintenant);
        j.ModifierNir(provisoire, false);
        Assert.Equal("JEU-04", Assert.Throws<BusinessRuleException>(j.CertifierNir).RuleId);

        var k = Nouveau();
        k.ModifierNir("206043523800123", false);
        Assert.Throws<BusinessRuleException>(k.CertifierNir);
        k.Justifier(PieceJustificative.Passeport, Utilisateur, Maintenant);
        k.CertifierNir();
        Assert.True(k.NirCertifie);

        // A different NIR loses the certification.
        k.ModifierNir("106043523800173", false);
        Assert.False(k.NirCertifie);
    }

    [Fact]
    [Trait("Rule", "JEU-05")]
    public void JEU_05_pas_de_courrier_NPAI_pas_de_SMS_non_joignable()
    {
        var j = Nouveau();
        Assert.True(new Jeu05CourrierPossible(j).IsBroken(), "sans adresse, pas de courrier");
        j.NouvelleAdresse(Adresse(), new DateOnly(2026, 1, 1), null, false);
        Assert.True(j.PeutRecevoirCourrier);
        j.MarquerNpai(true);
        Assert.False(j.PeutRecevoirCourrier);
        Assert.Equal("JEU-05", new Jeu05CourrierPossible(j).Id);

        Assert.True(j.PeutRecevoirSms);
        j.ModifierContacts(new SaisieContacts(null, "06 12 34 56 78", false, null, false, "ne répond jamais"));
        Assert.False(j.PeutRecevoirSms);
        Assert.True(new Jeu05SmsPossible(j).IsBroken());
    }

    [Fact]
    [Trait("Rule", "JEU-06")]
    public void JEU_06_nouvelle_adresse_ferme_l_ancienne_sans_l_ecraser()
    {
        var j = Nouveau();
        var premiere = j.NouvelleAdresse(Adresse(), new DateOnly(2025, 6, 1), null, false);
        var seconde = j.NouvelleAdresse(Adresse("Rue de Brest"), new DateOnly(2026, 2, 1), "QN03501M", false);

        Assert.Equal(2, j.Adresses.Count);
        Assert.Equal(new DateOnly(2026, 1, 31), premiere.DateFin);
        Assert.Equal("Rue de Paris", premiere.Voie);
        Assert.Same(seconde, j.AdresseCourante);
        Assert.Equal("JEU-06", Assert.Throws<BusinessRuleException>(() => j.NouvelleAdresse(Adresse(), new DateOnly(2026, 1, 1), null, false)).RuleId);
    }

    [Fact]
    [Trait("Rule", "JEU-06")]
    public void JEU_06_demenagement_hors_territoire_et_SDF()
    {
        var j = Nouveau();
        j.NouvelleAdresse(Adresse(), new DateOnly(2025, 6, 1), null, false);
        var dem = j.DemenagementHorsTerritoire(new DateOnly(2026, 1, 1));
        Assert.Equal("35238", dem.CommuneInsee);
        Assert.Equal("DEMENAGEMENT", dem.Complement);
        Assert.True(dem.Npai);

        var sdf = j.SansDomicileFixe(new SaisieAdresse(null, "6 cours des Alliés", null, null, null, null, null, "35000", "35238", "Rennes"), new DateOnly(2026, 2, 1));
        Assert.Equal("SDF", sdf.Complement);
        Assert.True(sdf.Npai);
        Assert.Equal(3, j.Adresses.Count);
        Assert.Single(j.Adresses, a => a.EstCourante);
    }

    [Fact]
    [Trait("Rule", "JEU-07")]
    public void JEU_07_apres_un_deces_ni_courrier_ni_SMS()
    {
        var j = Nouveau();
        j.NouvelleAdresse(Adresse(), new DateOnly(2025, 6, 1), null, false);
        Assert.True(j.PeutRecevoirCourrier && j.PeutRecevoirSms);
        j.EnregistrerDeces(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10));
        Assert.False(j.PeutRecevoirCourrier);
        Assert.False(j.PeutRecevoirSms);
        Assert.Equal("JEU-07", new Jeu05CourrierPossible(j).Id);
        Assert.Equal("JEU-07", new Jeu05SmsPossible(j).Id);
        Assert.Throws<BusinessRuleException>(() => Nouveau().EnregistrerDeces(new DateOnly(2026, 3, 11), new DateOnly(2026, 3, 10)));
    }

    [Fact]
    [Trait("Rule", "JEU-08")]
    public void JEU_08_identifiant_FT_obligatoire_si_inscrit()
    {
        var j = Nouveau();
        var ex = Assert.Throws<BusinessRuleException>(() => j.ModifierComplements(new SaisieComplements("PUMa", null, Rsa.Non, false, null, true, " ")));
        Assert.Equal("JEU-08", ex.RuleId);
        j.ModifierComplements(new SaisieComplements("PUMa", null, Rsa.AyantDroit, true, "Catégorie 1", true, "1234567a"));
        Assert.Equal("1234567A", j.IdentifiantFt);
        j.ModifierComplements(new SaisieComplements("PUMa", null, Rsa.AyantDroit, false, "Catégorie 1", false, "1234567a"));
        Assert.Null(j.IdentifiantFt);
        Assert.Null(j.RqthCategorie);
    }

    [Fact]
    [Trait("Rule", "JEU-08")]
    public void JEU_08_ressources_historisees_aucun_vaut_zero()
    {
        var j = Nouveau();
        Assert.Equal("JEU-08", Assert.Throws<BusinessRuleException>(() => j.AjouterRessource(TypeRessource.Aucun, 10m, new DateOnly(2026, 1, 1), null)).RuleId);
        Assert.Throws<BusinessRuleException>(() => j.AjouterRessource(TypeRessource.Salaire, 0m, new DateOnly(2026, 1, 1), null));

        var aucun = j.AjouterRessource(TypeRessource.Aucun, 0m, new DateOnly(2026, 1, 1), null);
        var salaire = j.AjouterRessource(TypeRessource.Salaire, 850.456m, new DateOnly(2026, 2, 1), null);
        var bourse = j.AjouterRessource(TypeRessource.Bourse, 200m, new DateOnly(2026, 2, 15), null);
        Assert.Equal(new DateOnly(2026, 1, 31), aucun.DateFin);
        Assert.Equal(850.46m, salaire.MontantMensuel);
        Assert.Null(salaire.DateFin);
        Assert.Null(bourse.DateFin);

        j.AjouterRessource(TypeRessource.Aucun, 0m, new DateOnly(2026, 4, 1), null);
        Assert.Equal(new DateOnly(2026, 3, 31), salaire.DateFin);
        Assert.Equal(new DateOnly(2026, 3, 31), bourse.DateFin);
        Assert.Equal(4, j.Ressources.Count);
    }

    [Fact]
    [Trait("Rule", "JEU-09")]
    public void JEU_09_referent_lieu_origine_savoirs()
    {
        var j = Nouveau();
        var conseiller = Guid.NewGuid();
        var antenne = Guid.NewGuid();
        j.ModifierReferent(conseiller, antenne, " France Travail ", SavoirsDeBase.NonAcquis);
        Assert.Equal(conseiller, j.ConseillerReferentId);
        Assert.Equal(antenne, j.AntenneId);
        Assert.Equal("France Travail", j.OrigineVenue);
        Assert.Equal(SavoirsDeBase.NonAcquis, j.SavoirsDeBase);
    }

    [Fact]
    [Trait("Rule", "JEU-10")]
    public void JEU_10_permis_obtenu_exige_une_date_un_par_categorie()
    {
        var j = Nouveau();
        Assert.Equal("JEU-10", Assert.Throws<BusinessRuleException>(() => j.EnregistrerPermis("B", EtapePermis.Obtenu, null)).RuleId);
        j.EnregistrerPermis("b", EtapePermis.Code, new DateOnly(2025, 1, 1));
        Assert.Null(j.Permis.Single().DateObtention);
        j.EnregistrerPermis("B", EtapePermis.Obtenu, new DateOnly(2026, 2, 1));
        var p = Assert.Single(j.Permis);
        Assert.Equal(EtapePermis.Obtenu, p.Etape);
        Assert.Equal(new DateOnly(2026, 2, 1), p.DateObtention);
    }

    [Fact]
    [Trait("Rule", "JEU-10")]
    public void JEU_10_un_moyen_principal_parmi_les_moyens_aucun_seul()
    {
        var j = Nouveau();
        Assert.Throws<BusinessRuleException>(() => j.ModifierMobilite(RayonMobilite.Departement, [MoyenTransport.Velo, MoyenTransport.Voiture], MoyenTransport.TransportsEnCommun));
        Assert.Throws<BusinessRuleException>(() => j.ModifierMobilite(RayonMobilite.Departement, [MoyenTransport.Velo], null));
        Assert.Throws<BusinessRuleException>(() => j.ModifierMobilite(RayonMobilite.Departement, [MoyenTransport.Aucun, MoyenTransport.Velo], MoyenTransport.Aucun));
        j.ModifierMobilite(RayonMobilite.Region, [MoyenTransport.Voiture, MoyenTransport.Velo], MoyenTransport.Voiture);
        Assert.Equal([MoyenTransport.Velo, MoyenTransport.Voiture], j.MoyensTransport);
        Assert.Equal(MoyenTransport.Voiture, j.MoyenPrincipal);
    }

    [Fact]
    [Trait("Rule", "RGPD-01")]
    public void RGPD_01_consentement_obligatoire_et_enregistre()
    {
        var ex = Assert.Throws<BusinessRuleException>(() =>
            Jeune.PremierAccueil(Guid.NewGuid(), Guid.NewGuid(), Identite(), new SaisieContacts(null, null, false, null, false, null), false, Utilisateur, Maintenant));
        Assert.Equal("RGPD-01", ex.RuleId);
        var j = Nouveau();
        Assert.Equal(Maintenant, j.ConsentementLe);
        Assert.Equal(Utilisateur, j.ConsentementPar);
    }

    [Fact]
    public void Chaque_modification_incremente_la_version()
    {
        var j = Nouveau();
        var v = j.Version;
        j.ModifierContacts(new SaisieContacts("a@b.fr", null, false, null, false, null));
        j.NouvelleAdresse(Adresse(), new DateOnly(2026, 1, 1), null, false);
        Assert.Equal(v + 2, j.Version);
    }
}

public sealed class UtilisateurTests
{
    [Fact]
    [Trait("Rule", "USR-02")]
    public void USR_02_login_initiale_point_nom_puis_plus_de_lettres_pour_un_homonyme()
    {
        var pris = new HashSet<string>();
        string Proposer(string p, string n)
        {
            var l = Login.Proposer(p, n, pris.Contains);
            pris.Add(l);
            return l;
        }

        Assert.Equal("s.debout", Proposer("Sylvain", "Debout"));
        Assert.Equal("sy.debout", Proposer("Sylvie", "Debout"));
        Assert.Equal("syl.debout", Proposer("Sylvère", "Debout"));
        Assert.Equal("e.lefevre", Proposer("Émilie", "Lefèvre"));
    }

    [Fact]
    [Trait("Rule", "USR-06")]
    [Trait("Rule", "DISP-06")]
    public void USR_06_matrice_des_droits()
    {
        Assert.True(MatriceDroits.A(Profil.ChargeAccueil, Droit.EnregistrerPremierAccueil));
        Assert.False(MatriceDroits.A(Profil.ChargeAccueil, Droit.CertifierNir));
        Assert.False(MatriceDroits.A(Profil.ValidateurSiege, Droit.ModifierDossier));
        Assert.True(MatriceDroits.A(Profil.Conseiller, Droit.ConsulterHistorique));
        Assert.All(Enum.GetValues<Profil>().Where(p => p != Profil.AdministrateurNational), p => Assert.True(MatriceDroits.A(p, Droit.ConsulterDossier)));

        // DISP-06: the national administrator changes the national reference data and sees no Mission Locale's dossiers.
        Assert.False(MatriceDroits.A(Profil.AdministrateurNational, Droit.ConsulterDossier));
        Assert.All(Enum.GetValues<Profil>(), p => Assert.Equal(p == Profil.AdministrateurNational, MatriceDroits.A(p, Droit.GererReferentielNational)));
        Assert.True(MatriceDroits.A(Profil.Administrateur, Droit.ConsulterReferentielNational));
    }
}
