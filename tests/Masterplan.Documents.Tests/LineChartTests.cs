using System.Xml.Linq;

namespace Masterplan.Documents.Tests;

public class LineChartTests
{
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Describe_says_where_the_values_went_and_the_target()
    {
        var series = new KpiSeries("Wert", [new(new DateOnly(2023, 1, 15), 12), new(new DateOnly(2026, 10, 1), 18), new(new DateOnly(2024, 5, 1), 15)])
        {
            Target = new KpiValue(new DateOnly(2027, 12, 31), 20),
        };

        Assert.Equal("Wert stieg von 12 (Jan. 2023) auf 18 (Okt. 2026); Ziel 20 bis Dez. 2027.", LineChart.Describe(series));
    }

    [Fact]
    public void Describe_names_falls_peaks_units_and_the_baseline()
    {
        var series = new KpiSeries("Einbrüche", [new(new DateOnly(2023, 3, 1), 140.5), new(new DateOnly(2024, 3, 1), 1210), new(new DateOnly(2025, 3, 1), 98)])
        {
            Unit = "Fälle",
            Baseline = new KpiValue(new DateOnly(2022, 9, 1), 150),
        };

        Assert.Equal(
            "Wert sank von 140,5 Fälle (März 2023) auf 98 Fälle (März 2025); Höchstwert 1.210 Fälle (März 2024); Ausgangswert 150 Fälle (Sept. 2022).",
            LineChart.Describe(series));
    }

    [Theory]
    [InlineData(0, "Noch keine Werte erfasst; Ziel 20 % bis Dez. 2027.")]
    [InlineData(1, "Ein Wert: 12 % (Jan. 2023); Ziel 20 % bis Dez. 2027.")]
    public void No_value_or_one_value_renders_and_is_described(int count, string description)
    {
        var series = new KpiSeries("Anteil", [.. new KpiValue[] { new(new DateOnly(2023, 1, 1), 12) }.Take(count)])
        {
            Unit = "%",
            Target = new KpiValue(new DateOnly(2027, 12, 1), 20),
        };

        Assert.Equal(description, LineChart.Describe(series));
        var svg = XDocument.Parse(LineChart.RenderSvg(series));
        Assert.Equal(description, svg.Root!.Element(Svg + "desc")!.Value);
        Assert.NotEmpty(LineChart.RenderPng(series));
        Assert.NotEmpty(LineChart.RenderPng(new KpiSeries("Leer", [])));
        Assert.NotEmpty(LineChart.RenderSvg(new KpiSeries("Leer", [])));
    }

    [Fact]
    public void Svg_is_an_image_with_title_and_description_that_name_it()
    {
        var markup = LineChart.RenderSvg(Samples.Cycling with { Title = "Radverkehr <Anteil> & \"Ziel\"" });

        var root = XDocument.Parse(markup).Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("img", root.Attribute("role")!.Value);
        var title = root.Element(Svg + "title")!;
        var desc = root.Element(Svg + "desc")!;
        Assert.Equal("Radverkehr <Anteil> & \"Ziel\"", title.Value);
        Assert.StartsWith("Wert stieg von 12 % (Jan. 2023) auf 18 % (Okt. 2026)", desc.Value);
        Assert.Equal($"{title.Attribute("id")!.Value} {desc.Attribute("id")!.Value}", root.Attribute("aria-labelledby")!.Value);
        // The target is a dashed line, the series a polyline through all four values; no script anywhere.
        Assert.Contains(root.Descendants(Svg + "line"), l => l.Attribute("stroke-dasharray") is not null);
        Assert.Equal(4, root.Descendants(Svg + "polyline").Single().Attribute("points")!.Value.Split(' ').Length);
        Assert.Empty(root.Descendants(Svg + "script"));
        Assert.Contains(root.Descendants(Svg + "text"), t => t.Value == "Ziel 20 % (Dez. 2027)");
        Assert.Contains(root.Descendants(Svg + "text"), t => t.Value == "Ausgangswert");
    }

    [Fact]
    public void Png_has_the_requested_size_at_the_scale()
    {
        var png = LineChart.RenderPng(Samples.Cycling, 600, 300, scale: 2);

        Assert.Equal((1200, 600), PdfLayout.PngSize(png));
    }

    [Fact]
    public void Equal_values_and_negative_values_do_not_break_the_axis()
    {
        var flat = new KpiSeries("Flach", [new(new DateOnly(2024, 1, 1), 5), new(new DateOnly(2024, 2, 1), 5)]);
        var negative = new KpiSeries("Saldo", [new(new DateOnly(2024, 1, 1), -5), new(new DateOnly(2025, 2, 1), -12.25)]);

        Assert.Equal("Wert blieb bei 5 (Jan. 2024 bis Feb. 2024).", LineChart.Describe(flat));
        Assert.Equal("Wert sank von −5 (Jan. 2024) auf −12,25 (Feb. 2025).", LineChart.Describe(negative));
        foreach (var series in new[] { flat, negative })
        {
            var svg = XDocument.Parse(LineChart.RenderSvg(series));
            Assert.All(svg.Descendants(Svg + "circle"), c => Assert.True(double.IsFinite(double.Parse(c.Attribute("cy")!.Value, System.Globalization.CultureInfo.InvariantCulture))));
        }
    }
}
