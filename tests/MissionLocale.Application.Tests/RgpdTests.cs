using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MissionLocale.Application.Common;
using MissionLocale.Application.Evenements.EnregistrerEvenement;
using MissionLocale.Application.Jeunes.ConsulterDossier;
using MissionLocale.Application.Jeunes.ModifierContacts;
using MissionLocale.Application.Rgpd.Conservation;
using MissionLocale.Application.Rgpd.ConsulterJournal;
using MissionLocale.Application.Rgpd.ExporterDonneesJeune;
using MissionLocale.Domain.Audit;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Evenements;

namespace MissionLocale.Application.Tests;

/// <summary>RGPD-03 to RGPD-05 on PostgreSQL; retention runs on its own fake clock.</summary>
public sealed class RgpdTests(AppFixture f) : IClassFixture<AppFixture>
{
    private const string C = "conseiller.a";

    /// <summary>administrateur.a holds the data protection officer's function (set as the administration page would).</summary>
    private async Task<string> DelegueAsync()
    {
        await f.LireAsync("administrateur.a", db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE asp_net_users SET fonctions = 8 WHERE id = {f.Comptes["administrateur.a"].Id}"));
        return "administrateur.a";
    }

    [Fact]
    [Trait("Rule", "RGPD-04")]
    public async Task RGPD_04_le_delegue_voit_qui_a_lu_ou_modifie_un_dossier_filtre_et_exportable()
    {
        var jeune = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil("Journal"))).JeuneId;
        var d = await f.EnvoyerAsync(C, new ConsulterDossierQuery(jeune, "Consultation du dossier"));
        await f.EnvoyerAsync(C, new ModifierContactsCommand { JeuneId = jeune, Version = d.Version, Email = "nouvelle@example.org", TelephoneMobile = "0612345678", MobileJoignable = true });

        // Not the DPO: refused, whatever the profile.
        await Assert.ThrowsAsync<ForbiddenException>(() => f.EnvoyerAsync("direction.a", new ConsulterJournalQuery(JeuneId: jeune)));

        var dpo = await DelegueAsync();
        var page = await f.EnvoyerAsync(dpo, new ConsulterJournalQuery(JeuneId: jeune));
        Assert.Contains(page.Items, l => l.Nature == Journal.Lecture && l.UtilisateurId == f.Comptes[C].Id && l.Objet == "Consultation du dossier");
        Assert.Contains(page.Items, l => l.Nature == Journal.Modification && l.Objet.Contains("nouvelle@example.org", StringComparison.Ordinal));
        Assert.All(page.Items, l => Assert.Equal(jeune, l.JeuneId));
        Assert.Equal(page.Items.OrderByDescending(l => l.Le).Select(l => l.Le), page.Items.Select(l => l.Le));

        // By user, by period, page by page (keyset): no line twice, none lost.
        var parConseiller = await f.EnvoyerAsync(dpo, new ConsulterJournalQuery(UtilisateurId: f.Comptes[C].Id, Du: new DateOnly(2026, 3, 10), Au: new DateOnly(2026, 3, 10)));
        Assert.All(parConseiller.Items, l => Assert.Equal(f.Comptes[C].Id, l.UtilisateurId));
        var tout = new List<LigneJournal>();
        string? apres = null;
        do
        {
            var p = await f.EnvoyerAsync(dpo, new ConsulterJournalQuery(JeuneId: jeune, Apres: apres, Taille: 1));
            tout.AddRange(p.Items);
            apres = p.Suivant;
        }
        while (apres is not null);
        Assert.Equal(page.Items.Select(l => (l.Nature, l.Id)), tout.Select(l => (l.Nature, l.Id)));
        Assert.Empty((await f.EnvoyerAsync(dpo, new ConsulterJournalQuery(Du: new DateOnly(2020, 1, 1), Au: new DateOnly(2020, 1, 2)))).Items);

        var lignes = await f.EnvoyerEtLireAsync(dpo, new ExporterJournalQuery(JeuneId: jeune), t => t.Lignes.ToListAsync().AsTask());
        Assert.Equal(page.Items.Count, lignes.Count);

