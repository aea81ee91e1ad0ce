using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Masterplan.Web.Tests.Features.Meetings;

/// <summary>
/// Non-public meeting content stays with the members of the body on the meeting's day and the Office: a unique
/// text is planted in every non-public place, and every answer an outsider can get is searched for it.
/// </summary>
public class MeetingVisibilityTests(ITestOutputHelper output)
{
    /// <summary>The planted texts by where they are; short single words so that PDF text extraction keeps them whole.</summary>
    private sealed class Plants
    {
        private readonly Dictionary<string, string> byPlace = [];

        public string this[string place] => byPlace.TryGetValue(place, out var text) ? text : byPlace[place] = $"Geheim{place}{Guid.NewGuid():N}"[..(6 + place.Length + 8)];

        public IEnumerable<(string Place, string Text)> All => byPlace.Select(p => (p.Key, p.Value));
    }

    private sealed record Scene(
        int Public, int Secret, int Early, int Later, int ApprovedMinutesFull, IReadOnlyList<int> PublicMinutes, IReadOnlyList<string> Downloads,
        Users.TestUser Member, Users.TestUser Office, Users.TestUser Outsider, Users.TestUser Former, Users.TestUser Future);

    [Theory, Engines]
    public async Task Nothing_non_public_reaches_anonymous_users_or_members_of_another_body(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, new Dictionary<string, string?> { ["Mail:PickupDirectory"] = MeetingChainTests.NewMailFolder() });
        var plants = new Plants();
        var scene = await BuildAsync(app, plants);

        var anonymous = Users.Client(app);
        var outsider = await Users.SignInAsync(app, scene.Outsider);
        var former = await Users.SignInAsync(app, scene.Former);
        var future = await Users.SignInAsync(app, scene.Future);
        var member = await Users.SignInAsync(app, scene.Member);
        var office = await Users.SignInAsync(app, scene.Office);

        // Outsiders: every GET route of the app with every id in play, their own feeds included.
        foreach (var (who, client, feed) in new[] { ("anonym", anonymous, null), ("Mitglied eines anderen Gremiums", outsider, await FeedPathAsync(outsider)) })
        {
            var answers = await CrawlAsync(app, client, feed);
            var found = (from a in answers from p in plants.All where a.Text.Contains(p.Text, StringComparison.Ordinal) select $"{p.Place} in {a.Url}").ToList();
            Assert.True(found.Count == 0, $"{who} sees non-public content:\n{string.Join('\n', found)}");

            // Only the public edition of the minutes is a document for them, and only it may sit in shared caches.
            var downloads = answers.Where(a => a.Status == HttpStatusCode.OK && a.Url.Contains("/dokumente/", StringComparison.Ordinal)).Select(a => a.Url).Order().ToList();
            Assert.Equal(scene.PublicMinutes.Select(d => $"/sitzungen/{scene.Public}/dokumente/{d}").Order(), downloads);
            // The city's design files (stylesheet, logo, fonts from configuration) hold no content and are meant for every cache.
            var shared = answers.Where(a => a.CacheControl.Contains("public", StringComparison.Ordinal) && !downloads.Contains(a.Url) && !a.Url.StartsWith("/branding/", StringComparison.Ordinal)).Select(a => a.Url).ToList();
            Assert.True(shared.Count == 0, $"{who}: shared caches may keep {string.Join(", ", shared)}");
            output.WriteLine($"{who}: {answers.Count} answers searched");
        }

        // The public-ticked document under the non-public item: 404 for outsiders, private for the member.
        var ticked = await DocumentIdAsync(app, plants["Dokument"]);
        var url = $"/sitzungen/{scene.Public}/dokumente/{ticked}";
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        var own = await member.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.True(own.Headers.CacheControl is { NoStore: true, Public: false }, $"{own.Headers.CacheControl}");

