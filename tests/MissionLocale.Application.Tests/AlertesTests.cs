using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.CloreDispositif;
using MissionLocale.Application.Dispositifs.OuvrirDispositif;
using MissionLocale.Application.Evenements.EnregistrerEvenement;
using MissionLocale.Application.Jeunes.ConsulterDossier;
using MissionLocale.Application.Jeunes.ModifierComplements;
using MissionLocale.Application.Jeunes.ModifierReferent;
using MissionLocale.Application.Pilotage.ConsulterAlertes;
using MissionLocale.Application.Situations.EnregistrerSituation;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Situations;

namespace MissionLocale.Application.Tests;

/// <summary>The portal's alerts (first part of PIL-01), at their boundaries; the clock is 2026-03-10 (UTC zone).</summary>
public sealed class AlertesTests(AppFixture f) : IClassFixture<AppFixture>
{
    private const string C = "conseiller.a";

    private static DateTimeOffset Le(int annee, int mois, int jour, int heure = 10) => new(annee, mois, jour, heure, 0, 0, TimeSpan.Zero);

    private async Task<Guid> JeuneAsync(string nom, DateOnly? naissance = null, bool monPortefeuille = true)
    {
        var jeune = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil(nom, "Léa", naissance ?? new DateOnly(2004, 6, 1)))).JeuneId;
        var v = (await f.EnvoyerAsync(C, new ConsulterDossierQuery(jeune))).Version;
        v = (await f.EnvoyerAsync(C, new ModifierComplementsCommand { JeuneId = jeune, Version = v, InscritFranceTravail = true, IdentifiantFt = "7654321Y" })).Version;
        await f.EnvoyerAsync(C, new ModifierReferentCommand(jeune, v, monPortefeuille ? f.Comptes[C].Id : null, f.Comptes[C].AntenneId, null, SavoirsDeBase.Acquis));
        return jeune;
    }

    private async Task<IReadOnlyList<Guid>> DossiersAsync(string code, bool structure = false) =>
        (await f.EnvoyerAsync(C, new ListerJeunesAlerteQuery(code, structure))).Select(j => j.JeuneId).ToList();

    [Fact]
    [Trait("Rule", "CUR-04")]
    [Trait("Rule", "PIL-01")]
    public async Task PIL_01_formation_en_cours_sans_objectif_et_dossiers_sans_contact_depuis_un_an()
    {
        var sansObjectif = await JeuneAsync("Formationsansobjectif");
        var avecObjectif = await JeuneAsync("Formationavecobjectif");
        var finie = await JeuneAsync("Formationfinie");
        await f.EnvoyerAsync(C, new EnregistrerSituationCommand(sansObjectif, TypeSituation.Formation, new DateOnly(2026, 1, 5), new DateOnly(2026, 6, 30), Organisme: "AFPA"));
        await f.EnvoyerAsync(C, new EnregistrerSituationCommand(avecObjectif, TypeSituation.Formation, new DateOnly(2026, 1, 5), new DateOnly(2026, 6, 30), Organisme: "AFPA", ObjectifGeneral: "Certification"));
        await f.EnvoyerAsync(C, new EnregistrerSituationCommand(finie, TypeSituation.Formation, new DateOnly(2025, 1, 5), new DateOnly(2025, 6, 30), Organisme: "AFPA"));
        var formations = await DossiersAsync("formation-sans-objectif");
        Assert.Contains(sansObjectif, formations);
        Assert.DoesNotContain(avecObjectif, formations);
        Assert.DoesNotContain(finie, formations);

        // Dossiers opened 400 days ago: one not seen since its premier accueil, one seen 11 months ago, one seen 13 months ago; a new one is not concerned.
        var jamais = await JeuneAsync("Contactjamais");
        var recent = await JeuneAsync("Contactonzemois");
        var ancien = await JeuneAsync("Contacttreizemois");
        var nouveau = await JeuneAsync("Contactnouveau");
        await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(recent, NatureEvenement.EntretienIndividuel, Le(2025, 4, 10), 30, null));
        await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(ancien, NatureEvenement.EntretienIndividuel, Le(2025, 2, 10), 30, null));
        await f.LireAsync(C, db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE jeunes SET cree_le = cree_le - interval '400 days' WHERE id IN ({jamais}, {recent}, {ancien})"));

        // The premier accueil is a contact: it moves back with the dossier.
        await f.LireAsync(C, db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE evenements SET date = date - interval '400 days' WHERE jeune_id IN ({jamais}, {recent}, {ancien}) AND date >= {Le(2026, 3, 1)}"));
        var sansContact = await f.EnvoyerAsync(C, new ListerJeunesAlerteQuery("sans-contact-un-an"));
        Assert.Contains(sansContact, j => j.JeuneId == jamais && j.Detail == "Dernier contact le 03/02/2025");
        Assert.Contains(sansContact, j => j.JeuneId == ancien && j.Detail == "Dernier contact le 10/02/2025");
        Assert.DoesNotContain(sansContact, j => j.JeuneId == recent || j.JeuneId == nouveau);
    }

    [Fact]
    [Trait("Rule", "PACEA-07")]
    public async Task PACEA_07_vingt_six_ans_dans_les_30_jours_dans_un_PACEA_ou_CEJ_ouvert()
    {
        async Task<Guid> EnCejAsync(string nom, DateOnly naissance)
        {
            var j = await JeuneAsync(nom, naissance);
            var e = await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(j, NatureEvenement.EntretienIndividuel, Le(2026, 2, 1), 30, null));
            await f.EnvoyerAsync(C, new OuvrirDispositifCommand(j, "CEJ", new DateOnly(2026, 2, 1), new DateOnly(2026, 9, 1), e));
            return j;
        }

        var hier = await EnCejAsync("Anniversairehier", new DateOnly(2000, 3, 9)); // 26 since yesterday
        var aujourdhui = await EnCejAsync("Anniversaireaujourdhui", new DateOnly(2000, 3, 10));
        var trente = await EnCejAsync("Anniversairetrente", new DateOnly(2000, 4, 9)); // today + 30
        var trenteEtUn = await EnCejAsync("Anniversairetrenteun", new DateOnly(2000, 4, 10));
        var sansDispositif = await JeuneAsync("Anniversairesans", new DateOnly(2000, 3, 20));
        var liste = await DossiersAsync("anniversaire-26");
        Assert.Contains(aujourdhui, liste);
        Assert.Contains(trente, liste);
        Assert.DoesNotContain(hier, liste);
        Assert.DoesNotContain(trenteEtUn, liste);
        Assert.DoesNotContain(sansDispositif, liste);
    }

    [Fact]
    [Trait("Rule", "DIAG-01")]
    [Trait("Rule", "CEJ-02")]
    public async Task DIAG_01_diagnostic_de_plus_d_un_mois_et_CEJ_02_sous_15_heures_comptes_mes_jeunes_et_structure()
    {
        async Task<Guid> DiagAsync(string nom, DateOnly debut, bool mien)
        {
            var j = await JeuneAsync(nom, monPortefeuille: mien);
            var e = await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(j, NatureEvenement.EntretienIndividuel, Le(debut.Year, debut.Month, debut.Day), 30, null));
            await f.EnvoyerAsync(C, new OuvrirDispositifCommand(j, "DIAG", debut, debut.AddDays(20), e));
            return j;
        }

        var plusDunMois = await DiagAsync("Diagvieux", new DateOnly(2026, 2, 9), true);
        var unMois = await DiagAsync("Diagmois", new DateOnly(2026, 2, 10), true);
        var autre = await DiagAsync("Diagautre", new DateOnly(2026, 1, 5), false);
        var liste = await DossiersAsync("diag-plus-un-mois");
        Assert.Contains(plusDunMois, liste);
        Assert.DoesNotContain(unMois, liste);
        Assert.DoesNotContain(autre, liste);
        Assert.Contains(autre, await DossiersAsync("diag-plus-un-mois", structure: true));

        var cej = await JeuneAsync("Cejvide");
        var ec = await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(cej, NatureEvenement.EntretienIndividuel, Le(2026, 2, 2), 60, null));
        await f.EnvoyerAsync(C, new OuvrirDispositifCommand(cej, "CEJ", new DateOnly(2026, 2, 2), new DateOnly(2026, 9, 1), ec));
        Assert.Contains(cej, await DossiersAsync("cej-sous-seuil"));

        var alertes = await f.EnvoyerAsync(C, new ConsulterAlertesQuery());
        var diag = alertes.Single(a => a.Code == "diag-plus-un-mois");
        Assert.Equal("DIAG-01", diag.RuleId);
        Assert.Equal(diag.MesJeunes + 1, diag.Structure);
        Assert.True(alertes.Single(a => a.Code == "cej-sous-seuil").MesJeunes >= 1);
        await Assert.ThrowsAsync<NotFoundException>(() => f.EnvoyerAsync(C, new ListerJeunesAlerteQuery("inconnue")));
    }
}

