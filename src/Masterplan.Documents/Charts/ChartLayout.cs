namespace Masterplan.Documents;

/// <summary>The geometry of a line chart in CSS pixels, shared by the SVG and the PNG output so that both
/// show the same picture.</summary>
internal sealed class ChartLayout
{
    public const double FontSize = 12;
    public const double TitleSize = 14;

    public required double Width { get; init; }
    public required double Height { get; init; }
    public required string Title { get; init; }
    public required (double Left, double Top, double Right, double Bottom) Plot { get; init; }
    public required IReadOnlyList<(double Y, string Label)> YTicks { get; init; }
    public required IReadOnlyList<(double X, string Label)> XTicks { get; init; }
    public required IReadOnlyList<(double X, double Y)> Points { get; init; }
    public string? LastLabel { get; init; }
    public (double Y, double X, string Label)? Target { get; init; }
    public (double X, double Y, string Label)? Baseline { get; init; }
    public string? EmptyMessage { get; init; }

    public static ChartLayout Create(KpiSeries series, double width, double height, ChartFormat? format = null)
    {
        var f = format ?? ChartFormat.German;
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 200);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 120);
        var values = series.Sorted();
        var plot = (Left: 64.0, Top: 44.0, Right: width - 24, Bottom: height - 36);

        var dates = values.Select(v => v.Date).ToList();
        var numbers = values.Select(v => v.Value).ToList();
        if (series.Target is { } t)
        {
            dates.Add(t.Date);
            numbers.Add(t.Value);
        }
        if (series.Baseline is { } b)
        {
            dates.Add(b.Date);
            numbers.Add(b.Value);
        }

        var (yMin, yMax, yStep) = NiceRange(numbers);
        var (xMin, xMax) = DateRange(dates);
        double X(DateOnly d) => plot.Left + (d.DayNumber - xMin.DayNumber) / (double)(xMax.DayNumber - xMin.DayNumber) * (plot.Right - plot.Left);
        double Y(double v) => plot.Bottom - (v - yMin) / (yMax - yMin) * (plot.Bottom - plot.Top);

        var yTicks = new List<(double, string)>();
        for (var v = yMin; v <= yMax + yStep / 2; v += yStep)
            yTicks.Add((Y(v), f.Number(v)));

        var points = values.Select(v => (X(v.Date), Y(v.Value))).ToList();
        return new ChartLayout
        {
            Width = width,
            Height = height,
            Title = series.Title,
            Plot = plot,
            YTicks = yTicks,
            XTicks = DateTicks(xMin, xMax, plot.Right - plot.Left, f).Select(d => (X(d.Date), d.Label)).ToList(),
            Points = points,
            LastLabel = values.Count > 0 ? f.Number(values[^1].Value, series.Unit) : null,
            Target = series.Target is { } target
                ? (Y(target.Value), X(target.Date), ChartFormat.Fill(f.Target, f.Number(target.Value, series.Unit), f.Month(target.Date)))
                : null,
            Baseline = series.Baseline is { } baseline
                ? (X(baseline.Date), Y(baseline.Value), f.Baseline)
                : null,
            EmptyMessage = values.Count == 0 ? f.Empty : null,
        };
    }

    /// <summary>A value range with "nice" steps (1, 2, 2.5, 5 × 10^n); it starts at zero when the data are not far from it.</summary>
    static (double Min, double Max, double Step) NiceRange(List<double> numbers)
    {
        if (numbers.Count == 0)
            return (0, 1, 0.25);
        var min = numbers.Min();
        var max = numbers.Max();
        if (min >= 0 && min <= max * 0.5)
            min = 0;
        if (max <= 0 && max >= min * 0.5)
            max = 0;
        if (max - min < 1e-9)
        {
            var pad = Math.Abs(max) > 0 ? Math.Abs(max) * 0.1 : 1;
            min -= pad;
            max += pad;
        }
        var rough = (max - min) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= rough);
        return (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }

    static (DateOnly Min, DateOnly Max) DateRange(List<DateOnly> dates)
    {
        if (dates.Count == 0)
        {
            var year = new DateOnly(2000, 1, 1);
            return (year, year.AddYears(1));
        }
        var min = dates.Min();
        var max = dates.Max();
        if (max.DayNumber - min.DayNumber < 60)
        {
            min = min.AddMonths(-1);
            max = max.AddMonths(1);
        }
        return (min, max);
    }

    /// <summary>Ticks at the start of years, or of months for short spans, thinned so that the labels do not overlap.</summary>
    static IEnumerable<(DateOnly Date, string Label)> DateTicks(DateOnly min, DateOnly max, double plotWidth, ChartFormat format)
    {
        var maxTicks = Math.Max(2, (int)(plotWidth / 72));
        var spanMonths = (max.Year - min.Year) * 12 + max.Month - min.Month;
        if (spanMonths >= 24)
        {
            var first = min.Month == 1 && min.Day == 1 ? min.Year : min.Year + 1;
            var count = max.Year - first + 1;
            var step = Math.Max(1, (int)Math.Ceiling(count / (double)maxTicks));
            for (var y = first; y <= max.Year; y += step)
                yield return (new DateOnly(y, 1, 1), y.ToString(System.Globalization.CultureInfo.InvariantCulture));
            yield break;
        }
        var start = min.Day == 1 ? min : new DateOnly(min.Year, min.Month, 1).AddMonths(1);
        var months = (max.Year - start.Year) * 12 + max.Month - start.Month + 1;
        var monthStep = new[] { 1, 2, 3, 6, 12 }.FirstOrDefault(s => months / s <= maxTicks, 12);
        for (var d = start; d <= max; d = d.AddMonths(monthStep))
            yield return (d, format.Month(d));
    }
}
