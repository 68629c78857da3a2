using System.Text;
using MissionLocale.Application.Documents;
using MissionLocale.Infrastructure.Pdf;
using UglyToad.PdfPig;

namespace MissionLocale.Application.Tests;

/// <summary>Issue 10: names print right whatever their alphabet, letters carry the letterhead, the CERFA is a form, PDFs are tagged.</summary>
public sealed class LettresPdfTests
{
    private static readonly LettresPdf Pdf = new();

    private static readonly EnTeteLettre EnTete = new("Mission Locale de Rennes", "2 rue de la Volga, 35000 Rennes", "02 99 00 00 00", "contact@ml-rennes.fr");

    [Fact]
    public void Chaque_nom_s_imprime_quel_que_soit_son_alphabet()
    {
        const string Noms = "Łukasz Nguyễn Şahin Øyvind Ðorđe Zoë Kırmızı Андрей Ελένη — 300,00 € « œuvre »";
        using var doc = PdfDocument.Open(Pdf.Rendre([new Lettre("Convocation", $"# Convocation\nBonjour {Noms},\n\nÀ bientôt.", EnTete)]));
        var texte = doc.GetPage(1).Text;
        foreach (var nom in Noms.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Contains(nom, texte, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("?", texte, StringComparison.Ordinal);
    }

    [Fact]
    public void La_convocation_porte_l_en_tete_de_la_structure_et_reste_legere()
    {
        var octets = Pdf.Rendre([new Lettre("Convocation", "# Convocation\nMadame, vous êtes convoquée le mardi 1er décembre à 14h30.", EnTete)]);
        Assert.True(octets.Length < 100_000, $"{octets.Length} octets");
        using var doc = PdfDocument.Open(octets);
        var texte = doc.GetPage(1).Text;
        Assert.Contains("MISSION LOCALE DE RENNES", texte, StringComparison.Ordinal);
        Assert.Contains("Tél. 02 99 00 00 00", texte, StringComparison.Ordinal);
        Assert.Contains("contact@ml-rennes.fr", texte, StringComparison.Ordinal);
        Assert.Contains("2 rue de la Volga, 35000 Rennes", texte, StringComparison.Ordinal);
    }

    [Fact]
    public void Le_PDF_est_balise_en_francais_avec_son_titre()
    {
        var octets = Pdf.Rendre([new Lettre("CERFA CEJ n°0 MARTIN Élodie", "# CERFA\nTexte")]);
        var brut = Encoding.Latin1.GetString(octets);
        Assert.Contains("/StructTreeRoot", brut, StringComparison.Ordinal);
        Assert.Contains("/Marked true", brut, StringComparison.Ordinal);
        Assert.Contains("/Lang", brut, StringComparison.Ordinal);
        Assert.Contains("/DisplayDocTitle true", brut, StringComparison.Ordinal);
        using var doc = PdfDocument.Open(octets);
        Assert.Equal("CERFA CEJ n°0 MARTIN Élodie", doc.Information.Title);
    }

    [Fact]
    public void Le_CERFA_est_un_formulaire_sections_encadrees_et_cases_de_signature()
    {
        const string Texte = "# CERFA — Demande d'allocation CEJ\nRéférence X\n\n# 1. Le jeune\nNOM : ŁUKASZ\n\n# 2. Le dispositif\nCEJ\n\n# Signatures\nSignature du jeune :\n[signature]\nSignature du conseiller :\n[signature]";
        var formulaire = Pdf.Rendre([new Lettre("CERFA", Texte, Formulaire: true)]);
        var simple = Pdf.Rendre([new Lettre("CERFA", Texte)]);
        Assert.True(formulaire.Length < 150_000, $"{formulaire.Length} octets");
        using var doc = PdfDocument.Open(formulaire);
        var page = doc.GetPage(1);
        Assert.DoesNotContain("[signature]", page.Text, StringComparison.Ordinal);
        Assert.Contains("NOM : ŁUKASZ", page.Text, StringComparison.Ordinal);

        // Three framed sections and two signature boxes are drawn; the plain letter draws only the signature boxes.
        Assert.Equal(5, page.Paths.Count);
        using var docSimple = PdfDocument.Open(simple);
        Assert.Equal(2, docSimple.GetPage(1).Paths.Count);
    }

    [Fact]
    public void Une_longue_lettre_continue_sur_plusieurs_pages_sans_perdre_de_texte()
    {
        var lignes = string.Join("\n", Enumerable.Range(1, 120).Select(i => $"Ligne numéro {i} de la liste des sorties."));
        using var doc = PdfDocument.Open(Pdf.Rendre([new Lettre("Sorties", "# Sorties\n" + lignes, Formulaire: true), new Lettre("Deuxième", "# Deuxième lettre")]));
        Assert.True(doc.NumberOfPages >= 3);
        var tout = string.Join("\n", doc.GetPages().Select(p => p.Text));
        Assert.Contains("Ligne numéro 120 de la liste", tout, StringComparison.Ordinal);
        Assert.Contains("Deuxième lettre", doc.GetPage(doc.NumberOfPages).Text, StringComparison.Ordinal);
    }
}
