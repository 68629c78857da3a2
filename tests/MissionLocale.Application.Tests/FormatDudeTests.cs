using System.Text;
using MissionLocale.Application.Cotraitance;
using MissionLocale.Domain.Cotraitance;
using MissionLocale.Domain.Jeunes;

namespace MissionLocale.Application.Tests;

/// <summary>PPAE-01 / PPAE-05: our file formats with France Travail (docs/ppae-exchange.md) and its samples.</summary>
public sealed class FormatDudeTests
{
    private static readonly DateOnly Aujourdhui = new(2026, 12, 2);

    private static string Racine()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "MissionLocale.sln")))
        {
            d = d.Parent;
        }

        return d?.FullName ?? throw new InvalidOperationException("MissionLocale.sln introuvable");
    }

    private static byte[] Fichier(params string[] lignes) => Encoding.UTF8.GetBytes(string.Join('\n', lignes.Prepend(FormatDude.EnteteAffectations)) + "\n");

    [Fact]
    [Trait("Rule", "PPAE-01")]
    public void PPAE_01_l_exemple_de_la_documentation_est_lu_noms_normalises_comme_la_recherche()
    {
        var (lignes, erreurs) = FormatDude.LireAffectations(File.ReadAllBytes(Path.Combine(Racine(), "docs", "samples", "affectations-exemple.csv")), Aujourdhui);
        Assert.Empty(erreurs);
        Assert.Equal(2, lignes.Count);
        Assert.Equal(new LigneAffectation(2, "1234567A", Civilite.Madame, Nationalite.Francaise, "MULLER", "Élodie", new DateOnly(2006, 4, 12), "35238", new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 18)), lignes[0]);
        Assert.Null(lignes[1].DernierEntretienDude);
    }

    [Fact]
    [Trait("Rule", "PPAE-01")]
    public void PPAE_01_une_ligne_mauvaise_rejette_tout_le_fichier_chaque_ligne_avec_ses_raisons()
    {
        var (lignes, erreurs) = FormatDude.LireAffectations(Fichier(
            "1234 567a;M;Durand;Léo;2005-01-31;FR;35238;2026-11-30;",
            "12A;X;;Léo;2005-02-30;FR;3523;2026-12-25;",
            "1234567A;MME;Martin;Zoé;2005-01-31;ALLEMANDE;2A004;2026-11-30;2027-01-01",
            "pas assez;de champs"), Aujourdhui);
        Assert.Empty(lignes);
        Assert.Equal(
        [
            "Ligne 3 : identifiant France Travail invalide (8 à 11 lettres et chiffres), civilité invalide (MME ou M), nom obligatoire, date de naissance invalide (AAAA-MM-JJ), code commune INSEE invalide (5 caractères), date d'affectation dans le futur.",
            "Ligne 4 : identifiant France Travail déjà présent plus haut dans le fichier, nationalité invalide (FR, UE ou HORS_UE), date du dernier entretien dans le futur.",
            "Ligne 5 : 9 champs séparés par « ; » attendus.",
        ], erreurs);
    }

    [Fact]
    [Trait("Rule", "PPAE-01")]
    public void PPAE_01_entete_encodage_et_fichier_vide()
    {
        Assert.Equal($"Ligne 1 : l'en-tête attendu est « {FormatDude.EnteteAffectations} ».", Assert.Single(FormatDude.LireAffectations("a;b\n"u8.ToArray(), Aujourdhui).Erreurs));
        Assert.Equal("Le fichier n'est pas en UTF-8.", Assert.Single(FormatDude.LireAffectations([.. Encoding.UTF8.GetBytes(FormatDude.EnteteAffectations + "\n"), 0xE9, 0x0A], Aujourdhui).Erreurs));
        Assert.Equal("Le fichier ne contient aucune affectation.", Assert.Single(FormatDude.LireAffectations(Fichier(), Aujourdhui).Erreurs));

        // A BOM added by a spreadsheet is tolerated.
        var avecBom = (byte[])[0xEF, 0xBB, 0xBF, .. Fichier("1234567A;M;Durand;Léo;2005-01-31;FR;35238;2026-11-30;")];
        Assert.Single(FormatDude.LireAffectations(avecBom, Aujourdhui).Lignes);
    }

    [Fact]
    [Trait("Rule", "PPAE-05")]
    public void PPAE_05_les_flux_ecrits_sont_ceux_de_l_exemple_et_se_relisent()
    {
        var flux = new[]
        {
            new LigneFlux(Guid.Parse("0193a6f0-0000-7000-8000-000000000001"), TypeFluxDude.DebutPpae, "1234567A", "MULLER", "Élodie", new DateOnly(2006, 4, 12), new DateOnly(2026, 12, 1), null, "ML35-RENNES"),
            new LigneFlux(Guid.Parse("0193a6f0-0000-7000-8000-000000000002"), TypeFluxDude.PropositionFormation, "1234567A", "MULLER", "Élodie", new DateOnly(2006, 4, 12), new DateOnly(2026, 12, 1), "Titre pro; agent de restauration", "ML35-RENNES"),
        };
        var ecrit = FormatDude.EcrireFlux(flux);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Racine(), "docs", "samples", "flux-exemple.csv")), ecrit);
        Assert.Equal(flux, FormatDude.LireFlux(ecrit));
        Assert.All(Enum.GetValues<TypeFluxDude>(), t => Assert.Matches("^[A-Z_]+$", FormatDude.Code(t)));
    }
}
