using System.Globalization;
using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Features.Meetings;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Home;

/// <summary>
/// A number typed into a form means what its writer meant: "85.000" is eighty-five thousand in German and
/// "85,000" in English; what fits neither convention is refused with a message, never stored as another value.
/// </summary>
public class NumberInputTests
{
    [Theory]
    [InlineData("85.000", "de", "85000")]
    [InlineData("85.000,50", "de", "85000.50")]
    [InlineData("1.250.000", "de", "1250000")]
    [InlineData("1500,5", "de", "1500.5")]
    [InlineData("12,5 €", "de", "12.5")]
    [InlineData("-3,25", "de", "-3.25")]
    [InlineData("0.125", "de", "0.125")] // no German reading (a group never starts with 0): the decimal point it is
    [InlineData("1234.50", "de", "1234.50")] // likewise: three digits must follow a thousands point
    [InlineData("85,000", "en", "85000")]
    [InlineData("85,000.50", "en", "85000.50")]
    [InlineData("1,250,000", "en", "1250000")]
    [InlineData("85.000", "en", "85")]
    [InlineData("1500,5", "en", "1500.5")]
    public void A_typed_number_is_read_as_its_writer_meant(string text, string language, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), TypedNumber.Parse(text, CultureInfo.GetCultureInfo(language)));

    [Theory]
    [InlineData("85.00.0")]
    [InlineData("1.2345,6")]
    [InlineData("85,000,5")]
    [InlineData("1,5.000")]
    [InlineData("viel")]
    [InlineData("12e3")]
    [InlineData("--5")]
    public void A_text_that_fits_no_convention_is_refused(string text)
    {
        Assert.Null(TypedNumber.Parse(text, CultureInfo.GetCultureInfo("de")));
        Assert.Null(TypedNumber.Parse(text, CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public void Without_a_language_a_text_that_reads_two_ways_is_refused_and_coordinates_take_either_mark()
    {
        Assert.Null(TypedNumber.Parse("12.345", language: null));
        Assert.Equal(12.5m, TypedNumber.Parse("12,5", language: null));
        Assert.Equal(51.5136, TypedNumber.Coordinate("51.5136"));
        Assert.Equal(51.5136, TypedNumber.Coordinate("51,5136"));
        Assert.Equal(7.465, TypedNumber.Coordinate("7.465"));
        Assert.Null(TypedNumber.Coordinate("51.513.6"));
    }

    private static async Task<T> QueryAsync<T>(AppFactory app, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static HttpClient Speaking(HttpClient client, string language)
    {
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>Every number field of the measure and KPI forms, typed with thousands separators in both languages.</summary>
    [Theory, Engines]
    public async Task Every_number_field_of_the_catalogue_forms_keeps_thousands_in_German_and_English(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var node = await QueryAsync(app, db => db.FieldsOfAction.Where(f => f.SeedKey == "field:2.5").Select(f => f.Id).SingleAsync());

        foreach (var (language, weight, planned, spent, progress) in new[] { ("de", "1,5", "85.000", "1.250.000,75", "40"), ("en", "1.5", "85,000", "1,250,000.75", "40") })
        {
            Speaking(office, language);
            var title = "Beleuchtung " + language;
            var measure = await office.PostFormAsync("/verwaltung/massnahmen/bearbeiten", new()
            {
                ["FieldOfActionId"] = node.ToString(CultureInfo.InvariantCulture), ["Title"] = title, ["Status"] = "InProgress", ["Progress"] = progress,
                ["Weight"] = weight, ["PlannedBudget"] = planned, ["SpentBudget"] = spent, ["StartDate"] = "2026-01-01", ["EndDate"] = "2027-12-31",
                ["SourceKind"] = "MeetingDecision", ["SourceText"] = "Vollversammlung 01.10.2026, TOP 4", ["IsPublic"] = "true",
            });
            Assert.True(measure.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(measure));
            var saved = await QueryAsync(app, db => db.Measures.SingleAsync(m => m.Title == title));
            Assert.Equal((1.5m, 85_000m, 1_250_000.75m, 40), (saved.Weight, saved.PlannedBudget, saved.SpentBudget, saved.Progress));

            // The edit form shows the amounts as this language writes them, so saving unchanged keeps them.
            var edit = await Html.ParseAsync(await office.GetAsync($"/verwaltung/massnahmen/bearbeiten/{saved.Id}"));
            Assert.Equal(planned + (language == "de" ? ",00" : ".00"), edit.QuerySelector("#PlannedBudget")!.GetAttribute("value"));

            var name = "Einsätze " + language;
            var indicator = await office.PostFormAsync("/verwaltung/kennzahlen/bearbeiten", new()
            {
                ["FieldOfActionId"] = node.ToString(CultureInfo.InvariantCulture), ["Name"] = name, ["Unit"] = "Anzahl", ["DataSource"] = "Ordnungsamt",
                ["BaselineValue"] = language == "de" ? "12.000" : "12,000", ["BaselineDate"] = "2024-01-01",
                ["TargetValue"] = language == "de" ? "10.500,5" : "10,500.5", ["TargetDate"] = "2028-01-01", ["Direction"] = "LowerIsBetter", ["IsPublic"] = "true",
            });
            Assert.True(indicator.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(indicator));
            var kpi = await QueryAsync(app, db => db.Indicators.SingleAsync(i => i.Name == name));
            Assert.Equal((12_000m, 10_500.5m), (kpi.BaselineValue, kpi.TargetValue));

            var value = await office.PostFormAsync($"/verwaltung/kennzahlen/bearbeiten/{kpi.Id}?handler=Value",
                new() { ["ValueDate"] = "2026-01-01", ["Value"] = language == "de" ? "11.250" : "11,250" }, $"/verwaltung/kennzahlen/bearbeiten/{kpi.Id}");
            Assert.True(value.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(value));
            Assert.Equal(11_250m, await QueryAsync(app, db => db.IndicatorValues.Where(v => v.IndicatorId == kpi.Id).Select(v => v.Value).SingleAsync()));
        }
    }

    [Theory, Engines]
    public async Task A_number_that_fits_neither_convention_is_refused_at_its_field_and_nothing_is_saved(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = Speaking(await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office)), "de");
        var node = await QueryAsync(app, db => db.FieldsOfAction.Where(f => f.SeedKey == "field:2.5").Select(f => f.Id).SingleAsync());
        var form = new Dictionary<string, string>
        {
            ["FieldOfActionId"] = node.ToString(CultureInfo.InvariantCulture), ["Title"] = "Neue Maßnahme", ["Status"] = "InProgress", ["Progress"] = "40",
            ["Weight"] = "1", ["StartDate"] = "2026-01-01", ["EndDate"] = "2027-12-31", ["SourceKind"] = "MeetingDecision", ["SourceText"] = "Vollversammlung", ["IsPublic"] = "true",
        };

        foreach (var (field, text, message) in new[]
        {
            ("PlannedBudget", "85.00.0", "Das geplante Budget muss eine Zahl sein, zum Beispiel 1500,50."),
            ("SpentBudget", "1.2345,6", "Die verausgabten Mittel muss eine Zahl sein, zum Beispiel 1500,50."),
            ("Weight", "1,5,0", "Das Gewicht muss eine Zahl sein, zum Beispiel 1500,50."),
            ("Progress", "40,5", "„40,5“ ist hier kein gültiger Wert."), // a whole number field refuses a fraction instead of rounding it
        })
        {
            var bad = new Dictionary<string, string>(form) { [field] = text };
            var response = await office.PostFormAsync("/verwaltung/massnahmen/bearbeiten", bad);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Html.ParseAsync(response);
            Assert.Contains(message, page.QuerySelector(".error-summary")!.Text());
            Assert.Equal(text, page.QuerySelector("#" + field)!.GetAttribute("value")); // what was typed stays
        }

        Assert.Equal(0, await QueryAsync(app, db => db.Measures.CountAsync()));
    }

    [Theory, Engines]
    public async Task A_KPI_file_with_a_value_that_reads_two_ways_is_refused_with_a_precise_message(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        await using var scope = app.Scope();
        var indicators = scope.ServiceProvider.GetRequiredService<Indicators>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var node = await db.FieldsOfAction.Where(f => f.SeedKey == "field:2.5").Select(f => f.Id).SingleAsync();
        var kpi = new Indicator { FieldOfActionId = node, Name = "Einsätze", Unit = "Anzahl", IsPublic = true };
        db.Indicators.Add(kpi);
        await db.SaveChangesAsync();

        var csv = "Datum;Wert\n01.01.2025;12.345\n01.02.2025;12,5\n";
        var (imported, errors) = await indicators.ImportCsvAsync(kpi.Id, System.Text.Encoding.UTF8.GetBytes(csv), CancellationToken.None);

        Assert.Equal(0, imported);
        Assert.Contains(errors, e => e.Line == 2 && e.Key.Contains("Tausender oder als Dezimalzahl", StringComparison.Ordinal));
        Assert.Equal(0, await db.IndicatorValues.CountAsync(v => v.IndicatorId == kpi.Id));
    }
}
