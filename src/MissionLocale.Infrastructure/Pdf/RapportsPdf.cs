using MissionLocale.Application.Common;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace MissionLocale.Infrastructure.Pdf;

/// <summary>
/// Reports made of tables (PIL-03 territorial report, RGPD-04 right of access), landscape A4, with the fonts and the
/// tagging of the letters: headings, a header row repeated after each page break, cells wrapped to their column's width.
/// </summary>
public sealed class RapportsPdf : IRapportsPdf
{
    private const double Largeur = 841.89;
    private const double Hauteur = 595.28;
    private const double Marge = 40;
    private const double Taille = 8.5;
    private const double Interligne = 11;
    private const string Famille = "DejaVu Sans";
    private static readonly XColor Bleu = XColor.FromArgb(0, 0x35, 0x6B);
    private static readonly XColor Fond = XColor.FromArgb(0xE9, 0xEE, 0xF5);
    private static readonly XPdfFontOptions Options = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    static RapportsPdf() => PolicesEmbarquees.Installer();

    public byte[] Rendre(string titre, string sousTitre, IReadOnlyList<SectionPdf> sections)
    {
        var document = new PdfDocument();
        document.Info.Title = titre;
        document.Info.Creator = "Mission Locale";
        document.ViewerPreferences.DisplayDocTitle = true;
        var ua = UAManager.ForDocument(document);
        ua.SetDocumentLanguage("fr-FR");
        var m = new Mise(document, ua.StructureBuilder);
        m.Titre(titre, sousTitre);
        foreach (var s in sections)
        {
            m.Section(s);
        }

        m.Fin();
        using var ms = new MemoryStream();
        document.Save(ms);
        return ms.ToArray();
    }

    private sealed class Mise(PdfDocument document, StructureBuilder structure)
    {
        private readonly XFont normal = new(Famille, Taille, XFontStyleEx.Regular, Options);
        private readonly XFont gras = new(Famille, Taille, XFontStyleEx.Bold, Options);
        private readonly XFont grand = new(Famille, 15, XFontStyleEx.Bold, Options);
        private readonly XFont moyen = new(Famille, 11, XFontStyleEx.Bold, Options);
        private XGraphics? gfx;
        private double y;

        public void Titre(string titre, string sousTitre)
        {
            NouvellePage();
            structure.BeginElement(PdfBlockLevelElementTag.Heading1);
            gfx!.DrawString(titre, grand, new XSolidBrush(Bleu), new XPoint(Marge, y + 15));
            structure.End();
            y += 24;
            structure.BeginElement(PdfBlockLevelElementTag.Paragraph);
            gfx.DrawString(sousTitre, normal, XBrushes.Black, new XPoint(Marge, y + Taille));
            structure.End();
            y += 20;
        }

        public void Section(SectionPdf s)
        {
            SautSiBesoin(60);
            structure.BeginElement(PdfBlockLevelElementTag.Heading2);
            gfx!.DrawString(s.Titre, moyen, new XSolidBrush(Bleu), new XPoint(Marge, y + 11));
            structure.End();
            y += 18;
            if (s.Note is { } note)
            {
                foreach (var l in Couper(note, normal, Largeur - (2 * Marge)))
                {
                    SautSiBesoin(Interligne);
                    structure.BeginElement(PdfBlockLevelElementTag.Paragraph);
                    gfx!.DrawString(l, normal, XBrushes.Black, new XPoint(Marge, y + Taille));
                    structure.End();
                    y += Interligne;
                }

                y += 4;
            }

            var largeurs = Largeurs(s);
            Ligne(s.Colonnes.ToArray<string?>(), largeurs, entete: true);
            if (s.Lignes.Count == 0)
            {
                Ligne(["Aucune donnée"], [Largeur - (2 * Marge)], entete: false);
            }

            foreach (var l in s.Lignes)
            {
                if (Ligne(l, largeurs, entete: false))
                {
                    Ligne(s.Colonnes.ToArray<string?>(), largeurs, entete: true);
                }
            }

            y += 14;
        }

        public void Fin() => gfx?.Dispose();

        /// <summary>Columns share the width in proportion to their longest content (header included), bounded.</summary>
        private double[] Largeurs(SectionPdf s)
        {
            var total = Largeur - (2 * Marge);
            var poids = s.Colonnes.Select((c, i) => Math.Clamp(Math.Max(c.Length, s.Lignes.Take(200).Select(l => i < l.Length ? l[i]?.Length ?? 0 : 0).DefaultIfEmpty(0).Max()), 4, 60)).ToArray();
            var somme = poids.Sum();
            return poids.Select(p => total * p / somme).ToArray();
        }

        /// <summary>Draws a row; answers true when it had to start a new page first (the caller repeats the header).</summary>
        private bool Ligne(string?[] cellules, double[] largeurs, bool entete)
        {
            var police = entete ? gras : normal;
            var lignes = largeurs.Select((w, i) => Couper(i < cellules.Length ? cellules[i] ?? string.Empty : string.Empty, police, w - 6)).ToList();
            var hauteur = (lignes.Max(l => l.Count) * Interligne) + 4;
            var saut = SautSiBesoin(hauteur);
            if (entete)
            {
                structure.BeginArtifact();
                gfx!.DrawRectangle(new XSolidBrush(Fond), Marge, y, largeurs.Sum(), hauteur);
                structure.End();
            }

            structure.BeginElement(PdfBlockLevelElementTag.Paragraph);
            var x = Marge;
            for (var i = 0; i < largeurs.Length; i++)
            {
                var ly = y + 2 + Taille;
                foreach (var t in lignes[i])
                {
                    gfx!.DrawString(t, police, XBrushes.Black, new XPoint(x + 3, ly));
                    ly += Interligne;
                }

                x += largeurs[i];
            }

            structure.End();
            structure.BeginArtifact();
            gfx!.DrawLine(new XPen(XColors.LightGray, 0.5), Marge, y + hauteur, Marge + largeurs.Sum(), y + hauteur);
            structure.End();
            y += hauteur;
            return saut && !entete;
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

        private bool SautSiBesoin(double hauteur)
        {
            if (y + hauteur <= Hauteur - Marge)
            {
                return false;
            }

            NouvellePage();
            return true;
        }

        private List<string> Couper(string texte, XFont police, double max)
        {
            var resultat = new List<string>();
            foreach (var paragraphe in texte.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var courant = string.Empty;
                foreach (var mot in paragraphe.Split(' '))
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
            }

            return resultat;
        }
    }
}
