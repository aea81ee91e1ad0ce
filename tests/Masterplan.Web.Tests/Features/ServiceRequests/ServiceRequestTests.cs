using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.ServiceRequests;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Features.Meetings;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.ServiceRequests;

/// <summary>
/// Meldungen end to end on both engines: a resident reports through the two-step form, the right department's queue gets
/// it (and only that department), staff process it with public notes and photo moderation, the public sees status and
/// published photos without any personal data; bad input, duplicates nearby, idempotent sending and retention.
/// </summary>
public sealed class ServiceRequestTests
{
    internal const string PlantedName = "Hermenegild Quappenschwanz";
    internal const string PlantedEmail = "planted-4d1e77c2@example.org";

    internal static Dictionary<string, string?> Settings(string mail) => new()
    {
        ["Accounts:FormPostsPerMinute"] = "1000", ["Mail:PickupDirectory"] = mail, ["Mail:PlatformUrl"] = "https://masterplan.example", ["Jobs:Enabled"] = "false",
    };

    internal static async Task<string> BodyAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    internal static string Hidden(string html, string name)
    {
        var m = Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
        Assert.True(m.Success, $"no field {name}");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    internal static async Task<int> DistrictAsync(AppFactory app, string name)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Districts.Where(d => d.Name == name).Select(d => d.Id).SingleAsync();
    }

    /// <summary>Step 1 of the form ("Weiter") as a browser sends it; returns the answer (step 2, or step 1 with messages).</summary>
    internal static async Task<(HttpResponseMessage Response, string Html)> NextAsync(HttpClient resident, Dictionary<string, string> place)
    {
        var form = await (await resident.GetAsync("/meldungen/neu")).Content.ReadAsStringAsync();
        var data = new Dictionary<string, string>(place)
        {
            ["__RequestVerificationToken"] = Hidden(form, "__RequestVerificationToken"), ["ReceiptToken"] = Hidden(form, "ReceiptToken"),
        };
        var response = await resident.PostAsync("/meldungen/neu?handler=Next", new FormUrlEncodedContent(data));
        return (response, await BodyAsync(response));
    }

    /// <summary>Step 2 ("Meldung senden") from the page of step 1's answer, a few seconds later, with photos as files.</summary>
    internal static async Task<HttpResponseMessage> SendAsync(AppFactory app, HttpClient resident, string stepTwo, Dictionary<string, string> details, params (string Name, byte[] Bytes)[] photos)
    {
        using var content = new MultipartFormDataContent();
        foreach (var name in new[] { "__RequestVerificationToken", "ReceiptToken", FormGuard.StampField, "Category", "Place.Latitude", "Place.Longitude", "Place.Address", "Place.DistrictId" })
        {
            content.Add(new StringContent(Hidden(stepTwo, name)), name);
        }

        content.Add(new StringContent(""), FormGuard.HoneypotField);
        foreach (var (name, value) in details)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in photos)
        {
            content.Add(new ByteArrayContent(bytes), "Photos", name);
        }

