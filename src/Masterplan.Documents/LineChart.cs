using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SkiaSharp;

namespace Masterplan.Documents;

/// <summary>Line charts of an indicator over time: SVG for web pages, PNG for PDF and Word, and a German text
/// alternative that says what the chart shows.</summary>
/// <remarks>
/// The chart draws the values as a line with points, the target as a dashed horizontal line labelled
/// "Ziel …", the baseline as a diamond labelled "Ausgangswert", and the last value as a label. Colours keep a
/// contrast of at least 4.5:1 to white; nothing is told by colour alone (the target is dashed and labelled).
/// </remarks>
public static class LineChart
{
    const string SeriesColour = "#1F5FA8";
    const string TargetColour = "#A3460F";
    const string AxisColour = "#595959";
    const string GridColour = "#D9D9D9";
    const string InkColour = "#1A1A1A";

    static readonly Lazy<SKTypeface> Regular = new(() => Typeface(bold: false));
    static readonly Lazy<SKTypeface> Bold = new(() => Typeface(bold: true));

    /// <summary>Renders the chart as a standalone SVG element (no script), with role="img", a &lt;title&gt; and a
    /// &lt;desc&gt; carrying <see cref="Describe"/>'s text.</summary>
    /// <param name="series">The indicator's values, target and baseline.</param>
    /// <param name="width">The width in CSS pixels (at least 200).</param>
    /// <param name="height">The height in CSS pixels (at least 120).</param>
    /// <param name="language">"en" for English labels and text alternative, German otherwise.</param>
    public static string RenderSvg(KpiSeries series, int width = 640, int height = 320, string language = "de")
    {
        ArgumentNullException.ThrowIfNull(series);
        var layout = ChartLayout.Create(series, width, height, ChartFormat.For(language));
        var id = "kpi-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(series.Title + "|" + string.Join(';', series.Values))))[..10];
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="DejaVu Sans, Verdana, sans-serif" font-size="{ChartLayout.FontSize}">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{id}-title">{Escape(series.Title)}</title>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<desc id="{id}-desc">{Escape(Describe(series, language))}</desc>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect width="{width}" height="{height}" fill="#FFFFFF"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(layout.Plot.Left - 56)}" y="22" font-size="{ChartLayout.TitleSize}" font-weight="bold" fill="{InkColour}">{Escape(layout.Title)}</text>""");
        var (left, top, right, bottom) = layout.Plot;

        svg.Append("<g aria-hidden=\"true\">");
        foreach (var (y, label) in layout.YTicks)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(left)}" y1="{F(y)}" x2="{F(right)}" y2="{F(y)}" stroke="{GridColour}" stroke-width="1"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(left - 8)}" y="{F(y + 4)}" text-anchor="end" fill="{AxisColour}">{Escape(label)}</text>""");
        }
        foreach (var (x, label) in layout.XTicks)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(x)}" y1="{F(bottom)}" x2="{F(x)}" y2="{F(bottom + 5)}" stroke="{AxisColour}" stroke-width="1"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(x)}" y="{F(bottom + 20)}" text-anchor="middle" fill="{AxisColour}">{Escape(label)}</text>""");
        }
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(left)}" y1="{F(bottom)}" x2="{F(right)}" y2="{F(bottom)}" stroke="{AxisColour}" stroke-width="1.5"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(left)}" y1="{F(top)}" x2="{F(left)}" y2="{F(bottom)}" stroke="{AxisColour}" stroke-width="1.5"/>""");

        if (layout.Target is { } target)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(left)}" y1="{F(target.Y)}" x2="{F(right)}" y2="{F(target.Y)}" stroke="{TargetColour}" stroke-width="2" stroke-dasharray="8 5"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<circle cx="{F(target.X)}" cy="{F(target.Y)}" r="4" fill="#FFFFFF" stroke="{TargetColour}" stroke-width="2"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(right)}" y="{F(target.Y - 6)}" text-anchor="end" fill="{TargetColour}">{Escape(target.Label)}</text>""");
        }
        if (layout.Baseline is { } baseline)
        {
            var (bx, by) = (baseline.X, baseline.Y);
            svg.Append(CultureInfo.InvariantCulture, $"""<path d="M{F(bx)} {F(by - 6)}L{F(bx + 6)} {F(by)}L{F(bx)} {F(by + 6)}L{F(bx - 6)} {F(by)}Z" fill="{InkColour}"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(bx + 9)}" y="{F(by + 16)}" fill="{InkColour}">{Escape(baseline.Label)}</text>""");
        }
        if (layout.Points.Count > 1)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<polyline points="{string.Join(' ', layout.Points.Select(p => $"{F(p.X)},{F(p.Y)}"))}" fill="none" stroke="{SeriesColour}" stroke-width="2.5" stroke-linejoin="round"/>""");
        }
        foreach (var (x, y) in layout.Points)
            svg.Append(CultureInfo.InvariantCulture, $"""<circle cx="{F(x)}" cy="{F(y)}" r="3.5" fill="{SeriesColour}"/>""");
        if (layout.LastLabel is { } last && layout.Points.Count > 0)
        {
            var (lx, ly) = layout.Points[^1];
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(lx)}" y="{F(ly - 10)}" text-anchor="{(lx > right - 40 ? "end" : "middle")}" font-weight="bold" fill="{SeriesColour}">{Escape(last)}</text>""");
        }
        if (layout.EmptyMessage is { } empty)
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F((left + right) / 2)}" y="{F((top + bottom) / 2)}" text-anchor="middle" fill="{AxisColour}">{Escape(empty)}</text>""");
        svg.Append("</g></svg>");
        return svg.ToString();
    }

    /// <summary>Renders the chart as a PNG (white background) for PDF and Word documents.</summary>
    /// <param name="series">The indicator's values, target and baseline.</param>
    /// <param name="width">The width in CSS pixels (at least 200).</param>
    /// <param name="height">The height in CSS pixels (at least 120).</param>
    /// <param name="scale">Pixels per CSS pixel; 2 keeps lines and text sharp in print.</param>
    /// <exception cref="FileNotFoundException">The DejaVu font files are missing (package fonts-dejavu-core).</exception>
    public static byte[] RenderPng(KpiSeries series, int width = 640, int height = 320, float scale = 2)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 0.5f);
        var layout = ChartLayout.Create(series, width, height);
        var info = new SKImageInfo((int)Math.Ceiling(width * scale), (int)Math.Ceiling(height * scale), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(scale);
        using var paints = new Paints();
        using var font = new SKFont(Regular.Value, (float)ChartLayout.FontSize);
        using var boldFont = new SKFont(Bold.Value, (float)ChartLayout.FontSize);
        using var titleFont = new SKFont(Bold.Value, (float)ChartLayout.TitleSize);
        var (left, top, right, bottom) = layout.Plot;

        canvas.DrawText(layout.Title, (float)(left - 56), 22, SKTextAlign.Left, titleFont, paints.Fill(InkColour));
        foreach (var (y, label) in layout.YTicks)
        {
            canvas.DrawLine((float)left, (float)y, (float)right, (float)y, paints.Stroke(GridColour, 1));
            canvas.DrawText(label, (float)(left - 8), (float)(y + 4), SKTextAlign.Right, font, paints.Fill(AxisColour));
        }
        foreach (var (x, label) in layout.XTicks)
        {
            canvas.DrawLine((float)x, (float)bottom, (float)x, (float)(bottom + 5), paints.Stroke(AxisColour, 1));
            canvas.DrawText(label, (float)x, (float)(bottom + 20), SKTextAlign.Center, font, paints.Fill(AxisColour));
        }
        canvas.DrawLine((float)left, (float)bottom, (float)right, (float)bottom, paints.Stroke(AxisColour, 1.5f));
        canvas.DrawLine((float)left, (float)top, (float)left, (float)bottom, paints.Stroke(AxisColour, 1.5f));

        if (layout.Target is { } target)
        {
            var dashed = paints.Stroke(TargetColour, 2, dashed: true);
            canvas.DrawLine((float)left, (float)target.Y, (float)right, (float)target.Y, dashed);
            canvas.DrawCircle((float)target.X, (float)target.Y, 4, paints.Fill("#FFFFFF"));
            canvas.DrawCircle((float)target.X, (float)target.Y, 4, paints.Stroke(TargetColour, 2));
            canvas.DrawText(target.Label, (float)right, (float)(target.Y - 6), SKTextAlign.Right, font, paints.Fill(TargetColour));
        }
        if (layout.Baseline is { } baseline)
        {
            using var diamond = new SKPath();
            var (bx, by) = ((float)baseline.X, (float)baseline.Y);
            diamond.MoveTo(bx, by - 6);
            diamond.LineTo(bx + 6, by);
            diamond.LineTo(bx, by + 6);
            diamond.LineTo(bx - 6, by);
            diamond.Close();
            canvas.DrawPath(diamond, paints.Fill(InkColour));
            canvas.DrawText(baseline.Label, bx + 9, by + 16, SKTextAlign.Left, font, paints.Fill(InkColour));
        }
        if (layout.Points.Count > 1)
        {
            using var line = new SKPath();
            line.MoveTo((float)layout.Points[0].X, (float)layout.Points[0].Y);
            foreach (var (x, y) in layout.Points.Skip(1))
                line.LineTo((float)x, (float)y);
            canvas.DrawPath(line, paints.Stroke(SeriesColour, 2.5f));
        }
        foreach (var (x, y) in layout.Points)
            canvas.DrawCircle((float)x, (float)y, 3.5f, paints.Fill(SeriesColour));
        if (layout.LastLabel is { } last && layout.Points.Count > 0)
        {
            var (lx, ly) = layout.Points[^1];
            canvas.DrawText(last, (float)lx, (float)(ly - 10), lx > right - 40 ? SKTextAlign.Right : SKTextAlign.Center, boldFont, paints.Fill(SeriesColour));
        }
        if (layout.EmptyMessage is { } empty)
            canvas.DrawText(empty, (float)((left + right) / 2), (float)((top + bottom) / 2), SKTextAlign.Center, font, paints.Fill(AxisColour));

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Says in German (or English, <paramref name="language"/> "en") what the chart shows, e.g. "Wert stieg von 12 (Jan. 2023) auf 18 (Okt. 2026); Ziel 20 bis Dez. 2027."</summary>
    /// <remarks>Names the first and the last value, the highest or lowest value when it lies outside those two,
    /// the baseline and the target. Used as the SVG's &lt;desc&gt; and as the figure's alt text.</remarks>
    public static string Describe(KpiSeries series, string language = "de")
    {
        ArgumentNullException.ThrowIfNull(series);
        var f = ChartFormat.For(language);
        var values = series.Sorted();
        string N(double v) => f.Number(v, series.Unit);
        string At(KpiValue v) => $"{N(v.Value)} ({f.Month(v.Date)})";

        var parts = new List<string>();
        if (values.Count == 0)
        {
            parts.Add(f.Empty);
        }
        else if (values.Count == 1)
        {
            parts.Add(ChartFormat.Fill(f.OneValue, At(values[0])));
        }
        else
        {
            var (first, last) = (values[0], values[^1]);
            parts.Add(last.Value.CompareTo(first.Value) switch
            {
                > 0 => ChartFormat.Fill(f.Rose, At(first), At(last)),
                < 0 => ChartFormat.Fill(f.Fell, At(first), At(last)),
                _ => ChartFormat.Fill(f.Stayed, N(first.Value), f.Month(first.Date), f.Month(last.Date)),
            });
            var max = values.MaxBy(v => v.Value);
            var min = values.MinBy(v => v.Value);
            if (max.Value > Math.Max(first.Value, last.Value))
                parts.Add(ChartFormat.Fill(f.Highest, At(max)));
            if (min.Value < Math.Min(first.Value, last.Value))
                parts.Add(ChartFormat.Fill(f.Lowest, At(min)));
        }
        if (series.Baseline is { } baseline)
            parts.Add(ChartFormat.Fill(f.BaselineAt, At(baseline)));
        if (series.Target is { } target)
            parts.Add(ChartFormat.Fill(f.TargetBy, N(target.Value), f.Month(target.Date)));
        return string.Join("; ", parts) + ".";
    }

    static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>The paints of one rendering, disposed with it (they hold native memory).</summary>
    sealed class Paints : IDisposable
    {
        readonly Dictionary<(string, float, bool, bool), SKPaint> _paints = [];
        readonly SKPathEffect _dash = SKPathEffect.CreateDash([8, 5], 0);

        public SKPaint Fill(string colour) => Get(colour, 0, fill: true, dashed: false);

        public SKPaint Stroke(string colour, float width, bool dashed = false) => Get(colour, width, fill: false, dashed);

        SKPaint Get(string colour, float width, bool fill, bool dashed)
        {
            if (!_paints.TryGetValue((colour, width, fill, dashed), out var paint))
            {
                paint = new SKPaint
                {
                    Color = SKColor.Parse(colour),
                    IsAntialias = true,
                    Style = fill ? SKPaintStyle.Fill : SKPaintStyle.Stroke,
                    StrokeWidth = width,
                    StrokeJoin = SKStrokeJoin.Round,
                    PathEffect = dashed ? _dash : null,
                };
                _paints[(colour, width, fill, dashed)] = paint;
            }
            return paint;
        }

        public void Dispose()
        {
            foreach (var paint in _paints.Values)
                paint.Dispose();
            _dash.Dispose();
        }
    }

    static SKTypeface Typeface(bool bold)
    {
        using var data = SKData.CreateCopy(DejaVuFonts.Load(DejaVuFonts.FileName(bold, italic: false)));
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException("SkiaSharp could not read the DejaVu Sans font file.");
    }
}
