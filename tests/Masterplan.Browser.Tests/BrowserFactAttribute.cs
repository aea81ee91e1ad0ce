namespace Masterplan.Browser.Tests;

/// <summary>
/// A test in real headless Chromium (Debian's /usr/bin/chromium, never a downloaded browser).
/// Without Chromium the test is skipped with one clear line; in CI (CI=true) it runs and fails instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"No Chromium at {ChromiumPath}: install it with 'apt-get install chromium' to run the browser and accessibility tests.";
        }
    }
}
