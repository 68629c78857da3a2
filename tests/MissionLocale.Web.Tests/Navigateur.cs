using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MissionLocale.Web.Tests;

/// <summary>Debian's Chromium driven by Playwright (nothing downloaded), and the axe-core check of a page.</summary>
public abstract class NavigateurTest : IAsyncLifetime
{
    private IPlaywright? playwright;

    protected IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("MISSIONLOCALE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>No serious or critical axe-core violation on the page as it is now.</summary>
    protected static async Task SansViolationGraveAsync(IPage page)
    {
        var resultat = await page.RunAxe();
        var graves = resultat.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}) sur {page.Url}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(graves.Count == 0, string.Join(Environment.NewLine, graves));
    }
}
