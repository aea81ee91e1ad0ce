using Masterplan.Documents;
using Masterplan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>An indicator with its values, status and chart, as <c>_Indicator.cshtml</c> shows it.</summary>
public sealed record IndicatorView(Indicator Indicator, IReadOnlyList<IndicatorValue> Values, IndicatorAssessment Assessment)
{
    /// <summary>The server-rendered chart (SVG with title and description for screen readers; no script), its labels in the reader's language.</summary>
    public string ChartSvg() => LineChart.RenderSvg(Indicators.Series(Indicator, Values), language: Language);

    public string ChartDescription() => LineChart.Describe(Indicators.Series(Indicator, Values), Language);

    private static string Language => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>The indicators that match, with all their values; public ones only unless <paramref name="includeNonPublic"/>.</summary>
    public static async Task<List<IndicatorView>> LoadAsync(AppDbContext db, IQueryable<Indicator> query, bool includeNonPublic, CancellationToken ct)
    {
        var list = await query.Where(i => i.IsPublic || includeNonPublic).AsNoTracking().Include(i => i.Values).OrderBy(i => i.Name).AsSplitQuery().ToListAsync(ct);
        return list.Select(i => new IndicatorView(i, i.Values.OrderBy(v => v.Date).ToList(), Indicators.Assess(i, i.Values))).ToList();
    }
}
