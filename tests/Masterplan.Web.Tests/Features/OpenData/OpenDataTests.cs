using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.OpenData;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Participation;
using Masterplan.Web.Features.ProtectivePlaces;
using Masterplan.Web.Features.ServiceRequests;
using Masterplan.Web.Tests.Features.Confidential;
using Masterplan.Web.Tests.Features.Meetings;
using Masterplan.Web.Tests.Features.ServiceRequests;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.OpenData;

/// <summary>
/// The open data as a harvester and a resident's script read them: every dataset as CSV (RFC 4180, UTF-8) and JSON with
/// the rows the database holds publicly, nothing planted as personal or non-public in any file or the catalogue, the
/// DCAT-AP.de catalogue with every mandatory property per dataset and distribution in JSON-LD and RDF/XML, precise problems
/// for bad requests, and the nightly export whose files are the bytes served.
/// </summary>
public sealed class OpenDataTests
{
    private const string TrickyTitle = "Licht, „helle“ Wege\nam Übergang – Ölmühle \"Süd\"";
    private const string HiddenMeasure = "Unveröffentlichte Maßnahme 9c1d";
    private const string HiddenMeeting = "Geschlossene Runde 3f8e";
    private const string HiddenRecommendation = "Vertrauliche Empfehlung 5e2b";
    private const string HiddenIndicator = "Interne Kennzahl 71aa";
    private const string PlantedPhone = "0231 5550199";
    private const string ContributionEmail = "autorin-0b7c@example.org";

