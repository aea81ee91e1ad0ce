using System.Net;
using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Features.ProtectivePlaces;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Features.Geo;
using Masterplan.Web.Tests.Features.Meetings;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.ProtectivePlaces;

/// <summary>
/// Schutzorte on both engines: the state in Dortmund's time on a UTC server (a night across midnight, a holiday
/// exception), the Office's hours with their bad input, a venue's whole life (sign-up, confirmation, approval, listing,
/// no re-confirmation, hidden after 12 months), event help points and the open data, and nothing personal in public.
/// </summary>
public sealed class ProtectivePlaceTests
{
    private const string PlantedName = "Wunibald Krötenstiel";
    private const string PlantedEmail = "planted-77c1a9e0@example.org";
    private const string PlantedTrained = "Schulung Ottokar Zwirbelbart";

    private static Dictionary<string, string?> Settings(string mail) => new()
    {
        ["Accounts:FormPostsPerMinute"] = "1000", ["Mail:PickupDirectory"] = mail, ["Mail:PlatformUrl"] = "https://masterplan.example", ["Jobs:Enabled"] = "false",
    };

    private static async Task<string> BodyAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>The state text shown for a place in the public list.</summary>
    private static string StatusOf(string html, string name)
    {
        var m = Regex.Match(html, Regex.Escape(name) + @"</a>.*?<strong class=""(?:open|closed)"">([^<]*)</strong>", RegexOptions.Singleline);
        Assert.True(m.Success, $"{name} is not in the list");
        return m.Groups[1].Value;
    }

    private static void SetDortmundTime(AppFactory app, int year, int month, int day, int hour, int minute) =>
        app.Clock.SetUtcNow(CityTime.ToUtc(new DateOnly(year, month, day), new TimeOnly(hour, minute)));

