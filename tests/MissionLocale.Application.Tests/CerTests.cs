using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Insertion.OuvrirParcours;
using MissionLocale.Application.Insertion.SaisirCer;
using MissionLocale.Application.Insertion.SignerCer;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Insertion;
using Npgsql;

namespace MissionLocale.Application.Tests;

/// <summary>CER-01, CER-04 on PostgreSQL: a parcours starts with an empty first contract; once signed, the contract never changes, even by SQL.</summary>
public sealed class CerTests(AppFixture f) : IClassFixture<AppFixture>
{
    private const string Conseiller = "conseiller.a";

    /// <summary>A drawn signature as signature_pad sends it: a PNG data URL (a 40 × 12 image with a stroke).</summary>
    internal static readonly string Png = "data:image/png;base64," + Convert.ToBase64String(Signature(40, 12));

    /// <summary>A real PNG (greyscale, one stroke), built by hand so the test needs no image library.</summary>
    internal static byte[] Signature(int largeur, int hauteur)
    {
        var brut = new byte[hauteur * (largeur + 1)];
        for (var y = 0; y < hauteur; y++)
        {
            for (var x = 0; x < largeur; x++)
            {
                brut[(y * (largeur + 1)) + 1 + x] = (byte)(Math.Abs(y - (hauteur / 2) - ((x % 8) - 4)) < 2 ? 0 : 255);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        void Bloc(string type, byte[] donnees)
        {
            var t = System.Text.Encoding.ASCII.GetBytes(type);
            png.Write(BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(donnees.Length)));
            png.Write(t);
            png.Write(donnees);
            png.Write(BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(Crc32([.. t, .. donnees]))));
        }

        var ihdr = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr, largeur);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), hauteur);
        ihdr[8] = 8; // 8 bits, greyscale
        Bloc("IHDR", ihdr);
        using var z = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(z, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(brut);
        }

        Bloc("IDAT", z.ToArray());
        Bloc("IEND", []);
        return png.ToArray();
    }

    private static uint Crc32(byte[] octets)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in octets)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    [Fact]
    [Trait("Rule", "CER-01")]
    [Trait("Rule", "CER-04")]
    [Trait("Rule", "CER-06")]
    public async Task CER_01_04_parcours_avec_premier_contrat_vide_puis_signe_immuable_jusque_dans_la_base()
    {
        var jeune = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil("Contractuelle", "Maëva"))).JeuneId;
        var refus = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new OuvrirParcoursCommand(jeune, TypeAccompagnement.Orientation, null, new DateOnly(2026, 3, 2))));
        Assert.Equal("CER-01", refus.RuleId);

        var cerId = await f.EnvoyerAsync(Conseiller, new OuvrirParcoursCommand(jeune, TypeAccompagnement.SocioProfessionnel, null, new DateOnly(2026, 3, 2)));
        var cer = await f.LireAsync(Conseiller, db => db.Cers.AsNoTracking().SingleAsync(c => c.Id == cerId));
        Assert.Equal((TypeCer.PremierContrat, EtatCer.Vide, new DateOnly(2026, 3, 2)), (cer.Type, cer.Etat, cer.Debut));
        Assert.Equal(1, await f.LireAsync(Conseiller, db => db.ParcoursInsertion.CountAsync(p => p.JeuneId == jeune)));

        var v = await f.EnvoyerAsync(Conseiller, new SaisirCerCommand(cerId, cer.Version, new ContenuCer("Aide à domicile", "Patience", "Permis B", null, "Passer le code", "Tous les mois"),
            [new ActionSaisie("MOB-PERMIS", new DateOnly(2026, 3, 2), null)]));
        v = await f.EnvoyerAsync(Conseiller, new SignerCerCommand(cerId, v, Beneficiaire: true, Png));
        v = await f.EnvoyerAsync(Conseiller, new SignerCerCommand(cerId, v, Beneficiaire: false, Png));
        var signe = await f.LireAsync(Conseiller, db => db.Cers.AsNoTracking().SingleAsync(c => c.Id == cerId));
        Assert.Equal(EtatCer.Signe, signe.Etat);
        Assert.Equal(new DateOnly(2026, 9, 2), Assert.Single(signe.Actions).Echeance);

        // The domain refuses the change…
        var modification = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new SaisirCerCommand(cerId, v, new ContenuCer("Autre chose", null, null, null, null, null), null)));
        Assert.Equal("CER-04", modification.RuleId);

        // …and so does the database, for a direct UPDATE or DELETE.
        await using var cnx = new NpgsqlConnection(f.Connexion);
        await cnx.OpenAsync();
        await using (var update = new NpgsqlCommand("UPDATE cers SET engagements = 'réécrit' WHERE id = @id", cnx))
        {
            update.Parameters.AddWithValue("id", cerId);
            var e = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
            Assert.Equal("ck_cers_signe_immuable", e.ConstraintName);
        }

        await using (var delete = new NpgsqlCommand("DELETE FROM cers WHERE id = @id", cnx))
        {
            delete.Parameters.AddWithValue("id", cerId);
            Assert.Equal("ck_cers_signe_immuable", (await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync())).ConstraintName);
        }

        // Its state still moves on (validation by the référent).
        await using (var etat = new NpgsqlCommand("UPDATE cers SET etat = 5, version = version + 1 WHERE id = @id", cnx))
        {
            etat.Parameters.AddWithValue("id", cerId);
            Assert.Equal(1, await etat.ExecuteNonQueryAsync());
        }

        Assert.Equal("Passer le code", (await f.LireAsync(Conseiller, db => db.Cers.AsNoTracking().SingleAsync(c => c.Id == cerId))).Engagements);
    }
}
