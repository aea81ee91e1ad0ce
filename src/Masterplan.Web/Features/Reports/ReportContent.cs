using System.Text.Json;
using Masterplan.Documents;

namespace Masterplan.Web.Features.Reports;

/// <summary>
/// A compiled report, kept simple so one model serves the page, the PDF, the DOCX and the frozen JSON of an edition:
/// sections of notes, tables and charts, where each row and chart names the page behind its number (the impact chain).
/// </summary>
public sealed record ReportContent(DateOnly From, DateOnly To, DateTimeOffset CompiledAt, IReadOnlyList<ReportSection> Sections)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReportContent FromJson(string json) => JsonSerializer.Deserialize<ReportContent>(json, Json)
                                                         ?? throw new InvalidOperationException("A report edition holds no content.");

    public ReportSection Section(string key) => Sections.Single(s => s.Key == key);
}

/// <param name="Key">Stable name of the section (anchor on the page, and what tests look for).</param>
/// <param name="Link">The page a reader opens to see everything the section counts.</param>
public sealed record ReportSection(string Key, string Title, string? Link, IReadOnlyList<string> Notes, IReadOnlyList<ReportTable> Tables, IReadOnlyList<ReportChart> Charts)
{
    public ReportTable Table(string key) => Tables.Single(t => t.Key == key);
}

/// <summary>A table whose first column names the row; with <paramref name="Total"/> its last row is the sum of the rows above.</summary>
public sealed record ReportTable(string Key, string Caption, IReadOnlyList<string> Header, IReadOnlyList<ReportRow> Rows, bool Total = false)
{
    /// <summary>The cell of the row named <paramref name="label"/> in column <paramref name="column"/> (1: the first figure).</summary>
    public string Cell(string label, int column = 1) => Rows.Single(r => r.Cells[0] == label).Cells[column];
}

/// <param name="Link">The page behind the row: a measure, meeting, lab, call or list.</param>
public sealed record ReportRow(IReadOnlyList<string> Cells, string? Link = null);

/// <summary>A KPI's values up to the end of the period, drawn as a line chart with a text alternative.</summary>
public sealed record ReportChart(string Title, string Unit, IReadOnlyList<ReportPoint> Values, ReportPoint? Baseline, ReportPoint? Target, string Link)
{
    public KpiSeries Series() => new(Title, [.. Values.Select(v => new KpiValue(v.Date, v.Value))])
    {
        Unit = Unit,
        Baseline = Baseline is { } b ? new KpiValue(b.Date, b.Value) : null,
        Target = Target is { } t ? new KpiValue(t.Date, t.Value) : null,
    };

    public string Description() => LineChart.Describe(Series());
}

public sealed record ReportPoint(DateOnly Date, double Value);
