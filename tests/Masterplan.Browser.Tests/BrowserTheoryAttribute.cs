namespace Masterplan.Browser.Tests;

/// <summary>A <see cref="BrowserFactAttribute"/> with data: each case runs in real headless Chromium or is skipped alike.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!File.Exists(BrowserFactAttribute.ChromiumPath) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"No Chromium at {BrowserFactAttribute.ChromiumPath}: install it with 'apt-get install chromium' to run the browser and accessibility tests.";
        }
    }
}
