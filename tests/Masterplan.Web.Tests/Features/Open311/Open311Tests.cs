using System.Net;
using System.Text.Json.Nodes;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Open311;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.ServiceRequests;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Open311;

/// <summary>
/// The Open311 GeoReport v2 server as a client sees it: every answer validates against the official schemas, the XML
/// carries the same data as the JSON under the spec's names, the spec's error cases answer in its error format, a report
/// sent with a key reaches its department and its processing shows, and the reporter's name and address never come out.
/// </summary>
public class Open311Tests
{
    private const string Api = "/open311/v2";

    /// <summary>A point in the city centre (Friedensplatz).</summary>
    private const string Lat = "51.5112", Long = "7.4660";

    private static async Task<string> IssueKeyAsync(AppFactory app, string name = "Test-App")
    {
        await using var scope = app.Scope();
        var outcome = await scope.ServiceProvider.GetRequiredService<Open311Keys>().IssueAsync(name, "app@example.org", CancellationToken.None);
        Assert.True(outcome.Succeeded);
        return outcome.Value.Key;
    }

    private static async Task<int> DistrictAsync(AppFactory app, string name = "Innenstadt-West")
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Districts.Where(d => d.Name == name).Select(d => d.Id).SingleAsync();
    }

    private static Dictionary<string, string> Report(string key, int district, string description = "Die Laterne vor Haus 3 ist seit Tagen aus.") => new()
    {
        ["api_key"] = key, ["service_code"] = "beleuchtung", ["lat"] = Lat, ["long"] = Long, ["description"] = description,
        [$"attribute[{Open311Api.DistrictAttribute}]"] = district.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string format, Dictionary<string, string> fields) =>
        client.PostAsync($"{Api}/requests.{format}", new FormUrlEncodedContent(fields));

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        return JsonNode.Parse(text)!;
    }

    /// <summary>The same resource as JSON and as XML: the JSON validated against the schema, the XML read back and compared.</summary>
    private static async Task<JsonNode> BothAsync(HttpClient client, string path, string root, string? schema, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var json = await JsonAsync(await client.GetAsync($"{Api}/{path}".Replace("{format}", "json", StringComparison.Ordinal)), expected);
        var xmlResponse = await client.GetAsync($"{Api}/{path}".Replace("{format}", "xml", StringComparison.Ordinal));
        Assert.Equal(expected, xmlResponse.StatusCode);
        Assert.Equal("text/xml", xmlResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", xmlResponse.Content.Headers.ContentType.CharSet);
        var xml = await xmlResponse.Content.ReadAsStringAsync();
        Assert.Equal(root, System.Xml.Linq.XDocument.Parse(xml).Root!.Name.LocalName);
        Assert.Equal(Open311Spec.AsText(json)!.ToJsonString(), Open311Spec.FromXml(xml).ToJsonString());
        Open311Spec.CheckNames(root, json);
        if (schema is not null)
        {
            Open311Spec.Validate(schema, json);
        }

        return json;
    }

    private static void IsError(JsonNode json, int code, string contains)
    {
        var errors = Assert.IsType<JsonArray>(json);
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(["code", "description"], e!.AsObject().Select(p => p.Key)));
        Assert.All(errors, e => Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), e!["code"]!.ToString()));
        Assert.Contains(errors, e => ((string)e!["description"]!).Contains(contains, StringComparison.Ordinal));
    }

    [Theory, Engines]
    public async Task Every_answer_validates_against_the_schemas_and_the_XML_carries_the_same_data(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var client = Users.Client(app);
        var key = await IssueKeyAsync(app);
        var district = await DistrictAsync(app);

        var discovery = await BothAsync(client, "discovery.{format}", "discovery", null);
        var endpoint = discovery["endpoints"]![0]!;
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", (string)endpoint["specification"]!);
        Assert.EndsWith("/open311/v2", (string)endpoint["url"]!, StringComparison.Ordinal);
        Assert.Equal(["text/xml", "application/json"], endpoint["formats"]!.AsArray().Select(f => (string)f!));
        Assert.All(new[] { "changeset", "contact", "key_service" }, f => Assert.False(string.IsNullOrWhiteSpace((string?)discovery[f])));

        var services = await BothAsync(client, "services.{format}", "services", "services");
        Assert.Equal(["beleuchtung", "aufzug-rolltreppe", "verschmutzung-muell", "vandalismus-graffiti", "angstraum", "sonstiges"], services.AsArray().Select(s => (string)s!["service_code"]!));
        Assert.All(services.AsArray(), s => Assert.Equal("realtime", (string)s!["type"]!));

        var definition = await BothAsync(client, "services/angstraum.{format}", "service_definition", "service-definition");
        var attribute = definition["attributes"]![0]!;
        Assert.Equal(Open311Api.DistrictAttribute, (string)attribute["code"]!);
        Assert.Equal(12, attribute["values"]!.AsArray().Count);
        Assert.Contains(attribute["values"]!.AsArray(), v => (string)v!["name"]! == "Innenstadt-West" && (string)v["key"]! == district.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // A report sent as JSON and one as XML: both answers are the spec's, with the number only after the commit.
        var created = await JsonAsync(await PostAsync(client, "json", Report(key, district)));
        Open311Spec.CheckNames("service_requests", created);
        Assert.All(created.AsArray(), r => Open311Spec.Validate("RequestResponse", r!));
        var id = (string)created[0]!["service_request_id"]!;
        Assert.Contains("Eingangsnummer", (string)created[0]!["service_notice"]!, StringComparison.Ordinal);
        var xmlPost = await PostAsync(client, "xml", Report(key, district, "Graffiti am Stadtgarten, zweite Meldung."));
        Assert.Equal(HttpStatusCode.OK, xmlPost.StatusCode);
        var fromXml = Open311Spec.FromXml(await xmlPost.Content.ReadAsStringAsync());
        Assert.All(fromXml.AsArray(), r => Open311Spec.Validate("RequestResponse", r!));
        var secondId = (string)fromXml[0]!["service_request_id"]!;

        // A published photo is the media URL; one waiting for moderation is not.
        int published;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            ServiceRequestPhoto Photo(string request, string moderation) => new()
            {
                ServiceRequestId = int.Parse(request, System.Globalization.CultureInfo.InvariantCulture), Position = 1, Jpeg = [0xFF, 0xD8, 0xFF, 0xD9],
                Width = 1, Height = 1, Moderation = moderation, CreatedAt = app.Clock.GetUtcNow(),
            };
            var photo = Photo(id, ServiceRequestsModule.PhotoPublished);
            db.ServiceRequestPhotos.AddRange(photo, Photo(secondId, ServiceRequestsModule.PhotoPending));
            await db.SaveChangesAsync();
            published = photo.Id;
        }

        var list = await BothAsync(client, "requests.{format}", "service_requests", "requests");
        Assert.Null(list[0]!["media_url"]);
        var mediaUrl = new Uri((string)list[1]!["media_url"]!);
        Assert.Equal($"/meldungen/{id}/fotos/{published}", mediaUrl.AbsolutePath);
        Assert.Equal("image/jpeg", (await client.GetAsync(mediaUrl.AbsolutePath)).Content.Headers.ContentType!.MediaType);
        Assert.Equal([secondId, id], list.AsArray().Select(r => (string)r!["service_request_id"]!));
        var one = await BothAsync(client, $"requests/{id}.{{format}}", "service_requests", "requests");
        var report = one[0]!;
        Assert.Equal("open", (string)report["status"]!);
        Assert.Equal("beleuchtung", (string)report["service_code"]!);
        Assert.Equal("Beleuchtung defekt", (string)report["service_name"]!);
        Assert.Equal(51.5112, (double)report["lat"]!);
        Assert.Equal(7.466, (double)report["long"]!);
        Assert.Equal("offen", (string)report["status_notes"]!);
        Assert.Equal("2026-11-23T09:00:00+01:00", (string)report["requested_datetime"]!);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var department = await (from c in db.ServiceCategories where c.Code == "beleuchtung" join o in db.Organizations on c.DepartmentId equals o.Id select o.Name).SingleAsync();
            Assert.Equal(department, (string)report["agency_responsible"]!);

            // The token is the receipt number a reporter was given; this one is planted, as only its hash is stored.
            var (receipt, hash) = HashedCodes.Create();
            var row = await db.ServiceRequests.SingleAsync(r => r.Id == int.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
            row.ReceiptHash = hash;
            await db.SaveChangesAsync();
            var token = await BothAsync(client, $"tokens/{receipt}.{{format}}", "service_requests", null);
            Assert.All(token.AsArray(), t => Open311Spec.Validate("TokenResponse", t!));
            Assert.Equal(id, (string)token[0]!["service_request_id"]!);
        }

        // Reading is open to pages of other origins; sending is not a browser's business.
        var cors = await client.GetAsync($"{Api}/services.json");
        Assert.Equal("*", cors.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Theory, Engines]
    public async Task An_address_string_without_lat_and_long_is_placed_through_the_address_list(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        await using (var scope = app.Scope())
        {
            var (_, errors) = await scope.ServiceProvider.GetRequiredService<Masterplan.Web.Features.Geo.Gazetteer>().ImportAsync(
                "Straße;Hausnummer;PLZ;Breite;Länge\nKampstraße;1;44137;51,5150;7,4615\nKampstraße;2;44137;51,5151;7,4617\n"u8.ToArray(), CancellationToken.None);
            Assert.Empty(errors);
        }

        var client = Users.Client(app);
        var key = await IssueKeyAsync(app);
        var fields = Report(key, await DistrictAsync(app));
        fields.Remove("lat");
        fields.Remove("long");
        fields["address_string"] = "Gibtsnichtweg 3";
        var unknown = await PostAsync(client, "json", fields);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("address_string: Die Adresse „Gibtsnichtweg 3“ steht nicht im Adressverzeichnis.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        fields["address_string"] = "kampstr. 2";
        var id = (string)(await JsonAsync(await PostAsync(client, "json", fields)))[0]!["service_request_id"]!;
        await using (var scope = app.Scope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ServiceRequests.SingleAsync();
            Assert.Equal(id, stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("Kampstraße 2, 44137 Dortmund", stored.Address);
            Assert.Equal(51.5151, stored.Latitude, 6);
            Assert.Equal(7.4617, stored.Longitude, 6);
        }
    }

    [Theory, Engines]
    public async Task The_spec_s_error_cases_answer_in_its_error_format_and_store_nothing(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var client = Users.Client(app);
        var key = await IssueKeyAsync(app);
        var district = await DistrictAsync(app);

        async Task Refused(string format, Dictionary<string, string> fields, HttpStatusCode status, string contains)
        {
            var response = await PostAsync(client, format, fields);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {text}");
            IsError(format == "json" ? JsonNode.Parse(text)! : Open311Spec.FromXml(text), (int)status, contains);
        }

        Dictionary<string, string> With(string field, string? value)
        {
            var fields = Report(key, district);
            if (value is null)
            {
                fields.Remove(field);
            }
            else
            {
                fields[field] = value;
            }

            return fields;
        }

        await Refused("xml", With("api_key", null), HttpStatusCode.Forbidden, "api_key");
        await Refused("json", With("api_key", "ausgedacht"), HttpStatusCode.Forbidden, "api_key");
        await Refused("xml", With("service_code", "schlagloch"), HttpStatusCode.NotFound, "schlagloch");
        await Refused("json", With("service_code", null), HttpStatusCode.BadRequest, "service_code");
        await Refused("json", With("lat", "51,51"), HttpStatusCode.BadRequest, "lat: „51,51“ ist keine Zahl");
        await Refused("json", With("long", "osten"), HttpStatusCode.BadRequest, "long: „osten“ ist keine Zahl");
        await Refused("xml", With("lat", "52.52"), HttpStatusCode.BadRequest, "liegt nicht in Dortmund");
        await Refused("json", With("lat", null), HttpStatusCode.BadRequest, "lat und long");
        var addressOnly = With("lat", null);
        addressOnly.Remove("long");
        await Refused("json", addressOnly, HttpStatusCode.BadRequest, "lat und long oder als address_string");
        addressOnly["address_string"] = "Kampstraße 1";
        await Refused("xml", addressOnly, HttpStatusCode.BadRequest, "address_string: Es ist noch kein Adressverzeichnis eingespielt.");
        await Refused("json", With("description", "   "), HttpStatusCode.BadRequest, "Bitte beschreiben Sie");
        await Refused("json", With("description", new string('x', 4001)), HttpStatusCode.BadRequest, "höchstens 4000");
        await Refused("json", With($"attribute[{Open311Api.DistrictAttribute}]", null), HttpStatusCode.BadRequest, "Stadtbezirk");
        await Refused("json", With($"attribute[{Open311Api.DistrictAttribute}]", "999"), HttpStatusCode.BadRequest, "Diesen Stadtbezirk gibt es nicht.");
        await Refused("json", With("email", "kein-mail"), HttpStatusCode.BadRequest, "E-Mail-Adresse");
        await Refused("json", With("jurisdiction_id", "berlin.de"), HttpStatusCode.NotFound, "berlin.de");
        var json = await client.PostAsync($"{Api}/requests.json", new StringContent("{\"service_code\":\"beleuchtung\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        IsError(JsonNode.Parse(await json.Content.ReadAsStringAsync())!, 400, "application/x-www-form-urlencoded");

        // A key revoked by the administrator stops working at once.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var id = await db.Open311Clients.Select(c => c.Id).SingleAsync();
            Assert.True((await scope.ServiceProvider.GetRequiredService<Open311Keys>().RevokeAsync(id, CancellationToken.None)).Succeeded);
        }

        await Refused("json", Report(key, district), HttpStatusCode.Forbidden, "widerrufen");

        await using (var scope = app.Scope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().ServiceRequests.CountAsync());
        }

        // Reading: unknown service, report, token, format and path; malformed dates and filters.
        IsError(await BothAsync(client, "services/schlagloch.{format}", "errors", null, HttpStatusCode.NotFound), 404, "schlagloch");
        IsError(await BothAsync(client, "requests/4711.{format}", "errors", null, HttpStatusCode.NotFound), 404, "4711");
        IsError(await BothAsync(client, "requests/abc.{format}", "errors", null, HttpStatusCode.NotFound), 404, "abc");
        IsError(await BothAsync(client, "tokens/K7QM-3XTR-P9ZC.{format}", "errors", null, HttpStatusCode.NotFound), 404, "Eingangsnummer");
        IsError(await BothAsync(client, "requests.{format}?start_date=gestern", "errors", null, HttpStatusCode.BadRequest), 400, "start_date: „gestern“");
        IsError(await BothAsync(client, "requests.{format}?end_date=2026-13-01T00:00:00Z", "errors", null, HttpStatusCode.BadRequest), 400, "end_date");
        IsError(await BothAsync(client, "requests.{format}?start_date=2026-11-01T10:00:00", "errors", null, HttpStatusCode.BadRequest), 400, "mit Zeitzone");
        IsError(await BothAsync(client, "requests.{format}?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z", "errors", null, HttpStatusCode.BadRequest), 400, "90 Tage");
        IsError(await BothAsync(client, "requests.{format}?start_date=2026-11-01&end_date=2026-10-01", "errors", null, HttpStatusCode.BadRequest), 400, "vor start_date");
        IsError(await BothAsync(client, "requests.{format}?service_code=schlagloch", "errors", null, HttpStatusCode.BadRequest), 400, "schlagloch");
        IsError(await BothAsync(client, "requests.{format}?status=erledigt", "errors", null, HttpStatusCode.BadRequest), 400, "open und closed");
        IsError(await BothAsync(client, "requests.{format}?service_request_id=1,zwei", "errors", null, HttpStatusCode.BadRequest), 400, "zwei");
        IsError(await BothAsync(client, "requests.{format}?page_size=1001", "errors", null, HttpStatusCode.BadRequest), 400, "page_size");
        IsError(await BothAsync(client, "requests.{format}?page=0", "errors", null, HttpStatusCode.BadRequest), 400, "page");
        IsError(await BothAsync(client, "gibtsnicht.{format}", "errors", null, HttpStatusCode.NotFound), 404, "discovery.xml");
        var unknownFormat = await client.GetAsync($"{Api}/services.html");
        Assert.Equal(HttpStatusCode.BadRequest, unknownFormat.StatusCode);
        IsError(Open311Spec.FromXml(await unknownFormat.Content.ReadAsStringAsync()), 400, "„html“");
        var wrongMethod = await client.DeleteAsync($"{Api}/services.json");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        IsError(JsonNode.Parse(await wrongMethod.Content.ReadAsStringAsync())!, 405, "GET");

        // In English for a client that asks for it.
        using var english = new HttpRequestMessage(HttpMethod.Get, $"{Api}/requests/4711.json");
        english.Headers.AcceptLanguage.ParseAdd("en");
        IsError(JsonNode.Parse(await (await client.SendAsync(english)).Content.ReadAsStringAsync())!, 404, "Report 4711 does not exist.");
    }

    [Theory, Engines]
    public async Task A_report_sent_through_Open311_reaches_its_department_and_its_processing_shows_in_the_list(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var client = Users.Client(app);
        var key = await IssueKeyAsync(app);
        var district = await DistrictAsync(app, "Hörde");
        var created = await JsonAsync(await PostAsync(client, "json", Report(key, district)));
        var id = int.Parse((string)created[0]!["service_request_id"]!, System.Globalization.CultureInfo.InvariantCulture);

        int department;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var row = await db.ServiceRequests.SingleAsync(r => r.Id == id);
            var category = await db.ServiceCategories.SingleAsync(c => c.Id == row.CategoryId);
            Assert.Equal("beleuchtung", category.Code);
            Assert.Equal(OrganizationKind.Department, (await db.Organizations.SingleAsync(o => o.Id == category.DepartmentId)).Kind);
            Assert.Equal(district, row.DistrictId);
            department = category.DepartmentId;
        }

        // It is in the queue of the category's department, whose staff fix it two days later with a public note.
        app.Clock.Advance(TimeSpan.FromDays(2));
        var staffUser = await Users.CreateAsync(app, "licht@stadtdo.de", Roles.DepartmentStaff);
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var account = (await users.FindByEmailAsync(staffUser.Email))!;
            account.DepartmentId = department;
            await users.UpdateAsync(account);
        }

        var staff = await Users.SignInAsync(app, staffUser);
        Assert.Contains($"/verwaltung/meldungen/{id}\"", await (await staff.GetAsync("/verwaltung/meldungen")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Listed as open; that answer is now kept (Open311Cache) and must not outlive the status change below.
        Assert.Single((await BothAsync(client, "requests.{format}?status=open", "service_requests", "requests")).AsArray());
        var manage = $"/verwaltung/meldungen/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync($"{manage}?handler=Status", new() { ["Status"] = "fixed", ["Note"] = "Leuchtmittel getauscht." })).StatusCode);

        var closed = await BothAsync(Users.Client(app), "requests.{format}?status=closed", "service_requests", "requests");
        var report = Assert.Single(closed.AsArray())!;
        Assert.Equal("closed", (string)report["status"]!);
        Assert.Equal("erledigt. Leuchtmittel getauscht.", (string)report["status_notes"]!);
        Assert.Equal("2026-11-25T09:00:00+01:00", (string)report["updated_datetime"]!);
        Assert.Null(report["expected_datetime"]);
        Assert.Empty((await BothAsync(client, "requests.{format}?status=open", "service_requests", "requests")).AsArray());

        // The spec's window: the last 90 days unless asked otherwise; paging beyond the 1000 of one answer.
        var key2 = Report(key, district, "Noch eine Laterne.");
        await PostAsync(client, "json", key2);
        await PostAsync(client, "json", key2);
        var first = await client.GetAsync($"{Api}/requests.json?page_size=2&service_code=beleuchtung");
        var page1 = (await JsonAsync(first)).AsArray().Select(r => (string)r!["service_request_id"]!).ToList();
        var next = first.Headers.GetValues("Link").Single();
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", next, StringComparison.Ordinal);
        var page2 = (await JsonAsync(await client.GetAsync($"{Api}/requests.json?page_size=2&service_code=beleuchtung&page=2"))).AsArray()
            .Select(r => (string)r!["service_request_id"]!).ToList();
        Assert.Equal(2, page1.Count);
        var again = await client.GetAsync($"{Api}/requests.json?page_size=2&service_code=beleuchtung");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(next, again.Headers.GetValues("Link").Single()); // the kept answer keeps its next link
        Assert.Equal([id.ToString(System.Globalization.CultureInfo.InvariantCulture)], page2);
        Assert.Empty(page1.Intersect(page2));
        app.Clock.Advance(TimeSpan.FromDays(91));
        Assert.Empty((await JsonAsync(await client.GetAsync($"{Api}/requests.json"))).AsArray());
        Assert.Equal(3, (await JsonAsync(await client.GetAsync($"{Api}/requests.json?start_date=2026-11-01T00:00:00%2B01:00"))).AsArray().Count);
        Assert.Single((await JsonAsync(await client.GetAsync($"{Api}/requests.json?start_date=2026-11-01&service_request_id={id}"))).AsArray());
    }

    [Theory, Engines]
    public async Task A_planted_name_and_address_of_a_reporter_never_appear_in_any_Open311_answer(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var client = Users.Client(app);
        var key = await IssueKeyAsync(app);
        var district = await DistrictAsync(app);
        var given = "Vorname" + Guid.NewGuid().ToString("N")[..10];
        var family = "Nachname" + Guid.NewGuid().ToString("N")[..10];
        var mail = $"geheim{Guid.NewGuid():N}@example.org";
        var fields = Report(key, district);
        fields["first_name"] = given;
        fields["last_name"] = family;
        fields["email"] = mail;
        fields["phone"] = "0231 1234567";
        var answers = new List<string>();
        foreach (var format in new[] { "json", "xml" })
        {
            var response = await PostAsync(client, format, fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(await response.Content.ReadAsStringAsync());
        }

        await using (var scope = app.Scope())
        {
            var rows = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ServiceRequests.ToListAsync();
            Assert.All(rows, r => Assert.Equal($"{given} {family}", r.ReporterName));
            Assert.All(rows, r => Assert.Equal(mail, r.ReporterEmail));
            foreach (var row in rows)
            {
                foreach (var format in new[] { "json", "xml" })
                {
                    answers.Add(await client.GetStringAsync($"{Api}/requests/{row.Id}.{format}"));
                }
            }
        }

        foreach (var path in new[] { "requests", "services", "discovery", "services/beleuchtung" })
        {
            foreach (var format in new[] { "json", "xml" })
            {
                answers.Add(await client.GetStringAsync($"{Api}/{path}.{format}"));
            }
        }

        Assert.Contains(answers, a => a.Contains("Die Laterne vor Haus 3", StringComparison.Ordinal));
        foreach (var secret in new[] { given, family, mail, "geheim", "1234567" })
        {
            Assert.DoesNotContain(answers, a => a.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        Assert.DoesNotContain(app.Logs.Lines, e => e.Contains(mail, StringComparison.OrdinalIgnoreCase) || e.Contains(family, StringComparison.Ordinal));
    }

    [Theory, Engines]
    public async Task A_category_changed_on_one_instance_is_applied_at_once_by_another(DatabaseProvider engine)
    {
        // Reports are checked against a per-instance snapshot of the categories; it must not outlive a change made elsewhere.
        await using var db = await TestDatabase.CreateAsync(engine);
        var settings = new Dictionary<string, string?> { ["Mail:PickupDirectory"] = Masterplan.Web.Tests.Features.Meetings.MeetingChainTests.NewMailFolder(), ["Jobs:Enabled"] = "false" };
        await using var office = new AppFactory(db, settings);
        await office.StartServerAsync();
        await using var intake = new AppFactory(db, settings);
        await intake.StartServerAsync();
        var key = await IssueKeyAsync(office);
        var client = Users.Client(intake);
        var report = Report(key, await DistrictAsync(office));
        await JsonAsync(await PostAsync(client, "json", report));

        // A required question added on the office's instance is asked at once on the other.
        int category;
        await using (var scope = office.Scope())
        {
            category = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ServiceCategories.Where(c => c.Code == "beleuchtung").Select(c => c.Id).SingleAsync();
            Assert.True((await scope.ServiceProvider.GetRequiredService<CategoryEditor>().AddQuestionAsync(category, "yesno", "Ist der Mast beschädigt?", null, required: true, default)).Succeeded);
        }

        var question = await QuestionIdAsync(office, category);
        IsError(await JsonAsync(await PostAsync(client, "json", report), HttpStatusCode.BadRequest), 400, $"attribute[frage-{question}]");
        report[$"attribute[frage-{question}]"] = "nein";
        await JsonAsync(await PostAsync(client, "json", report));

        // Switched off there: refused here as an unknown service, and nothing more is stored.
        await using (var scope = office.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await data.ServiceCategories.SingleAsync(c => c.Id == category)).IsActive = false;
            await data.SaveChangesAsync();
        }

        IsError(await JsonAsync(await PostAsync(client, "json", report), HttpStatusCode.NotFound), 404, "beleuchtung");
        await using (var scope = intake.Scope())
        {
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<AppDbContext>().ServiceRequests.CountAsync(r => r.CategoryId == category && r.Description == report["description"]));
        }
    }

    private static async Task<int> QuestionIdAsync(AppFactory app, int category)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ServiceCategoryQuestions.Where(q => q.CategoryId == category).Select(q => q.Id).SingleAsync();
    }

    [Theory, Engines]
    public async Task An_administrator_issues_a_key_shown_once_and_revokes_it_both_audited(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var admin = await Users.SignInAsync(app, await Users.CreateAsync(app, "admin@stadtdo.de", Roles.Administrator));

        var empty = await admin.PostFormAsync("/verwaltung/open311?handler=Issue", new() { ["Name"] = " ", ["Contact"] = "" }, "/verwaltung/open311");
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Bitte geben Sie an, wer den Schlüssel nutzt.", html, StringComparison.Ordinal);
        Assert.Contains("Bitte geben Sie eine Kontaktmöglichkeit an.", html, StringComparison.Ordinal);

        var issued = await admin.PostFormAsync("/verwaltung/open311?handler=Issue", new() { ["Name"] = "Stadtteil-App Hörde", ["Contact"] = "app@hoerde.example" }, "/verwaltung/open311");
        var document = await Html.ParseAsync(issued);
        var key = document.QuerySelector("[data-new-key]")!.TextContent.Trim();
        Assert.True(key.Length >= 40);
        var list = await admin.GetStringAsync("/verwaltung/open311");
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        Assert.Contains("Stadtteil-App Hörde", list, StringComparison.Ordinal);
        Assert.Contains("noch nie", list, StringComparison.Ordinal);

        var client = Users.Client(app);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "json", Report(key, await DistrictAsync(app)))).StatusCode);
        Assert.DoesNotContain("noch nie", await admin.GetStringAsync("/verwaltung/open311"), StringComparison.Ordinal);

        int id;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.Open311Clients.SingleAsync();
            id = stored.Id;
            Assert.Equal(HashedCodes.Hash(key), stored.KeyHash);
            Assert.NotNull(stored.LastUsedAt);
            Assert.DoesNotContain(await db.AuditEntries.Select(a => a.Changes ?? "").ToListAsync(), c => c.Contains(key, StringComparison.Ordinal));
        }

        var revoked = await admin.PostFormAsync($"/verwaltung/open311?handler=Revoke&id={id}", [], "/verwaltung/open311");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, "json", Report(key, await DistrictAsync(app)))).StatusCode);
        Assert.Contains("widerrufen am", await admin.GetStringAsync("/verwaltung/open311"), StringComparison.Ordinal);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(Open311Client)).OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(["open311.key.issued", "open311.key.revoked"], audit.Select(a => a.Action));
            Assert.All(audit, a => Assert.NotNull(a.ActorUserId));
        }

        // Only administrators manage keys.
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        Assert.Equal(HttpStatusCode.Forbidden, (await office.GetAsync("/verwaltung/open311")).StatusCode);
    }
}
