using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.ServiceRequests;
using Masterplan.Web.Tests.Features.Meetings;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Masterplan.Web.Tests.Features.ServiceRequests.ServiceRequestTests;

namespace Masterplan.Web.Tests.Features.ServiceRequests;

/// <summary>
/// What the public gets beyond the list: the unsafe places per district (counts and a heat map of reports and labs' places),
/// the Office's switch that takes a report off every public output, and the district alerts (double opt-in, a daily
/// digest without any reporter's data, one-click unsubscribe that deletes the address).
/// </summary>
public sealed class MeldungenPublicTests
{
    private static async Task<int> ReportAsync(AppFactory app, string category, string district, string description)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var districtId = await db.Districts.Where(d => d.Name == district).Select(d => d.Id).SingleAsync();
        var place = new LocationInput { Latitude = "51.5136", Longitude = "7.4653", DistrictId = districtId };
        var outcome = await scope.ServiceProvider.GetRequiredService<ServiceRequestDesk>()
            .SubmitAsync(new ReportInput(category, description, place, PlantedName, PlantedEmail), [], null, CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        return outcome.Value.Request.Id;
    }

    /// <summary>The numbers of a district's row: one per status, the total, the labs' places.</summary>
    private static List<int> Row(string html, string district)
    {
        var row = Regex.Match(html, $@"<tr>\s*<th scope=""row""><a href=""/meldungen\?bezirk=\d+"">{Regex.Escape(district)}</a></th>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"no row {district}");
        return [.. Regex.Matches(row.Groups[1].Value, @"<td>(\d+)</td>").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
    }

    [Theory, Engines]
    public async Task The_unsafe_places_overview_counts_reports_and_labs_places_per_district_and_the_Office_can_take_a_report_off(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(mail));
        var anonymous = Users.Client(app);
        const string page = "/meldungen/unsichere-orte";
        var before = Row(await BodyAsync(await anonymous.GetAsync(page)), "Eving");

        var angst = await ReportAsync(app, "angstraum", "Eving", "Dunkler Durchgang hinter dem Markt.");
        await ReportAsync(app, "beleuchtung", "Eving", "Laterne am Spielplatz aus.");
        await ReportAsync(app, "verschmutzung-muell", "Eving", "Sperrmüll am Straßenrand."); // not an unsafe place
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var lab = new NeighbourhoodLab { Title = "Labor Eving-Test", District = "Eving", Year = 2026, Quarter = 4 };
            db.Labs.Add(lab);
            await db.SaveChangesAsync();
            db.LabPlaces.Add(new LabPlace { LabId = lab.Id, Latitude = 51.55, Longitude = 7.47, Category = PlaceCategory.Unsafe, Comment = "Hier wartet abends Quirin Zwiebelhofer" });
            db.LabPlaces.Add(new LabPlace { LabId = lab.Id, Latitude = 51.56, Longitude = 7.48, Category = PlaceCategory.Safe, Comment = "Gut beleuchtet" });
            await db.SaveChangesAsync();
        }

        var html = await BodyAsync(await anonymous.GetAsync(page));
        var after = Row(html, "Eving");
        Assert.Equal(ServiceRequestsModule.Statuses.Length + 2, after.Count);
        Assert.Equal(before[0] + 2, after[0]); // open
        Assert.Equal(before[^2] + 2, after[^2]); // all reports
        Assert.Equal(before[^1] + 1, after[^1]); // the lab's unsafe place, not its safe one
        Assert.Contains("data-heat=\"true\"", html);
        var map = await anonymous.GetAsync(page + "?handler=Map");
        Assert.Equal(HttpStatusCode.OK, map.StatusCode);
        var geo = await map.Content.ReadAsStringAsync();
        var features = JsonNode.Parse(geo)!["features"]!.AsArray();
        Assert.Equal(2, features.Count(f => (string)f!["properties"]!["kind"]! == "report" && ((string)f["properties"]!["title"]!).Contains("Nr.", StringComparison.Ordinal)));
        Assert.Single(features, f => (string)f!["properties"]!["kind"]! == "lab");
        foreach (var body in new[] { html, geo })
        {
            Assert.DoesNotContain(PlantedName, body);
            Assert.DoesNotContain(PlantedEmail, body);
            Assert.DoesNotContain("Zwiebelhofer", body);
            Assert.DoesNotContain("Dunkler Durchgang", body);
        }

        // The Office takes the report off the public pages: a reason is needed, staff of a department cannot, nothing public shows it.
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var staff = await Users.SignInAsync(app, await StaffAsync(app, "ordnungsamt@stadtdo.de", "Ordnungsamt"));
        var manage = $"/verwaltung/meldungen/{angst}";
        Assert.Contains("Bitte begründen Sie, warum die Meldung nicht mehr öffentlich sein soll", await BodyAsync(await office.PostFormAsync($"{manage}?handler=Public", new() { ["show"] = "false", ["HiddenReason"] = " " })));
        Assert.DoesNotContain("Von den öffentlichen Seiten nehmen", await BodyAsync(await staff.GetAsync(manage)));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostFormAsync($"{manage}?handler=Public", new() { ["show"] = "false", ["HiddenReason"] = "Beleidigend." }, manage)).StatusCode);
        const string reason = "Enthält eine Beleidigung gegen Vrenelisgärtli-Nachbarn";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{manage}?handler=Public", new() { ["show"] = "false", ["HiddenReason"] = reason })).StatusCode);
        Assert.Contains(reason, await BodyAsync(await office.GetAsync(manage)));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/meldungen/{angst}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/open311/v2/requests/{angst}.json")).StatusCode);
        foreach (var url in new[] { "/meldungen", "/meldungen/feed.atom", "/meldungen/karte.geojson", "/open311/v2/requests.json", page + "?handler=Map" })
        {
            var body = await BodyAsync(await anonymous.GetAsync(url));
            Assert.DoesNotContain("Dunkler Durchgang", body);
            Assert.DoesNotContain($"Nr. {angst}", body);
            Assert.DoesNotContain("Vrenelisgärtli", body);
        }

        Assert.Equal(before[0] + 1, Row(await BodyAsync(await anonymous.GetAsync(page)), "Eving")[0]);
        Assert.DoesNotContain(await MeetingChainTests.MailsAsync(app, mail), m => (m.TextBody ?? "").Contains("Vrenelisgärtli", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{manage}?handler=Public", new() { ["show"] = "true" })).StatusCode);
        Assert.Contains("Dunkler Durchgang", await BodyAsync(await anonymous.GetAsync($"/meldungen/{angst}")));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var actions = await db.AuditEntries.Where(a => a.EntityType == nameof(ServiceRequest) && a.EntityId == angst.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
            Assert.Equal(["serviceRequest.hidden", "serviceRequest.published"], actions.Where(a => a is "serviceRequest.hidden" or "serviceRequest.published"));
            Assert.Null((await db.ServiceRequests.SingleAsync(r => r.Id == angst)).HiddenReason);
        }
    }

    [Theory, Engines]
    public async Task A_district_alert_needs_confirmation_mails_a_daily_digest_without_personal_data_and_unsubscribes_in_one_click(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(mail));
        var resident = Users.Client(app);
        const string page = "/meldungen/benachrichtigungen";
        const string subscriber = "nachbarin-eving@example.org";
        int eving;
        await using (var scope = app.Scope())
        {
            eving = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Districts.Where(d => d.Name == "Eving").Select(d => d.Id).SingleAsync();
        }

        async Task<HttpResponseMessage> SubscribeAsync(string email, string district)
        {
            var form = await (await resident.GetAsync(page)).Content.ReadAsStringAsync();
            var data = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Hidden(form, "__RequestVerificationToken"), [Masterplan.Web.Shared.FormGuard.StampField] = Hidden(form, Masterplan.Web.Shared.FormGuard.StampField),
                [Masterplan.Web.Shared.FormGuard.HoneypotField] = "", ["Email"] = email, ["DistrictId"] = district,
            };
            app.Clock.Advance(TimeSpan.FromSeconds(5));
            return await resident.PostAsync(page, new FormUrlEncodedContent(data));
        }

        var bad = await BodyAsync(await SubscribeAsync("keine-adresse", "999999"));
        Assert.Contains("Das ist keine gültige E-Mail-Adresse.", bad);
        Assert.Contains("Diesen Stadtbezirk gibt es nicht.", bad);
        Assert.Equal(HttpStatusCode.Redirect, (await SubscribeAsync(subscriber, eving.ToString(System.Globalization.CultureInfo.InvariantCulture))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SubscribeAsync("unbestaetigt@example.org", "")).StatusCode);
        var confirmMail = (await MeetingChainTests.MailsAsync(app, mail)).Single(m => m.To.ToString().Contains(subscriber, StringComparison.Ordinal));
        var confirm = Regex.Match(confirmMail.TextBody!, @"https://masterplan\.example(/meldungen/benachrichtigungen/bestaetigen/\S+)").Groups[1].Value;
        Assert.Contains("Bitte bestätigen Sie", await BodyAsync(await resident.GetAsync(confirm)));
        Assert.Contains("ist bestätigt", await BodyAsync(await resident.PostFormAsync(confirm, [])));

        async Task<int> DigestAsync()
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<ServiceRequestAlerts>().SendDigestsAsync(CancellationToken.None);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var id = await ReportAsync(app, "angstraum", "Eving", "Dunkle Unterführung am Bahnhof Eving.");
        await ReportAsync(app, "angstraum", "Hörde", "Dunkle Ecke am Phoenix-See.");
        app.Clock.Advance(TimeSpan.FromHours(1));
        var count = (await MeetingChainTests.MailsAsync(app, mail)).Count;
        Assert.Equal(1, await DigestAsync()); // the unconfirmed address gets nothing
        var digest = (await MeetingChainTests.MailsAsync(app, mail)).Skip(count).Single();
        Assert.Contains(subscriber, digest.To.ToString());
        Assert.Contains($"Nr. {id}", digest.TextBody);
        Assert.Contains("Dunkle Unterführung", digest.TextBody);
        Assert.DoesNotContain("Phoenix-See", digest.TextBody);
        Assert.DoesNotContain(PlantedName, digest.ToString());
        Assert.DoesNotContain(PlantedEmail, digest.ToString());
        var unsubscribe = Regex.Match(digest.Headers["List-Unsubscribe"]!, @"^<https://masterplan\.example(/meldungen/benachrichtigungen/abmelden/[A-Za-z0-9_-]{20,})>$").Groups[1].Value;
        Assert.NotEmpty(unsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("https://masterplan.example" + unsubscribe, digest.TextBody);
        Assert.Equal(0, await DigestAsync()); // nothing new

        // A guessed token deletes nothing; the mail program's one-click POST (no antiforgery token, no login) deletes the subscription.
        Assert.Contains("gibt es nicht mehr", await BodyAsync(await Users.Client(app).PostAsync("/meldungen/benachrichtigungen/abmelden/geraten", new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }))));
        Assert.Contains("Abmelden und Adresse löschen", await BodyAsync(await Users.Client(app).GetAsync(unsubscribe)));
        var oneClick = await Users.Client(app).PostAsync(unsubscribe, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Contains("Wir haben Ihre E-Mail-Adresse gelöscht.", await BodyAsync(oneClick));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.ServiceRequestAlerts.AnyAsync(a => a.Email == subscriber));
            Assert.True(await db.ServiceRequestAlerts.AnyAsync(a => a.Email == "unbestaetigt@example.org"));
        }

        // The unconfirmed subscription goes when its link expires.
        app.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(0, await DigestAsync());
        await using (var scope = app.Scope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().ServiceRequestAlerts.AnyAsync());
        }
    }

    [Theory, Engines]
    public async Task The_duplicate_check_is_one_query_and_finds_open_reports_of_the_category_nearest_first(DatabaseProvider engine)
    {
        // Listening from the start: a pooled context that ran commands while nobody listened skips EF's events for a while.
        using var counter = new CommandCounter();
        await using var app = await AppFactory.StartAsync(engine, Settings(MeetingChainTests.NewMailFolder()));
        var first = await ReportAsync(app, "angstraum", "Eving", "Erste Meldung.");
        var fixedOne = await ReportAsync(app, "angstraum", "Eving", "Schon erledigt.");
        await ReportAsync(app, "beleuchtung", "Eving", "Andere Kategorie.");
        int category;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.ServiceRequests.Where(r => r.Id == fixedOne).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ServiceRequestsModule.Fixed));
            category = await db.ServiceCategories.Where(c => c.Code == "angstraum").Select(c => c.Id).SingleAsync();
        }

        await using (var scope = app.Scope())
        {
            var map = scope.ServiceProvider.GetRequiredService<ServiceRequestMap>();
            counter.Begin();
            var near = await map.OpenNearAsync(category, 51.5137, 7.4653, 50, CancellationToken.None);
            Assert.Equal(1, counter.Count);
            Assert.Equal([first], near.Select(n => n.Point.Id));
            Assert.InRange(near[0].Metres, 5, 20);
            Assert.Empty(await map.OpenNearAsync(category, 51.5150, 7.4653, 50, CancellationToken.None)); // about 155 m away
        }
    }

    /// <summary>Counts the database commands EF Core runs in the current async flow (its diagnostic events), for "one query" claims.</summary>
    private sealed class CommandCounter : IObserver<System.Diagnostics.DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private static readonly AsyncLocal<CommandCounter?> Active = new();
        private readonly IDisposable _all;
        private readonly List<IDisposable> _subscriptions = [];
        private int _count;

        public CommandCounter() => _all = System.Diagnostics.DiagnosticListener.AllListeners.Subscribe(this);

        /// <summary>Counts from now on, in this async flow.</summary>
        public void Begin()
        {
            Active.Value = this;
            _count = 0;
        }

        public int Count => _count;

        public void OnNext(System.Diagnostics.DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuting.Name && Active.Value == this)
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            Active.Value = null;
            _all.Dispose();
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
