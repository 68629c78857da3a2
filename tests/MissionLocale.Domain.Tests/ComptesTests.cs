using MissionLocale.Domain.Common;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Domain.Tests;

/// <summary>Issue 12: the account rules (USR-01 to USR-09) and the password policy.</summary>
public sealed class ComptesTests
{
    private static readonly IReadOnlySet<string> Courants = new HashSet<string>(StringComparer.Ordinal) { "password", "azerty", "motdepasse", "soleil", "missionlocale" };

    [Theory]
    [Trait("Rule", "USR-01")]
    [InlineData("Accueil", "Antenne", "accueil@ml.fr", "Nom")]
    [InlineData("Debout", "Sophie", null, "Email")]
    [InlineData("Debout", "Sophie", " ", "Email")]
    [InlineData("SECRÉTARIAT", "Équipe", "s@ml.fr", "Nom")]
    public void USR_01_un_compte_est_une_personne_avec_un_e_mail(string nom, string prenom, string? email, string champ)
    {
        var e = Assert.Throws<BusinessRuleException>(() => ReglesComptes.VerifierPersonnePhysique(nom, prenom, email));
        Assert.Equal(("USR-01", champ), (e.RuleId, e.Champ));
        ReglesComptes.VerifierPersonnePhysique("Debout", "Sophie", "s.debout@ml.fr");
    }

    [Fact]
    [Trait("Rule", "USR-02")]
    public void USR_02_initiale_point_nom_puis_plus_de_lettres_pour_un_homonyme()
    {
        var pris = new HashSet<string>();
        string Creer(string p, string n)
        {
            var l = Login.Proposer(p, n, pris.Contains);
            pris.Add(l);
            return l;
        }

        Assert.Equal("s.debout", Creer("Sylvain", "Debout"));
        Assert.Equal("sy.debout", Creer("Sylvie", "Débout"));
        Assert.Equal("syl.debout", Creer("Sylvère", "DEBOUT"));
        Assert.Equal("j.lefevre", Creer("Jérôme", "Lefèvre"));
    }

    [Fact]
    [Trait("Rule", "USR-03")]
    public void USR_03_un_compte_actif_ailleurs_ne_se_rattache_pas()
    {
        var actif = Assert.Throws<BusinessRuleException>(() => ReglesComptes.VerifierRattachement(false, true, "s.debout", "Mission Locale de Rennes"));
        Assert.Contains("encore actif à Mission Locale de Rennes", actif.Message, StringComparison.Ordinal);
        Assert.Equal("USR-03", Assert.Throws<BusinessRuleException>(() => ReglesComptes.VerifierRattachement(true, false, "s.debout", "x")).RuleId);
        ReglesComptes.VerifierRattachement(false, false, "s.debout", "Mission Locale de Rennes");
    }

    [Theory]
    [Trait("Rule", "USR-04")]
    [InlineData("Sophie", Civilite.Madame, "Sophie", Civilite.Madame, true)]
    [InlineData("Sophie", Civilite.Madame, "sophie", Civilite.Madame, true)]
    [InlineData("Sophie", Civilite.Madame, "Claire", Civilite.Madame, false)] // someone else: a new account
    [InlineData("Sophie", Civilite.Madame, "Sophie", Civilite.Monsieur, false)]
    public void USR_04_renommer_est_pour_la_meme_personne(string prenom, Civilite civilite, string saisi, Civilite civiliteSaisie, bool permis)
    {
        var appel = () => ReglesComptes.VerifierRenommage(prenom, saisi, civilite, civiliteSaisie);
        if (permis)
        {
            appel();
        }
        else
        {
            Assert.Equal("USR-04", Assert.Throws<BusinessRuleException>(appel).RuleId);
        }
    }

    [Fact]
    [Trait("Rule", "USR-05")]
    public void USR_05_une_seule_direction_retiree_avant_desactivation()
    {
        var e = Assert.Throws<BusinessRuleException>(() => ReglesComptes.VerifierDirectionUnique(Profil.Direction, "Marc Petit"));
        Assert.Equal(("USR-05", "Profil"), (e.RuleId, e.Champ));
        Assert.Contains("Marc Petit", e.Message, StringComparison.Ordinal);
        ReglesComptes.VerifierDirectionUnique(Profil.Conseiller, "Marc Petit");
        ReglesComptes.VerifierDirectionUnique(Profil.Direction, null);
        Assert.Equal("USR-05", Assert.Throws<BusinessRuleException>(() => ReglesComptes.VerifierSansDirection(Profil.Direction)).RuleId);
        ReglesComptes.VerifierSansDirection(Profil.Conseiller);
    }

