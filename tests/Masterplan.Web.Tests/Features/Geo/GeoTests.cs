using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Geo;

/// <summary>
/// The shared map piece: the Office's gazetteer and boundary imports (all or nothing, line-numbered German errors), the
/// address lookup, the one location check forms use, and the lab place form that uses it without JavaScript.
/// </summary>
public sealed class GeoTests
{
    private const string Geodata = "/verwaltung/geodaten";

    /// <summary>A small gazetteer: UTF-8 with BOM, comma-separated, one street name in two postcodes.</summary>
    internal static byte[] AddressCsv() =>
    [
        .. Encoding.UTF8.GetPreamble(),
        .. Encoding.UTF8.GetBytes(
            "Straße,Hausnummer,PLZ,Breite,Länge\n" +
            "Kampstraße,1,44137,\"51,5150\",\"7,4615\"\n" +
            "Kampstraße,10,44137,51.5152,7.4625\n" +
            "Hoher Wall,12a,44137,51.5103,7.4560\n" +
            "Bahnhofstraße,1,44359,51.5690,7.3900\n" +
            "Bahnhofstraße,1,44388,51.4990,7.3480\n"),
    ];

    [Fact]
    public void Typed_addresses_fold_to_the_keys_the_gazetteer_is_indexed_by()
    {
        var expected = new AddressQuery("kampstrasse", "1", "44137");
        foreach (var typed in new[] { "Kampstr. 1 44137", "kampstraße 1 44137", "KAMPSTRASSE 1, 44137 Dortmund", "Kampstr.1, 44137", "  kampstr 1 ; 44137 " })
        {
            Assert.Equal(expected, AddressText.Parse(typed));
        }

        Assert.Equal(new AddressQuery("hoherwall", "12a", null), AddressText.Parse("Hoher Wall 12 a"));
        Assert.Equal(new AddressQuery("koenigswall", null, null), AddressText.Parse("Königswall"));
        Assert.Null(AddressText.Parse(" , "));
        Assert.Equal("kampt", AddressText.UpperBound("kamps"));
        Assert.Equal("kaq", AddressText.UpperBound("kapz"));
        Assert.Equal("aba", AddressText.UpperBound("ab9"));
        Assert.Null(AddressText.UpperBound("zz"));
    }

    [Fact]
    public void The_policy_names_only_the_configured_tile_host()
    {
        Assert.Equal("https://sgx.geodatenzentrum.de", MapOptions.ImageSource(MapOptions.DefaultTileUrl));
        Assert.Equal("https://*.tile.example.org", MapOptions.ImageSource("https://{s}.tile.example.org/{z}/{x}/{y}.png"));
        Assert.Equal("http://localhost:8080", MapOptions.ImageSource("http://localhost:8080/tiles/{z}/{x}/{y}.png"));
        Assert.Null(MapOptions.ImageSource("/tiles/{z}/{x}/{y}.png"));
        Assert.Null(MapOptions.ImageSource(""));
        Assert.Null(MapOptions.ImageSource("javascript:alert(1)"));
    }

    [Fact]
    public async Task The_content_security_policy_allows_the_configured_tile_host_in_img_src_and_nothing_else()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Map:TileUrl"] = "https://tiles.example.org:8443/{z}/{x}/{y}.png" });

        var response = await Users.Client(app).GetAsync("/");

