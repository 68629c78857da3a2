using MissionLocale.Infrastructure.Postgres;
using Npgsql;

namespace MissionLocale.Application.Tests;

/// <summary>Issue 10, part 3: a documented backup (pg_dump custom format) restored into an empty database reads a dossier back.</summary>
public sealed class SauvegardeTests(AppFixture f) : IClassFixture<AppFixture>
{
    private static async Task<object?> ScalaireAsync(string connexion, string sql)
    {
        await using var cnx = new NpgsqlConnection(connexion);
        await cnx.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, cnx);
        return await cmd.ExecuteScalarAsync();
    }

    [Fact]
    public async Task Sauvegarde_puis_restauration_dans_une_base_vide_relit_le_dossier()
    {
        var jeune = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil("Sauvegardé", "Léonie"))).JeuneId;
        var fichier = Path.Combine(Path.GetTempPath(), $"ml-sauvegarde-{Guid.NewGuid():N}.dump");
        var cible = new NpgsqlConnectionStringBuilder(f.Connexion) { Database = "ml_restauration_" + Guid.NewGuid().ToString("N")[..10] };
        try
        {
            await Sauvegarde.SauvegarderAsync(f.Connexion, fichier);
            Assert.True(new FileInfo(fichier).Length > 1000);
            Assert.Equal("PGDMP", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(fichier)[..5])); // the custom format's signature

            await ScalaireAsync(new NpgsqlConnectionStringBuilder(f.Connexion) { Database = "postgres" }.ConnectionString, $"CREATE DATABASE \"{cible.Database}\" TEMPLATE template0");
            await Sauvegarde.RestaurerAsync(cible.ConnectionString, fichier);

            Assert.Equal("SAUVEGARDE Léonie", await ScalaireAsync(cible.ConnectionString, $"select nom_usage || ' ' || prenom from jeunes where id = '{jeune}'"));
            Assert.Equal(await ScalaireAsync(f.Connexion, "select count(*) from historique_modifications"), await ScalaireAsync(cible.ConnectionString, "select count(*) from historique_modifications"));
        }
        finally
        {
            File.Delete(fichier);
        }
    }

    [Fact]
    public async Task Restauration_d_un_fichier_abime_ne_change_rien()
    {
        var fichier = Path.Combine(Path.GetTempPath(), $"ml-abime-{Guid.NewGuid():N}.dump");
        await Sauvegarde.SauvegarderAsync(f.Connexion, fichier);
        var octets = await File.ReadAllBytesAsync(fichier);
        await File.WriteAllBytesAsync(fichier, octets[..(octets.Length / 2)]);
        var avant = await ScalaireAsync(f.Connexion, "select count(*) from jeunes");
        try
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => Sauvegarde.RestaurerAsync(f.Connexion, fichier));
            Assert.Equal(avant, await ScalaireAsync(f.Connexion, "select count(*) from jeunes"));
        }
        finally
        {
            File.Delete(fichier);
        }

        await Assert.ThrowsAsync<FileNotFoundException>(() => Sauvegarde.RestaurerAsync(f.Connexion, "/nexiste/pas.dump"));
    }
}
