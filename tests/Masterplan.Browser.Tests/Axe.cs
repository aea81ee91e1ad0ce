using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Masterplan.Browser.Tests;

/// <summary>
/// axe-core on a page against WCAG 2.1 A and AA (BITV 2.0): the one rule set and report line of every browser test. The
/// line "axe {locale} {page}: N violations" is what <c>./test</c> counts as a checked page.
/// </summary>
public static class Axe
{
    public static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Checks the page as it is now, reports it, and adds each violation (rule, help, the first nodes) to <paramref name="failures"/>.</summary>
    public static async Task CheckAsync(IPage page, string what, List<string> failures, ITestOutputHelper output)
    {
        var result = await page.RunAxe(WcagAA);
        var locale = await page.EvaluateAsync<string>("() => navigator.language");
        output.WriteLine($"axe {locale} {what}: {result.Violations.Length} violations, {result.Passes.Length} rules passed");
        failures.AddRange(result.Violations.Select(v => $"{what}: {v.Id} {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
    }
}