    private static async Task<int> AddPlaceAsync(AppFactory app, string name, Action<ProtectivePlace> shape)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var district = await db.Districts.Where(d => d.Name == "Innenstadt-West").Select(d => d.Id).SingleAsync();
        var place = new ProtectivePlace
        {
            Name = name, Kind = ProtectivePlacesModule.GuidesBase, Help = "Hilfe in der Nacht.", Latitude = 51.5150, Longitude = 7.4630, DistrictId = district, IsPublic = true,
        };
        shape(place);
        db.ProtectivePlaces.Add(place);
        await db.SaveChangesAsync();
        return place.Id;
    }

    [Theory, Engines]
    public async Task A_night_across_midnight_and_a_holiday_exception_read_in_Dortmund_time_on_a_UTC_server(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, Settings(MeetingChainTests.NewMailFolder()));
        await AddPlaceAsync(app, "Nachtcafé der Guides", p => p.Rules.Add(new OpeningRule { Day = DayOfWeek.Saturday, Opens = new(22, 0), Closes = new(4, 0), NextDay = true }));
        var holidayId = await AddPlaceAsync(app, "Beratung am Markt", p =>
        {
            p.Kind = ProtectivePlacesModule.Counselling;
            p.Rules.AddRange(OpeningHours.Week.Select(d => new OpeningRule { Day = d, Opens = new(10, 0), Closes = new(18, 0) }));
            p.Exceptions.Add(new OpeningException { Date = new DateOnly(2026, 12, 25), Closed = true, Note = "Feiertag" });
        });
        var client = Users.Client(app);

        // Sunday 6 December 2026, 01:30 in Dortmund (00:30 UTC): open since Saturday 22:00.
        SetDortmundTime(app, 2026, 12, 6, 1, 30);
        var html = await BodyAsync(await client.GetAsync("/schutzorte"));
        Assert.Equal("geöffnet, schließt um 04:00", StatusOf(html, "Nachtcafé der Guides"));
        Assert.True(html.IndexOf("Nachtcafé der Guides", StringComparison.Ordinal) < html.IndexOf("Beratung am Markt", StringComparison.Ordinal), "open places come first");

        // 04:30 in Dortmund (03:30 UTC, still inside the night if read in UTC): closed until next Saturday.
        SetDortmundTime(app, 2026, 12, 6, 4, 30);
        Assert.Equal("geschlossen, öffnet Samstag um 22:00", StatusOf(await BodyAsync(await client.GetAsync("/schutzorte")), "Nachtcafé der Guides"));

        // Saturday 22:30 in Dortmund (21:30 UTC, before the night if read in UTC): open.
        SetDortmundTime(app, 2026, 12, 12, 22, 30);
        Assert.Equal("geöffnet, schließt morgen um 04:00", StatusOf(await BodyAsync(await client.GetAsync("/schutzorte")), "Nachtcafé der Guides"));

        // The holiday: closed all day on 25 December, open as usual the day before.
        SetDortmundTime(app, 2026, 12, 24, 12, 0);
        Assert.Equal("geöffnet, schließt um 18:00", StatusOf(await BodyAsync(await client.GetAsync("/schutzorte")), "Beratung am Markt"));
        SetDortmundTime(app, 2026, 12, 25, 12, 0);
        html = await BodyAsync(await client.GetAsync("/schutzorte"));
        Assert.Equal("geschlossen, öffnet morgen um 10:00", StatusOf(html, "Beratung am Markt"));
        var details = await BodyAsync(await client.GetAsync($"/schutzorte/{holidayId}"));
        Assert.Contains("geschlossen, öffnet morgen um 10:00", details);
        Assert.Contains("25.12.2026: geschlossen (Feiertag)", details);

        // "Only open now" leaves the closed place out.
        Assert.DoesNotContain("Beratung am Markt", await BodyAsync(await client.GetAsync("/schutzorte?offen=true")));

        // Summer: Sunday 4 July 2027, 01:30 in Dortmund is still Saturday in UTC (23:30); open. 04:30 (02:30 UTC): closed.
        SetDortmundTime(app, 2027, 7, 4, 1, 30);
        Assert.Equal(DayOfWeek.Saturday, app.Clock.GetUtcNow().UtcDateTime.DayOfWeek);
        Assert.Equal("geöffnet, schließt um 04:00", StatusOf(await BodyAsync(await client.GetAsync("/schutzorte")), "Nachtcafé der Guides"));
        SetDortmundTime(app, 2027, 7, 4, 4, 30);
        Assert.Equal("geschlossen, öffnet Samstag um 22:00", StatusOf(await BodyAsync(await client.GetAsync("/schutzorte")), "Nachtcafé der Guides"));

        // In English the state is English.
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        Assert.Equal("closed, opens Saturday at 22:00", StatusOf(await BodyAsync(await client.GetAsync("/schutzorte")), "Nachtcafé der Guides"));
    }

    [Fact]
    public async Task Nights_across_a_clock_change_follow_the_clock_on_the_wall()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, Settings(MeetingChainTests.NewMailFolder()));
        await AddPlaceAsync(app, "Nachtcafé der Guides", p => p.Rules.Add(new OpeningRule { Day = DayOfWeek.Saturday, Opens = new(22, 0), Closes = new(4, 0), NextDay = true }));
        var client = Users.Client(app);

        // Saturday 27 March 2027, 21:30 in Dortmund (20:30 UTC): opens at 22:00 the same evening.
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 27, 20, 30, 0, TimeSpan.Zero));
        Assert.Equal("geschlossen, öffnet um 22:00", StatusOf(await BodyAsync(await client.GetAsync("/schutzorte")), "Nachtcafé der Guides"));

        // The clocks go forward at 02:00 on Sunday 28 March 2027: 03:30 is summer time (01:30 UTC), the night is still on;
        // 04:05 (02:05 UTC) it is over.
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero));
        Assert.Equal("geöffnet, schließt um 04:00", StatusOf(await BodyAsync(await client.GetAsync("/schutzorte")), "Nachtcafé der Guides"));
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 28, 2, 5, 0, TimeSpan.Zero));
        Assert.Equal("geschlossen, öffnet Samstag um 22:00", StatusOf(await BodyAsync(await client.GetAsync("/schutzorte")), "Nachtcafé der Guides"));

        // The clocks go back at 03:00 on Sunday 31 October 2027: 03:30 and 04:10 are winter time (02:30 and 03:10 UTC).
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 10, 31, 2, 30, 0, TimeSpan.Zero));
        Assert.Equal("geöffnet, schließt um 04:00", StatusOf(await BodyAsync(await client.GetAsync("/schutzorte")), "Nachtcafé der Guides"));
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 10, 31, 3, 10, 0, TimeSpan.Zero));
        Assert.Equal("geschlossen, öffnet Samstag um 22:00", StatusOf(await BodyAsync(await client.GetAsync("/schutzorte")), "Nachtcafé der Guides"));
    }

    [Theory, Engines]
    public async Task An_edit_on_one_instance_shows_at_once_on_another(DatabaseProvider engine)
    {
        // Two instances on one database: the public finder's snapshot of the places must not outlive a change made elsewhere.
        await using var db = await TestDatabase.CreateAsync(engine);
        var settings = Settings(MeetingChainTests.NewMailFolder());
        await using var office = new AppFactory(db, settings);
        await office.StartServerAsync();
        await using var reader = new AppFactory(db, settings);
        await reader.StartServerAsync();
        SetDortmundTime(office, 2026, 12, 9, 12, 0);
        SetDortmundTime(reader, 2026, 12, 9, 12, 0);
        var id = await AddPlaceAsync(office, "Anlaufstelle Hansaplatz", p => p.Rules.AddRange(OpeningHours.Week.Select(d => new OpeningRule { Day = d, Opens = new(10, 0), Closes = new(18, 0) })));
        var client = Users.Client(reader);
        Assert.Equal("geöffnet, schließt um 18:00", StatusOf(await BodyAsync(await client.GetAsync("/schutzorte")), "Anlaufstelle Hansaplatz"));

        // Closed today after all, and renamed: both show on the other instance at once.
        await using (var scope = office.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var place = await data.ProtectivePlaces.SingleAsync(p => p.Id == id);
            place.Name = "Anlaufstelle Hansaplatz (Pavillon)";
            data.OpeningExceptions.Add(new OpeningException { PlaceId = id, Date = new DateOnly(2026, 12, 9), Closed = true, Note = "Personalversammlung" });
            await data.SaveChangesAsync();
        }

        Assert.Equal("geschlossen, öffnet morgen um 10:00", StatusOf(await BodyAsync(await client.GetAsync("/schutzorte")), "Anlaufstelle Hansaplatz (Pavillon)"));

        // Taken off the public list: gone from the list and its page.
        await using (var scope = office.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await data.ProtectivePlaces.SingleAsync(p => p.Id == id)).IsPublic = false;
            await data.SaveChangesAsync();
        }

        Assert.DoesNotContain("Hansaplatz", await BodyAsync(await client.GetAsync("/schutzorte")));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/schutzorte/{id}")).StatusCode);
    }

    [Theory, Engines]
    public async Task The_Office_saves_hours_across_midnight_and_bad_hours_or_places_store_nothing(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, Settings(MeetingChainTests.NewMailFolder()));
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        int district;
        await using (var scope = app.Scope())
        {
            district = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Districts.Where(d => d.Name == "Innenstadt-West").Select(d => d.Id).SingleAsync();
        }

        Dictionary<string, string> Form(params (string, string)[] more)
        {
            var form = new Dictionary<string, string>
            {
                ["Input.Name"] = "Anlaufstelle Test", ["Input.Kind"] = ProtectivePlacesModule.GuidesBase, ["Input.Help"] = "Hilfe.", ["Input.IsPublic"] = "true",
                ["Place.Latitude"] = "51,5150", ["Place.Longitude"] = "7.4630", ["Place.DistrictId"] = district.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            foreach (var (k, v) in more)
            {
                form[k] = v;
            }

            return form;
        }

        const string Url = "/verwaltung/schutzorte/orte";
        // Ends before it starts (no "next day"), overlapping rules, a point outside Dortmund, an exception both closed and timed.
        var bad = await office.PostFormAsync(Url, Form(
            ("Rules[0].Day", "Friday"), ("Rules[0].Opens", "22:00"), ("Rules[0].Closes", "04:00"),
            ("Rules[1].Day", "Monday"), ("Rules[1].Opens", "10:00"), ("Rules[1].Closes", "18:00"),
            ("Rules[2].Day", "Monday"), ("Rules[2].Opens", "17:00"), ("Rules[2].Closes", "20:00"),
            ("Exceptions[0].Date", "2026-12-25"), ("Exceptions[0].Closed", "true"), ("Exceptions[0].Opens", "10:00")));
        var html = await BodyAsync(bad);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Freitag: Das Ende 04:00 liegt vor dem Beginn 22:00. Geht es über Mitternacht, setzen Sie den Haken „bis zum Folgetag“.", html);
        Assert.Contains("Die Öffnungszeiten in Zeile 2 und Zeile 3 überschneiden sich.", html);
        Assert.Contains("Zeile 1 der Ausnahmen: Ein geschlossener Tag hat keine Uhrzeiten.", html);
        var outside = await BodyAsync(await office.PostFormAsync(Url, Form(("Place.Latitude", "52,5200"), ("Place.Longitude", "13,4050"))));
        Assert.Contains("liegt nicht in Dortmund", outside);
        // Sunday night into Monday morning overlaps Monday's hours across the end of the week.
        var wrap = await BodyAsync(await office.PostFormAsync(Url, Form(
            ("Rules[0].Day", "Sunday"), ("Rules[0].Opens", "22:00"), ("Rules[0].Closes", "06:00"), ("Rules[0].NextDay", "true"),
            ("Rules[1].Day", "Monday"), ("Rules[1].Opens", "05:00"), ("Rules[1].Closes", "12:00"))));
        Assert.Contains("Die Öffnungszeiten in Zeile 1 und Zeile 2 überschneiden sich.", wrap);
        await using (var scope = app.Scope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().ProtectivePlaces.AnyAsync());
        }

        var good = await office.PostFormAsync(Url, Form(("Rules[0].Day", "Friday"), ("Rules[0].Opens", "22:00"), ("Rules[0].Closes", "04:00"), ("Rules[0].NextDay", "true")));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        await using (var scope = app.Scope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ProtectivePlaces.Include(p => p.Rules).SingleAsync();
            Assert.Equal((DayOfWeek.Friday, new TimeOnly(22, 0), new TimeOnly(4, 0), true), (saved.Rules[0].Day, saved.Rules[0].Opens, saved.Rules[0].Closes, saved.Rules[0].NextDay));
            Assert.Equal(51.515, saved.Latitude, 6);
        }
    }

    [Fact]
    public async Task A_flood_of_sign_ups_from_one_address_gets_429_with_retry_after_and_stores_no_more()
    {
        var settings = Settings(MeetingChainTests.NewMailFolder());
        settings["Accounts:FormPostsPerMinute"] = "3";
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, settings);
        int district;
        await using (var scope = app.Scope())
        {
            Assert.Empty((await scope.ServiceProvider.GetRequiredService<Gazetteer>().ImportAsync(GeoTests.AddressCsv(), CancellationToken.None)).Errors);
            district = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Districts.Where(d => d.Name == "Innenstadt-West").Select(d => d.Id).SingleAsync();
        }

        var venue = Users.Client(app);
        var token = await venue.AntiforgeryTokenAsync("/schutzorte/mitmachen");
        var page = await (await venue.GetAsync("/schutzorte/mitmachen")).Content.ReadAsStringAsync();
        var stamp = WebUtility.HtmlDecode(Regex.Match(page, $"name=\"{FormGuard.StampField}\" value=\"([^\"]*)\"").Groups[1].Value);
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await venue.PostAsync("/schutzorte/mitmachen", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, [FormGuard.StampField] = stamp, [FormGuard.HoneypotField] = "",
                ["Input.Name"] = $"Bar {i}", ["Input.VenueKind"] = "bar", ["Input.ContactName"] = "Kontakt", ["Input.ContactEmail"] = $"bar{i}@example.org",
                ["Input.Trained"] = "Schulung", ["Input.Consent"] = "true", ["Place.Address"] = "Kampstraße 10",
                ["Place.DistrictId"] = district.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })));
        }

        var limited = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is set");
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Redirect); // the first ones went through
        await using (var scope = app.Scope())
        {
            Assert.InRange(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Venues.CountAsync(), 1, 3);
        }
    }

    [Theory, Engines]
    public async Task A_venue_signs_up_is_approved_is_listed_and_disappears_when_not_reconfirmed_within_12_months(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(mail));
        await using (var scope = app.Scope())
        {
            var (imported, errors) = await scope.ServiceProvider.GetRequiredService<Gazetteer>().ImportAsync(GeoTests.AddressCsv(), CancellationToken.None);
            Assert.Empty(errors);
        }

        int district;
        await using (var scope = app.Scope())
        {
            district = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Districts.Where(d => d.Name == "Innenstadt-West").Select(d => d.Id).SingleAsync();
        }

        var venueClient = Users.Client(app);
        async Task<HttpResponseMessage> SignUpAsync(Dictionary<string, string> more)
        {
            var token = await venueClient.AntiforgeryTokenAsync("/schutzorte/mitmachen");
            var page = await (await venueClient.GetAsync("/schutzorte/mitmachen")).Content.ReadAsStringAsync();
            var stamp = WebUtility.HtmlDecode(Regex.Match(page, $"name=\"{FormGuard.StampField}\" value=\"([^\"]*)\"").Groups[1].Value);
            app.Clock.Advance(TimeSpan.FromSeconds(5));
            var fields = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, [FormGuard.StampField] = stamp, [FormGuard.HoneypotField] = "",
                ["Input.Name"] = "Bar Zur Linde", ["Input.VenueKind"] = "bar", ["Input.ContactName"] = PlantedName, ["Input.ContactEmail"] = PlantedEmail,
                ["Input.Trained"] = PlantedTrained, ["Input.Consent"] = "true", ["Input.Posters"] = "2", ["Input.Stickers"] = "10",
                ["Place.DistrictId"] = district.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            foreach (var (k, v) in more)
            {
                fields[k] = v;
            }

            return await venueClient.PostAsync("/schutzorte/mitmachen", new FormUrlEncodedContent(fields));
        }

        // An address not in the gazetteer and an ambiguous one: messages and choices, nothing stored.
        var unknown = await BodyAsync(await SignUpAsync(new() { ["Place.Address"] = "Nirgendwostraße 5" }));
        Assert.Contains("Die Adresse „Nirgendwostraße 5“ steht nicht im Adressverzeichnis.", unknown);
        var ambiguous = await BodyAsync(await SignUpAsync(new() { ["Place.Address"] = "Bahnhofstraße 1" }));
        Assert.Contains("Zu „Bahnhofstraße 1“ passen mehrere Adressen.", ambiguous);
        Assert.Contains("44359", ambiguous);
        var noConsent = await BodyAsync(await SignUpAsync(new() { ["Place.Address"] = "Kampstraße 10", ["Input.Consent"] = "false" }));
        Assert.Contains("Ohne Ihre Einwilligung können wir Ihr Haus nicht als Schutzort veröffentlichen.", noConsent);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.Venues.AnyAsync());
            Assert.False(await db.MaterialOrders.AnyAsync());
        }

        var sent = await SignUpAsync(new() { ["Place.Address"] = "Kampstraße 10" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/schutzorte/mitmachen/eingegangen", sent.Headers.Location?.OriginalString);
        var confirmMail = Assert.Single(await MeetingChainTests.MailsAsync(app, mail));
        var confirmLink = Regex.Match(confirmMail.TextBody!, @"https://masterplan\.example(/schutzorte/bestaetigen/\S+)").Groups[1].Value;
        Assert.Contains("Bitte bestätigen Sie", await BodyAsync(await venueClient.GetAsync(confirmLink)));
        Assert.Contains("ist bestätigt", await BodyAsync(await venueClient.PostFormAsync(confirmLink, [])));

        // The Office approves with the date of the last training; a future date is refused.
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        int venueId;
        await using (var scope = app.Scope())
        {
            venueId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Venues.Select(v => v.Id).SingleAsync();
        }

        var queue = await BodyAsync(await office.GetAsync("/verwaltung/schutzorte/anmeldungen"));
        Assert.Contains(PlantedName, queue);
        var future = await BodyAsync(await office.PostFormAsync("/verwaltung/schutzorte/anmeldungen?handler=Approve", new() { ["id"] = venueId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["lastTraining"] = "2027-01-10" }, "/verwaltung/schutzorte/anmeldungen"));
        Assert.Contains("liegt in der Zukunft", future);
        var approved = await office.PostFormAsync("/verwaltung/schutzorte/anmeldungen?handler=Approve", new() { ["id"] = venueId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["lastTraining"] = "2026-11-02" }, "/verwaltung/schutzorte/anmeldungen");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("Bar Zur Linde", await BodyAsync(await office.GetAsync("/verwaltung/schutzorte/material")));

        // Listed: on the page, in the map's GeoJSON and the CSV; nothing personal anywhere public.
        var anonymous = Users.Client(app);
        await AssertPublicAsync(anonymous, listed: true);

        async Task<(int, int, int)> RunJobAsync()
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<VenueDesk>().RunDailyAsync(CancellationToken.None);
        }

        // Eleven months on: the reminder with a re-confirmation link; still listed.
        Assert.Equal((0, 0, 0), await RunJobAsync());
        app.Clock.Advance(TimeSpan.FromDays(340));
        Assert.Equal((1, 0, 0), await RunJobAsync());
        Assert.Equal((0, 0, 0), await RunJobAsync());
        var reminder = (await MeetingChainTests.MailsAsync(app, mail)).Single(m => m.Subject!.Contains("weiter Schutzort", StringComparison.Ordinal));
        var reconfirmLink = Regex.Match(reminder.TextBody!, @"https://masterplan\.example(/schutzorte/weiter-dabei/\S+)").Groups[1].Value;
        Assert.Contains("Wir sind weiter dabei", await BodyAsync(await anonymous.GetAsync(reconfirmLink)));
        await AssertPublicAsync(anonymous, listed: true);

        // Not re-confirmed: after 12 months the venue is hidden; later the link has expired and says so.
        app.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal((0, 1, 0), await RunJobAsync());
        await AssertPublicAsync(anonymous, listed: false);
        app.Clock.Advance(TimeSpan.FromDays(40));
        Assert.Contains("Dieser Link ist abgelaufen", await BodyAsync(await anonymous.GetAsync(reconfirmLink)));
        var late = await BodyAsync(await anonymous.PostFormAsync(reconfirmLink, [], "/schutzorte/mitmachen"));
        Assert.Contains("Dieser Link ist abgelaufen", late);
        await AssertPublicAsync(anonymous, listed: false);

        // After the retention period the contact data are deleted, with an audit entry.
        app.Clock.Advance(TimeSpan.FromDays(60));
        Assert.Equal((0, 0, 1), await RunJobAsync());
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var venue = await db.Venues.SingleAsync();
            Assert.Null(venue.ContactName);
            Assert.Null(venue.ContactEmail);
            Assert.Null(venue.Trained);
            Assert.Empty(await db.VenueReconfirmations.ToListAsync());
            Assert.True(await db.Set<Masterplan.Web.Features.Audit.AuditEntry>().AnyAsync(a => a.Action == "protectivePlace.venue.contactDeleted"));
        }

        Assert.DoesNotContain(PlantedEmail, string.Join("\n", app.Logs.Lines), StringComparison.Ordinal);
        Assert.DoesNotContain(PlantedName, string.Join("\n", app.Logs.Lines), StringComparison.Ordinal);
    }

    private static async Task AssertPublicAsync(HttpClient anonymous, bool listed)
    {
        foreach (var url in new[] { "/schutzorte", "/schutzorte/orte.geojson", "/schutzorte/orte.csv", "/schutzorte/druck", "/schutzorte/veranstaltungen.ics", "/schutzorte?Ort.Address=Kampstra%C3%9Fe+1" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await BodyAsync(response);
            if (!url.EndsWith(".ics", StringComparison.Ordinal))
            {
                Assert.True(listed == body.Contains("Bar Zur Linde", StringComparison.Ordinal), $"{url}: listed should be {listed}");
            }

            foreach (var planted in new[] { PlantedName, PlantedEmail, PlantedTrained })
            {
                Assert.DoesNotContain(planted, body, StringComparison.Ordinal);
            }
        }
    }

    [Theory, Engines]
    public async Task Event_help_points_show_while_their_event_runs_and_are_in_the_calendar_feed(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, Settings(MeetingChainTests.NewMailFolder()));
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var bad = await BodyAsync(await office.PostFormAsync("/verwaltung/schutzorte/veranstaltungen", new()
        {
            ["Event.Name"] = "Stadtfest", ["Event.StartDate"] = "2026-12-12", ["Event.StartTime"] = "12:00", ["Event.EndDate"] = "2026-12-12", ["Event.EndTime"] = "10:00",
        }));
        Assert.Contains("Das Ende liegt vor dem Beginn oder ist gleich.", bad);
        var saved = await office.PostFormAsync("/verwaltung/schutzorte/veranstaltungen", new()
        {
            ["Event.Name"] = "Stadtfest DORTBUNT", ["Event.StartDate"] = "2026-12-12", ["Event.StartTime"] = "12:00", ["Event.EndDate"] = "2026-12-13", ["Event.EndTime"] = "02:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        int eventId;
        await using (var scope = app.Scope())
        {
            eventId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().PlaceEvents.Select(e => e.Id).SingleAsync();
        }

        await AddPlaceAsync(app, "Anlaufstelle Friedensplatz", p => { p.Kind = ProtectivePlacesModule.EventHelpPoint; p.EventId = eventId; });
        var client = Users.Client(app);
        SetDortmundTime(app, 2026, 12, 12, 11, 0);
        Assert.DoesNotContain("Anlaufstelle Friedensplatz", await BodyAsync(await client.GetAsync("/schutzorte")));
        var ics = await BodyAsync(await client.GetAsync("/schutzorte/veranstaltungen.ics"));
        Assert.Contains("SUMMARY:Anlaufstellen: Stadtfest DORTBUNT", ics);
        Assert.Contains("DTSTART:20261212T110000Z", ics);
        SetDortmundTime(app, 2026, 12, 13, 1, 0);
        Assert.Equal("geöffnet, schließt um 02:00", StatusOf(await BodyAsync(await client.GetAsync("/schutzorte")), "Anlaufstelle Friedensplatz"));
        SetDortmundTime(app, 2026, 12, 13, 2, 30);
        Assert.DoesNotContain("Anlaufstelle Friedensplatz", await BodyAsync(await client.GetAsync("/schutzorte")));
        Assert.DoesNotContain("Anlaufstelle Friedensplatz", await BodyAsync(await client.GetAsync("/schutzorte/orte.geojson")));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/schutzorte/orte.geojson?art=unbekannt")).StatusCode);
    }
}
