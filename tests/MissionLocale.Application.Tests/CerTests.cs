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
            [new ActionSaisie("MOB-PERMIS", "Financement du permis", new DateOnly(2026, 3, 2), null)]));
        v = await f.EnvoyerAsync(Conseiller, new SignerCerCommand(cerId, v, Beneficiaire: true));
        v = await f.EnvoyerAsync(Conseiller, new SignerCerCommand(cerId, v, Beneficiaire: false));
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