    private static Dictionary<string, string?> Settings(string folder) => new(ConfidentialTests.Settings(MeetingChainTests.NewMailFolder()))
    {
        ["OpenData:Folder"] = folder,
    };

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "masterplan-tests", "opendata-" + Guid.NewGuid().ToString("N"));

    private static async Task<T> QueryAsync<T>(AppFactory app, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Public and non-public items of every kind, and personal data where a resident or a unit would leave it.</summary>
    private static async Task PlantAsync(AppFactory app)
    {
        await QueryAsync(app, async db =>
        {
            var now = app.Clock.GetUtcNow();
            var field = await db.FieldsOfAction.Where(f => !f.IsRetired).OrderBy(f => f.Id).Select(f => f.Id).FirstAsync();
            var measure = new Measure { FieldOfActionId = field, Title = TrickyTitle, Description = "Beleuchtung, Rückschnitt; \"Pilot\"", IsPublic = true, Progress = 40, PlannedBudget = 12500.5m, UpdatedAt = now };
            db.Measures.AddRange(measure, new Measure { FieldOfActionId = field, Title = HiddenMeasure, IsPublic = false, UpdatedAt = now });
            await db.SaveChangesAsync();
            var kpi = new Indicator { FieldOfActionId = field, Name = "Anteil dunkler Wege", Unit = "%", IsPublic = true, UpdatedAt = now, BaselineValue = 10, TargetValue = -3.5m };
            kpi.Values.Add(new IndicatorValue { Date = new DateOnly(2025, 1, 1), Value = 10, RecordedAt = now });
            kpi.Values.Add(new IndicatorValue { Date = new DateOnly(2026, 1, 1), Value = -3.5m, RecordedAt = now });
            db.Indicators.AddRange(kpi, new Indicator { FieldOfActionId = field, Name = HiddenIndicator, Unit = "Fälle", IsPublic = false, UpdatedAt = now });
            var body = await db.Organizations.Where(o => o.Kind == OrganizationKind.SteeringCircle).Select(o => o.Id).FirstAsync();
            var start = new DateTimeOffset(2026, 3, 4, 15, 0, 0, TimeSpan.Zero);
            var open = new Meeting { OrganizationId = body, Title = "Lenkungskreis, 1. Sitzung", Start = start, End = start.AddHours(2), IsPublic = true, State = MeetingState.Held, CalendarUid = $"{Guid.NewGuid():N}@test" };
            var closed = new Meeting { OrganizationId = body, Title = HiddenMeeting, Start = start.AddDays(7), End = start.AddDays(7).AddHours(2), IsPublic = false, CalendarUid = $"{Guid.NewGuid():N}@test" };
            db.Meetings.AddRange(open, closed);
            await db.SaveChangesAsync();
            db.Recommendations.AddRange(
                new Recommendation { MeetingId = open.Id, Title = "Mehr Licht am Übergang", Text = "Der Lenkungskreis empfiehlt, den Übergang zu beleuchten.", AdoptedOn = new DateOnly(2026, 3, 4), IsPublic = true },
                new Recommendation { MeetingId = open.Id, Title = HiddenRecommendation, Text = "Nur für den Kreis.", AdoptedOn = new DateOnly(2026, 3, 4), IsPublic = false },
                new Recommendation { MeetingId = closed.Id, Title = HiddenRecommendation + " (Sitzung)", Text = "Aus der geschlossenen Runde.", AdoptedOn = new DateOnly(2026, 3, 11), IsPublic = true });
            var call = new InputCall
            {
                Title = "Ihre Ideen", Description = "D", Question = "Q", WhatHappens = "W", BelongsToKind = "topic",
                OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(10), UpdatedAt = now,
            };
            db.InputCalls.Add(call);
            await db.SaveChangesAsync();
            db.Contributions.Add(new Contribution
            {
                InputCallId = call.Id, ReceiptHash = Guid.NewGuid().ToString("N"), Text = "Mehr Bänke.", Email = ContributionEmail, AuthorName = "Amalie Tintenfass",
                Moderation = ParticipationModule.Published, SubmittedAt = now, PublishedAt = now,
            });
            await db.SaveChangesAsync();
            return 0;
        });

        // A Meldung through the form, with the reporter's name, address and a phone number in the description.
        var district = await ServiceRequestTests.DistrictAsync(app, "Innenstadt-West");
        var resident = Users.Client(app);
        var (_, stepTwo) = await ServiceRequestTests.NextAsync(resident, ServiceRequestTests.Place(district));
        var sent = await ServiceRequestTests.SendAsync(app, resident, stepTwo, new()
        {
            ["Description"] = $"Dunkle Ecke, rufen Sie mich an: {PlantedPhone}", ["ReporterName"] = ServiceRequestTests.PlantedName, ["Email"] = ServiceRequestTests.PlantedEmail,
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        // A confidential complaint with its planted text.
        await ConfidentialTests.ComplainAsync(app, Users.Client(app));
    }

    /// <summary>RFC 4180: fields separated by commas, quoted fields with doubled quotes and line breaks, records ended by CRLF.</summary>
    internal static List<List<string>> ParseCsv(byte[] bytes)
    {
        var preamble = Encoding.UTF8.GetPreamble();
        Assert.True(bytes.AsSpan().StartsWith(preamble), "UTF-8 with a BOM");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, preamble.Length, bytes.Length - preamble.Length);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (field.Length == 0 && text[i] == '"')
            {
                i++;
                while (true)
                {
                    Assert.True(i < text.Length, "unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }

                Assert.True(i == text.Length || text[i] is ',' or '\r', $"a quoted field ends at a separator (position {i})");
                continue;
            }

            switch (text[i])
            {
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    i++;
                    break;
                case '\r':
                    Assert.True(i + 1 < text.Length && text[i + 1] == '\n', "records end with CRLF");
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    i += 2;
                    break;
                case '\n':
                    Assert.Fail("a bare line feed outside quotes");
                    break;
                default:
                    Assert.NotEqual('"', text[i]);
                    field.Append(text[i++]);
                    break;
            }
        }

        Assert.True(row.Count == 0 && field.Length == 0, "the last record ends with CRLF");
        Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
        return rows;
    }

    private static async Task<byte[]> BytesAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Theory, Engines]
    public async Task Every_dataset_holds_the_public_rows_the_database_counts_and_nothing_personal_or_hidden(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, Settings(NewFolder()));
        await PlantAsync(app);
        var client = Users.Client(app);

        var expected = await QueryAsync(app, async db => new Dictionary<string, int>
        {
            [OpenDataSets.Catalogue] = await db.FieldsOfAction.CountAsync(f => !f.IsRetired),
            [OpenDataSets.Measures] = await db.Measures.CountAsync(m => m.IsPublic),
            [OpenDataSets.Indicators] = await db.IndicatorValues.CountAsync(v => db.Set<Indicator>().Any(i => i.Id == v.IndicatorId && i.IsPublic))
                                        + await db.Indicators.CountAsync(i => i.IsPublic && !db.Set<IndicatorValue>().Any(v => v.IndicatorId == i.Id)),
            [OpenDataSets.Meetings] = await db.Meetings.CountAsync(m => m.IsPublic),
            [OpenDataSets.Recommendations] = await db.Recommendations.CountAsync(r => r.IsPublic && r.Meeting.IsPublic && (r.AgendaItemId == null || db.Set<AgendaItem>().Any(i => i.Id == r.AgendaItemId && i.IsPublic))),
            [OpenDataSets.Labs] = await db.Set<Masterplan.Web.Features.Labs.NeighbourhoodLab>().CountAsync(),
            [OpenDataSets.LabRecommendations] = await db.Set<Masterplan.Web.Features.Labs.LabRecommendation>().CountAsync(),
            [OpenDataSets.ServiceRequests] = await db.ServiceRequests.CountAsync(r => r.IsPublic),
            [OpenDataSets.ProtectivePlaces] = await db.ProtectivePlaces.CountAsync(p => p.IsPublic),
        });
        Assert.Equal(1, expected[OpenDataSets.ServiceRequests]);
        Assert.Equal(1, expected[OpenDataSets.Recommendations]);

        var everything = new StringBuilder();
        foreach (var dataset in OpenDataSets.All)
        {
            var response = await client.GetAsync($"/opendata/{dataset.Slug}.csv");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            var csv = ParseCsv(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(dataset.Columns.Select(c => c.Name), csv[0]);

            var jsonResponse = await client.GetAsync($"/opendata/{dataset.Slug}.json");
            Assert.Equal("application/json; charset=utf-8", jsonResponse.Content.Headers.ContentType!.ToString());
            var jsonText = await jsonResponse.Content.ReadAsStringAsync();
            using var json = JsonDocument.Parse(jsonText);
            var data = json.RootElement.GetProperty("daten");
            Assert.Equal(csv.Count - 1, data.GetArrayLength());
            if (expected.TryGetValue(dataset.Slug, out var count))
            {
                Assert.True(count == csv.Count - 1, $"{dataset.Slug}: {csv.Count - 1} rows, the database has {count}");
            }

            everything.Append(Encoding.UTF8.GetString(await BytesAsync(client, $"/opendata/{dataset.Slug}.csv"))).Append(jsonText);
        }

        // Quotes, commas, a line break and umlauts in one field come back as they were; numbers stay numbers.
        var measures = ParseCsv(await BytesAsync(client, "/opendata/massnahmen.csv"));
        var title = measures[0].IndexOf("titel");
        Assert.Contains(measures.Skip(1), r => r[title] == TrickyTitle);
        Assert.Contains(measures.Skip(1), r => r[measures[0].IndexOf("budget_geplant_euro")] == "12500.5");
        var kpis = ParseCsv(await BytesAsync(client, "/opendata/kennzahlen.csv"));
        Assert.Contains(kpis.Skip(1), r => r[kpis[0].IndexOf("wert")] == "-3.5" && r[kpis[0].IndexOf("datum")] == "2026-01-01");
        using (var kpiJson = JsonDocument.Parse(await BytesAsync(client, "/opendata/kennzahlen.json")))
        {
            Assert.Contains(kpiJson.RootElement.GetProperty("daten").EnumerateArray(), r => r.GetProperty("wert").ValueKind == JsonValueKind.Number && r.GetProperty("wert").GetDecimal() == -3.5m);
        }

        // The Meldung is there as the map shows it, without the resident's words.
        var reports = ParseCsv(await BytesAsync(client, "/opendata/meldungen.csv"));
        Assert.Equal("Innenstadt-West", reports[1][reports[0].IndexOf("stadtbezirk")]);
        Assert.Equal("51.5136", reports[1][reports[0].IndexOf("breitengrad")]);

        var catalogue = Encoding.UTF8.GetString(await BytesAsync(client, "/opendata/catalog.jsonld")) + Encoding.UTF8.GetString(await BytesAsync(client, "/opendata/catalog.rdf"));
        var all = everything + catalogue;
        foreach (var planted in new[]
                 {
                     ServiceRequestTests.PlantedName, ServiceRequestTests.PlantedEmail, PlantedPhone, "Dunkle Ecke", ContributionEmail, "Amalie Tintenfass",
                     ConfidentialTests.PlantedWhat, HiddenMeasure, HiddenMeeting, HiddenRecommendation, HiddenIndicator,
                 })
        {
            Assert.DoesNotContain(planted, all, StringComparison.Ordinal);
        }

        Assert.Contains("Mehr Licht am Übergang", all, StringComparison.Ordinal); // the search above reads real content
    }

    [Theory, Engines]
    public async Task The_DCAT_AP_de_catalogue_lists_every_dataset_with_every_mandatory_property(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, Settings(NewFolder()));
        var client = Users.Client(app);

        var response = await client.GetAsync("/opendata/catalog.jsonld");
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType!.MediaType);
        using var jsonLd = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var root = jsonLd.RootElement;
        var context = root.GetProperty("@context");
        Assert.Equal("http://www.w3.org/ns/dcat#", context.GetProperty("dcat").GetString());
        Assert.Equal("http://dcat-ap.de/def/dcatde/", context.GetProperty("dcatde").GetString());
        Assert.Equal("dcat:Catalog", root.GetProperty("@type").GetString());
        foreach (var property in new[] { "dct:title", "dct:description", "dct:publisher", "foaf:homepage", "dct:language", "dct:license", "dct:modified" })
        {
            Assert.True(root.TryGetProperty(property, out _), $"catalogue: {property}");
        }

        Assert.Equal("Stadt Dortmund", root.GetProperty("dct:publisher").GetProperty("foaf:name").GetProperty("@value").GetString());
        var datasets = Many(root.GetProperty("dcat:dataset"));
        Assert.Equal(OpenDataSets.All.Select(d => "https://masterplan.example/opendata/datasets/" + d.Slug).Order(), datasets.Select(d => d.GetProperty("@id").GetString()!).Order());
        foreach (var dataset in datasets)
        {
            var id = dataset.GetProperty("@id").GetString();
            Assert.Equal("dcat:Dataset", dataset.GetProperty("@type").GetString());
            foreach (var property in new[]
                     {
                         "dct:title", "dct:description", "dct:publisher", "dcat:contactPoint", "dcatde:contributorID", "dcat:theme", "dcat:keyword", "dct:temporal", "dct:spatial",
                         "dcatde:politicalGeocodingURI", "dcatde:politicalGeocodingLevelURI", "dct:issued", "dct:modified", "dct:license", "dcat:distribution",
                     })
            {
                // Temporal coverage needs content with dates: the empty datasets of a fresh database have none.
                if (property == "dct:temporal" && !dataset.TryGetProperty(property, out _))
                {
                    continue;
                }

                Assert.True(dataset.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null, $"{id}: {property}");
            }

            Assert.Equal("http://dcat-ap.de/def/licenses/dl-by-de/2.0", dataset.GetProperty("dct:license").GetProperty("@id").GetString());
            Assert.Equal("http://dcat-ap.de/def/politicalGeocoding/municipalityKey/05913000", dataset.GetProperty("dcatde:politicalGeocodingURI").GetProperty("@id").GetString());
            Assert.Equal("vcard:Organization", dataset.GetProperty("dcat:contactPoint").GetProperty("@type").GetString());
            Assert.StartsWith("mailto:", dataset.GetProperty("dcat:contactPoint").GetProperty("vcard:hasEmail").GetProperty("@id").GetString(), StringComparison.Ordinal);
            Assert.All(Many(dataset.GetProperty("dcat:theme")), t => Assert.StartsWith("http://publications.europa.eu/resource/authority/data-theme/", t.GetProperty("@id").GetString(), StringComparison.Ordinal));
            var distributions = Many(dataset.GetProperty("dcat:distribution"));
            Assert.Equal(2, distributions.Count);
            foreach (var distribution in distributions)
            {
                Assert.Equal("dcat:Distribution", distribution.GetProperty("@type").GetString());
                foreach (var property in new[] { "dcat:accessURL", "dcat:downloadURL", "dct:format", "dcat:mediaType", "dcat:byteSize", "dct:license", "dct:modified", "dcatde:licenseAttributionByText" })
                {
                    Assert.True(distribution.TryGetProperty(property, out _), $"{id} distribution: {property}");
                }

                var download = distribution.GetProperty("dcat:downloadURL").GetProperty("@id").GetString()!;
                Assert.StartsWith("https://masterplan.example/opendata/", download, StringComparison.Ordinal);
                var format = distribution.GetProperty("dct:format").GetProperty("@id").GetString()!;
                Assert.Equal(download.EndsWith(".csv", StringComparison.Ordinal) ? "http://publications.europa.eu/resource/authority/file-type/CSV" : "http://publications.europa.eu/resource/authority/file-type/JSON", format);
                Assert.StartsWith("http://www.iana.org/assignments/media-types/", distribution.GetProperty("dcat:mediaType").GetProperty("@id").GetString(), StringComparison.Ordinal);
                var size = long.Parse(distribution.GetProperty("dcat:byteSize").GetProperty("@value").GetString()!, CultureInfo.InvariantCulture);
                Assert.Equal(size, (await BytesAsync(client, new Uri(download).PathAndQuery)).LongLength);
            }
        }

        // The same graph as RDF/XML.
        var rdfResponse = await client.GetAsync("/opendata/catalog.rdf");
        Assert.Equal("application/rdf+xml", rdfResponse.Content.Headers.ContentType!.MediaType);
        var rdf = XDocument.Parse(await rdfResponse.Content.ReadAsStringAsync());
        XNamespace r = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", dcat = "http://www.w3.org/ns/dcat#", dct = "http://purl.org/dc/terms/", dcatde = "http://dcat-ap.de/def/dcatde/";
        var catalog = rdf.Root!.Element(dcat + "Catalog")!;
        Assert.NotNull(catalog.Element(dct + "title"));
        Assert.Equal("de", catalog.Element(dct + "title")!.Attribute(XNamespace.Xml + "lang")!.Value);
        var rdfDatasets = catalog.Elements(dcat + "dataset").Select(e => e.Element(dcat + "Dataset")!).ToList();
        Assert.Equal(OpenDataSets.All.Count, rdfDatasets.Count);
        foreach (var dataset in rdfDatasets)
        {
            foreach (var name in new[] { dct + "title", dct + "description", dct + "publisher", dcat + "contactPoint", dcatde + "contributorID", dcat + "theme", dcat + "keyword", dct + "spatial", dcatde + "politicalGeocodingURI", dct + "license", dct + "issued", dct + "modified" })
            {
                Assert.True(dataset.Element(name) is not null, $"{dataset.Attribute(r + "about")?.Value}: {name.LocalName}");
            }

            var distributions = dataset.Elements(dcat + "distribution").Select(e => e.Element(dcat + "Distribution")!).ToList();
            Assert.Equal(2, distributions.Count);
            Assert.All(distributions, d =>
            {
                Assert.NotNull(d.Element(dcat + "accessURL")!.Attribute(r + "resource"));
                Assert.Equal("http://www.w3.org/2001/XMLSchema#nonNegativeInteger", d.Element(dcat + "byteSize")!.Attribute(r + "datatype")!.Value);
                Assert.Equal("http://dcat-ap.de/def/licenses/dl-by-de/2.0", d.Element(dct + "license")!.Attribute(r + "resource")!.Value);
            });
        }
    }

    private static List<JsonElement> Many(JsonElement value) => value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [value];

    [Theory, Engines]
    public async Task Bad_requests_get_a_precise_problem_and_a_known_dataset_is_never_missing(DatabaseProvider engine)
    {
        var folder = NewFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(folder));
        var client = Users.Client(app);

        // Before any export ran, a known dataset is built on the spot.
        Assert.False(Directory.Exists(folder));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/opendata/schutzorte.json")).StatusCode);

        async Task<JsonElement> ProblemAsync(string url, HttpStatusCode status)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }

        var unknown = await ProblemAsync("/opendata/falschparker.csv", HttpStatusCode.NotFound);
        Assert.Equal("Den Datensatz „falschparker“ gibt es nicht. Vorhanden sind: " + string.Join(", ", OpenDataSets.All.Select(d => d.Slug)) + ".", unknown.GetProperty("detail").GetString());
        Assert.Equal("„massnahmen“ gibt es nicht im Format „xlsx“. Vorhanden sind: csv, json.", (await ProblemAsync("/opendata/massnahmen.xlsx", HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        Assert.Equal("„catalog“ gibt es nicht im Format „ttl“. Vorhanden sind: jsonld, rdf.", (await ProblemAsync("/opendata/catalog.ttl", HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        Assert.Equal("„gestern“ ist kein Datum im Format JJJJ-MM-TT.", (await ProblemAsync("/opendata/massnahmen.csv?stand=gestern", HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        var today = Masterplan.Web.Shared.CityTime.Today(app.Clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal($"Für den 2020-02-28 gibt es keinen Stand der offenen Daten. Vorhanden sind: {today}.",
            (await ProblemAsync("/opendata/massnahmen.csv?stand=2020-02-28", HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        Assert.Equal("„2020-02-30“ ist kein Datum im Format JJJJ-MM-TT.", (await ProblemAsync("/opendata/massnahmen.csv?stand=2020-02-30", HttpStatusCode.BadRequest)).GetProperty("detail").GetString());

        // In English when asked.
        using var english = new HttpRequestMessage(HttpMethod.Get, "/opendata/falschparker.json");
        english.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var englishProblem = JsonDocument.Parse(await (await client.SendAsync(english)).Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("There is no dataset “falschparker”.", englishProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory, Engines]
    public async Task The_nightly_export_writes_the_files_that_are_served_and_keeps_the_modified_time_of_what_did_not_change(DatabaseProvider engine)
    {
        var folder = NewFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(folder));
        var client = Users.Client(app);
        Snapshot first;
        await using (var scope = app.Scope())
        {
            first = await scope.ServiceProvider.GetRequiredService<OpenDataExport>().RunAsync(CancellationToken.None);
        }

        var day = Masterplan.Web.Shared.CityTime.Today(app.Clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(Path.Combine(folder, day), first.Folder);
        Assert.True(File.Exists(Path.Combine(folder, day, OpenDataStore.ManifestFile)));
        foreach (var dataset in first.Manifest.Datasets)
        {
            foreach (var file in dataset.Files)
            {
                var path = first.PathOf(dataset.Slug, file.Format);
                Assert.Equal(file.Size, new FileInfo(path).Length);
                var response = await client.GetAsync($"/opendata/{dataset.Slug}.{file.Format}");
                var served = await response.Content.ReadAsByteArrayAsync();
                Assert.Equal(await File.ReadAllBytesAsync(path), served);
                Assert.Equal(file.Size, response.Content.Headers.ContentLength);
                Assert.Equal($"\"{file.Sha256}\"", response.Headers.ETag!.Tag);
                Assert.Equal(file.Modified.ToUnixTimeSeconds(), response.Content.Headers.LastModified!.Value.ToUnixTimeSeconds());

                using var again = new HttpRequestMessage(HttpMethod.Get, $"/opendata/{dataset.Slug}.{file.Format}");
                again.Headers.IfNoneMatch.Add(response.Headers.ETag);
                Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
            }
        }

        // A day later a measure is published: its dataset changes, the others keep their modified time.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await QueryAsync(app, async db =>
        {
            db.Measures.Add(new Measure { FieldOfActionId = await db.FieldsOfAction.Select(f => f.Id).FirstAsync(), Title = "Neue Maßnahme", IsPublic = true, UpdatedAt = app.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        Snapshot second;
        await using (var scope = app.Scope())
        {
            second = await scope.ServiceProvider.GetRequiredService<OpenDataExport>().RunAsync(CancellationToken.None);
        }

        Assert.NotEqual(first.Folder, second.Folder);
        Assert.True(second.Manifest.Dataset(OpenDataSets.Measures)!.File("csv")!.Modified > first.Manifest.Dataset(OpenDataSets.Measures)!.File("csv")!.Modified);
        Assert.Equal(first.Manifest.Dataset(OpenDataSets.ProtectivePlaces)!.File("csv")!.Modified, second.Manifest.Dataset(OpenDataSets.ProtectivePlaces)!.File("csv")!.Modified);
        Assert.Equal(second.Manifest.Dataset(OpenDataSets.Measures)!.Rows, ParseCsv(await BytesAsync(client, "/opendata/massnahmen.csv")).Count - 1);

        // Yesterday's state stays available.
        Assert.Equal(first.Manifest.Dataset(OpenDataSets.Measures)!.Rows, ParseCsv(await BytesAsync(client, $"/opendata/massnahmen.csv?stand={day}")).Count - 1);
    }

    [Theory, Engines]
    public async Task The_page_lists_every_dataset_with_its_columns_formats_sizes_and_licence(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, Settings(NewFolder()));
        var client = Users.Client(app);
        var page = WebUtility.HtmlDecode(await (await client.GetAsync("/offene-daten")).Content.ReadAsStringAsync());
        foreach (var dataset in OpenDataSets.All)
        {
            Assert.Contains(dataset.Title, page, StringComparison.Ordinal);
            Assert.Contains($"href=\"/opendata/{dataset.Slug}.csv\"", page, StringComparison.Ordinal);
            Assert.Contains($"href=\"/opendata/{dataset.Slug}.json\"", page, StringComparison.Ordinal);
            Assert.All(dataset.Columns, c => Assert.Contains(c.Description, page, StringComparison.Ordinal));
        }

        Assert.Contains("http://dcat-ap.de/def/licenses/dl-by-de/2.0", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/opendata/catalog.rdf\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/offene-daten\"", WebUtility.HtmlDecode(await (await client.GetAsync("/")).Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
