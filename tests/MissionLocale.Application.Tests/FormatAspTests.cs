using System.Text;
using MissionLocale.Application.Allocations.LotsAsp;
using MissionLocale.Domain.Allocations;

namespace MissionLocale.Application.Tests;

/// <summary>ALLOC-11: our ASP file formats, and the samples of docs/samples read by the code that imports them.</summary>
public sealed class FormatAspTests
{
    private static string Racine()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "MissionLocale.sln")))
        {
            d = d.Parent;
        }

        return d?.FullName ?? throw new InvalidOperationException("MissionLocale.sln introuvable");
    }

    [Fact]
    [Trait("Rule", "ALLOC-11")]
    public void Les_exemples_de_la_documentation_sont_lus_par_l_import_et_ecrits_par_le_lot()
    {
        var (lignes, erreurs) = FormatAsp.LireRetour(File.ReadAllBytes(Path.Combine(Racine(), "docs", "samples", "retour-exemple.csv")));
        Assert.Empty(erreurs);
        Assert.Equal([EtatDemande.VerseeAsp, EtatDemande.RefuseeAsp], lignes.Select(l => l.Statut));
        Assert.Equal((528.00m, "RIB invalide"), (lignes[0].MontantVerse!.Value, lignes[1].Motif));

        var lot = File.ReadAllLines(Path.Combine(Racine(), "docs", "samples", "lot-exemple.csv"), Encoding.UTF8);
        Assert.Equal(FormatAsp.EnteteLot, lot[0]);
        var ecrit = Encoding.UTF8.GetString(FormatAsp.EcrireLot([new LigneLot(Guid.Parse("3f1c2a10-0000-7000-8000-000000000001"), Guid.Parse("0f9a0b20-0000-7000-8000-000000000012"),
            "ML35-RENNES", "CEJ", "CEJ-2026-000124", 0, "NGUYEN", "Thi Hoa", new DateOnly(2004, 11, 2), null, new DateOnly(2026, 10, 1), 317m, NatureDemande.Initiale,
            "FR1420041010050500013M02606", "PSSTFRPPREN", "NGUYEN THI HOA; M NGUYEN", "Allocation CEJ octobre 2026")]));
        Assert.Equal(lot[2], ecrit.Split('\n')[1]); // quoting of a title holding ";", amounts with 2 decimals, ISO dates
    }

    [Fact]
    [Trait("Rule", "ALLOC-11")]
    public void Un_fichier_mal_forme_est_decrit_ligne_par_ligne_et_rien_n_est_retenu()
    {
        var id = Guid.NewGuid();
        var texte = $"{FormatAsp.EnteteRetour}\r\n{id};{Guid.NewGuid()};VERSEE;2026-11-05;528.00;\r\n{id};{Guid.NewGuid()};VERSEE;2026-11-05;528.00;\r\nabc;def;REFUSEE;2026-13-01;;\r\n\"ouvert;;;;;\n";
        var (lignes, erreurs) = FormatAsp.LireRetour(Encoding.UTF8.GetBytes(texte));
        Assert.Empty(lignes);
        Assert.Equal(3, erreurs.Count);
        Assert.StartsWith("Ligne 3 : demande déjà présente", erreurs[0], StringComparison.Ordinal);
        Assert.Contains("identifiant de demande invalide", erreurs[1], StringComparison.Ordinal);
        Assert.Contains("motif manquant pour REFUSEE", erreurs[1], StringComparison.Ordinal);
        Assert.StartsWith("Ligne 5 :", erreurs[2], StringComparison.Ordinal);

        Assert.Equal("Ligne 1 : l'en-tête attendu est « demande;lot;statut;date;montant_verse;motif ».", Assert.Single(FormatAsp.LireRetour("x;y\n"u8.ToArray()).Erreurs));
        Assert.Equal("Le fichier n'est pas en UTF-8.", Assert.Single(FormatAsp.LireRetour([0x64, 0xFF, 0xFE]).Erreurs));
        var bom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"{FormatAsp.EnteteRetour}\n{id};{id};ACCEPTEE;2026-11-05;;\n")).ToArray();
        Assert.Single(FormatAsp.LireRetour(bom).Lignes);
    }
}