        // The body's member and the Office do see all of it, so the search above looks in the right places.
        foreach (var (who, client) in new[] { ("Mitglied", member), ("Geschäftsstelle", office) })
        {
            var text = await TextsAsync(client, [
                $"/sitzungen/{scene.Public}", $"/sitzungen/{scene.Secret}", $"/sitzungen/{scene.Early}", $"/sitzungen/{scene.Later}", "/sitzungen", "/empfehlungen?alle=true",
                .. scene.Downloads]);
            var missing = plants.All.Where(p => !text.Contains(p.Text, StringComparison.Ordinal)).Select(p => p.Place).ToList();
            Assert.True(missing.Count == 0, $"{who} misses {string.Join(", ", missing)}");
        }

        // A member's own feed has the non-public meetings of their body, the minutes draft of the secret meeting shows to them.
        var memberFeed = await TextsAsync(anonymous, (await FeedPathAsync(member))!);
        Assert.Contains(plants["Sitzung"], memberFeed, StringComparison.Ordinal);
        Assert.Contains(plants["Frueher"], memberFeed, StringComparison.Ordinal);
        Assert.Contains(plants["Notiz2"], await TextsAsync(member, $"/sitzungen/{scene.Secret}"), StringComparison.Ordinal);

        // Membership counts on the meeting's day: the former member sees what happened while they belonged, not after;
        // the future member sees nothing yet. Pages and feeds agree.
        var formerFeed = await TextsAsync(anonymous, (await FeedPathAsync(former))!);
        Assert.Contains(plants["Frueher"], formerFeed, StringComparison.Ordinal);
        Assert.DoesNotContain(plants["Sitzung"], formerFeed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await former.GetAsync($"/sitzungen/{scene.Early}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await former.GetAsync($"/sitzungen/{scene.Secret}")).StatusCode);
        Assert.DoesNotContain(plants["Item"], await TextsAsync(former, $"/sitzungen/{scene.Public}"), StringComparison.Ordinal);
        var futureFeed = await TextsAsync(anonymous, (await FeedPathAsync(future))!);
        Assert.DoesNotContain(plants["Sitzung"], futureFeed, StringComparison.Ordinal);
        Assert.DoesNotContain(plants["Frueher"], futureFeed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await future.GetAsync($"/sitzungen/{scene.Secret}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await future.GetAsync($"/sitzungen/{scene.Early}")).StatusCode);

        // The Office removes the non-public item: its file stays with the meeting for members, still not public.
        int item;
        await using (var scope = app.Scope())
        {
            item = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().MeetingDocuments.SingleAsync(d => d.Id == ticked)).AgendaItemId!.Value;
        }

        var agenda = $"/verwaltung/sitzungen/{scene.Public}/tagesordnung";
        var removed = await office.PostFormAsync($"{agenda}?handler=DeleteItem", new() { ["itemId"] = item.ToString(CultureInfo.InvariantCulture) }, agenda);
        Assert.Equal(agenda, removed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        Assert.DoesNotContain(plants["Dokument"], await TextsAsync(anonymous, $"/sitzungen/{scene.Public}", "/oparl/v1/body/1/file"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(url)).StatusCode);
    }

    [Theory, Engines]
    public async Task The_personal_feed_ends_with_the_account_and_with_signing_out_everywhere(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var body = await MeetingChainTests.CreateBodyAsync(app);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Meetings.Add(new Meeting
            {
                OrganizationId = body.OrganizationId, Title = "Geschlossene Runde", Start = new DateTimeOffset(2026, 12, 9, 16, 0, 0, TimeSpan.Zero),
                End = new DateTimeOffset(2026, 12, 9, 18, 0, 0, TimeSpan.Zero), IsPublic = false, CalendarUid = $"{Guid.NewGuid():N}@test",
            });
            await db.SaveChangesAsync();
        }

        var account = await Users.CreateAsync(app, "bernd@stadtdo.de", body.BerndPerson);
        var member = await Users.SignInAsync(app, account);
        var anonymous = Users.Client(app);
        var first = (await FeedPathAsync(member))!;
        var answer = await anonymous.GetAsync(first);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True(answer.Headers.CacheControl is { Private: true, NoStore: true }, $"{answer.Headers.CacheControl}");
        Assert.Contains("Geschlossene Runde", await answer.Content.ReadAsStringAsync());

        // Signing out everywhere renews the security stamp: the address is dead, and the page says why.
        await ChangeAccountAsync(app, account, (users, user) => users.UpdateSecurityStampAsync(user));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first)).StatusCode);
        member = await Users.SignInAsync(app, account);
        Assert.Contains("Ihre bisherige Adresse gilt nicht mehr", (await member.GetPageAsync("/sitzungen/kalender")).Body!.Text());

