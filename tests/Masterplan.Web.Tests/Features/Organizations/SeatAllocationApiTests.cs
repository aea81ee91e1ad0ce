using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Masterplan.Web.Data;
using Masterplan.Web.Tests.Infrastructure;

namespace Masterplan.Web.Tests.Features.Organizations;

public class SeatAllocationApiTests : IAsyncLifetime
{
    private AppFactory _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
    }

    // Council 2020–2025, Fraktionen at the time of the 2023 motion (radio912.de, lokalkompass.de, fdp-bl.de).
    private static readonly object[] Council2020 =
    [
        new { name = "SPD", votes = 27 }, new { name = "GRÜNE", votes = 22 }, new { name = "CDU", votes = 20 }, new { name = "DIE LINKE+", votes = 7 },
        new { name = "AfD", votes = 5 }, new { name = "FDP/Bürgerliste", votes = 4 }, new { name = "Die PARTEI", votes = 3 },
    ];

    // Council from November 2025, Fraktionen (ruhr-journal.de, nordstadtblogger.de).
    private static readonly object[] Council2025 =
    [
        new { name = "SPD", votes = 26 }, new { name = "CDU", votes = 23 }, new { name = "AfD", votes = 18 },
        new { name = "GRÜNE & Volt", votes = 18 }, new { name = "Die Linke & Tierschutzpartei", votes = 10 },
    ];

    [Fact]
    public async Task Hare_Niemeyer_distributes_the_ten_plenary_seats_of_the_2020_council()
    {
        using var doc = await PostOk(new { seats = 10, method = "hare-niemeyer", parties = Council2020 });

        // quotas 10×seats/88: SPD 3.068, GRÜNE 2.5, CDU 2.273, LINKE+ 0.795, AfD 0.568, FDP/BL 0.455, PARTEI 0.341;
        // floors give 7, the three largest remainders (LINKE+, AfD, GRÜNE) get the rest.
        Assert.Equal(
            [("SPD", 3), ("GRÜNE", 3), ("CDU", 2), ("DIE LINKE+", 1), ("AfD", 1), ("FDP/Bürgerliste", 0), ("Die PARTEI", 0)],
            Seats(doc));
        var greens = doc.RootElement.GetProperty("allocation")[1];
        Assert.Equal("2.5", greens.GetProperty("quota").GetString());
        Assert.Equal("5/2", greens.GetProperty("quotaFraction").GetString());
        Assert.Equal("0.5", greens.GetProperty("remainder").GetString());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("tie").ValueKind);
    }

    [Fact]
    public async Task The_2025_council_gives_SPD_3_CDU_2_AfD_2_GRUENE_Volt_2_Linke_1()
    {
        using var doc = await PostOk(new { seats = 10, method = "hare-niemeyer", parties = Council2025 });

        Assert.Equal([("SPD", 3), ("CDU", 2), ("AfD", 2), ("GRÜNE & Volt", 2), ("Die Linke & Tierschutzpartei", 1)], Seats(doc));
        Assert.Equal("36/19", doc.RootElement.GetProperty("allocation")[2].GetProperty("quotaFraction").GetString());
    }

    [Fact]
    public async Task DHondt_favours_the_largest_group_of_2020()
    {
        using var doc = await PostOk(new { seats = 10, method = "dhondt", parties = Council2020 });

        Assert.Equal(4, Seats(doc).Single(s => s.Name == "SPD").Seats);
        Assert.Equal(0, Seats(doc).Single(s => s.Name == "AfD").Seats);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("allocation")[0].GetProperty("remainder").ValueKind);
    }

    [Fact]
    public async Task A_tie_for_the_last_seat_is_reported_not_decided()
    {
        using var doc = await PostOk(new { seats = 3, method = "sainte-lague", parties = Council2025 });

        var tie = doc.RootElement.GetProperty("tie");
        Assert.Equal(["AfD", "GRÜNE & Volt"], tie.GetProperty("parties").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(1, tie.GetProperty("seatsInDispute").GetInt32());
        Assert.Equal(2, Seats(doc).Sum(s => s.Seats));
    }

    [Theory]
    [InlineData("""{"seats": 0, "method": "hare-niemeyer", "parties": [{"name": "A", "votes": 1}]}""", "seats")]
    [InlineData("""{"seats": 10001, "method": "hare-niemeyer", "parties": [{"name": "A", "votes": 1}]}""", "seats")]
    [InlineData("""{"method": "hare-niemeyer", "parties": [{"name": "A", "votes": 1}]}""", "seats")]
    [InlineData("""{"seats": 10, "method": "lottery", "parties": [{"name": "A", "votes": 1}]}""", "method")]
    [InlineData("""{"seats": 10, "method": "dhondt", "parties": [{"name": "A", "votes": -3}]}""", "parties[0].votes")]
    [InlineData("""{"seats": 10, "method": "dhondt", "parties": [{"name": "A", "votes": 1}, {"name": "B", "votes": 2.5}]}""", "parties[1].votes")]
    [InlineData("""{"seats": 10, "method": "dhondt", "parties": [{"name": "A", "votes": "many"}]}""", "parties[0].votes")]
    [InlineData("""{"seats": 10, "method": "dhondt", "parties": [{"name": "", "votes": 1}]}""", "parties[0].name")]
    [InlineData("""{"seats": 10, "method": "dhondt", "parties": [{"name": "A", "votes": 1}, {"name": "A", "votes": 2}]}""", "parties[1].name")]
    [InlineData("""{"seats": 10, "method": "dhondt", "parties": []}""", "parties")]
    [InlineData("""{"seats": "ten", "method": "dhondt", "parties": []}""", "seats")]
    [InlineData("""{"seats": 10, "method": "dhondt", "parties": [{"name": "A", "votes": 1}""", "parties")] // truncated after the first party
    public async Task Bad_input_gets_400_problem_details_naming_the_field(string json, string field)
    {
        var response = await _client.PostAsync("/api/v1/seat-allocation", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        var errors = problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.True(errors.Any(e => e.StartsWith(field, StringComparison.Ordinal)), $"expected an error for '{field}', got {string.Join(", ", errors)}");
    }

    [Fact]
    public async Task More_than_1000_parties_are_refused()
    {
        var parties = Enumerable.Range(0, 1001).Select(i => new { name = $"P{i}", votes = 1 }).ToArray();

        var response = await _client.PostAsJsonAsync("/api/v1/seat-allocation", new { seats = 10, method = "hare-niemeyer", parties });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"parties\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_refused_with_a_problem()
    {
        var response = await _client.PostAsync("/api/v1/seat-allocation", new StringContent("seats=10", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    private async Task<JsonDocument> PostOk(object request)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/seat-allocation", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body);
    }

    private static List<(string Name, int Seats)> Seats(JsonDocument doc) =>
        doc.RootElement.GetProperty("allocation").EnumerateArray().Select(a => (a.GetProperty("name").GetString()!, a.GetProperty("seats").GetInt32())).ToList();
}