    [Fact]
    [Trait("Rule", "USR-06")]
    public void USR_06_libelles_accordes_et_validateurs_administrateurs_en_double_authentification()
    {
        Assert.Equal("Chargée d'accueil", MatriceDroits.Libelle(Profil.ChargeAccueil, Civilite.Madame));
        Assert.Equal("Conseillère", MatriceDroits.Libelle(Profil.Conseiller, Civilite.Madame));
        Assert.Equal("Conseiller", MatriceDroits.Libelle(Profil.Conseiller, Civilite.Monsieur));
        Assert.True(MatriceDroits.A(Profil.Administrateur, Droit.GererComptes));
        Assert.True(MatriceDroits.A(Profil.Direction, Droit.TransfererEnMasse));
        Assert.False(MatriceDroits.A(Profil.Conseiller, Droit.TransfererEnMasse));
        Assert.False(MatriceDroits.A(Profil.Conseiller, Droit.GererComptes));
    }

    [Fact]
    [Trait("Rule", "USR-08")]
    public void USR_08_desabonnement_refuse_tant_que_referent_et_definitif()
    {
        var e = Assert.Throws<BusinessRuleException>(() => ReglesComptes.VerifierDesabonnement(new ReferencesCompte(1, 0, 2)));
        Assert.Equal("USR-08", e.RuleId);
        Assert.Contains("1 jeune, 2 offres de service", e.Message, StringComparison.Ordinal);
        ReglesComptes.VerifierDesabonnement(new ReferencesCompte(0, 0, 0));
        Assert.Equal("USR-08", Assert.Throws<BusinessRuleException>(() => ReglesComptes.VerifierModifiable(true)).RuleId);
        var soi = Guid.NewGuid();
        Assert.Equal("USR-08", Assert.Throws<BusinessRuleException>(() => ReglesComptes.VerifierPasSoiMeme(soi, soi)).RuleId);
    }

    [Fact]
    [Trait("Rule", "USR-09")]
    public void USR_09_transfert_vers_une_autre_personne_active_tout_ou_rien_jamais_une_fusion()
    {
        var a = Guid.NewGuid();
        Assert.Equal("USR-09", Assert.Throws<BusinessRuleException>(() => ReglesComptes.VerifierTransfert(a, a, true)).RuleId);
        Assert.Equal("USR-09", Assert.Throws<BusinessRuleException>(() => ReglesComptes.VerifierTransfert(a, Guid.NewGuid(), false)).RuleId);
        ReglesComptes.VerifierTransfert(a, Guid.NewGuid(), true);
        var partiel = Assert.Throws<BusinessRuleException>(() => ReglesComptes.VerifierToutTransfere(10, 9, "dossiers"));
        Assert.Contains("rien n'a été transféré", partiel.Message, StringComparison.Ordinal);
        ReglesComptes.VerifierToutTransfere(10, 10, "dossiers");
        Assert.Contains("une offre de service dans une autre offre", Assert.Throws<BusinessRuleException>(() => ReglesComptes.VerifierPasDeFusion("une offre de service dans une autre offre")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("court", "au moins 12 caractères")]
    [InlineData("Abcdefgh1234", "mêler majuscules")] // 12 characters without a special one
    [InlineData("Azerty2026!!", "plus courants")] // a common word with digits and punctuation around
    [InlineData("P@ssw0rd2026!", "plus courants")] // letters standing for digits
    [InlineData("Mot de passe 2026 !", "plus courants")]
    [InlineData("aaaaaaaaaaaaaaa", "plus courants")]
    [InlineData("debout sophie au soleil", "ni votre identifiant")]
    public void Mot_de_passe_refuse_avec_la_raison(string motDePasse, string raison) =>
        Assert.Contains(PolitiqueMotDePasse.Verifier(motDePasse, Courants, "so.debout", "Debout", "Sophie"), e => e.Contains(raison, StringComparison.Ordinal));

    [Theory]
    [InlineData("Une phrase de passe de 2026 !")] // a passphrase of 14 characters or more
    [InlineData("cheval agrafe batterie")] // no complexity needed past 14 characters
    [InlineData("T4b!e-Ronde#9")] // 13 characters, the four kinds
    public void Mot_de_passe_accepte(string motDePasse) =>
        Assert.Empty(PolitiqueMotDePasse.Verifier(motDePasse, Courants, "so.debout", "Debout", "Sophie"));

    [Fact]
    public void Mot_de_passe_toutes_les_raisons_a_la_fois() =>
        Assert.Equal(2, PolitiqueMotDePasse.Verifier("azerty", Courants).Count);

    [Fact]
    [Trait("Rule", "RGPD-04")]
    public void RGPD_04_un_seul_delegue_a_la_protection_des_donnees_par_structure()
    {
        ReglesComptes.VerifierDelegueUnique(FonctionsCompte.DelegueProtectionDonnees, null);
        ReglesComptes.VerifierDelegueUnique(FonctionsCompte.ConseillerReferent, "Awa Diallo");
        var ex = Assert.Throws<BusinessRuleException>(() => ReglesComptes.VerifierDelegueUnique(FonctionsCompte.DelegueProtectionDonnees | FonctionsCompte.Prescripteur, "Awa Diallo"));
        Assert.Equal(("RGPD-04", "Fonctions"), (ex.RuleId, ex.Champ));
        Assert.Contains("Awa Diallo", ex.Message, StringComparison.Ordinal);
    }
}
