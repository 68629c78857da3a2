using MissionLocale.Domain.Messages;

namespace MissionLocale.Domain.Tests;

public sealed class MessagesTests
{
    [Theory]
    [Trait("Rule", "JEU-05")]
    [InlineData("06 12 34 56 78", "33612345678")]
    [InlineData("07.12.34.56.78", "33712345678")]
    [InlineData("+33 6 12 34 56 78", "33612345678")]
    [InlineData("0033612345678", "33612345678")]
    [InlineData("0690 12 34 56", "590690123456")]
    [InlineData("0692 12 34 56", "262692123456")]
    [InlineData("0696 12 34 56", "596696123456")]
    [InlineData("+32 470 12 34 56", "32470123456")]
    [InlineData("12 34", null)]
    [InlineData("", null)]
    public void Numero_mis_au_format_international_du_fournisseur(string saisi, string? attendu) =>
        Assert.Equal(attendu, NumeroMobile.International(saisi));

    [Fact]
    public void Un_accuse_final_n_est_jamais_remplace_par_un_intermediaire_ni_par_un_plus_ancien()
    {
        var m = new MessageSortant(Guid.NewGuid(), Guid.NewGuid(), null, Canal.Sms, "cle", "0612345678", null, "Rappel", DateTimeOffset.UtcNow);
        var t0 = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        m.MarquerEnvoye(t0, "123");
        Assert.Equal(LivraisonMessage.EnCours, m.Livraison);
        m.EnregistrerLivraison(LivraisonMessage.Delivre, t0.AddMinutes(1));
        m.EnregistrerLivraison(LivraisonMessage.EnCours, t0.AddMinutes(2));
        Assert.Equal(LivraisonMessage.Delivre, m.Livraison);
        m.EnregistrerLivraison(LivraisonMessage.NonDelivre, t0.AddSeconds(30));
        Assert.Equal(LivraisonMessage.Delivre, m.Livraison);
        Assert.Equal(t0.AddMinutes(1), m.LivraisonLe);
    }
}

public sealed class FrancaisTests
{
    [Theory]
    [InlineData(0, "demande", "0 demande")]
    [InlineData(1, "demande", "1 demande")]
    [InlineData(2, "demande", "2 demandes")]
    [InlineData(2, "demande d'allocation", "2 demandes d'allocation")]
    [InlineData(3, "sortie positive", "3 sorties positives")]
    [InlineData(4, "jeune résidant en QPV", "4 jeunes résidant en QPV")]
    [InlineData(1234, "dossier", "1\u202f234 dossiers")]
    [InlineData(2, "prix", "2 prix")]
    public void Un_nombre_et_son_nom_accordes(long n, string nom, string attendu) =>
        Assert.Equal(attendu, MissionLocale.Domain.Common.Libelles.Nombre(n, nom));
}

public sealed class LibellesProfilsTests
{
    [Theory]
    [InlineData(MissionLocale.Domain.Utilisateurs.Profil.Conseiller, MissionLocale.Domain.Jeunes.Civilite.Madame, "Conseillère")]
    [InlineData(MissionLocale.Domain.Utilisateurs.Profil.Conseiller, MissionLocale.Domain.Jeunes.Civilite.Monsieur, "Conseiller")]
    [InlineData(MissionLocale.Domain.Utilisateurs.Profil.ChargeAccueil, MissionLocale.Domain.Jeunes.Civilite.Madame, "Chargée d'accueil")]
    [InlineData(MissionLocale.Domain.Utilisateurs.Profil.ValidateurSiege, MissionLocale.Domain.Jeunes.Civilite.Madame, "Validatrice siège")]
    [InlineData(MissionLocale.Domain.Utilisateurs.Profil.Administrateur, MissionLocale.Domain.Jeunes.Civilite.Madame, "Administratrice")]
    [InlineData(MissionLocale.Domain.Utilisateurs.Profil.Direction, MissionLocale.Domain.Jeunes.Civilite.Madame, "Direction")]
    [InlineData(MissionLocale.Domain.Utilisateurs.Profil.Administrateur, null, "Administrateur")]
    public void Le_libelle_du_profil_suit_la_civilite(MissionLocale.Domain.Utilisateurs.Profil profil, MissionLocale.Domain.Jeunes.Civilite? civilite, string attendu) =>
        Assert.Equal(attendu, MissionLocale.Domain.Utilisateurs.MatriceDroits.Libelle(profil, civilite));
}