        var policy = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy.Replace("img-src 'self' data:;", "img-src 'self' data: https://tiles.example.org:8443;", StringComparison.Ordinal), policy);
        Assert.Single(policy.Split(' '), p => p.Contains("example.org", StringComparison.Ordinal));
    }

    [Theory, Engines]
    public async Task The_gazetteer_import_checks_every_line_stores_nothing_on_error_and_replaces_everything(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));

        var bad = Encoding.UTF8.GetBytes(
            "Straße;Hausnummer;PLZ;Breite;Länge\n" +
            "Kampstraße;1;44137;51,5150;7,4615\n" +
            "Kampstraße;2;4413;51,5150;7,4615\n" +
            "Alexanderplatz;1;10178;52,5219;13,4132\n" +
            "Kampstr.;1;44137;51,5151;7,4616\n" +
            "Kampstraße;zwei;44137;Nord;7,4615\n");
        var refused = await office.PostFileAsync($"{Geodata}?handler=Addresses", Geodata, [], "file", "adressen.csv", bad);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Das Adressverzeichnis wurde nicht importiert, es wurde nichts gespeichert", page);
        Assert.Contains("Zeile 3: „4413“ ist keine fünfstellige Postleitzahl.", page);
        Assert.Contains("Zeile 4: Der Punkt 52,5219, 13,4132 liegt nicht in Dortmund", page);
        Assert.Contains("Zeile 5: Die Adresse „Kampstr. 1, 44137“ steht schon in Zeile 2.", page);
        Assert.Contains("Zeile 6: „zwei“ ist keine Hausnummer", page);
        Assert.Contains("Zeile 6: Breite „Nord“ und Länge „7,4615“ müssen Zahlen sein", page);
        Assert.Contains("Es fehlen die Spalten „PLZ“", WebUtility.HtmlDecode(await (await office.PostFileAsync($"{Geodata}?handler=Addresses", Geodata, [], "file", "a.csv", "Straße;Hausnummer;Breite;Länge\nA;1;51,5;7,4\n"u8.ToArray())).Content.ReadAsStringAsync()));
        await using (var scope = app.Scope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().GazetteerAddresses.CountAsync());
        }

        var imported = await office.PostFileAsync($"{Geodata}?handler=Addresses", Geodata, [], "file", "adressen.csv", AddressCsv());
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Contains("5 Adressen sind importiert", WebUtility.HtmlDecode((await office.GetPageAsync(Geodata)).Body!.TextContent));

        // Suggestions: public, by the beginning of the street, with house number and postcode narrowing.
        var visitor = Users.Client(app);
        var kamp = (await visitor.GetFromJsonAsync<List<AddressSuggestion>>("/api/geo/adressen?q=kampstr"))!;
        Assert.Equal(["Kampstraße 1, 44137 Dortmund", "Kampstraße 10, 44137 Dortmund"], kamp.Select(a => a.Label));
        Assert.Equal(51.5150, kamp[0].Latitude, 6);
        Assert.Equal(7.4615, kamp[0].Longitude, 6);
        Assert.Equal(["Kampstraße 10, 44137 Dortmund"], (await visitor.GetFromJsonAsync<List<AddressSuggestion>>("/api/geo/adressen?q=KAMPSTRASSE%2010"))!.Select(a => a.Label));
        Assert.Equal(["Bahnhofstraße 1, 44388 Dortmund"], (await visitor.GetFromJsonAsync<List<AddressSuggestion>>("/api/geo/adressen?q=bahnhofstr%201%2044388"))!.Select(a => a.Label));
        Assert.Empty((await visitor.GetFromJsonAsync<List<AddressSuggestion>>("/api/geo/adressen?q=ka"))!);
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.GetAsync("/api/geo/adressen?q=" + new string('a', 201))).StatusCode);

        // A second import replaces the first entirely (semicolons, no BOM this time).
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFileAsync($"{Geodata}?handler=Addresses", Geodata, [], "file", "neu.csv",
            "strasse;hnr;plz;lat;lon\nOstwall;7;44135;51,5128;7,4742\n"u8.ToArray())).StatusCode);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(["Ostwall"], await db.GazetteerAddresses.Select(a => a.Street).ToListAsync());
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "GazetteerImported"));
        }
    }

    [Fact]
    public async Task A_suggestion_is_one_query_on_the_index_not_a_scan()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var query = scope.ServiceProvider.GetRequiredService<Gazetteer>().StartingWith(AddressText.Parse("kampstr 1")!);
        var text = query.ToQueryString();

        // ToQueryString writes the parameters as ".param set @p 'value'" lines before the statement.
        var lines = text.Split('\n');
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        foreach (var p in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)).Select(l => l[".param set ".Length..].Split(' ', 2)))
        {
            explain.Parameters.AddWithValue(p[0], p[1].Trim().Trim('\''));
        }

        var plan = new StringBuilder();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.AppendLine(reader.GetString(3));
            }
        }

        Assert.Contains("USING INDEX IX_GazetteerAddresses_StreetKey_HouseKey", plan.ToString());
        Assert.DoesNotContain("SCAN GazetteerAddresses", plan.ToString());
    }

    [Theory, Engines]
    public async Task A_lab_place_is_set_by_typed_address_without_javascript_with_choices_for_an_ambiguous_one(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFileAsync($"{Geodata}?handler=Addresses", Geodata, [], "file", "adressen.csv", AddressCsv())).StatusCode);
        int labId;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var lab = new NeighbourhoodLab { Title = "Labor mit Orten", District = "Innenstadt-West", Year = 2026, Quarter = 4, State = LabState.Held, PlanBasis = "Test" };
            db.Labs.Add(lab);
            await db.SaveChangesAsync();
            labId = lab.Id;
        }

        var url = $"/verwaltung/quartierslabore/{labId}";
        var form = await office.GetPageAsync(url);
        Assert.NotNull(form.QuerySelector("input[name='Place.Address']"));
        Assert.NotNull(form.QuerySelector("details input[name='Place.Latitude']"));
        Assert.Null(form.QuerySelector("select[name='Place.DistrictId']")); // a lab's places need no district

        // Unknown, then ambiguous (the form offers the choices and keeps the other fields), then chosen.
        var unknown = WebUtility.HtmlDecode(await (await office.PostFormAsync($"{url}?handler=Place", new() { ["Place.Address"] = "Nirgendwoweg 5", ["category"] = "Unsafe", ["comment"] = "dunkel" }, url)).Content.ReadAsStringAsync());
        Assert.Contains("Die Adresse „Nirgendwoweg 5“ steht nicht im Adressverzeichnis.", unknown);
        var ambiguous = await office.PostFormAsync($"{url}?handler=Place", new() { ["Place.Address"] = "bahnhofstr 1", ["category"] = "Unsafe", ["comment"] = "Unterführung, dunkel" }, url);
        var choices = await Html.ParseAsync(ambiguous);
        Assert.Contains("Zu „bahnhofstr 1“ passen mehrere Adressen.", choices.QuerySelector(".error-summary")!.TextContent);
        var options = choices.QuerySelectorAll("input[name='Place.Choice']").ToList();
        Assert.Equal(["Bahnhofstraße 1, 44359 Dortmund", "Bahnhofstraße 1, 44388 Dortmund"], options.Select(o => choices.QuerySelector($"label[for='{o.Id}']")!.TextContent));
        Assert.Equal("Unterführung, dunkel", choices.QuerySelector("textarea[name='comment']")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{url}?handler=Place", new() { ["Place.Address"] = "bahnhofstr 1", ["Place.Choice"] = options[1].GetAttribute("value")!, ["category"] = "Unsafe", ["comment"] = "Unterführung, dunkel" }, url)).StatusCode);

        // Typed as people type it: the one entry is the point. An address wins over coordinates.
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{url}?handler=Place", new() { ["Place.Address"] = "Kampstr. 1", ["Place.Latitude"] = "51,40", ["Place.Longitude"] = "7,00", ["category"] = "Safe", ["comment"] = "belebt" }, url)).StatusCode);

        await using (var scope = app.Scope())
        {
            var places = await scope.ServiceProvider.GetRequiredService<AppDbContext>().LabPlaces.Where(p => p.LabId == labId).OrderBy(p => p.Id).ToListAsync();
            Assert.Equal(["Bahnhofstraße 1, 44388 Dortmund", "Kampstraße 1, 44137 Dortmund"], places.Select(p => p.Address));
            Assert.Equal((51.4990, 7.3480), (places[0].Latitude, places[0].Longitude));
            Assert.Equal((51.5150, 7.4615), (places[1].Latitude, places[1].Longitude));
        }

        // The public page lists them (the table is the map's alternative) and serves them as GeoJSON for the map.
        var visitor = Users.Client(app);
        var details = await visitor.GetPageAsync($"/quartierslabore/{labId}");
        Assert.Contains("Kampstraße 1, 44137 Dortmund", details.QuerySelector("#orte")!.TextContent);
        Assert.Equal($"/quartierslabore/{labId}?handler=Places", details.QuerySelector("[data-map-view]")!.GetAttribute("data-geojson"));
        var geojson = await visitor.GetAsync($"/quartierslabore/{labId}?handler=Places");
        Assert.Equal("application/geo+json", geojson.Content.Headers.ContentType!.MediaType);
        using var json = System.Text.Json.JsonDocument.Parse(await geojson.Content.ReadAsStringAsync());
        var features = json.RootElement.GetProperty("features");
        Assert.Equal(2, features.GetArrayLength());
        var unsafePlace = features.EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("category").GetString() == "Unsafe");
        Assert.Equal(7.3480, unsafePlace.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(), 6);
        Assert.Equal("unsicherer Ort: Unterführung, dunkel", unsafePlace.GetProperty("properties").GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/quartierslabore/999999?handler=Places")).StatusCode);
    }

    /// <summary>Twelve north–south strips across the city's extent, one per district in the city's order.</summary>
    internal static string Strips(IReadOnlyList<string> names, Func<int, string>? property = null)
    {
        var features = new List<string>();
        var width = (GeoArea.MaxLongitude - GeoArea.MinLongitude) / names.Count;
        for (var i = 0; i < names.Count; i++)
        {
            var (w, e) = (GeoArea.MinLongitude + (i * width), GeoArea.MinLongitude + ((i + 1) * width));
            var (s, n) = (GeoArea.MinLatitude, GeoArea.MaxLatitude);
            string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
            var properties = property?.Invoke(i) ?? $$"""{"name":"{{names[i]}}","flaeche_qkm":{{i + 1}}}""";
            var ring = $"[[{F(w)},{F(s)}],[{F(e)},{F(s)}],[{F(e)},{F(n)}],[{F(w)},{F(n)}],[{F(w)},{F(s)}]]";
            features.Add("{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}");
        }

        return "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", features) + "]}";
    }

    [Theory, Engines]
    public async Task Imported_boundaries_decide_the_district_and_what_lies_in_Dortmund(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        List<(int Id, string Name)> districts;
        await using (var scope = app.Scope())
        {
            districts = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Districts.OrderBy(d => d.Position).Select(d => new { d.Id, d.Name }).ToListAsync())
                .Select(d => (d.Id, d.Name)).ToList();
        }

        async Task<Outcome<ResolvedLocation>> ResolveAsync(LocationInput input, bool districtRequired = true)
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<Locations>().ResolveAsync(input, "Ort", districtRequired, CancellationToken.None);
        }

        // Without boundaries: the city's rectangle, and the district as chosen (required where the form needs one).
        var noDistrict = await ResolveAsync(new LocationInput { Latitude = "51,5136", Longitude = "7.4653" });
        Assert.Equal(["Ort.DistrictId: Bitte wählen Sie den Stadtbezirk."], noDistrict.Errors.Select(e => e.ToString()));
        Assert.Equal(districts[3].Id, (await ResolveAsync(new LocationInput { Latitude = "51,5136", Longitude = "7.4653", DistrictId = districts[3].Id })).Value!.DistrictId);
        Assert.Equal(["Ort.Latitude: Die Breite „Nord“ ist keine Zahl (z. B. 51,5136).", "Ort.Longitude: Bitte geben Sie auch die Länge an (z. B. 7,4653)."],
            (await ResolveAsync(new LocationInput { Latitude = "Nord" })).Errors.Select(e => e.ToString()));
        Assert.Contains("liegt nicht in Dortmund (Breite", (await ResolveAsync(new LocationInput { Latitude = "52,52", Longitude = "13,40", DistrictId = districts[0].Id })).Errors.Single().German);
        Assert.Equal(["Ort.Address: Bitte geben Sie eine Adresse ein oder setzen Sie den Punkt auf der Karte oder mit Breite und Länge."],
            (await ResolveAsync(new LocationInput())).Errors.Select(e => e.ToString()));

        // A file with unmatched features, points and projected coordinates: every problem named, nothing stored.
        var names = districts.Select(d => d.Name).ToList();
        var wrong = Strips([.. names.Take(11), "Atlantis"]).Replace("[7.3,", "[390000.3,", StringComparison.Ordinal);
        var refused = WebUtility.HtmlDecode(await (await office.PostFileAsync($"{Geodata}?handler=Boundaries", Geodata, [], "file", "grenzen.geojson", Encoding.UTF8.GetBytes(wrong))).Content.ReadAsStringAsync());
        Assert.Contains("Die Grenzen wurden nicht importiert, es wurde nichts gespeichert", refused);
        Assert.Contains("Objekt 1: die Koordinaten liegen nicht in Deutschland", refused);
        var open = Strips(names).Replace("[7.3,51.41]]", "[7.3,51.42]]", StringComparison.Ordinal);
        Assert.Contains("ein Ring ist nicht geschlossen", WebUtility.HtmlDecode(await (await office.PostFileAsync($"{Geodata}?handler=Boundaries", Geodata, [], "file", "offen.geojson", Encoding.UTF8.GetBytes(open))).Content.ReadAsStringAsync()));
        Assert.Contains("Objekt 12: keine Eigenschaft nennt einen der zwölf Stadtbezirke (Name wie „Innenstadt-West“ oder Nummer 1 bis 12). Eigenschaften: name = Atlantis, flaeche_qkm = 12.", refused);
        Assert.Contains("Die Datei ist kein gültiges GeoJSON (Zeile 1,", WebUtility.HtmlDecode(await (await office.PostFileAsync($"{Geodata}?handler=Boundaries", Geodata, [], "file", "kaputt.geojson", "{\"type\": \"FeatureCollection\", \"features\": [".ToCharArray().Select(c => (byte)c).ToArray())).Content.ReadAsStringAsync()));
        Assert.Contains("Für diese Stadtbezirke enthält die Datei keine Grenze: Mengede.", WebUtility.HtmlDecode(await (await office.PostFileAsync($"{Geodata}?handler=Boundaries", Geodata, [], "file", "elf.geojson", Encoding.UTF8.GetBytes(Strips(names.Take(11).ToList())))).Content.ReadAsStringAsync()));
        Assert.Equal(districts[3].Id, (await ResolveAsync(new LocationInput { Latitude = "51,5136", Longitude = "7.4653", DistrictId = districts[3].Id })).Value!.DistrictId);

        // The real thing: names, and the last district by its number in a property named like one.
        var file = Strips(names, i => i == 11 ? """{"bezirk_nr":"12"}""" : $$"""{"NAME":"{{names[i].ToUpperInvariant()}}"}""");
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFileAsync($"{Geodata}?handler=Boundaries", Geodata, [], "file", "grenzen.geojson", Encoding.UTF8.GetBytes(file))).StatusCode);
        var width = (GeoArea.MaxLongitude - GeoArea.MinLongitude) / 12;
        string InStrip(int i) => (GeoArea.MinLongitude + ((i + 0.5) * width)).ToString(CultureInfo.InvariantCulture);
        Assert.Equal(districts[0].Id, (await ResolveAsync(new LocationInput { Latitude = "51,5", Longitude = InStrip(0), DistrictId = districts[5].Id })).Value!.DistrictId);
        Assert.Equal(districts[11].Id, (await ResolveAsync(new LocationInput { Latitude = "51,5", Longitude = InStrip(11) })).Value!.DistrictId);
        Assert.Equal(["Ort.Latitude: Der Punkt 51,7000, 7,4653 liegt nicht in Dortmund."], (await ResolveAsync(new LocationInput { Latitude = "51,70", Longitude = "7,4653" })).Errors.Select(e => e.ToString()));

        // A new import takes effect at once (the parsed boundaries are cached until then).
        var reversed = Strips([.. names.AsEnumerable().Reverse()]);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFileAsync($"{Geodata}?handler=Boundaries", Geodata, [], "file", "grenzen.geojson", Encoding.UTF8.GetBytes(reversed))).StatusCode);
        Assert.Equal(districts[11].Id, (await ResolveAsync(new LocationInput { Latitude = "51,5", Longitude = InStrip(0) })).Value!.DistrictId);
        Assert.Contains("Mengede", (await office.GetPageAsync(Geodata)).QuerySelector("table")!.TextContent);
    }
}