        app.Clock.Advance(TimeSpan.FromSeconds(5));
        return await resident.PostAsync("/meldungen/neu?handler=Send", content);
    }

    internal static async Task<Users.TestUser> StaffAsync(AppFactory app, string email, string department)
    {
        var user = await Users.CreateAsync(app, email, Roles.DepartmentStaff);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var account = (await users.FindByEmailAsync(email))!;
        account.DepartmentId = await db.Organizations.Where(o => o.Name == department).Select(o => o.Id).SingleAsync();
        await users.UpdateAsync(account);
        return user;
    }

    internal static Dictionary<string, string> Place(int district, string category = "angstraum", string lat = "51,51360", string lon = "7.46530") => new()
    {
        ["Category"] = category, ["Place.Latitude"] = lat, ["Place.Longitude"] = lon, ["Place.DistrictId"] = district.ToString(CultureInfo.InvariantCulture),
    };

    [Theory, Engines]
    public async Task A_report_reaches_its_department_is_processed_and_shows_publicly_without_personal_data(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(mail));
        var staff = await Users.SignInAsync(app, await StaffAsync(app, "ordnungsamt@stadtdo.de", "Ordnungsamt"));
        var other = await Users.SignInAsync(app, await StaffAsync(app, "jugendamt@stadtdo.de", "Jugendamt"));
        var district = await DistrictAsync(app, "Innenstadt-West");

        // Step 1 by keyboard-typed coordinates (German decimal comma in one, point in the other).
        var resident = Users.Client(app);
        var (next, stepTwo) = await NextAsync(resident, Place(district));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Contains("Schritt 2 von 2", stepTwo);
        Assert.DoesNotContain("Das wurde schon gemeldet", stepTwo);

        var photo = TestImages.WithExifGps(TestImages.Jpeg());
        var sent = await SendAsync(app, resident, stepTwo, new()
        {
            ["Description"] = "Die Treppe zur Unterführung ist abends stockdunkel.", ["ReporterName"] = PlantedName, ["Email"] = PlantedEmail,
        }, ("IMG_4711.jpg", photo));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var receiptUrl = sent.Headers.Location!.OriginalString;
        Assert.StartsWith("/meldungen/eingegangen?nr=", receiptUrl, StringComparison.Ordinal);

        // The same form sent again (a reload after a lost answer) is the same report with the same receipt.
        var again = await SendAsync(app, resident, stepTwo, new() { ["Description"] = "Die Treppe zur Unterführung ist abends stockdunkel.", ["Email"] = PlantedEmail });
        Assert.Equal(receiptUrl, again.Headers.Location!.OriginalString);
        int id;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.ServiceRequests.SingleAsync(r => !r.IsDemo);
            id = stored.Id;
            Assert.Equal((PlantedName, PlantedEmail), (stored.ReporterName, stored.ReporterEmail)); // planted, so the searches below mean something
            Assert.Equal(1, await db.ServiceRequestPhotos.CountAsync());
        }

        Assert.Contains("Ihre Meldung ist eingegangen", await BodyAsync(await resident.GetAsync(receiptUrl)));

        // The department gets a mail (no routing address: its staff accounts); the reporter a confirmation link.
        var mails = await MeetingChainTests.MailsAsync(app, mail);
        Assert.Contains(mails, m => m.To.ToString().Contains("ordnungsamt@stadtdo.de", StringComparison.Ordinal) && (m.Subject ?? "").Contains($"Neue Meldung Nr. {id}", StringComparison.Ordinal));
        Assert.DoesNotContain(mails, m => m.To.ToString().Contains("jugendamt@stadtdo.de", StringComparison.Ordinal));
        Assert.DoesNotContain(mails.Where(m => !m.To.ToString().Contains(PlantedEmail, StringComparison.Ordinal)), m => m.TextBody!.Contains(PlantedEmail, StringComparison.Ordinal) || m.TextBody.Contains(PlantedName, StringComparison.Ordinal));
        var link = Regex.Match(mails.Single(m => m.To.ToString().Contains(PlantedEmail, StringComparison.Ordinal)).TextBody!, @"https://masterplan\.example(/meldungen/bestaetigen/\S+)").Groups[1].Value;
        Assert.Contains("Bitte bestätigen Sie", await BodyAsync(await resident.GetAsync(link)));
        Assert.Contains("ist bestätigt", await BodyAsync(await resident.PostFormAsync(link, [])));

        // Only the responsible department sees and changes it; for another it does not exist.
        Assert.Contains($"/verwaltung/meldungen/{id}\"", await BodyAsync(await staff.GetAsync("/verwaltung/meldungen")));
        Assert.DoesNotContain($"/verwaltung/meldungen/{id}\"", await BodyAsync(await other.GetAsync("/verwaltung/meldungen")));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/verwaltung/meldungen/{id}")).StatusCode);
        var manage = $"/verwaltung/meldungen/{id}";
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync($"{manage}?handler=Status", new() { ["Status"] = "fixed", ["Note"] = "Erledigt." }, "/verwaltung/meldungen")).StatusCode);
        var photoId = 0;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(ServiceRequestsModule.Open, (await db.ServiceRequests.SingleAsync(r => r.Id == id)).Status);
            photoId = (await db.ServiceRequestPhotos.SingleAsync()).Id;
        }

        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync($"{manage}?handler=Photo", new() { ["photoId"] = $"{photoId}", ["publish"] = "true" }, "/verwaltung/meldungen")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Users.Client(app).GetAsync($"/meldungen/{id}/fotos/{photoId}")).StatusCode); // not yet published

        // Staff: the contact data is there for them; a status change needs its public note; duplicate needs the original.
        var page = await BodyAsync(await staff.GetAsync(manage));
        Assert.Contains(PlantedEmail, page);
        Assert.Contains("Bitte schreiben Sie eine öffentliche Notiz", await BodyAsync(await staff.PostFormAsync($"{manage}?handler=Status", new() { ["Status"] = "acknowledged", ["Note"] = " " })));
        Assert.Contains("Bitte geben Sie die Nummer der Meldung an, die diese wiederholt.", await BodyAsync(await staff.PostFormAsync($"{manage}?handler=Status", new() { ["Status"] = "duplicate", ["Note"] = "Doppelt." })));
        Assert.Contains("Bitte geben Sie an, an wen die Meldung weitergeleitet wurde.", await BodyAsync(await staff.PostFormAsync($"{manage}?handler=Status", new() { ["Status"] = "not-responsible", ["Note"] = "Nicht wir." })));
        Assert.Contains("Bitte wählen Sie einen der Status aus der Liste.", await BodyAsync(await staff.PostFormAsync($"{manage}?handler=Status", new() { ["Status"] = "vergessen", ["Note"] = "x" })));
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync($"{manage}?handler=Status", new() { ["Status"] = "acknowledged", ["Note"] = "Wir haben die Beleuchtung beauftragt." })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync($"{manage}?handler=Photo", new() { ["photoId"] = $"{photoId}", ["publish"] = "true" })).StatusCode);

        // The confirmed reporter is told; the public sees the status, the note and the photo, and nothing personal.
        var statusMail = (await MeetingChainTests.MailsAsync(app, mail)).Last();
        Assert.Contains(PlantedEmail, statusMail.To.ToString());
        Assert.Contains("Wir haben die Beleuchtung beauftragt.", statusMail.TextBody);
        var anonymous = Users.Client(app);
        var details = await BodyAsync(await anonymous.GetAsync($"/meldungen/{id}"));
        Assert.Contains("angenommen", details);
        Assert.Contains("Wir haben die Beleuchtung beauftragt.", details);
        Assert.Contains($"/meldungen/{id}/fotos/{photoId}", details);
        var bytes = await (await anonymous.GetAsync($"/meldungen/{id}/fotos/{photoId}")).Content.ReadAsByteArrayAsync();
        Assert.Equal([0xFF, 0xD8, 0xFF], bytes.Take(3));
        Assert.False(TestImages.Contains(bytes, TestImages.PlantedGps));
        Assert.False(TestImages.Contains(bytes, "Exif"));
        Assert.False(TestImages.Contains(bytes, "<script>"));

        foreach (var url in new[] { "/meldungen", $"/meldungen/{id}", "/meldungen/feed.atom", "/meldungen/feed.atom?kategorie=angstraum", $"/meldungen?bezirk={district}&status=acknowledged" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await BodyAsync(response);
            Assert.Contains("Die Treppe zur Unterführung ist abends stockdunkel.", body);
            Assert.DoesNotContain(PlantedEmail, body);
            Assert.DoesNotContain(PlantedName, body);
            Assert.DoesNotContain("Test ordnungsamt", body); // the member of staff's name stays inside
        }

        Assert.DoesNotContain("stockdunkel", await BodyAsync(await anonymous.GetAsync("/meldungen/feed.atom?kategorie=beleuchtung")));
        Assert.DoesNotContain("stockdunkel", await BodyAsync(await anonymous.GetAsync("/meldungen?status=fixed")));
        await using (var scope = app.Scope())
        {
            var actions = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.Where(a => a.EntityType == "ServiceRequest" || a.EntityType == "ServiceRequestPhoto")
                .Select(a => a.Action + " " + a.Changes).ToListAsync();
            Assert.Contains(actions, a => a.StartsWith("serviceRequest.status", StringComparison.Ordinal) && a.Contains("acknowledged", StringComparison.Ordinal));
            Assert.Contains(actions, a => a.StartsWith("serviceRequest.photo.published", StringComparison.Ordinal));
            Assert.DoesNotContain(actions, a => a.Contains(PlantedEmail, StringComparison.Ordinal) || a.Contains(PlantedName, StringComparison.Ordinal));
        }
    }

    [Theory, Engines]
    public async Task A_typed_address_places_the_report_and_an_ambiguous_one_offers_choices(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(mail));
        await using (var scope = app.Scope())
        {
            var (_, errors) = await scope.ServiceProvider.GetRequiredService<Gazetteer>().ImportAsync(
                "Straße;Hausnummer;PLZ;Breite;Länge\nKampstraße;1;44137;51,5150;7,4615\nKampstraße;2;44137;51,5151;7,4617\n"u8.ToArray(), CancellationToken.None);
            Assert.Empty(errors);
        }

        var district = (await DistrictAsync(app, "Innenstadt-West")).ToString(CultureInfo.InvariantCulture);
        var resident = Users.Client(app);
        var unknown = (await NextAsync(resident, new() { ["Category"] = "beleuchtung", ["Place.Address"] = "Gibtsnichtweg 3", ["Place.DistrictId"] = district })).Html;
        Assert.Contains("Die Adresse „Gibtsnichtweg 3“ steht nicht im Adressverzeichnis.", unknown);
        Assert.Contains("Schritt 1 von 2", unknown);

        // "Kampstraße" alone could be either house: the form lists both, and the choice places the report.
        var ambiguous = (await NextAsync(resident, new() { ["Category"] = "beleuchtung", ["Place.Address"] = "Kampstraße", ["Place.DistrictId"] = district })).Html;
        Assert.Contains("Zu „Kampstraße“ passen mehrere Adressen.", ambiguous);
        var choice = Regex.Match(ambiguous, "name=\"Place.Choice\" value=\"(\\d+)\"><label for=\"[^\"]+\">Kampstraße 2, 44137 Dortmund<").Groups[1].Value;
        Assert.NotEmpty(choice);
        var chosen = (await NextAsync(resident, new() { ["Category"] = "beleuchtung", ["Place.Address"] = "Kampstraße", ["Place.Choice"] = choice, ["Place.DistrictId"] = district })).Html;
        Assert.Contains("Schritt 2 von 2", chosen);
        Assert.Contains("Kampstraße 2, 44137 Dortmund", chosen);

        // Typed as people type it, with no map and no coordinates.
        var stepTwo = (await NextAsync(resident, new() { ["Category"] = "beleuchtung", ["Place.Address"] = "kampstr. 1", ["Place.DistrictId"] = district })).Html;
        Assert.Contains("Kampstraße 1, 44137 Dortmund", stepTwo);
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(app, resident, stepTwo, new() { ["Description"] = "Die Laterne ist aus." })).StatusCode);
        await using (var scope = app.Scope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ServiceRequests.SingleAsync();
            Assert.Equal("Kampstraße 1, 44137 Dortmund", stored.Address);
            Assert.Equal(51.5150, stored.Latitude, 6);
            Assert.Equal(7.4615, stored.Longitude, 6);
        }
    }

    [Theory, Engines]
    public async Task The_public_map_answers_the_list_s_filters_as_GeoJSON_inside_the_box(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(mail));
        var resident = Users.Client(app);
        var stepTwo = (await NextAsync(resident, Place(await DistrictAsync(app, "Innenstadt-West"), category: "beleuchtung"))).Html;
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(app, resident, stepTwo, new() { ["Description"] = "Laterne aus.", ["ReporterName"] = PlantedName, ["Email"] = PlantedEmail })).StatusCode);
        int id;
        await using (var scope = app.Scope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().ServiceRequests.SingleAsync()).Id;
        }

        var anonymous = Users.Client(app);
        async Task<System.Text.Json.Nodes.JsonArray> FeaturesAsync(string query)
        {
            var response = await anonymous.GetAsync("/meldungen/karte.geojson" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(PlantedEmail, text);
            Assert.DoesNotContain(PlantedName, text);
            return System.Text.Json.Nodes.JsonNode.Parse(text)!["features"]!.AsArray();
        }

        var all = await FeaturesAsync("?kategorie=beleuchtung");
        Assert.Equal(id, (int)all.Single()!["properties"]!["id"]!);
        Assert.Equal(7.4653, (double)all.Single()!["geometry"]!["coordinates"]![0]!, 4);
        Assert.Empty(await FeaturesAsync("?kategorie=angstraum"));
        Assert.Empty(await FeaturesAsync("?kategorie=beleuchtung&status=fixed"));
        Assert.Single(await FeaturesAsync("?bbox=51.51,7.46,51.52,7.47"));
        Assert.Empty(await FeaturesAsync("?bbox=51.55,7.46,51.56,7.47"));
        var bad = await anonymous.GetAsync("/meldungen/karte.geojson?bbox=nord&von=31.02.2025");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("bbox muss vier Zahlen sein", problem);
        Assert.Contains("ist kein Datum", problem);

        // The list links its map to the same filters and stays next to it.
        var list = await BodyAsync(await anonymous.GetAsync("/meldungen?kategorie=beleuchtung"));
        Assert.Contains("data-geojson=\"/meldungen/karte.geojson?kategorie=beleuchtung\"", list);
        Assert.Contains("id=\"meldungen-liste\"", list);
    }

    [Theory, Engines]
    public async Task Bad_input_gets_a_precise_message_and_nothing_is_stored(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(mail));
        var district = await DistrictAsync(app, "Hörde");
        var resident = Users.Client(app);

        var outside = (await NextAsync(resident, Place(district, lat: "52.5200", lon: "13.4050"))).Html;
        Assert.Contains("liegt nicht in Dortmund (Breite", outside);
        var notNumbers = (await NextAsync(resident, Place(district, lat: "einundfünfzig", lon: "7,4,6"))).Html;
        Assert.Contains("Die Breite „einundfünfzig“ ist keine Zahl", notNumbers);
        Assert.Contains("Die Länge „7,4,6“ ist keine Zahl", notNumbers);
        Assert.Contains("Die Kategorie „gibtsnicht“ gibt es nicht.", (await NextAsync(resident, Place(district, category: "gibtsnicht"))).Html);
        var empty = (await NextAsync(resident, new() { ["Category"] = "", ["Place.Address"] = "", ["Place.Latitude"] = "", ["Place.Longitude"] = "", ["Place.DistrictId"] = "" })).Html;
        Assert.Contains("Bitte wählen Sie, was Sie melden möchten.", empty);
        Assert.Contains("Bitte geben Sie eine Adresse ein oder setzen Sie den Punkt auf der Karte oder mit Breite und Länge.", empty);
        var noDistrict = Place(district);
        noDistrict.Remove("Place.DistrictId");
        Assert.Contains("Bitte wählen Sie den Stadtbezirk.", (await NextAsync(resident, noDistrict)).Html);
        var address = Place(district);
        address["Place.Address"] = "Kampstraße 1";
        Assert.Contains("Es ist noch kein Adressverzeichnis eingespielt.", (await NextAsync(resident, address)).Html);
        Assert.Contains("Diesen Stadtbezirk gibt es nicht.", (await NextAsync(resident, Place(999_999))).Html);

        var stepTwo = (await NextAsync(resident, Place(district))).Html;
        var noText = await BodyAsync(await SendAsync(app, resident, stepTwo, new() { ["Description"] = " \u0007 " }));
        Assert.Contains("Bitte beschreiben Sie, was nicht in Ordnung ist.", noText);
        Assert.Contains("Schritt 2 von 2", noText); // the place stays, the resident fixes only the description
        var fakes = await BodyAsync(await SendAsync(app, resident, stepTwo, new() { ["Description"] = "Graffiti", ["Email"] = "keine-adresse" },
            ("rechnung.jpg", "%PDF-1.7\n%µ¶\n1 0 obj<<>>endobj"u8.ToArray()), ("skript.jpg", "<?php system($_GET['c']); ?>"u8.ToArray()), ("bombe.png", TestImages.PngBomb())));
        Assert.Contains("„rechnung.jpg“ ist kein Foto, sondern ein PDF-Dokument.", fakes);
        Assert.Contains("„skript.jpg“ ist kein Foto im Format JPEG oder PNG", fakes);
        Assert.Contains("„bombe.png“ hat 100000 × 100000 Bildpunkte", fakes);
        Assert.Contains("Das ist keine gültige E-Mail-Adresse.", fakes);
        Assert.Contains("Graffiti", fakes);
        var tooMany = await BodyAsync(await SendAsync(app, resident, stepTwo, new() { ["Description"] = "Vier Fotos" },
            ("1.jpg", TestImages.Jpeg()), ("2.jpg", TestImages.Jpeg()), ("3.jpg", TestImages.Jpeg()), ("4.jpg", TestImages.Jpeg())));
        Assert.Contains("Sie können höchstens 3 Fotos senden; Sie haben 4 gewählt.", tooMany);

        // A tampered first step is checked again when sending.
        var tampered = await BodyAsync(await SendAsync(app, resident, stepTwo.Replace("value=\"51.5136\"", "value=\"60\"", StringComparison.Ordinal), new() { ["Description"] = "Manipuliert" }));
        Assert.Contains("liegt nicht in Dortmund", tampered);

        // Filters of the public list and the feed refuse what cannot be meant.
        var anonymous = Users.Client(app);
        Assert.Contains("„31.02.2025“ ist kein Datum.", await BodyAsync(await anonymous.GetAsync("/meldungen?von=31.02.2025")));
        Assert.Contains("Den Status „kaputt“ gibt es nicht.", await BodyAsync(await anonymous.GetAsync("/meldungen?status=kaputt")));
        var feed = await anonymous.GetAsync("/meldungen/feed.atom?von=2025-13-01&kategorie=nix");
        Assert.Equal(HttpStatusCode.BadRequest, feed.StatusCode);
        var feedBody = await feed.Content.ReadAsStringAsync();
        Assert.Contains("„2025-13-01“ ist kein Datum.", feedBody);
        Assert.Contains("Die Kategorie „nix“ gibt es nicht.", feedBody);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/meldungen/999999")).StatusCode);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.ServiceRequests.CountAsync());
        Assert.Equal(0, await db.ServiceRequestPhotos.CountAsync());
    }

    [Theory, Engines]
    public async Task Open_reports_nearby_are_shown_before_sending_and_a_support_counts_once_per_browser(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(mail));
        var district = await DistrictAsync(app, "Innenstadt-West");
        var first = Users.Client(app);
        var stepTwo = (await NextAsync(first, Place(district, category: "beleuchtung", lat: "51.51360", lon: "7.46530"))).Html;
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(app, first, stepTwo, new() { ["Description"] = "Laterne vor Hausnummer 1 ist aus." })).StatusCode);
        int id;
        await using (var scope = app.Scope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().ServiceRequests.SingleAsync()).Id;
        }

        // About 30 m away, same category: shown. Another category, or 200 m away: not.
        var second = Users.Client(app);
        var near = (await NextAsync(second, Place(district, category: "beleuchtung", lat: "51.51387", lon: "7.46530"))).Html;
        Assert.Contains("Das wurde schon gemeldet — unterstützen?", near);
        Assert.Contains($"href=\"/meldungen/{id}\"", near);
        Assert.Contains("30 m entfernt", near);
        Assert.DoesNotContain("Das wurde schon gemeldet", (await NextAsync(second, Place(district, category: "angstraum", lat: "51.51387", lon: "7.46530"))).Html);
        Assert.DoesNotContain("Das wurde schon gemeldet", (await NextAsync(second, Place(district, category: "beleuchtung", lat: "51.51540", lon: "7.46530"))).Html);

        var support = await second.PostFormAsync("/meldungen/neu?handler=Support", new() { ["requestId"] = $"{id}" }, "/meldungen/neu");
        Assert.Equal($"/meldungen/{id}?unterstuetzt=1", support.Headers.Location!.OriginalString);
        var twice = await second.PostFormAsync("/meldungen/neu?handler=Support", new() { ["requestId"] = $"{id}" }, "/meldungen/neu");
        Assert.Equal($"/meldungen/{id}?unterstuetzt=schon", twice.Headers.Location!.OriginalString);
        Assert.Contains("1 Person", await BodyAsync(await second.GetAsync($"/meldungen/{id}")));

        // The map query through each engine's spatial index: inside the box, within the filter, nothing else.
        await using (var scope = app.Scope())
        {
            var map = scope.ServiceProvider.GetRequiredService<ServiceRequestMap>();
            Assert.Equal([id], (await map.InBoxAsync(new BoundingBox(51.5130, 7.4650, 51.5140, 7.4660), ServiceRequestFilter.None, 500, default)).Select(p => p.Id));
            Assert.Empty(await map.InBoxAsync(new BoundingBox(51.5140, 7.4650, 51.5150, 7.4660), ServiceRequestFilter.None, 500, default));
            Assert.Empty(await map.InBoxAsync(new BoundingBox(51.5130, 7.4650, 51.5140, 7.4660), new ServiceRequestFilter(Category: "angstraum"), 500, default));

            // A viewport over much of the city walks the newest reports instead of the spatial index: the same answers.
            var (city, north) = (new BoundingBox(51.41, 7.30, 51.60, 7.64), new BoundingBox(51.52, 7.30, 51.60, 7.64));
            Assert.True(ServiceRequestMap.IsWide(city) && ServiceRequestMap.IsWide(north) && !ServiceRequestMap.IsWide(new BoundingBox(51.5130, 7.4650, 51.5140, 7.4660)));
            Assert.Equal([id], (await map.InBoxAsync(city, ServiceRequestFilter.None, 500, default)).Select(p => p.Id));
            Assert.Empty(await map.InBoxAsync(north, ServiceRequestFilter.None, 500, default));
            Assert.Empty(await map.InBoxAsync(city, new ServiceRequestFilter(Category: "angstraum"), 500, default));
            Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<AppDbContext>().ServiceRequests.SingleAsync()).SupportCount);
        }
    }

    [Theory, Engines]
    public async Task Contact_data_and_unpublished_photos_are_deleted_when_the_retention_ends_and_it_is_audited(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        var settings = Settings(mail);
        settings["ServiceRequests:RetentionDays"] = "30";
        await using var app = await AppFactory.StartAsync(engine, settings);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var resident = Users.Client(app);
        var stepTwo = (await NextAsync(resident, Place(await DistrictAsync(app, "Eving")))).Html;
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(app, resident, stepTwo, new() { ["Description"] = "Unsicherer Durchgang.", ["ReporterName"] = PlantedName, ["Email"] = PlantedEmail },
            ("a.jpg", TestImages.Jpeg()), ("b.png", PngOf(TestImages.Jpeg())))).StatusCode);
        int id, published;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            id = (await db.ServiceRequests.SingleAsync()).Id;
            published = (await db.ServiceRequestPhotos.OrderBy(p => p.Position).FirstAsync()).Id;
        }

        var manage = $"/verwaltung/meldungen/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{manage}?handler=Photo", new() { ["photoId"] = $"{published}", ["publish"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{manage}?handler=Status", new() { ["Status"] = "fixed", ["Note"] = "Beleuchtung ergänzt." })).StatusCode);

        async Task<int> RunAsync()
        {
            await using var scope = app.Scope();
            return await ActivatorUtilities.CreateInstance<ServiceRequestRetentionJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
        }

        app.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await RunAsync());
        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(2, await RunAsync()); // one unpublished photo, one contact record
        Assert.Equal(0, await RunAsync());

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var request = await db.ServiceRequests.SingleAsync();
            Assert.Null(request.ReporterName);
            Assert.Null(request.ReporterEmail);
            Assert.NotNull(request.PersonalDataDeletedAt);
            Assert.Equal([published], await db.ServiceRequestPhotos.Select(p => p.Id).ToListAsync());
            var actions = await db.AuditEntries.Where(a => a.Action == "serviceRequest.photos.deleted" || a.Action == "serviceRequest.contact.deleted").Select(a => a.Action).ToListAsync();
            Assert.Equal(2, actions.Count);
        }

        Assert.Contains("Beleuchtung ergänzt.", await BodyAsync(await Users.Client(app).GetAsync($"/meldungen/{id}")));
    }

    [Theory, Engines]
    public async Task The_Office_routes_a_new_category_to_a_department_whose_queue_flags_overdue_reports(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(mail));
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var youth = await Users.SignInAsync(app, await StaffAsync(app, "jugendamt@stadtdo.de", "Jugendamt"));
        var order = await Users.SignInAsync(app, await StaffAsync(app, "ordnungsamt@stadtdo.de", "Ordnungsamt"));
        int department;
        await using (var scope = app.Scope())
        {
            department = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organizations.Where(o => o.Name == "Jugendamt").Select(o => o.Id).SingleAsync();
        }

        const string page = "/verwaltung/meldungen/kategorien";
        Assert.Equal(HttpStatusCode.Forbidden, (await youth.GetAsync(page)).StatusCode);
        var bad = await BodyAsync(await office.PostFormAsync(page, new()
        {
            ["Code"] = "Spielplatz!", ["Name"] = "Beleuchtung defekt", ["Description"] = "", ["DepartmentId"] = "", ["RoutingEmail"] = "kein@mail", ["OverdueAfterDays"] = "0", ["Position"] = "7",
        }));
        Assert.Contains("Der Code besteht aus 2 bis 50 Kleinbuchstaben", bad);
        Assert.Contains("Eine Kategorie „Beleuchtung defekt“ gibt es schon.", bad);
        Assert.Contains("Bitte wählen Sie die zuständige Dienststelle.", bad);
        Assert.Contains("Das ist keine gültige E-Mail-Adresse. Ohne Adresse", bad);
        Assert.Contains("Die Frist muss zwischen 1 und 365 Tagen liegen.", bad);
        Assert.Contains("Den Code „angstraum“ hat schon eine andere Kategorie.", await BodyAsync(await office.PostFormAsync(page, new()
        {
            ["Code"] = "angstraum", ["Name"] = "Neu", ["Description"] = "x", ["DepartmentId"] = $"{department}", ["OverdueAfterDays"] = "3", ["Position"] = "7",
        })));
        var created = await office.PostFormAsync(page, new()
        {
            ["Code"] = "spielplatz", ["Name"] = "Spielplatz beschädigt", ["Description"] = "Kaputte Spielgeräte, Scherben auf dem Spielplatz.", ["DepartmentId"] = $"{department}",
            ["RoutingEmail"] = "spielplaetze@jugendamt.example", ["OverdueAfterDays"] = "3", ["Position"] = "7", ["IsActive"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var resident = Users.Client(app);
        var stepTwo = (await NextAsync(resident, Place(await DistrictAsync(app, "Scharnhorst"), category: "spielplatz", lat: "51.5400", lon: "7.5500"))).Html;
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(app, resident, stepTwo, new() { ["Description"] = "Die Schaukel ist abgerissen." })).StatusCode);
        Assert.Contains(await MeetingChainTests.MailsAsync(app, mail), m => m.To.ToString().Contains("spielplaetze@jugendamt.example", StringComparison.Ordinal));
        Assert.Contains("Die Schaukel", await BodyAsync(await youth.GetAsync("/meldungen?kategorie=spielplatz")));
        var queue = await BodyAsync(await youth.GetAsync("/verwaltung/meldungen"));
        Assert.Contains("Scharnhorst", queue);
        Assert.DoesNotContain("überfällig</strong>", queue);
        Assert.DoesNotContain("Scharnhorst", await BodyAsync(await order.GetAsync("/verwaltung/meldungen")));

        app.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        youth = await Users.SignInAsync(app, new Users.TestUser("", "jugendamt@stadtdo.de", null)); // the session ended meanwhile
        Assert.Contains("überfällig</strong>", await BodyAsync(await youth.GetAsync("/verwaltung/meldungen")));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Contains(await db.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "serviceCategory.created");
        }
    }

    private static byte[] PngOf(byte[] jpeg)
    {
        using var bitmap = SkiaSharp.SKBitmap.Decode(jpeg);
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        return image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100).ToArray();
    }
}
