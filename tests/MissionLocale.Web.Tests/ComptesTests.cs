using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionLocale.Infrastructure.Messages;
using MissionLocale.Infrastructure.Persistence;

namespace MissionLocale.Web.Tests;

/// <summary>Issue 10: a locked account is unlocked by an administrator, who can also force a password reset by e-mail link.</summary>
public sealed partial class ComptesTests(WebFixture f) : IClassFixture<WebFixture>
{
    private const string NouveauMotDePasse = "Une phrase de passe de 2026 !";

    private async Task<Guid> IdAsync(string login)
    {
        await using var scope = f.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.IgnoreQueryFilters().Where(u => u.UserName == login).Select(u => u.Id).SingleAsync();
    }

    private async Task<HttpStatusCode> JetonAsync(string login, string motDePasse) =>
        (await f.Client().PostAsJsonAsync("/api/v1/auth/token", new { login, password = motDePasse })).StatusCode;

    private static Task<HttpResponseMessage> ActionAsync(HttpClient admin, string handler, Guid id) =>
        WebFixture.PosterFormulaireAsync(admin, "/Administration/Comptes", $"/Administration/Comptes?handler={handler}&id={id}", []);

    [Fact]
    public async Task Compte_verrouille_deverrouille_par_l_administrateur()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await JetonAsync("so.debout", "mauvais mot de passe"));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await JetonAsync("so.debout", WebFixture.MotDePasse)); // locked for 15 minutes

        var admin = await f.ConnecterAsync("a.bernard");
        var page = await admin.GetStringAsync("/Administration/Comptes");
        Assert.Matches("Verrouillé jusqu'à \\d{2}h\\d{2}", page);
        Assert.Equal(HttpStatusCode.Redirect, (await ActionAsync(admin, "Deverrouiller", await IdAsync("so.debout"))).StatusCode);
        Assert.Contains("Compte déverrouillé", await admin.GetStringAsync("/Administration/Comptes"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await JetonAsync("so.debout", WebFixture.MotDePasse));
    }

    [Fact]
    public async Task Reinitialisation_forcee_lien_par_email_a_usage_unique_et_sessions_fermees()
    {
        var session = await f.ConnecterAsync("v.morel");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);

        var admin = await f.ConnecterAsync("a.bernard");
        Assert.Equal(HttpStatusCode.Redirect, (await ActionAsync(admin, "Reinitialiser", await IdAsync("v.morel"))).StatusCode);
        Assert.Contains("un lien pour en choisir un nouveau a été envoyé à v.morel@", await admin.GetStringAsync("/Administration/Comptes"), StringComparison.Ordinal);

        // The old password stops working, the open session ends.
        Assert.Equal(HttpStatusCode.Unauthorized, await JetonAsync("v.morel", WebFixture.MotDePasse));
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/")).StatusCode);

        var journal = f.Services.GetRequiredService<JournalEnvois>();
        var message = Assert.Single(journal.Envoyes, e => e.Destinataire.StartsWith("v.morel@", StringComparison.Ordinal));
        var lien = Lien().Match(message.Texte).Value;
        Assert.StartsWith("http", lien, StringComparison.Ordinal);
        var chemin = new Uri(lien).PathAndQuery;

        // Every error at once, in French; nothing changes.
        var client = f.Client();
        var court = await WebFixture.PosterFormulaireAsync(client, chemin, chemin, new() { ["MotDePasse"] = "court", ["Confirmation"] = "autre" });
        var html = await court.Content.ReadAsStringAsync();
        Assert.Contains("au moins 12 caractères", html, StringComparison.Ordinal);
        Assert.Contains("ne reprend pas le mot de passe", html, StringComparison.Ordinal);
        var vide = await (await WebFixture.PosterFormulaireAsync(client, chemin, chemin, [])).Content.ReadAsStringAsync();
        Assert.Contains("Le mot de passe est obligatoire", vide, StringComparison.Ordinal);

        var ok = await WebFixture.PosterFormulaireAsync(client, chemin, chemin, new() { ["MotDePasse"] = NouveauMotDePasse, ["Confirmation"] = NouveauMotDePasse });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await JetonAsync("v.morel", NouveauMotDePasse));

        // Single use.
        var encore = await WebFixture.PosterFormulaireAsync(client, chemin, chemin, new() { ["MotDePasse"] = NouveauMotDePasse + "2", ["Confirmation"] = NouveauMotDePasse + "2" });
        Assert.Contains("n&#x27;est plus valable", await encore.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_compte_d_une_autre_Mission_Locale_est_introuvable_et_la_page_reservee_aux_administrateurs()
    {
        var admin = await f.ConnecterAsync("a.bernard");
        Assert.Equal(HttpStatusCode.NotFound, (await ActionAsync(admin, "Reinitialiser", await IdAsync("c.roux"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await JetonAsync("c.roux", WebFixture.MotDePasse));
        Assert.DoesNotContain("c.roux", await admin.GetStringAsync("/Administration/Comptes"), StringComparison.Ordinal);

        // Profile labels follow the person's civilité.
        var liste = await admin.GetStringAsync("/Administration/Comptes");
        Assert.Matches("Sophie Debout</td>\\s*<td>so.debout</td>\\s*<td>Conseillère</td>", liste);
        Assert.Matches("Sylvain Debout</td>\\s*<td>s.debout</td>\\s*<td>Conseiller</td>", liste);
        Assert.Contains("Alice Bernard · Administratrice", await admin.GetStringAsync("/"), StringComparison.Ordinal);

        var conseiller = await f.ConnecterAsync("s.debout");
        Assert.Equal(HttpStatusCode.Forbidden, (await conseiller.GetAsync("/Administration/Comptes")).StatusCode);
    }

    [Fact]
    [Trait("Rule", "USR-01")]
    public async Task USR_01_sans_adresse_e_mail_pas_de_lien_de_reinitialisation_et_rien_ne_change()
    {
        await using (var scope = f.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<MissionLocale.Infrastructure.Identity.ApplicationUser>>();
            var garnier = (await users.FindByNameAsync("d.garnier"))!;
            await users.SetEmailAsync(garnier, null);
        }

        var admin = await f.ConnecterAsync("a.bernard");
        var reponse = await ActionAsync(admin, "Reinitialiser", await IdAsync("d.garnier"));
        var html = await reponse.Content.ReadAsStringAsync();
        Assert.Contains("n&#x27;a pas d&#x27;adresse e-mail", html, StringComparison.Ordinal);
        Assert.Contains("réf. USR-01", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await JetonAsync("d.garnier", WebFixture.MotDePasse)); // the password still works
    }

    [GeneratedRegex("https?://\\S+")]
    private static partial Regex Lien();
}