        // A new address works until the account is disabled.
        var second = (await FeedPathAsync(member))!;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second)).StatusCode);
        await ChangeAccountAsync(app, account, (users, user) =>
        {
            user.IsDisabled = true;
            return users.UpdateAsync(user);
        });
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first)).StatusCode);
    }

    private static async Task ChangeAccountAsync(AppFactory app, Users.TestUser account, Func<UserManager<AppUser>, AppUser, Task<IdentityResult>> change)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True((await change(users, (await users.FindByIdAsync(account.Id))!)).Succeeded);
    }

    /// <summary>
    /// Two bodies; in the first a public meeting with a non-public item (and a public-ticked upload under it),
    /// an item made non-public after its document, recommendation and vote were public, approved minutes with notes
    /// on both, a meeting made non-public after its public upload, an earlier non-public meeting, and a later public
    /// meeting whose approval item names the non-public one.
    /// </summary>
    private static async Task<Scene> BuildAsync(AppFactory app, Plants plants)
    {
        var body = await MeetingChainTests.CreateBodyAsync(app, "AG Vertraulich");
        var other = await MeetingChainTests.CreateBodyAsync(app, "AG Andere");
        var officeUser = await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office);
        var office = await Users.SignInAsync(app, officeUser);
        string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

        async Task<int> ScheduleAsync(string title, string date, bool isPublic)
        {
            var fields = new Dictionary<string, string>
            {
                ["OrganizationId"] = Text(body.OrganizationId), ["Title"] = title, ["Date"] = date, ["StartTime"] = "17:00", ["EndTime"] = "19:00",
                ["Room"] = "Ratssaal", ["IsPublic"] = isPublic ? "true" : "false", ["SendUpdate"] = "false",
            };
            var created = await office.PostFormAsync("/verwaltung/sitzungen/bearbeiten", fields);
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            return MeetingChainTests.IdFrom(created);
        }

        async Task<int> ItemAsync(int meeting, string number, string title, bool isPublic, int? itemId = null, string? text = null)
        {
            var agenda = $"/verwaltung/sitzungen/{meeting}/tagesordnung";
            var fields = new Dictionary<string, string> { ["Number"] = number, ["ItemTitle"] = title, ["ItemIsPublic"] = isPublic ? "true" : "false" };
            if (itemId is { } id)
            {
                fields["ItemId"] = Text(id);
            }

            if (text is not null)
            {
                fields["ItemText"] = text;
            }

            Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{agenda}?handler=Item", fields, agenda)).StatusCode);
            return int.Parse(await MeetingChainTests.ItemIdAsync(app, meeting, number), CultureInfo.InvariantCulture);
        }

        async Task UploadAsync(int meeting, int? item, string title, string fileName, bool isPublic, string content)
        {
            var agenda = $"/verwaltung/sitzungen/{meeting}/tagesordnung";
            var fields = new Dictionary<string, string> { ["documentTitle"] = title, ["documentIsPublic"] = isPublic ? "true" : "false" };
            if (item is { } id)
            {
                fields["documentItemId"] = Text(id);
            }

            var uploaded = await office.PostFileAsync($"{agenda}?handler=Upload", agenda, fields, "file", fileName, Encoding.ASCII.GetBytes($"%PDF-1.4\n% {content}\n%%EOF"));
            Assert.True(uploaded.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(uploaded));
        }

        // The public meeting: item 1 public, item 2 non-public with a public-ticked document (the reported leak),
        // item 3 public at first with a public document, recommendation and vote, then made non-public.
        var publicMeeting = await ScheduleAsync("Öffentliche Sitzung", "2026-12-01", isPublic: true);
        var item1 = await ItemAsync(publicMeeting, "1", "Eröffnung", isPublic: true);
        var item2 = await ItemAsync(publicMeeting, "2", plants["Item"], isPublic: false, text: plants["ItemText"]);
        await UploadAsync(publicMeeting, item2, plants["Dokument"], $"{plants["Datei"]}.pdf", isPublic: true, plants["Inhalt"]);
        await UploadAsync(publicMeeting, item1, plants["Intern"], "intern.pdf", isPublic: false, plants["InternInhalt"]);
        var item3 = await ItemAsync(publicMeeting, "3", "Videoüberwachung", isPublic: true);
        await UploadAsync(publicMeeting, item3, plants["Spaeter"], "spaeter.pdf", isPublic: true, plants["SpaeterInhalt"]);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Votes.Add(new Vote { AgendaItemId = item3, Subject = plants["Abstimmung"], Yes = 2, Adopted = true, QuorumReached = true, Resolution = plants["Beschluss"], RecordedAt = app.Clock.GetUtcNow() });
            db.Recommendations.Add(new Recommendation
            {
                MeetingId = publicMeeting, AgendaItemId = item3, Title = plants["Empfehlung"], Text = plants["EmpfehlungText"], IsPublic = true,
                AddresseeKind = AddresseeKind.Council, AdoptedOn = new DateOnly(2026, 12, 1),
            });
            await db.SaveChangesAsync();
        }

        await ItemAsync(publicMeeting, "3", plants["Item3"], isPublic: false, itemId: item3);

        // The meeting made non-public after a public upload; its minutes draft is circulated.
        var secret = await ScheduleAsync(plants["Sitzung"], "2026-12-09", isPublic: true);
        var secretItem = await ItemAsync(secret, "1", plants["Punkt"], isPublic: true);
        await UploadAsync(secret, secretItem, plants["Anlage"], "anlage.pdf", isPublic: true, plants["AnlageInhalt"]);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"/verwaltung/sitzungen/bearbeiten/{secret}", new()
        {
            ["OrganizationId"] = Text(body.OrganizationId), ["Title"] = plants["Sitzung"], ["Date"] = "2026-12-09", ["StartTime"] = "17:00", ["EndTime"] = "19:00",
            ["Room"] = "Ratssaal", ["SendUpdate"] = "false",
        })).StatusCode);
        var secretMinutes = $"/verwaltung/sitzungen/{secret}/niederschrift";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{secretMinutes}?handler=Save", new() { [$"notes[{secretItem}]"] = plants["Notiz2"] }, secretMinutes)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{secretMinutes}?handler=Circulate", new() { ["deadline"] = "2026-12-20" }, secretMinutes)).StatusCode);

        // An earlier non-public meeting, while the former member still belonged.
        var early = await ScheduleAsync(plants["Frueher"], "2026-03-10", isPublic: false);

        // A later public meeting approves the public meeting's minutes; another item names the secret meeting's minutes.
        var later = await ScheduleAsync("Spätere Sitzung", "2026-12-15", isPublic: true);
        var approval = await ItemAsync(later, "1", "Genehmigung der Niederschrift", isPublic: true);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Meetings.Where(m => m.Id == later || m.Id == secret || m.Id == early).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, MeetingState.Held));
        }

        var laterAgenda = $"/verwaltung/sitzungen/{later}/tagesordnung";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{laterAgenda}?handler=Link", new()
        {
            ["itemId"] = Text(approval), ["kind"] = nameof(AgendaLinkKind.MinutesApproval), ["targetId"] = Text(secret),
        }, laterAgenda)).StatusCode);

        var minutes = $"/verwaltung/sitzungen/{publicMeeting}/niederschrift";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{minutes}?handler=Save", new()
        {
            ["introduction"] = "Die Vorsitzende eröffnet die Sitzung.", [$"notes[{item1}]"] = "Öffentliche Notiz.",
            [$"notes[{item2}]"] = plants["Notiz"], [$"notes[{item3}]"] = plants["Notiz3"],
        }, minutes)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{minutes}?handler=Circulate", new() { ["deadline"] = "2026-12-10" }, minutes)).StatusCode);
        var approved = await office.PostFormAsync($"{minutes}?handler=Approve", new() { ["approvalItemId"] = Text(approval) }, minutes);
        Assert.True(approved.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(approved));

        int full;
        List<int> publicMinutes;
        List<string> downloads;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            full = (await db.Minutes.SingleAsync(m => m.MeetingId == publicMeeting)).PdfDocumentId!.Value;
            publicMinutes = await db.MeetingDocuments.Where(d => d.MeetingId == publicMeeting && d.Kind == MeetingDocumentKind.Minutes && d.IsPublic).Select(d => d.Id).ToListAsync();
            Assert.Equal(2, publicMinutes.Count);
            downloads = (await db.MeetingDocuments.Select(d => new { d.MeetingId, d.Id }).ToListAsync()).Select(d => $"/sitzungen/{d.MeetingId}/dokumente/{d.Id}").ToList();
        }

        // People: the body's member, a member of the other body, a former and a future member of the body.
        var former = await PersonInAsync(app, body.OrganizationId, "Frieda", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30));
        var future = await PersonInAsync(app, body.OrganizationId, "Gustav", new DateOnly(2027, 1, 1), null);
        int otherPerson;
        await using (var scope = app.Scope())
        {
            otherPerson = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Memberships.Where(m => m.Id == other.Bernd).Select(m => m.PersonId).SingleAsync();
        }

        return new Scene(publicMeeting, secret, early, later, full, publicMinutes, downloads,
            await Users.CreateAsync(app, "bernd@stadtdo.de", body.BerndPerson), officeUser,
            await Users.CreateAsync(app, "fremd@stadtdo.de", otherPerson),
            await Users.CreateAsync(app, "frieda@stadtdo.de", former),
            await Users.CreateAsync(app, "gustav@stadtdo.de", future));
    }

    private static async Task<int> PersonInAsync(AppFactory app, int organization, string name, DateOnly start, DateOnly? end)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var membership = new Membership
        {
            Person = new Person { GivenName = name, FamilyName = "Test" }, OrganizationId = organization, VotingRight = VotingRight.Voting, StartDate = start, EndDate = end,
        };
        db.Memberships.Add(membership);
        await db.SaveChangesAsync();
        return membership.PersonId;
    }

    private static async Task<int> DocumentIdAsync(AppFactory app, string title)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().MeetingDocuments.Where(d => d.Title == title).Select(d => d.Id).SingleAsync();
    }

    /// <summary>Makes the signed-in client's personal feed address and returns its path.</summary>
    private static async Task<string?> FeedPathAsync(HttpClient client)
    {
        var created = await client.PostFormAsync("/sitzungen/kalender", []);
        var address = (await Html.ParseAsync(created)).QuerySelector("code")?.TextContent;
        return address is null ? null : new Uri(address).PathAndQuery;
    }

    private sealed record Answer(string Url, HttpStatusCode Status, string Text, string CacheControl);

    /// <summary>
    /// Every GET route of the running app with every id of the scene put in (every meeting with every document), plus the
    /// query variants the pages link to; each answer as the text a reader would get (PDFs read back, DOCX unpacked).
    /// </summary>
    private static async Task<List<Answer>> CrawlAsync(AppFactory app, HttpClient client, string? feed)
    {
        List<int> ids, organizations, meetings, documents;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            meetings = await db.Meetings.Select(m => m.Id).ToListAsync();
            documents = await db.MeetingDocuments.Select(d => d.Id).ToListAsync();
            documents.Add(documents.Max() + 1);
            organizations = await db.Organizations.Where(o => db.Set<Meeting>().Any(m => m.OrganizationId == o.Id) || o.Name == "AG Andere").Select(o => o.Id).ToListAsync();
            ids = meetings.Concat(organizations)
                .Concat(await db.Recommendations.Select(r => r.Id).ToListAsync())
                .Append(1).Distinct().Order().ToList();
        }

        var intParameter = new System.Text.RegularExpressions.Regex(@"\{(\w+):int\??\}");
        var patterns = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => e.RoutePattern.RawText!.TrimStart('/')).Distinct().Order(StringComparer.Ordinal).ToList();
        var urls = new List<string> { "/empfehlungen?alle=true" };
        foreach (var pattern in patterns.Where(p => !p.StartsWith("sprache/", StringComparison.Ordinal)))
        {
            var path = "/" + pattern.Replace("{documentName}", "v1", StringComparison.Ordinal).Replace("{documentName?}", "", StringComparison.Ordinal)
                .Replace("{code:int?}", "404", StringComparison.Ordinal).Replace("{token}.ics", (feed ?? "/unbekannt.ics").Split('/').Last(), StringComparison.Ordinal);
            var candidates = path.Contains("{meetingId:int}", StringComparison.Ordinal)
                ? (from m in meetings from d in documents select path.Replace("{meetingId:int}", $"{m}", StringComparison.Ordinal).Replace("{id:int}", $"{d}", StringComparison.Ordinal))
                : intParameter.IsMatch(path)
                    ? (path.Contains("gremien", StringComparison.Ordinal) || path.Contains("organizations", StringComparison.Ordinal) ? organizations : ids)
                        .Select(id => intParameter.Replace(path, $"{id}"))
                    : [path];
            urls.AddRange(candidates.Where(u => !u.Contains('{', StringComparison.Ordinal)));
        }

        var answers = new List<Answer>();
        foreach (var url in urls.Distinct(StringComparer.Ordinal))
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode != HttpStatusCode.InternalServerError, $"GET {url} answered 500");
            answers.Add(new Answer(url, response.StatusCode, await ReadableAsync(response), response.Headers.CacheControl?.ToString() ?? ""));
        }

        return answers;
    }

    private static async Task<string> TextsAsync(HttpClient client, params string[] urls)
    {
        var text = new StringBuilder();
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
            text.AppendLine(await ReadableAsync(response));
        }

        return text.ToString();
    }

    /// <summary>What a reader gets from an answer: headers, and the body as text.</summary>
    private static async Task<string> ReadableAsync(HttpResponseMessage response)
    {
        var headers = string.Join('\n', response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        string body;
        if (type == "application/pdf" && bytes.AsSpan().StartsWith("%PDF-"u8) && bytes.Length > 200)
        {
            using var pdf = PdfDocument.Open(bytes);
            body = string.Join(' ', pdf.GetPages().Select(p => p.Text)) + Encoding.Latin1.GetString(bytes);
        }
        else if (type == UploadedFile.Docx.MediaType)
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            var parts = new StringBuilder();
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                parts.AppendLine(await reader.ReadToEndAsync());
            }

            body = parts.ToString();
        }
        else
        {
            body = Encoding.UTF8.GetString(bytes);
        }

        // iCalendar folds long lines (RFC 5545 §3.1); unfold so that a planted title is found whole.
        return headers + "\n" + body.Replace("\r\n ", "", StringComparison.Ordinal);
    }
}
