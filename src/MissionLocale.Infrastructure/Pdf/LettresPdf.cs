using MissionLocale.Application.Documents;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace MissionLocale.Infrastructure.Pdf;

/// <summary>
/// Letters, convocations and CERFA with PDFsharp (MIT; ADR 0004): DejaVu Sans embedded as a subset, so every name prints
/// whatever its alphabet ("Łukasz", "Nguyễn", "Şahin"); a tagged PDF (structure tree, language fr-FR, title shown
/// by readers) for screen readers; the structure's letterhead; the CERFA laid out as a form (framed sections,
/// signature boxes).
/// </summary>
public sealed class LettresPdf : ILettresPdf
{
    private const double Largeur = 595.28;
    private const double Hauteur = 841.89;
    private const double Marge = 56.7;
    private const double Taille = 10.5;
    private const double Interligne = 14.5;
    private const double HauteurSignature = 60;
    private const string Famille = "DejaVu Sans";

    private static readonly XColor Bleu = XColor.FromArgb(0, 0x35, 0x6B);
    private static readonly XColor Gris = XColor.FromArgb(0x55, 0x55, 0x55);
    private static readonly XPdfFontOptions Options = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    static LettresPdf() => PolicesEmbarquees.Installer();

    public byte[] Rendre(IReadOnlyList<Lettre> lettres)
    {
        var document = new PdfDocument();
        document.Info.Title = lettres.Count == 1 ? lettres[0].Titre : "Courriers";
        document.Info.Creator = "Mission Locale";
        document.ViewerPreferences.DisplayDocTitle = true;
        var ua = UAManager.ForDocument(document);
        ua.SetDocumentLanguage("fr-FR");

        var normal = new XFont(Famille, Taille, XFontStyleEx.Regular, Options);
        var gras = new XFont(Famille, Taille, XFontStyleEx.Bold, Options);
        foreach (var lettre in lettres.Count == 0 ? [new Lettre("Courrier", string.Empty)] : lettres)
        {
            new Mise(document, ua.StructureBuilder, normal, gras, lettre).Composer();
        }

        using var ms = new MemoryStream();
        document.Save(ms);
        return ms.ToArray();
    }

    /// <summary>The layout of one letter: pages, the current height, the framed section in progress.</summary>
    private sealed class Mise(PdfDocument document, StructureBuilder structure, XFont normal, XFont gras, Lettre lettre)
    {
        private XGraphics? gfx;
        private double y;
        private double? debutCadre;

        public void Composer()
        {
            NouvellePage();
            if (lettre.EnTete is { } entete)
            {
                EnTete(entete);
            }

            var premierTitre = true;
            foreach (var brute in lettre.Texte.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var ligne = brute.TrimEnd();
                if (ligne == "[signature]")
                {
                    Signature(null);
                    continue;
                }

                if (ligne.StartsWith("[signature:", StringComparison.Ordinal) && ligne.EndsWith(']'))
                {
                    Signature(ligne[11..^1]);
                    continue;
                }

                var titre = ligne.StartsWith("# ", StringComparison.Ordinal);
                if (titre && lettre.Formulaire && !premierTitre)
                {
                    FermerCadre();
                    y += 6;
                    debutCadre = y - 4;
                }

                Paragraphe(titre ? ligne[2..] : ligne, titre ? gras : normal, titre ? (premierTitre ? PdfBlockLevelElementTag.Heading1 : PdfBlockLevelElementTag.Heading2) : PdfBlockLevelElementTag.Paragraph);
                premierTitre &= !titre;
            }

            FermerCadre();
            gfx!.Dispose();
        }

        private void NouvellePage()
        {
            gfx?.Dispose();
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(Largeur);
            page.Height = XUnit.FromPoint(Hauteur);
            gfx = XGraphics.FromPdfPage(page);
            y = Marge;
        }

        /// <summary>A page break keeps the frame: closed at the bottom of this page, reopened at the top of the next.</summary>
        private void SautSiBesoin(double hauteur)
        {
            if (y + hauteur <= Hauteur - Marge)
            {
                return;
            }

            var cadre = debutCadre is not null;
            FermerCadre();
            NouvellePage();
            if (cadre)
            {
                debutCadre = y - 4;
            }
        }

        private void Paragraphe(string texte, XFont police, PdfBlockLevelElementTag balise)
        {
            var lignes = Couper(texte, police, Largeur - (2 * Marge) - (debutCadre is null ? 0 : 12));
            if (texte.Length == 0)
            {
                SautSiBesoin(Interligne);
                y += Interligne;
                return;
            }

            structure.BeginElement(balise);
            foreach (var l in lignes)
            {
                SautSiBesoin(Interligne);
                gfx!.DrawString(l, police, new XSolidBrush(balise == PdfBlockLevelElementTag.Paragraph ? XColors.Black : Bleu), new XPoint(Marge + (debutCadre is null ? 0 : 6), y + Taille), XStringFormats.BaseLineLeft);
                y += Interligne;
            }

            structure.End();
        }