/// <summary>PACEA-08's alerts move the clock forward: a class of their own, so the other alerts keep 2026-03-10.</summary>
public sealed class AlertesPaceaTests(AppFixture f) : IClassFixture<AppFixture>
{
    private const string C = "conseiller.a";

    private static DateTimeOffset Le(int annee, int mois, int jour, int heure = 10) => new(annee, mois, jour, heure, 0, 0, TimeSpan.Zero);

    /// <summary>A PACEA opened today (2026-03-10) after a diagnostic closed the day before; every contact is today.</summary>
    private async Task<Guid> PaceaAsync(string nom)
    {
        var jeune = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil(nom, "Léa", new DateOnly(2004, 6, 1)))).JeuneId;
        var v = (await f.EnvoyerAsync(C, new ConsulterDossierQuery(jeune))).Version;
        v = (await f.EnvoyerAsync(C, new ModifierComplementsCommand { JeuneId = jeune, Version = v, InscritFranceTravail = true, IdentifiantFt = "7654321Y" })).Version;
        await f.EnvoyerAsync(C, new ModifierReferentCommand(jeune, v, f.Comptes[C].Id, f.Comptes[C].AntenneId, null, SavoirsDeBase.Acquis));
        var e = await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(jeune, NatureEvenement.EntretienIndividuel, Le(2026, 3, 10, 8), 30, null));
        var diag = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "DIAG", new DateOnly(2026, 2, 20), new DateOnly(2026, 3, 15), e));
        await f.EnvoyerAsync(C, new CloreDispositifCommand(diag, 0, new DateOnly(2026, 3, 9), "PACEA"));
        await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "PACEA", new DateOnly(2026, 3, 10), new DateOnly(2027, 3, 1), e));
        return jeune;
    }

    private async Task<IReadOnlyList<Guid>> DossiersAsync(string code) =>
        (await f.EnvoyerAsync(C, new ListerJeunesAlerteQuery(code))).Select(j => j.JeuneId).ToList();

    [Fact]
    [Trait("Rule", "PACEA-08")]
    public async Task PACEA_08_sans_contact_depuis_deux_mois_et_sans_entretien_ce_mois_ci()
    {
        var a = await PaceaAsync("Contactancien");
        var b = await PaceaAsync("Contactrecent");

        // Exactly two months after the last contact: no alert yet.
        f.Clock.SetUtcNow(Le(2026, 5, 10, 12));
        Assert.DoesNotContain(a, await DossiersAsync("pacea-sans-contact"));
        await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(b, NatureEvenement.Atelier, Le(2026, 3, 11), 60, null));
        await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(a, NatureEvenement.InterneAdministratif, Le(2026, 4, 2), 30, null)); // not a contact

        // The day after: A's last contact (10/03) is more than two months old, B's (11/03) is not.
        f.Clock.SetUtcNow(Le(2026, 5, 11, 12));
        var sansContact = await DossiersAsync("pacea-sans-contact");
        Assert.Contains(a, sansContact);
        Assert.DoesNotContain(b, sansContact);
        Assert.Equal("Dernier contact le 10/03/2026", (await f.EnvoyerAsync(C, new ListerJeunesAlerteQuery("pacea-sans-contact"))).Single(j => j.JeuneId == a).Detail);

        // No entretien individuel in May: both; an atelier does not count, an entretien on 30/04 23:00 neither; one on 01/05 00:00 does.
        Assert.Contains(b, await DossiersAsync("pacea-sans-entretien"));
        await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(b, NatureEvenement.Atelier, Le(2026, 5, 4), 60, null));
        await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(b, NatureEvenement.EntretienIndividuel, Le(2026, 4, 30, 23), 30, null));
        Assert.Contains(b, await DossiersAsync("pacea-sans-entretien"));
        await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(b, NatureEvenement.EntretienIndividuel, Le(2026, 5, 1, 0), 30, null));
        var sansEntretien = await DossiersAsync("pacea-sans-entretien");
        Assert.DoesNotContain(b, sansEntretien);
        Assert.Contains(a, sansEntretien);
        var compte = (await f.EnvoyerAsync(C, new ConsulterAlertesQuery())).Single(x => x.Code == "pacea-sans-entretien");
        Assert.Equal((1, 1), (compte.MesJeunes, compte.Structure));
    }
}
