using System.Globalization;
using System.IO.Compression;
using System.Text;
using MissionLocale.Application.Documents;
using UglyToad.PdfPig.Fonts;
using UglyToad.PdfPig.Fonts.Encodings;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using Encoding = System.Text.Encoding;

namespace MissionLocale.Infrastructure.Pdf;

/// <summary>
/// A small PDF writer for letters: the standard Helvetica fonts with WinAnsiEncoding (French accents, œ, €, —),
/// nothing embedded, compressed content streams. A one-page letter weighs a few kilobytes (see ADR 0002).
/// Characters outside Windows-1252 print as "?".
/// </summary>
public sealed class LettresPdf : ILettresPdf
{
    private const double Largeur = 595.28;
    private const double Hauteur = 841.89;
    private const double Marge = 56.7;
    private const double Taille = 10.5;
    private const double Interligne = 14.5;

    private static readonly Encoding Cp1252 = CreerCp1252();
    private static readonly double[] LargeursNormal = Largeurs(Standard14Font.Helvetica);
    private static readonly double[] LargeursGras = Largeurs(Standard14Font.HelveticaBold);

    public byte[] Rendre(IReadOnlyList<Lettre> lettres)
    {
        var pages = new List<byte[]>();
        foreach (var lettre in lettres)
        {
            pages.AddRange(Paginer(lettre.Texte));
        }

        if (pages.Count == 0)
        {
            pages.Add(Paginer(string.Empty).First());
        }

        return Assembler(pages, lettres.Count == 1 ? lettres[0].Titre : "Courriers");
    }

    private static IEnumerable<byte[]> Paginer(string texte)
    {
        var contenu = new StringBuilder();
        var y = Hauteur - Marge;
        foreach (var brute in texte.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var gras = brute.StartsWith("# ", StringComparison.Ordinal);
            var ligne = gras ? brute[2..] : brute;
            var morceaux = Couper(ligne, gras ? LargeursGras : LargeursNormal, Largeur - (2 * Marge));
            foreach (var m in morceaux)
            {
                if (y < Marge)
                {
                    yield return Compresser(contenu.ToString());
                    contenu.Clear();
                    y = Hauteur - Marge;
                }

                if (m.Length > 0)
                {
                    contenu.Append(CultureInfo.InvariantCulture, $"BT /{(gras ? "F2" : "F1")} {Taille} Tf {Marge:0.##} {y:0.##} Td ({Echapper(m)}) Tj ET\n");
                }

                y -= Interligne;
            }
        }

        yield return Compresser(contenu.ToString());
    }

    /// <summary>Word wrap with the font's real widths (Adobe metrics of Helvetica).</summary>
    private static List<string> Couper(string ligne, double[] largeurs, double max)
    {
        var resultat = new List<string>();
        if (ligne.Length == 0)
        {
            resultat.Add(string.Empty);
            return resultat;
        }

        var courant = new StringBuilder();
        foreach (var mot in ligne.Split(' '))
        {
            var essai = courant.Length == 0 ? mot : courant + " " + mot;
            if (Mesurer(essai, largeurs) <= max || courant.Length == 0)
            {
                courant.Clear().Append(essai);
            }
            else
            {
                resultat.Add(courant.ToString());
                courant.Clear().Append(mot);
            }
        }

        resultat.Add(courant.ToString());
        return resultat;
    }

    private static double Mesurer(string s, double[] largeurs) => Cp1252.GetBytes(s).Sum(b => largeurs[b]) * Taille / 1000;

    private static string Echapper(string s)
    {
        var sb = new StringBuilder();
        foreach (var b in Cp1252.GetBytes(s))
        {
            switch (b)
            {
                case (byte)'(': sb.Append("\\("); break;
                case (byte)')': sb.Append("\\)"); break;
                case (byte)'\\': sb.Append("\\\\"); break;
                case < 32 or > 126: sb.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0')); break;
                default: sb.Append((char)b); break;
            }
        }

        return sb.ToString();
    }

    private static byte[] Compresser(string contenu)
    {
        using var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            var bytes = Encoding.ASCII.GetBytes(contenu);
            z.Write(bytes);
        }

        return ms.ToArray();
    }

    private static byte[] Assembler(List<byte[]> pages, string titre)
    {
        using var ms = new MemoryStream();
        var offsets = new List<long>();
        void Ecrire(string s) => ms.Write(Encoding.ASCII.GetBytes(s));
        void Objet(string corps)
        {
            offsets.Add(ms.Position);
            Ecrire($"{offsets.Count} 0 obj\n{corps}\nendobj\n");
        }

        // 1 catalog, 2 pages, 3-4 fonts, 5 info, then page + content per page.
        Ecrire("%PDF-1.4\n");
        ms.Write([0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A]);
        var kids = string.Join(' ', Enumerable.Range(0, pages.Count).Select(i => $"{6 + (2 * i)} 0 R"));
        Objet("<< /Type /Catalog /Pages 2 0 R >>");
        Objet($"<< /Type /Pages /Kids [{kids}] /Count {pages.Count} >>");
        Objet("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        Objet("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
        Objet($"<< /Producer (Mission Locale) /Title ({Echapper(titre)}) >>");
        for (var i = 0; i < pages.Count; i++)
        {
            Objet($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {Largeur.ToString(CultureInfo.InvariantCulture)} {Hauteur.ToString(CultureInfo.InvariantCulture)}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {7 + (2 * i)} 0 R >>");
            offsets.Add(ms.Position);
            Ecrire($"{offsets.Count} 0 obj\n<< /Length {pages[i].Length} /Filter /FlateDecode >>\nstream\n");
            ms.Write(pages[i]);
            Ecrire("\nendstream\nendobj\n");
        }

        var xref = ms.Position;
        Ecrire($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets)
        {
            Ecrire($"{o:0000000000} 00000 n \n");
        }

        Ecrire($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return ms.ToArray();
    }

    private static double[] Largeurs(Standard14Font police)
    {
        var metriques = Standard14.GetAdobeFontMetrics(police);
        var largeurs = new double[256];
        for (var code = 0; code < 256; code++)
        {
            var nom = WinAnsiEncoding.Instance.GetName(code);
            largeurs[code] = metriques.CharacterMetrics.TryGetValue(nom, out var m) ? m.Width.X : 556;
        }

        return largeurs;
    }

    private static Encoding CreerCp1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback);
    }
}
