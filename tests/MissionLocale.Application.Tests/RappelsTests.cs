using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionLocale.Application.Jeunes.ConsulterDossier;
using MissionLocale.Application.Jeunes.ModifierContacts;
using MissionLocale.Application.RendezVous.PlanifierRendezVous;
using MissionLocale.Domain.Messages;

namespace MissionLocale.Application.Tests;

[Trait("Rule", "RDV-01")]
public sealed class RappelsTests : IClassFixture<AppFixture>
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private readonly AppFixture f;

    public RappelsTests(AppFixture fixture)
    {
        f = fixture;
        f.Clock.SetLocalTimeZone(Paris);
    }

    private async Task<(int Prepares, int Envoyes)> TournerAsync()
    {
        await using var scope = f.Services.CreateAsyncScope();
        var rappels = scope.ServiceProvider.GetRequiredService<MissionLocale.Application.Rappels.Rappels>();
        return (await rappels.PreparerAsync(CancellationToken.None), await rappels.EnvoyerAsync(CancellationToken.None));
    }

    /// <summary>Moves the clock to the next day at the given Paris time.</summary>
    private void AllerA(int heure, int minute, int jours = 1)
    {
        var local = TimeZoneInfo.ConvertTime(f.Clock.GetUtcNow(), Paris);
        var cible = new DateTime(local.Year, local.Month, local.Day, heure, minute, 0).AddDays(jours);
        f.Clock.SetUtcNow(new DateTimeOffset(cible, Paris.GetUtcOffset(cible)).ToUniversalTime());
    }

    private async Task<Guid> RdvDemainAsync(string nom, bool mobileJoignable = true)
    {
        var jeune = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil(nom, "Léo") with { MobileJoignable = mobileJoignable, Email = $"{nom.ToLowerInvariant()}@exemple.fr" })).JeuneId;
        var local = TimeZoneInfo.ConvertTime(f.Clock.GetUtcNow(), Paris).Date.AddDays(1).AddHours(14);
        await f.EnvoyerAsync("conseiller.a", new PlanifierRendezVousCommand
        {
            JeuneId = jeune,
            Objet = "Suivi",
            Debut = new DateTimeOffset(local, Paris.GetUtcOffset(local)),
            DureeMinutes = 30,
            ConfirmerChevauchement = true,
        });
        return jeune;
    }

    private Task<List<MessageSortant>> MessagesAsync(Guid jeune) =>
        f.LireAsync("conseiller.a", db => db.MessagesSortants.Where(m => m.JeuneId == jeune).ToListAsync());

    [Fact]
    public async Task Rappel_la_veille_a_11h_par_email_et_SMS_une_seule_fois()
    {
        AllerA(9, 0);
        var jeune = await RdvDemainAsync("Rappelunefois");
        AllerA(10, 30, jours: 0);
        await TournerAsync();
        Assert.Empty(await MessagesAsync(jeune));

        AllerA(11, 2, jours: 0);
        await TournerAsync();
        var messages = await MessagesAsync(jeune);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(StatutMessage.Envoye, m.Statut));
        Assert.Single(f.Envois.Envoyes, e => e.Canal == "Sms" && e.Texte.Contains("14h00", StringComparison.Ordinal) && e.Destinataire == "06 12 34 56 78");
        Assert.Single(f.Envois.Envoyes, e => e.Canal == "Email" && e.Destinataire == "rappelunefois@exemple.fr");

        // The job runs again (every few minutes, or on another node): nothing is sent twice.
        f.Clock.Advance(TimeSpan.FromMinutes(5));
        await TournerAsync();
        await TournerAsync();
        Assert.Equal(2, (await MessagesAsync(jeune)).Count);
        Assert.Equal(2, f.Envois.Envoyes.Count(e => e.Destinataire is "06 12 34 56 78" or "rappelunefois@exemple.fr" && e.Texte.Contains("14h00", StringComparison.Ordinal)));
    }

    [Fact]
    [Trait("Rule", "JEU-05")]
    public async Task JEU_05_jamais_de_SMS_a_un_numero_non_joignable()
    {
        AllerA(9, 0);
        var jeune = await RdvDemainAsync("Nonjoignable", mobileJoignable: false);
        AllerA(11, 5, jours: 0);
        await TournerAsync();
        var messages = await MessagesAsync(jeune);
        Assert.Equal(Canal.Email, Assert.Single(messages).Canal);
    }

    [Fact]
    [Trait("Rule", "JEU-05")]
    public async Task Devenu_non_joignable_apres_la_preparation_le_SMS_est_abandonne()
    {
        AllerA(9, 0);
        var jeune = await RdvDemainAsync("Devenunonjoignable");
        AllerA(11, 5, jours: 0);
        await using (var scope = f.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MissionLocale.Application.Rappels.Rappels>().PreparerAsync(CancellationToken.None);
        }

        var v = (await f.EnvoyerAsync("conseiller.a", new ConsulterDossierQuery(jeune))).Version;
        await f.EnvoyerAsync("conseiller.a", new ModifierContactsCommand { JeuneId = jeune, Version = v, TelephoneMobile = "06 12 34 56 78", MobileJoignable = false, Email = "devenunonjoignable@exemple.fr" });
        await TournerAsync();
        var sms = Assert.Single(await MessagesAsync(jeune), m => m.Canal == Canal.Sms);
        Assert.Equal(StatutMessage.Abandonne, sms.Statut);
        Assert.Contains("JEU-05", sms.DerniereErreur, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Echec_passager_reessaye_plus_tard_puis_envoye()
    {
        AllerA(9, 0);
        var jeune = await RdvDemainAsync("Reessai");
        AllerA(11, 5, jours: 0);
        f.Envois.EchecsAProvoquer = 2;
        await TournerAsync();
        var messages = await MessagesAsync(jeune);
        Assert.All(messages, m => Assert.Equal(StatutMessage.EnAttente, m.Statut));
        Assert.All(messages, m => Assert.Equal(1, m.Tentatives));
        Assert.All(messages, m => Assert.Contains("503", m.DerniereErreur, StringComparison.Ordinal));

        // Not due yet: nothing is sent.
        Assert.Equal(0, (await TournerAsync()).Envoyes);
        f.Clock.Advance(TimeSpan.FromMinutes(11));
        await TournerAsync();
        messages = await MessagesAsync(jeune);
        Assert.All(messages, m => Assert.Equal(StatutMessage.Envoye, m.Statut));
        Assert.All(messages, m => Assert.Equal(2, m.Tentatives));
    }
}
