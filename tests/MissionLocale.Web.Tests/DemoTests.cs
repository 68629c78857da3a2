using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionLocale.Infrastructure.Persistence;

namespace MissionLocale.Web.Tests;

public sealed class DemoFixture : WebFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Jeunes", "40");
    }
}

/// <summary>Issue 10: the demo shows the product on the first morning, made through the use cases.</summary>
public sealed class DemoTests(DemoFixture f) : IClassFixture<DemoFixture>
{
    [Fact]
    public async Task Catalogue_rendez_vous_du_jour_PACEA_parrainage_et_CEJ_justifies()
    {
        await using var scope = f.Services.CreateAsyncScope();
        var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), new SystemUser(), TimeProvider.System);
        var rennes = await db.Structures.Where(s => s.Code == "ML35-RENNES").Select(s => s.Id).SingleAsync();
        var debout = await db.Users.IgnoreQueryFilters().Where(u => u.UserName == "s.debout").Select(u => u.Id).SingleAsync();

        var offres = await db.Offres.IgnoreQueryFilters().Where(o => o.StructureId == rennes).Include(o => o.Sessions).ToListAsync();
        Assert.Equal(4, offres.Count);
        Assert.All(offres, o => Assert.Equal(3, o.Sessions.Count));

        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var jour = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).Date;
        var rdvDuJour = await db.RendezVous.IgnoreQueryFilters().Where(r => r.StructureId == rennes && r.IntervenantId == debout).ToListAsync();
        Assert.Contains(rdvDuJour, r => TimeZoneInfo.ConvertTime(r.Debut, paris).Date == jour);

        var dispositifs = await db.Dispositifs.IgnoreQueryFilters().Where(d => d.StructureId == rennes && d.DateFinReelle == null).Select(d => new { d.TypeCode, d.JeuneId }).ToListAsync();
        Assert.Contains(dispositifs, d => d.TypeCode == "PACEA");
        Assert.Contains(dispositifs, d => d.TypeCode == "PARR");
        var cej = dispositifs.Where(d => d.TypeCode == "CEJ").Select(d => d.JeuneId).ToList();
        Assert.Equal(3, cej.Count);
        Assert.All(await db.Jeunes.IgnoreQueryFilters().Where(j => cej.Contains(j.Id)).ToListAsync(), j => Assert.True(j.Justifie));
    }
}

/// <summary>Issue 10: the monthly resources table names its columns after the jeune's dispositif.</summary>
public sealed class ColonnesRessourcesTests(WebFixture f) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task Pour_un_CEJ_pas_de_colonne_du_plafond_PACEA()
    {
        Guid jeune;
        await using (var scope = f.Services.CreateAsyncScope())
        {
            var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), new SystemUser(), TimeProvider.System);
            var avecCej = db.Dispositifs.IgnoreQueryFilters().Where(d => d.TypeCode == "CEJ").Select(d => d.JeuneId);
            var avecPacea = db.Dispositifs.IgnoreQueryFilters().Where(d => d.TypeCode == "PACEA").Select(d => d.JeuneId);
            jeune = await db.DeclarationsRessources.IgnoreQueryFilters()
                .Where(r => avecCej.Contains(r.JeuneId) && !avecPacea.Contains(r.JeuneId) && r.StructureId == db.Structures.Where(s => s.Code == "ML35-RENNES").Select(s => s.Id).First())
                .Select(r => r.JeuneId).FirstAsync();
        }

        var html = await (await f.ConnecterAsync("s.debout")).GetStringAsync($"/Jeunes/Dossier/{jeune}/allocations");
        Assert.Contains("Total retenu", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Allocation PACEA du mois suivant", html, StringComparison.Ordinal);
        Assert.DoesNotContain("au-dessus du plafond", html, StringComparison.Ordinal);
    }
}
