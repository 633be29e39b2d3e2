using Microsoft.Playwright;
using Xunit;

namespace Personalization.Testing;

/// <summary>One real headless Chromium (Debian's <c>chromium</c>, which scripts/test.sh installs), driven through
/// Playwright; its own browser download is not used (no internet here). Each test opens its own context.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing: scripts/test.sh installs it (apt-get install -y chromium).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh page in a fresh context (no cookies shared between tests).</summary>
    public async Task<IPage> NewPageAsync() => await (await Browser.NewContextAsync()).NewPageAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