        private void Signature(string? cle)
        {
            SautSiBesoin(HauteurSignature + 8);
            structure.BeginArtifact();
            gfx!.DrawRectangle(new XPen(Gris, 0.8) { DashStyle = XDashStyle.Dash }, Marge + 6, y, 260, HauteurSignature);
            structure.End();
            if (cle is not null && lettre.Signatures?.GetValueOrDefault(cle) is { Length: > 0 } octets && Image(octets) is { } image)
            {
                using (image)
                {
                    // The drawn signature fits the box, its proportions kept.
                    var echelle = Math.Min(254.0 / Math.Max(1, image.PixelWidth), (HauteurSignature - 6) / Math.Max(1, image.PixelHeight));
                    var (l, h) = (image.PixelWidth * echelle, image.PixelHeight * echelle);
                    var zone = new XRect(Marge + 9, y + 3, l, h);
                    structure.BeginElement(PdfIllustrationElementTag.Figure, cle, zone);
                    gfx!.DrawImage(image, zone);
                    structure.End();
                }
            }

            y += HauteurSignature + 8;
        }

        private void FermerCadre()
        {
            if (debutCadre is not { } debut)
            {
                return;
            }

            structure.BeginArtifact();
            gfx!.DrawRectangle(new XPen(Bleu, 0.8), Marge, debut, Largeur - (2 * Marge), y - debut + 2);
            structure.End();
            debutCadre = null;
            y += 6;
        }

        /// <summary>Logo (or the structure's name) on the left, address and contacts on the right, a rule below.</summary>
        private void EnTete(EnTeteLettre e)
        {
            var petite = new XFont(Famille, 8.5, XFontStyleEx.Regular, Options);
            var haut = y;
            if (e.Logo is { Length: > 0 } logo && Image(logo) is { } image)
            {
                using (image)
                {
                    var hauteur = 42.0;
                    var largeur = Math.Min(160, hauteur * image.PixelWidth / Math.Max(1, image.PixelHeight));
                    structure.BeginElement(PdfIllustrationElementTag.Figure, $"Logo de {e.Structure}", new XRect(Marge, haut, largeur, hauteur));
                    gfx!.DrawImage(image, Marge, haut, largeur, hauteur);
                    structure.End();
                }
            }
            else
            {
                structure.BeginElement(PdfBlockLevelElementTag.Paragraph);
                gfx!.DrawString(e.Structure.ToUpperInvariant(), new XFont(Famille, 12, XFontStyleEx.Bold, Options), new XSolidBrush(Bleu), new XPoint(Marge, haut + 14), XStringFormats.BaseLineLeft);
                structure.End();
            }

            var contacts = new[] { e.Structure, e.Adresse, e.Telephone is null ? null : $"Tél. {e.Telephone}", e.Email }.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
            var ligneY = haut + 9;
            structure.BeginElement(PdfBlockLevelElementTag.Paragraph);
            foreach (var c in contacts)
            {
                gfx!.DrawString(c!, petite, new XSolidBrush(Gris), new XPoint(Largeur - Marge, ligneY), XStringFormats.BaseLineRight);
                ligneY += 11;
            }

            structure.End();
            y = Math.Max(haut + 48, ligneY) + 4;
            structure.BeginArtifact();
            gfx!.DrawLine(new XPen(Bleu, 1), Marge, y, Largeur - Marge, y);
            structure.End();
            y += 18;
        }

        private static XImage? Image(byte[] octets)
        {
            try
            {
                return XImage.FromStream(new MemoryStream(octets));
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotImplementedException or IOException)
            {
                return null; // an unreadable logo leaves the name instead: a letter is never refused for its logo
            }
        }

        /// <summary>Word wrap with the font's real widths; a word longer than the line is cut.</summary>
        private List<string> Couper(string ligne, XFont police, double max)
        {
            var resultat = new List<string>();
            var courant = string.Empty;
            foreach (var mot in ligne.Split(' '))
            {
                var essai = courant.Length == 0 ? mot : courant + " " + mot;
                if (gfx!.MeasureString(essai, police).Width <= max || courant.Length == 0)
                {
                    courant = essai;
                }
                else
                {
                    resultat.Add(courant);
                    courant = mot;
                }
            }

            resultat.Add(courant);
            return resultat;
        }
    }
}

/// <summary>The fonts shipped with the application (DejaVu, free licence in Polices/): no system font is needed on Linux.</summary>
internal sealed class PolicesEmbarquees : IFontResolver
{
    private static readonly object Verrou = new();

    public static void Installer()
    {
        lock (Verrou)
        {
            if (GlobalFontSettings.FontResolver is not PolicesEmbarquees)
            {
                GlobalFontSettings.FontResolver = new PolicesEmbarquees();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        using var flux = typeof(PolicesEmbarquees).Assembly.GetManifestResourceStream($"MissionLocale.Infrastructure.Pdf.Polices.{faceName}.ttf")
            ?? throw new InvalidOperationException($"Police {faceName} absente des ressources.");
        using var ms = new MemoryStream();
        flux.CopyTo(ms);
        return ms.ToArray();
    }
}