        // RGPD-04, last net: a second DPO in the structure is refused by the database.
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => f.LireAsync(dpo, db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE asp_net_users SET fonctions = 8 WHERE id = {f.Comptes["direction.a"].Id}")));
        Assert.Contains("ux_users_dpo_unique", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "RGPD-04")]
    public async Task RGPD_04_droit_d_acces_exporte_tout_ce_qui_est_detenu_et_journalise_l_export()
    {
        var jeune = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil("Droitacces", "Zoé"))).JeuneId;
        await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(jeune, NatureEvenement.EntretienIndividuel, f.Clock.GetUtcNow().AddHours(-1), 30, "Projet : cuisine"));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.EnvoyerAsync(C, new ExporterDonneesJeuneQuery(jeune)));

        var donnees = await f.EnvoyerAsync("direction.a", new ExporterDonneesJeuneQuery(jeune));
        Assert.Equal(("DROITACCES", "Zoé"), (donnees.Nom, donnees.Prenom));
        var dossier = donnees.Sections.Single(s => s.Titre == "Dossier");
        Assert.Contains(dossier.Lignes, l => l[0] == "Prénom" && l[1] == "Zoé");
        Assert.Contains(donnees.Sections.Single(s => s.Titre == "Événements").Lignes, l => l[4] == "Projet : cuisine");
        Assert.Contains(donnees.Sections, s => s.Titre == "Historique des modifications");
        Assert.Contains(donnees.Sections, s => s.Titre == "Documents (liste)");
        Assert.Contains(donnees.Sections, s => s.Titre == "Allocations");
        var json = System.Text.Json.JsonSerializer.Serialize(donnees.PourJson());
        Assert.Contains("Projet : cuisine", json, StringComparison.Ordinal);

        Assert.True(await f.LireAsync(C, db => db.Consultations.AnyAsync(c => c.JeuneId == jeune && c.Objet == "Export du droit d'accès (RGPD-04)")));
        await Assert.ThrowsAsync<NotFoundException>(() => f.EnvoyerAsync("direction.b", new ExporterDonneesJeuneQuery(jeune)));
    }

    [Fact]
    [Trait("Rule", "RGPD-03")]
    [Trait("Rule", "RGPD-05")]
    public async Task RGPD_03_sans_contact_liste_a_la_direction_puis_anonymise_apres_preavis_RGPD_05_journal_purge()
    {
        var oublie = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil("Oublie", "Léon"))).JeuneId;
        var revenu = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil("Revenu", "Léon"))).JeuneId;
        var garde = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil("Garde", "Léon"))).JeuneId;
        var nouveau = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil("Nouveau", "Léon"))).JeuneId;
        await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(oublie, NatureEvenement.EntretienIndividuel, f.Clock.GetUtcNow().AddHours(-2), 30, "Parle de sa famille"));
        await f.EnvoyerAsync(C, new ConsulterDossierQuery(oublie));

        // Three years pass for three of them (their dossier and every contact moved back).
        await f.LireAsync(C, async db =>
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE jeunes SET cree_le = cree_le - interval '3 years' WHERE id IN ({oublie}, {revenu}, {garde})");
            return await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE evenements SET date = date - interval '3 years' WHERE jeune_id IN ({oublie}, {revenu}, {garde})");
        });
        var version = (await f.EnvoyerAsync(C, new ConsulterDossierQuery(garde))).Version;
        await f.EnvoyerAsync("direction.a", new ReporterAnonymisationCommand(garde, version, new DateOnly(2027, 3, 10), "Contentieux en cours"));

        var horloge = new FakeTimeProvider(f.Clock.GetUtcNow());
        var r1 = await f.LireAsync("direction.a", db => Conservation.ExecuterAsync(db, horloge, CancellationToken.None));
        Assert.True(r1.Prevus >= 2);
        Assert.Equal(0, r1.Anonymises);
        var liste = await f.EnvoyerAsync("direction.a", new ListerDossiersAAnonymiserQuery());
        Assert.Contains(liste, l => l.JeuneId == oublie && l.PrevueLe == new DateOnly(2026, 4, 9));
        Assert.Contains(liste, l => l.JeuneId == revenu);
        Assert.DoesNotContain(liste, l => l.JeuneId == garde || l.JeuneId == nouveau);
        await Assert.ThrowsAsync<ForbiddenException>(() => f.EnvoyerAsync(C, new ListerDossiersAAnonymiserQuery()));

        // During the notice, one comes back: he leaves the list. A read of the log older than a year is due for purge.
        await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(revenu, NatureEvenement.EntretienIndividuel, f.Clock.GetUtcNow(), 30, null));
        await f.LireAsync(C, async db =>
        {
            db.Consultations.Add(new ConsultationDossier(f.StructureA, nouveau, f.Clock.GetUtcNow().AddMonths(-13), f.Comptes[C].Id, C, "Ancienne lecture"));
            return await db.SaveChangesAsync();
        });

        horloge.Advance(TimeSpan.FromDays(31));
        var r2 = await f.LireAsync("direction.a", db => Conservation.ExecuterAsync(db, horloge, CancellationToken.None));
        Assert.True(r2.Anonymises >= 1);
        Assert.True(r2.Retires >= 1);
        Assert.True(r2.JournauxPurges >= 1);

        var j = await f.LireAsync(C, db => db.Jeunes.Include(x => x.Adresses).SingleAsync(x => x.Id == oublie));
        Assert.Equal(("ANONYME", "Anonyme", 1, 1), (j.NomUsage, j.Prenom, j.DateNaissance.Month, j.DateNaissance.Day));
        Assert.Null(j.Email);
        Assert.NotNull(j.AnonymiseLe);
        Assert.Equal("Adresse effacée", j.Adresses.Single().Voie);
        Assert.Equal("35238", j.Adresses.Single().CommuneInsee);
        Assert.Null(await f.LireAsync(C, db => db.Evenements.Where(e => e.JeuneId == oublie).Select(e => e.Commentaire).FirstAsync()));
        Assert.False(await f.LireAsync(C, db => db.Consultations.AnyAsync(c => c.JeuneId == oublie)));
        Assert.False(await f.LireAsync(C, db => db.Historique.AnyAsync(h => h.JeuneId == oublie && h.NouvelleValeur != null && h.Champ != "Anonymisation (RGPD-03)")));
        Assert.False(await f.LireAsync(C, db => db.Consultations.AnyAsync(c => c.Objet == "Ancienne lecture")));
        Assert.Null(await f.LireAsync(C, db => db.Jeunes.Where(x => x.Id == revenu).Select(x => x.AnonymiseLe).SingleAsync()));
        Assert.Null(await f.LireAsync(C, db => db.Jeunes.Where(x => x.Id == garde).Select(x => x.AnonymiseLe).SingleAsync()));

        // Rerun: nothing left to do for these (resumable, idempotent).
        var r3 = await f.LireAsync("direction.a", db => Conservation.ExecuterAsync(db, horloge, CancellationToken.None));
        Assert.Equal(0, r3.Anonymises);
    }
}
